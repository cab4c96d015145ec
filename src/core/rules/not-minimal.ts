import type { Range } from '../story';
import type { Report, Rule } from './types';

const BRACKETS = /\([^()\n]{0,400}\)|\[[^[\]\n]{0,400}\]|\{[^{}\n]{0,400}\}/g;
/** Starts only where a word starts (the lookbehind): tried from inside a long word it backtracked quadratically. */
const RUN_ON = /(?<![a-z0-9,])([a-z0-9,]+)\s+(The|This|These|Those|It|There|They|We|Please|Note|Each|All|Also)\s+[a-z]/g;
/** Words after which a capital is just odd casing, not a new sentence ("so that It is …"). */
const CLAUSE_OPENERS = new Set(['that', 'so', 'because', 'when', 'if', 'and', 'or', 'but', 'then', 'where', 'while', 'as']);
const REPEATED = /\b(so\s+that|in\s+order\s+to|i\s+want\s+to|as\s+an?)\b[\s,]+\1\b/gi;

export const notMinimal: Rule = {
  meta: {
    id: 'not-minimal',
    criterion: 'template',
    scoreAs: 'template',
    description: 'The story sentence holds only role, goal and benefit: no brackets, notes or extra sentences.',
    rationale: 'Notes, examples and specifications inside the story sentence hide the story. Keep one sentence; put details in the description or the acceptance criteria.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['brackets', 'trailing', 'repeated', 'list', 'runOn'],
    weight: 0.5,
    examples: {
      valid: [
        { summary: 'As a diner, I want to see the price range of a restaurant, so that I can choose one I can afford.' },
        { summary: 'As a diner, I want to see prices, e.g. for the set menu, so that I can choose.' },
      ],
      invalid: [
        { summary: 'As a diner, I want to see the price range (in €, £ or $), so that I can choose one I can afford.' },
        { summary: 'As a diner, I want to see prices, so that I can choose. Prices come from the partner API.' },
        { summary: 'As a diner, I want to see prices, so that so that I can choose.' },
        { summary: 'As a diner, I want to see prices, so that so I can choose.' },
        { summary: 'As a diner, I want a page for each restaurant The following must be shown: logo, title, prices.' },
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
    for (let m = BRACKETS.exec(text); m; m = BRACKETS.exec(text)) {
      const range: Range = [s0 + m.index, s0 + m.index + m[0].length];
      out.push({ messageId: 'brackets', data: { text: m[0] }, field, range });
    }
    const indicator = template.benefitIndicator;
    if (indicator && /^so\s+that\s+(?:so|that)\b/i.test(indicator.text)) {
      out.push({ messageId: 'repeated', data: { text: indicator.text }, field, range: indicator.range });
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
    return out;
  },
};
