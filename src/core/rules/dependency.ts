import type { Field } from '../story';
import { linkDependency } from '../backlog/dependencies';
import { tokenize } from '../tokens';
import type { Report, Rule } from './types';

const ISSUE_KEY = /^[a-z][a-z0-9_]+-\d+$/;


export const dependency: Rule = {
  meta: {
    id: 'dependency',
    criterion: 'independent',
    scoreAs: 'independent',
    description: 'The story can be developed without waiting on other work.',
    rationale: 'Blocked stories cannot be planned, built or released in any order. Reorder or merge the dependent work, or slice so each story stands on its own.',
    defaultSeverity: { recommended: 'warn', strict: 'warn' },
    messages: ['link', 'text'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a diner, I want to sort reviews by date, so that I read the recent ones first.' },
        { summary: 'As a diner, I want to sort reviews by date.', links: [{ type: 'Relates', direction: 'outward', key: 'FOOD-3' }] },
      ],
      invalid: [
        { summary: 'As a diner, I want to sort reviews by date, so that I read the recent ones first.', links: [{ type: 'Blocks', direction: 'inward', key: 'FOOD-2' }] },
        { summary: 'As a diner, I want to sort reviews by date (depends on FOOD-12).' },
        { summary: 'As a diner, I want to filter reviews by stars, after the search story is done.' },
      ],
    },
  },
  check(story, { lexicons }) {
    const out: Report[] = [];
    for (const link of story.links) {
      if (linkDependency(link) === 'blocked-by-key') out.push({ messageId: 'link', data: { key: link.key } });
    }
    const fields: [Field, string][] = [
      ['summary', story.summary],
      ['description', story.description],
    ];
    for (const [field, text] of fields) {
      if (!text) continue;
      const tokens = tokenize(text);
      for (const m of lexicons.dependencyPhrases.find(tokens)) {
        // The phrase must name the work it waits on within a few words: an issue key or a work noun.
        const window = Math.min(tokens.words.length, m.last + 7);
        let end = -1;
        for (let i = m.last + 1; i < window && end < 0; i++) {
          if (ISSUE_KEY.test(tokens.words[i]!)) end = tokens.ends[i]!;
        }
        if (end < 0) {
          const work = lexicons.dependencyWork.find(tokens, m.last + 1, window)[0];
          if (work) end = work.end;
        }
        if (end < 0) continue;
        out.push({ messageId: 'text', data: { text: text.slice(m.start, end) }, field, range: [m.start, end] });
      }
    }
    return out;
  },
};
