/**
 * Splits for oversized and non-atomic stories, each named after the splitting pattern used
 * (workflow steps, operations, business-rule variations, data variations, simple/complex,
 * defer performance, spike). Every part is a well-formed, atomic story; unknowns are placeholders.
 */
import type { Facts } from '../facts';
import type { Lexicons } from '../lexicons';
import type { Split, SplitStory, Story, TemplateParse } from '../story';
import { PLACEHOLDER, story as sentence, trimTrailing, wantPhrase } from './grammar';

const MANAGE_OPERATIONS = ['create', 'view', 'edit', 'delete'];
const PERFORMANCE = /\b(?:fast|faster|quick(?:ly)?|instant(?:ly)?|real[- ]time|in (?:real time|seconds|milliseconds)|within \d+\s*(?:ms|milliseconds?|seconds?|s|minutes?)|without delay|immediately)\b/i;
const UNKNOWN = /\b(?:investigate|research|explore|evaluate|figure out|find out|prototype|experiment|proof of concept|poc)\b/i;

interface Parts {
  role: string;
  benefit: string | null;
  placeholders: string[];
}

function parts(template: TemplateParse): Parts {
  const placeholders: string[] = [];
  const role = template.role?.text.replace(/^(?:an?|the)\s+/i, '') ?? PLACEHOLDER.role;
  if (!template.role) placeholders.push(PLACEHOLDER.role);
  const benefit = template.benefit?.text ?? null;
  return { role, benefit, placeholders };
}

function make(p: Parts, goal: string): SplitStory {
  return { summary: sentence(p.role, wantPhrase(goal), p.benefit ?? PLACEHOLDER.benefit) };
}

function withBenefitPlaceholder(p: Parts): string[] {
  return p.benefit ? p.placeholders : [...p.placeholders, PLACEHOLDER.benefit];
}

/** "store and retrieve images" -> ["store images", "retrieve images"]; "define zones, then cut pictures" -> two steps. */
function actionSegments(facts: Facts): string[] {
  const text = facts.fieldText;
  const segs = facts.actions.map((a, i) => {
    const next = facts.actions[i + 1];
    const end = next?.joiner ? next.joiner.range[0] : facts.goalTokens.ends[facts.goalTokens.ends.length - 1]!;
    return trimTrailing(text.slice(a.range[0], end), ',;', true);
  });
  // A bare verb shares the object of the last segment: "create and delete zones".
  const last = segs[segs.length - 1] ?? '';
  const lastVerb = facts.actions[facts.actions.length - 1]?.verb ?? '';
  const sharedObject = last.slice(lastVerb.length).trim();
  return segs.map((s) => (s.split(/\s+/).length === 1 && sharedObject ? `${s} ${sharedObject}` : s));
}

/** "upload photos, videos, menus and documents" -> lead "upload", items [photos, videos, menus, documents]. */
function dataVariants(facts: Facts, goal: string, goalStart: number): { lead: string; items: string[] } | null {
  const first = facts.actions[0];
  if (!first) return null;
  const afterVerb = first.range[1] - goalStart;
  const rest = goal.slice(afterVerb);
  // The list ends where a preposition phrase or clause starts.
  // Separators start where a run of blanks starts (`(?<!\s)`), so a long run is scanned once, not from each blank.
  const listPart = rest.split(/(?<!\s)\s+(?:to|for|in|on|from|with|by|so|that|which|when|where|using|via)\s+/i)[0] ?? '';
  const items = listPart
    .split(/(?<!\s)\s*,\s*(?:and\s+|or\s+)?|(?<!\s)\s+(?:and|or)\s+/i)
    .map((x) => x.trim())
    .filter(Boolean);
  if (items.length < 3 || items.some((x) => x.split(/\s+/).length > 4)) return null;
  return { lead: goal.slice(0, afterVerb).replace(/^to\s+/i, '').trim(), items };
}

