/**
 * Rewrites for technical stories: a story in the beneficiary's voice, a task under the user story
 * it serves, or an explicit enabler. Never invents facts: unknowns become visible placeholders.
 */
import type { BacklogContext } from '../backlog/context';
import type { Facts } from '../facts';
import type { Lexicons } from '../lexicons';
import type { Rewrite, Story, TemplateParse } from '../story';
import type { TechnicalAssessment } from '../work-kind';
import { capitalize, PLACEHOLDER, pastParticiple, story as sentence, trimTrailing, wantPhrase } from './grammar';

/** Head nouns that name a part of the system after an implementation act ("the upload service"). */
const SYSTEM_PARTS = new Set(['service', 'services', 'module', 'modules', 'component', 'components', 'layer', 'class', 'engine', 'subsystem', 'backend', 'server', 'api']);

/** How much domain overlap makes another story "the one this work serves". */
const RELATED_MIN = 0.5;

/** "develop a mechanism to store and retrieve images" -> {verbs: [store, retrieve], object: "images"}. */
export function capability(facts: Facts, lex: Lexicons): { verbs: string[]; object: string } | null {
  const t = facts.goalTokens;
  const words = t.words;
  // Skip the implementation act and its artefact: "develop a mechanism to", "implement an API for".
  let i = 0;
  const acts = lex.technicalVerbs.find(t, 0, Math.min(words.length, 3));
  if (acts[0]?.first === 0) i = acts[0].last + 1;
  const arte = lex.technicalArtefacts.find(t, i, Math.min(words.length, i + 4))[0];
  if (arte) i = arte.last + 1;
  else if (i > 0) {
    // "refactor the review service": the act's object names a part of the system, not a capability.
    const end = Math.min(words.length, i + 4);
    for (let k = i; k < end; k++) {
      if (SYSTEM_PARTS.has(words[k]!)) {
        i = k + 1;
        break;
      }
    }
  }
  // Only "build <artefact> to <capability>" names a capability; "add X to the database" does not.
  if (i === 0) return null;
  while (i < words.length && ['a', 'an', 'the', 'to', 'for', 'that', 'which', 'can', 'will', 'of'].includes(words[i]!)) i++;
  const verbs: string[] = [];
  while (i < words.length && lex.verbs.has(words[i]!)) {
    verbs.push(words[i]!);
    i++;
    if (words[i] === 'and' || words[i] === 'or' || words[i] === '&') i++;
    else if (words[i]?.includes('/')) break;
  }
  if (!verbs.length || i >= words.length) return null;
  const object = facts.fieldText.slice(t.starts[i]!, t.ends[words.length - 1]!);
  return { verbs, object };
}

/** After the benefit's subject: a modal that works with "I" ("are able to" becomes "am able to"). */
const MODAL = /^\s*(can|could|will|would|may|might|should|must|are able to|get to)\s+(\S+)/i;

/** The benefit in the beneficiary's voice: "users can view them" -> "I can view them"; otherwise as written. */
function benefitInVoice(template: TemplateParse, facts: Facts, technical: TechnicalAssessment): string | null {
  const benefit = template.benefit;
  if (!benefit || technical.signals.some((s) => s.kind === 'benefit-about-code')) return null;
  const subject = facts.benefitSubject;
  if (!subject || !technical.beneficiary) return null;
  const rest = benefit.text.slice(subject.length);
  const m = MODAL.exec(rest);
  if (!m) return benefit.text; // "users are happy": keep it as written rather than conjugate it wrongly
  const modal = m[1]!.toLowerCase() === 'are able to' ? 'am able to' : m[1]!.toLowerCase();
  return `I ${modal} ${rest.slice(m.index + m[0].length - m[2]!.length)}`;
}

/** What the beneficiary can do, from the benefit: "users can add/view images" -> "to add/view images". */
function goalFromBenefit(template: TemplateParse, facts: Facts, lex: Lexicons): string | null {
  const benefit = template.benefit;
  const subject = facts.benefitSubject;
  if (!benefit || !subject) return null;
  const rest = benefit.text.slice(subject.length);
  const m = MODAL.exec(rest);
  if (!m || !lex.verbs.has(m[2]!.toLowerCase().split('/')[0]!)) return null;
  return wantPhrase(rest.slice(m.index + m[0].length - m[2]!.length).trim());
}

function imperative(story: Story, template: TemplateParse): string {
  const goal = template.goal?.text ?? story.summary;
  return capitalize(trimTrailing(goal.replace(/^to\s+/i, ''), '.!?', true));
}

export function suggestRewrites(
  story: Story,
  template: TemplateParse,
  facts: Facts,
  technical: TechnicalAssessment,
  lex: Lexicons,
  backlog: BacklogContext | null,
): Rewrite[] {
  if (!technical.technical) return [];
  const out: Rewrite[] = [];
  const work = imperative(story, template);
  const related = backlog?.related(story.key, facts.domainWords).find((r) => r.key !== story.key && r.score >= RELATED_MIN) ?? null;
  const persona = technical.beneficiary ?? related?.persona ?? null;

  // 1. The story in the voice of the person who benefits, when we can name that person.
  if (persona) {
    const cap = capability(facts, lex);
    const placeholders: string[] = [];
    const role = persona;
    let goal: string;
    const fromBenefit = technical.beneficiary ? goalFromBenefit(template, facts, lex) : null;
    if (cap) goal = `${cap.object} to be ${cap.verbs.map(pastParticiple).join(' and ')}`;
    else if (fromBenefit) goal = fromBenefit;
    else {
      goal = PLACEHOLDER.goal;
      placeholders.push(PLACEHOLDER.goal);
    }
    let benefit = benefitInVoice(template, facts, technical);
    if (!benefit) {
      benefit = PLACEHOLDER.benefit;
      placeholders.push(PLACEHOLDER.benefit);
    }
    const who = technical.beneficiary
      ? `The benefit names ${technical.beneficiary}s: the story is theirs.`
      : `${related!.key} serves ${persona}s and shares this story's domain words.`;
    out.push({
      kind: 'user-story',
      summary: sentence(role, goal, benefit),
      rationale: `${who} The implementation ("${work}") becomes the team's task, not the story.`,
      placeholders,
    });
  }

  // 2. A task under the user story this work serves.
  if (related) {
    out.push({
      kind: 'task',
      summary: work,
      parentKey: related.key,
      rationale: `${related.key} ("${related.summary}") is the user story this work serves (shared words: ${sharedWords(facts.domainWords, related.summary)}). Make this a task of it.`,
      placeholders: [],
    });
  } else {
    // 3. An explicit enabler when there is no user story to hang it on.
    const why = template.benefit?.text ?? PLACEHOLDER.benefit;
    const placeholders = [PLACEHOLDER.stories, ...(template.benefit ? [] : [PLACEHOLDER.benefit])];
    out.push({
      kind: 'enabler',
      summary: `Enabler: ${work}`,
      description: `Why: ${why}\nEnables: ${PLACEHOLDER.stories}`,
      rationale: technical.enablerTopic
        ? `"${technical.enablerTopic}" has no user face: keep it as an explicit enabler and link the stories it enables.`
        : 'No user story in this set is served by this work: keep it as an explicit enabler, or write the user story first.',
      placeholders,
    });
  }
  return out;
}

function sharedWords(domainWords: readonly string[], summary: string): string {
  const lower = summary.toLowerCase();
  const shared = domainWords.filter((w) => lower.includes(w)).slice(0, 4);
  return shared.length ? shared.join(', ') : 'domain terms';
}
