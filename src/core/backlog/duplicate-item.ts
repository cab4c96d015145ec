/**
 * What duplicate detection compares for a story (one mapping for analyze() and for scans): its goal,
 * without role and benefit — the same goal under another role, or with another reason, is one feature
 * to merge — with "not" in front when the goal is negated ("I don't want …"); with its benefit when the
 * goal alone is too short to tell ("publish a dataset, so that a few colleagues see it" / "…, so that
 * everyone sees it"); its summary when it has no story sentence. Identical summaries stay duplicates
 * whatever the descriptions say.
 */
import type { Story, TemplateParse } from '../story';
import type { DuplicateItem } from './duplicates';
import { contentWord, normalizeForMatch } from './shingles';

const NEGATED_INDICATOR = /\b(?:not|never|(?:do|does|would|could|should|ca|wo)n['’]?t)\b/i;
/** A goal this short ("publish a dataset") says too little alone: its benefit is compared too. */
const MIN_GOAL_WORDS = 3;

export function duplicateItem(story: Pick<Story, 'key' | 'summary'>, template: TemplateParse): DuplicateItem {
  const goal = template.goal?.text;
  if (!goal) return { key: story.key, text: story.summary };
  const negated = NEGATED_INDICATOR.test(template.goalIndicator?.text ?? '');
  const words = normalizeForMatch(goal).split(' ').filter((w) => contentWord(w) !== null).length;
  const text = words < MIN_GOAL_WORDS && template.benefit ? `${goal} ${template.benefit.text}` : goal;
  return { key: story.key, text: negated ? `not ${text}` : text, exactKey: story.summary, containable: words >= MIN_GOAL_WORDS };
}