export function suggestSplits(story: Story, template: TemplateParse, facts: Facts, lex: Lexicons, ruleIds: ReadonlySet<string>): Split[] {
  if (!ruleIds.has('not-atomic') && !ruleIds.has('oversized')) return [];
  if (!template.goal) return [];
  const p = parts(template);
  const goal = template.goal.text;
  const out: Split[] = [];

  if (facts.actions.length >= 2 && facts.actions[1]?.joiner) {
    const segments = actionSegments(facts);
    out.push({
      pattern: facts.sequential ? 'workflow-steps' : 'operations',
      rationale: facts.sequential
        ? 'The goal is a sequence of steps; each step can be built, shown and accepted on its own.'
        : `The goal joins ${segments.length} operations; each is a capability a user can use by itself.`,
      stories: segments.map((s) => make(p, s)),
      placeholders: withBenefitPlaceholder(p),
    });
  }

  const variants = dataVariants(facts, goal, template.goal.range[0]);
  if (variants && facts.actions.length < 2) {
    out.push({
      pattern: 'data-variations',
      rationale: `The goal covers ${variants.items.length} kinds of data; start with the one users need most and add the others as their own stories.`,
      stories: variants.items.map((item) => make(p, `${variants.lead} ${item}`)),
      placeholders: withBenefitPlaceholder(p),
    });
  }

  const epic = lex.epicVerbs.find(facts.goalTokens, 0, 1)[0];
  if (epic) {
    const object = facts.fieldText.slice(facts.goalTokens.starts[epic.last + 1] ?? template.goal.range[1], template.goal.range[1]).trim();
    if (object) {
      out.push({
        pattern: 'operations',
        rationale: `"${facts.fieldText.slice(epic.start, epic.end)}" usually hides create, view, edit and delete; keep the operations users need and drop the rest.`,
        stories: MANAGE_OPERATIONS.map((op) => make(p, `${op} ${object}`)),
        placeholders: withBenefitPlaceholder(p),
      });
    }
  }

  if (story.acceptanceCriteria.length > 3 && ruleIds.has('oversized')) {
    out.push({
      pattern: 'business-rules',
      rationale: 'Each acceptance criterion is a rule the story must follow; one story per rule lets the simplest ship first.',
      stories: story.acceptanceCriteria.slice(0, 8).map((ac) => make(p, `${goal.replace(/^to\s+/i, '')} when ${trimTrailing(ac, '.;').replace(/^(?:given|when|then)\s+/i, '')}`)),
      placeholders: withBenefitPlaceholder(p),
    });
  }

  const perf = PERFORMANCE.exec(goal);
  if (perf) {
    const plain = (goal.slice(0, perf.index) + goal.slice(perf.index + perf[0].length)).replace(/\s{2,}/g, ' ').replace(/\s([,.])/g, '$1').trim();
    out.push({
      pattern: 'defer-performance',
      rationale: `Make it work first, then make it "${perf[0]}": the second story carries the measurable target.`,
      stories: [make(p, plain), make(p, `${plain.replace(/^to\s+/i, '')} within ${PLACEHOLDER.target}`)],
      placeholders: [...withBenefitPlaceholder(p), PLACEHOLDER.target],
    });
  }

  if (ruleIds.has('oversized') && (UNKNOWN.test(goal) || !out.length)) {
    const g = goal.replace(/^to\s+/i, '');
    if (UNKNOWN.test(goal) || typeof story.storyPoints === 'number') {
      out.push({
        pattern: 'spike',
        rationale: 'A big estimate usually means unknowns: a time-boxed spike answers them, then the story can be split and estimated.',
        stories: [
          { summary: `Spike: find out how to ${g} (time-boxed)` },
          make(p, `${g} for ${PLACEHOLDER.simplest}`),
        ],
        placeholders: [...withBenefitPlaceholder(p), PLACEHOLDER.simplest],
      });
    }
    out.push({
      pattern: 'simple-complex',
      rationale: 'Ship the simplest useful version first, then extend it; both stay valuable on their own.',
      stories: [make(p, `${g} for ${PLACEHOLDER.simplest}`), make(p, `${g} for ${PLACEHOLDER.rest}`)],
      placeholders: [...withBenefitPlaceholder(p), PLACEHOLDER.simplest, PLACEHOLDER.rest],
    });
  }
  return out;
}
