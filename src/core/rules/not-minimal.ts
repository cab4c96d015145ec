import type { Range } from '../story';
import type { Report, Rule } from './types';

const BRACKETS = /\([^()\n]{0,400}\)|\[[^[\]\n]{0,400}\]|\{[^{}\n]{0,400}\}/g;
/** "collection(s)", "(re-)use": a word-form marker inside a word, not a note. */
const WORD_FORM = /^\([a-z]{1,3}-?\)$/i;
/** A second sentence after a full stop that starts in lower case: "… of the article. not to another teaser …". */
const LOWER_CASE_SENTENCE = /[a-z0-9)]\.\s+([a-z][a-z'’]*(?:\s+[a-z'’]+){1,})/g;
/** A spaced dash and words after it: "… on my own - though there will be a few rules …". */
const DASH_ASIDE = /\s[-–—]\s+(?!(?:so|in order|because|and|or)\b)([A-Za-z][\w'’]*(?:\s+[\w'’]+){1,})/g;
/** A capitalized subject and its verb inside the sentence: "… all attendee information Trainers can see …". */
const CAPITAL_SUBJECT = /\b([a-z0-9,]+)\s+([A-Z][a-z]+)\s+(?:can|could|should|must|will|may|need|needs)\s/g;
const INLINE_EXAMPLE = /(?:^|[\s,;:])(e\.\s?g\.|i\.\s?e\.|for example|for instance)[,:]?\s/gi;
/** Starts only where a word starts (the lookbehind): tried from inside a long word it backtracked quadratically. */
const RUN_ON = /(?<![a-z0-9,])([a-z0-9,]+)\s+(The|This|These|Those|It|There|They|We|Please|Note|Each|All|Also)\s+[a-z]/g;
/** Words after which a capital is just odd casing, not a new sentence ("so that It is …"). */
const CLAUSE_OPENERS = new Set(['that', 'so', 'because', 'when', 'if', 'and', 'or', 'but', 'then', 'where', 'while', 'as', 'how', 'what', 'why', 'who', 'which', 'whether', 'until', 'once', 'unless']);
const ABBREVIATION_BEFORE = /\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|ca|no|fig)\.\s*$/i;
const REPEATED = /\b(so\s+that|in\s+order\s+to|i\s+want\s+to|as\s+an?)\b[\s,]+\1\b/gi;

