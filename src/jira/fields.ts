/**
 * Story points and acceptance criteria live in site-specific custom fields: find their ids from
 * `GET /rest/api/3/field`.
 */
import type { JiraClient, JiraField } from './types';

export interface StoryFieldIds {
  storyPoints?: string;
  acceptanceCriteria?: string;
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

function best(fields: JiraField[], rank: (field: JiraField) => number): string | undefined {
  let found: JiraField | undefined;
  let top = 0;
  for (const field of fields) {
    const r = rank(field);
    // Ties keep the first one Jira listed.
    if (r > top) {
      top = r;
      found = field;
    }
  }
  return found?.id;
}

/** Picks the fields from a `GET /rest/api/3/field` answer. */
export function pickStoryFields(fields: JiraField[]): StoryFieldIds {
  const result: StoryFieldIds = {};
  const storyPoints = best(fields, storyPointRank);
  const acceptanceCriteria = best(fields, (f) => (f.custom && ACCEPTANCE_CRITERIA_NAMES.has(normalName(f.name)) ? 1 : 0));
  if (storyPoints) result.storyPoints = storyPoints;
  if (acceptanceCriteria) result.acceptanceCriteria = acceptanceCriteria;
  return result;
}

export async function discoverFields(client: JiraClient): Promise<StoryFieldIds> {
  return pickStoryFields(await client.getFields());
}
