/**
 * The parents that already hold a backlog's slices (most often epics): each one's key, what it is
 * about and its child stories. A parent is known from the set itself or from what its children's
 * Jira `parent` field carries (key, summary, type), so the panel, which loads stories only, knows
 * the epics without another query. Built once per set, on first use: only suggestions ask.
 */
import { tokenize } from '../tokens';
import type { Lexicons } from '../lexicons';
import type { EpicNode, GraphStory } from './context';
import { topicalConcepts } from './topics';

/** A slice: a story for someone (a user story, or a Story whose role the product serves), not a task or sub-task. */
export function isSliceStory(s: GraphStory): boolean {
  return s.userStory || (s.persona !== null && /^story$/i.test(s.issueType ?? ''));
}

/** Sub-task level: such an issue holds no slices, and a parent of this type is a story, not an epic. */
const SUBTASK = /^sub-?task$/i;

/** Issue types a reader calls a story (a child of another type is a task, a bug …). */
const STORY = /^(?:user )?story$/i;

/** A parent holds the backlog's slices when two or more of its children are stories. */
export const MIN_EPIC_SLICES = 2;

export function epicsOf(nodes: readonly GraphStory[], byKey: (key: string) => GraphStory | undefined, lex: Lexicons): EpicNode[] {
  const children = new Map<string, GraphStory[]>();
  for (const n of nodes) {
    if (!n.parent || n.parent === n.key) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const out: EpicNode[] = [];
  for (const [key, kids] of children) {
    const slices = kids.filter((k) => !SUBTASK.test(k.issueType ?? '') && isSliceStory(k)).map((k) => k.key);
    if (slices.length < MIN_EPIC_SLICES) continue;
    const own = byKey(key);
    const type = own?.issueType ?? kids.find((k) => k.parentType)?.parentType;
    if (type && SUBTASK.test(type)) continue;
    const summary = own?.summary ?? kids.find((k) => k.parentSummary)?.parentSummary;
    if (!summary?.trim()) continue;
    const concepts = own?.userStory ? own.goalConcepts : topicalConcepts(tokenize(summary).words, lex);
    const stories = kids.filter((k) => !k.issueType || STORY.test(k.issueType)).length;
    out.push({ key, summary: summary.trim(), concepts, slices, stories });
  }
  return out;
}
