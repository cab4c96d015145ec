/** A story prepared once for every rule: normalized, its template parsed, its facts derived. */
import { deriveFacts, type Facts } from './facts';
import type { Lexicons } from './lexicons';
import type { Story, TemplateParse } from './story';
import { parseTemplate } from './template';
import { toStory } from './to-story';

/** A story with everything derived from it once. */
export interface Prepared {
  story: Story;
  template: TemplateParse;
  facts: Facts;
}

export function prepare(input: unknown, index: number, lex: Lexicons): Prepared {
  const story = toStory(input, index);
  const template = parseTemplate(story.summary, story.description);
  const fieldText = template.field === 'summary' ? story.summary : story.description;
  return { story, template, facts: deriveFacts(fieldText, template, lex) };
}
