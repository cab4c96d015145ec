/**
 * The existence engine (Vale's `extends: existence`): a lexicon of named groups, the regions of a
 * story to look in, and per group the exemptions that explain a match away. Every lexicon-driven
 * rule is a configuration of it; the words live in the lexicon files.
 *
 * A group named `exceptions` holds idioms that contain a listed word but mean something precise
 * ("all at once", "at some point"): the longest match wins, so they mask the word and are never
 * reported.
 */
import type { GroupedMatcher, PhraseMatch } from '../../lexicons/matcher';
import type { Lexicons } from '../../lexicons';
import type { Story } from '../../story';
import type { Report, RuleContext } from '../types';
import { regionsOf, type Region, type RegionKind } from './regions';
import type { Env, Exemption, Hit } from './exemptions';

export interface ExistenceConfig {
  messageId: string;
  /** The data key that carries the matched text ("term", "text"). */
  dataKey: string;
  lexicon: (lex: Lexicons) => GroupedMatcher;
  where: readonly RegionKind[];
  /** Exemptions per group; a group not named here is reported as found. */
  exemptions?: Readonly<Record<string, readonly Exemption[]>>;
  /** `all`: every match; `each-term`: a term once; `first`: the first match only. */
  report: 'all' | 'each-term' | 'first';
}

export const EXCEPTIONS_GROUP = 'exceptions';

/** "api_only", "depends_on", "max_fast": words glued into an identifier are code, not prose. */
function inIdentifier(region: Region, match: PhraseMatch): boolean {
  const { text } = region;
  return text[match.start - 1] === '_' || text[match.end] === '_' || text.slice(match.start, match.end).includes('_');
}

/** The hits that stand, in region order, after exemptions. */
export function existenceHits(config: ExistenceConfig, story: Story, ctx: RuleContext): Hit[] {
  const matcher = config.lexicon(ctx.lexicons);
  const env: Env = { story, ctx };
  const out: Hit[] = [];
  for (const region of regionsOf(config.where, story, ctx)) {
    for (const match of matcher.find(region.tokens, region.from, region.to)) {
      const group = matcher.groupOf(match.entry);
      if (group === EXCEPTIONS_GROUP || inIdentifier(region, match)) continue;
      const hit: Hit = { match, group, region };
      if ((config.exemptions?.[group] ?? []).some((exempt) => exempt(hit, env))) continue;
      out.push(hit);
      if (config.report === 'first') return out;
    }
  }
  return out;
}

/** A rule's check made from the engine. */
export function existence(config: ExistenceConfig): (story: Story, ctx: RuleContext) => Report[] {
  return (story, ctx) => {
    const seen = new Set<string>();
    const out: Report[] = [];
    for (const { match, region } of existenceHits(config, story, ctx)) {
      const text = region.text.slice(match.start, match.end);
      if (config.report === 'each-term') {
        const key = text.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push({ messageId: config.messageId, data: { [config.dataKey]: text }, field: region.field, range: [match.start, match.end] });
    }
    return out;
  };
}