export const notMinimal: Rule = {
  meta: {
    id: 'not-minimal',
    criterion: 'template',
    scoreAs: 'template',
    description: 'The story sentence holds only role, goal and benefit: no brackets, notes, examples, asides or extra sentences.',
    rationale: 'Notes, examples and specifications inside the story sentence hide the story. Keep one sentence; put details in the description or the acceptance criteria. Flags brackets (not word-form markers such as "collection(s)" or "(re-)use"), text after the sentence, a repeated indicator ("so that so that", a second "so that" clause), a list after a colon, a second sentence run into the first (a capital subject with its verb, or a lower-case sentence after a full stop), a dash aside ("- though …") and an inline example ("e.g. …", "for example …").',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['brackets', 'trailing', 'repeated', 'list', 'runOn', 'aside', 'example'],
    weight: 0.5,
    examples: {
      valid: [
        { summary: 'As a diner, I want to see the price range of a restaurant, so that I can choose one I can afford.' },
        { summary: 'As a diner, I want to filter the menu(s) of a restaurant, so that I can choose a dish.' },
      ],
      invalid: [
        { summary: 'As a diner, I want to see the price range (in €, £ or $), so that I can choose one I can afford.' },
        { summary: 'As a diner, I want to see prices, so that I can choose. Prices come from the partner API.' },
        { summary: 'As a diner, I want to see prices, so that so that I can choose.' },
        { summary: 'As a diner, I want to see prices, so that so I can choose.' },
        { summary: 'As a diner, I want a page for each restaurant The following must be shown: logo, title, prices.' },
        { summary: 'As a diner, I want to see prices, e.g. for the set menu, so that I can choose.' },
        { summary: 'As a diner, I want to book a table on my own - though the restaurant may refuse large groups.' },
      ],
    },
  },
  check(_story, { template, facts }) {
    const sentence = template.sentence;
    if (!sentence || template.form === 'none') return [];
    const out: Report[] = [];
    const field = template.field;
    const [s0, s1] = sentence.range;
    const text = facts.fieldText.slice(s0, s1);
    BRACKETS.lastIndex = 0;
    const inBrackets: Range[] = [];
    for (let m = BRACKETS.exec(text); m; m = BRACKETS.exec(text)) {
      const range: Range = [s0 + m.index, s0 + m.index + m[0].length];
      inBrackets.push(range);
      const attached = /\w/.test(text[m.index - 1] ?? '') || /\w/.test(text[m.index + m[0].length] ?? '');
      if (attached && WORD_FORM.test(m[0])) continue;
      out.push({ messageId: 'brackets', data: { text: m[0] }, field, range });
    }
    const indicator = template.benefitIndicator;
    if (indicator && /^so\s+that\s+(?:so|that)\b/i.test(indicator.text)) {
      out.push({ messageId: 'repeated', data: { text: indicator.text }, field, range: indicator.range });
    }
    // "…, so that I can import them, so that I can start …": a second benefit chained on.
    const benefit = template.benefit;
    const again = benefit ? /,\s*(so\s+that)\s/i.exec(benefit.text) : null;
    if (benefit && again) {
      const at = benefit.range[0] + again.index + again[0].indexOf(again[1]!);
      out.push({ messageId: 'repeated', data: { text: again[1]! }, field, range: [at, at + again[1]!.length] });
    }
    // A second sentence run into the first without a full stop: "… offering The following …".
    RUN_ON.lastIndex = 0;
    let runOn = RUN_ON.exec(text);
    while (runOn && CLAUSE_OPENERS.has(runOn[1]!.replace(/,$/, ''))) {
      // Go on from the word after the capital (the match took its first letter).
      RUN_ON.lastIndex = runOn.index + runOn[0].length - 1;
      runOn = RUN_ON.exec(text);
    }
    if (runOn) {
      const at = s0 + runOn.index + runOn[1]!.length + runOn[0].slice(runOn[1]!.length).indexOf(runOn[2]!);
      out.push({ messageId: 'runOn', data: { text: facts.fieldText.slice(at, Math.min(s1, at + 40)) }, field, range: [at, s1] });
    }
    if (!runOn) {
      CAPITAL_SUBJECT.lastIndex = 0;
      let cap = CAPITAL_SUBJECT.exec(text);
      while (cap && CLAUSE_OPENERS.has(cap[1]!.replace(/,$/, ''))) cap = CAPITAL_SUBJECT.exec(text);
      if (cap) {
        const at = s0 + cap.index + cap[0].indexOf(cap[2]!, cap[1]!.length);
        out.push({ messageId: 'runOn', data: { text: facts.fieldText.slice(at, Math.min(s1, at + 40)) }, field, range: [at, s1] });
      }
    }
    LOWER_CASE_SENTENCE.lastIndex = 0;
    for (let m = LOWER_CASE_SENTENCE.exec(text); m; m = LOWER_CASE_SENTENCE.exec(text)) {
      if (ABBREVIATION_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index + 2))) continue;
      const at = s0 + m.index + m[0].indexOf(m[1]!);
      out.push({ messageId: 'runOn', data: { text: facts.fieldText.slice(at, Math.min(s1, at + 40)) }, field, range: [at, s1] });
      break;
    }
    DASH_ASIDE.lastIndex = 0;
    const afterGoalIndicator = (template.goalIndicator?.range[1] ?? s0) - s0;
    for (let m = DASH_ASIDE.exec(text); m; m = DASH_ASIDE.exec(text)) {
      if (m.index < afterGoalIndicator) continue;
      const at = s0 + m.index + m[0].indexOf(m[1]!);
      const end = s0 + m.index + m[0].length;
      out.push({ messageId: 'aside', data: { text: facts.fieldText.slice(at, end).slice(0, 80) }, field, range: [at, end] });
      break;
    }
    INLINE_EXAMPLE.lastIndex = 0;
    for (let m = INLINE_EXAMPLE.exec(text); m; m = INLINE_EXAMPLE.exec(text)) {
      const at = s0 + m.index + m[0].indexOf(m[1]!);
      if (inBrackets.some(([a, b]) => at >= a && at < b)) continue;
      const rest = text.slice(at - s0);
      const stop = rest.search(/,\s*(?:so\s+that|so|in\s+order|because)\b/i);
      const end = at + (stop > m[1]!.length ? stop : rest.length);
      out.push({ messageId: 'example', data: { text: facts.fieldText.slice(at, end).trim().slice(0, 80) }, field, range: [at, end] });
      break;
    }
    REPEATED.lastIndex = 0;
    for (let m = REPEATED.exec(text); m; m = REPEATED.exec(text)) {
      out.push({ messageId: 'repeated', data: { text: m[1] ?? '' }, field, range: [s0 + m.index, s0 + m.index + m[0].length] });
    }
    if (template.trailing && field === 'summary') {
      out.push({ messageId: 'trailing', data: { text: template.trailing.text.slice(0, 80) }, field, range: template.trailing.range });
    } else if (template.trailing && field === 'description' && template.trailing.text.length < 200) {
      out.push({ messageId: 'trailing', data: { text: template.trailing.text.slice(0, 80) }, field, range: template.trailing.range });
    }
    // "… the following information must be shown: logo, title, …" inside the sentence.
    const colon = /:\s*\S[^:\n]*,[^:\n]*,/.exec(template.goal?.text ?? '');
    if (colon && template.goal) {
      const start = template.goal.range[0] + colon.index;
      out.push({ messageId: 'list', data: { text: template.goal.text.slice(Math.max(0, colon.index - 30), colon.index + 1).trim() }, field, range: [start, template.goal.range[1]] });
    }
    return oncePerPlace(out);
  },
};

/** One problem, one finding: of findings with the same message id whose ranges overlap, the first is kept. */
function oncePerPlace<T extends { messageId: string; range?: readonly [number, number] }>(found: T[]): T[] {
  return found.filter((f, i) => !found.slice(0, i).some((g) => g.messageId === f.messageId && g.range && f.range && g.range[0] < f.range[1] && f.range[0] < g.range[1]));
}
