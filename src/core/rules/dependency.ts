import type { Field, Range } from '../story';
import { linkDependency } from '../backlog/dependencies';
import { tokenize, tokenizeAround } from '../tokens';
import type { Report, Rule } from './types';
import { findCondition, findLaterStep, findWaits, type Wait } from './engines/waits';

/** Characters read before a trigger (the word ahead of it) and after it (its clause, a link). */
const TRIGGER_BEFORE = 80;
const TRIGGER_AFTER = 600;

export const dependency: Rule = {
  meta: {
    id: 'dependency',
    criterion: 'independent',
    scoreAs: 'independent',
    description: 'The story can be developed without waiting on other work.',
    rationale:
      'Blocked stories cannot be planned, built or released in any order. Reorder or merge the dependent work, or slice so each story stands on its own. Counted: blocked-by links, and text that makes the story wait on a ticket, a branch, an RFC, a release, another team or a contract ("once SHOP-12 is merged", "blocked by: <link>", "after the payments story is done"). Not counted: runtime events ("once the upload is complete"), past changes that caused a bug ("after the merge of SHOP-3"), and dependencies between pieces of code.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['link', 'text'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a diner, I want to sort reviews by date, so that I read the recent ones first.' },
        { summary: 'As a diner, I want to sort reviews by date.', links: [{ type: 'Relates', direction: 'outward', key: 'FOOD-3' }] },
        { summary: 'As a diner, I want a receipt by email once the payment is complete, so that I can file it.' },
      ],
      invalid: [
        { summary: 'As a diner, I want to sort reviews by date, so that I read the recent ones first.', links: [{ type: 'Blocks', direction: 'inward', key: 'FOOD-2' }] },
        { summary: 'As a diner, I want to sort reviews by date (depends on FOOD-12).' },
        { summary: 'As a diner, I want to filter reviews by stars, once the search story is done.' },
      ],
    },
  },
  check(story, { template, lexicons }) {
    const out: Report[] = [];
    for (const link of story.links) {
      if (linkDependency(link) === 'blocked-by-key') out.push({ messageId: 'link', data: { key: link.key } });
    }
    const fields: [Field, string][] = [
      ['summary', story.summary],
      ['description', story.description],
    ];
    const push = (field: Field, text: string, w: Wait) => out.push({ messageId: 'text', data: { text: text.slice(w.range[0], w.range[1]) }, field, range: w.range });
    for (const [field, text] of fields) {
      if (!text) continue;
      // "… so that I am not waiting on a hung task": the benefit describes the pain, not a wait.
      const skip: Range | null = template.benefit && template.field === field ? template.benefit.range : null;
      if (field === 'description') {
        // A wait looks a clause past its trigger: only the text around triggers is read.
        for (const tokens of tokenizeAround(text, lexicons.dependency.triggers.pattern, TRIGGER_BEFORE, TRIGGER_AFTER)) {
          for (const w of findWaits(text, tokens, lexicons.dependency, skip)) push(field, text, w);
        }
        continue;
      }
      const tokens = tokenize(text);
      const waits = findWaits(text, tokens, lexicons.dependency, skip);
      for (const w of waits) push(field, text, w);
      if (!waits.length) {
        const step = findLaterStep(tokens, lexicons.dependency) ?? findCondition(tokens, lexicons.dependency);
        if (step) push(field, text, step);
      }
    }
    return out;
  },
};
