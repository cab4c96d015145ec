/** Any input object -> the normalized Story every rule sees. Never throws. */
import type { Story, StoryInput, StoryLink, Truncation } from './story';
import { normalizeAcceptanceCriteria, normalizeDescription } from './text';

/** Jira caps a summary at 255 characters; we keep more but bound the work done on it. */
const MAX_SUMMARY = 10_000;
/** A parent's summary or type is read to this length (Jira caps a summary at 255). */
const MAX_PARENT_SUMMARY = 255;

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function points(value: unknown): number | null | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Math.max(0, Number(value));
  return null;
}

function links(value: unknown): StoryLink[] {
  if (!Array.isArray(value)) return [];
  const out: StoryLink[] = [];
  for (const l of value) {
    if (!l || typeof l !== 'object') continue;
    const { type, direction, key } = l as Record<string, unknown>;
    if (typeof key !== 'string' || !key) continue;
    out.push({ type: str(type), direction: direction === 'inward' ? 'inward' : 'outward', key });
  }
  return out;
}

export function toStory(input: unknown, index: number): Story {
  const raw = (input && typeof input === 'object' ? input : { summary: str(input) }) as Partial<StoryInput> & Record<string, unknown>;
  const fullSummary = str(raw.summary);
  const summary = (fullSummary.length > MAX_SUMMARY ? fullSummary.slice(0, MAX_SUMMARY) : fullSummary).replace(/\r\n?/g, '\n');
  const desc = normalizeDescription(raw.description, raw.descriptionFormat);
  const ac = raw.acceptanceCriteria === undefined || raw.acceptanceCriteria === null ? null : normalizeAcceptanceCriteria(raw.acceptanceCriteria);

  const acText = ac?.text ?? '';
  const acceptanceCriteria = [...(ac?.acceptanceCriteria ?? []), ...desc.acceptanceCriteria];
  const hasIssueData =
    raw.description !== undefined || raw.storyPoints !== undefined || raw.acceptanceCriteria !== undefined || raw.issueType !== undefined;
  const story: Story = {
    key: str(raw.key) || String(index + 1),
    summary,
    description: desc.text,
    sections: desc.sections,
    acceptanceCriteria,
    acceptanceCriteriaText: acText,
    storyPoints: points(raw.storyPoints),
    issueType: str(raw.issueType) || undefined,
    labels: Array.isArray(raw.labels) ? raw.labels.map(str).filter(Boolean) : [],
    links: links(raw.links),
    parent: str(raw.parent) || undefined,
    source: raw.source === 'line' || raw.source === 'issue' ? raw.source : hasIssueData ? 'issue' : 'line',
  };
  if (story.parent) {
    const parentSummary = str(raw.parentSummary).trim().slice(0, MAX_PARENT_SUMMARY);
    const parentType = str(raw.parentType).trim().slice(0, MAX_PARENT_SUMMARY);
    if (parentSummary) story.parentSummary = parentSummary;
    if (parentType) story.parentType = parentType;
  }
  if (fullSummary.length > MAX_SUMMARY || desc.truncated || ac?.truncated) {
    const truncated: Truncation[] = [];
    if (fullSummary.length > MAX_SUMMARY) truncated.push({ field: 'summary', part: 'field', analyzed: summary.length, total: fullSummary.length });
    if (desc.truncated) truncated.push({ field: 'description', part: 'field', ...desc.truncated });
    if (ac?.truncated) truncated.push({ field: 'acceptanceCriteria', part: 'field', ...ac.truncated });
    story.truncated = truncated;
  }
  return story;
}
