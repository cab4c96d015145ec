/**
 * Story points and acceptance criteria live in site-specific custom fields: find their ids from
 * `GET /rest/api/3/field`. A site often has more than one story points field (team-managed
 * projects use "Story point estimate", company-managed ones "Story Points"): the best guess comes
 * first, the others are kept so each project can be given its own (project-fields.ts).
 */
import type { JiraClient, JiraField } from './types';

export interface StoryFieldIds {
  storyPoints?: string;
  acceptanceCriteria?: string;
  /** The site's other story points fields, best first (only when it has more than one). */
  otherStoryPoints?: string[];
  /**
   * The company-managed "Epic Link" field: the parent when `parent` is empty. Only exports name it
   * (Jira Cloud reports the epic as `parent` now), so field discovery never picks it.
   */
  epicLink?: string;
}

const STORY_POINT_NAMES = new Set(['story point estimate', 'story points']);
const ACCEPTANCE_CRITERIA_NAMES = new Set(['acceptance criteria', 'acceptance criterion']);

function normalName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * How sure we are that a field holds story points: Jira Software's own field type
 * (`…:jsw-story-points`, "Story point estimate" on team-managed projects) first, then a number
 * field with the usual name ("Story Points", `…customfieldtypes:float`), then the name alone.
 */
function storyPointRank(field: JiraField): number {
  if (!field.custom) return 0;
  const type = field.schema?.custom ?? '';
  const named = STORY_POINT_NAMES.has(normalName(field.name));
  if (field.schema?.type !== undefined && field.schema.type !== 'number') return 0;
  if (type.endsWith(':jsw-story-points')) return 3;
  if (named && type.endsWith(':float')) return 2;
  return named ? 1 : 0;
}

/** Ids of the fields `rank` accepts, best first; ties keep the order Jira listed them in. */
function ranked(fields: JiraField[], rank: (field: JiraField) => number): string[] {
  return fields
    .map((field, i) => ({ id: field.id, r: rank(field), i }))
    .filter((f) => f.r > 0)
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .map((f) => f.id);
}

/** Picks the fields from a `GET /rest/api/3/field` answer. */
export function pickStoryFields(fields: JiraField[]): StoryFieldIds {
  const result: StoryFieldIds = {};
  const [storyPoints, ...others] = ranked(fields, storyPointRank);
  const [acceptanceCriteria] = ranked(fields, (f) => (f.custom && ACCEPTANCE_CRITERIA_NAMES.has(normalName(f.name)) ? 1 : 0));
  if (storyPoints) result.storyPoints = storyPoints;
  if (others.length) result.otherStoryPoints = others;
  if (acceptanceCriteria) result.acceptanceCriteria = acceptanceCriteria;
  return result;
}

export async function discoverFields(client: JiraClient): Promise<StoryFieldIds> {
  return pickStoryFields(await client.getFields());
}
