/**
 * The score on the collapsed issue view: Jira calls the `dynamicProperties` function of the
 * `jira:issueContext` module when the panel is collapsed, and shows the lozenge it returns
 * ("72 · needs work"). It reads the stored `storyHealth` property (written by checks on save and
 * scans) as the viewing user: one property read, no analysis, so a collapsed panel costs almost
 * nothing of the app's rate-limit quota.
 *
 * Payload and return shape as Forge's "Jira issue context" reference documents them ("Dynamic
 * properties"); it does not say whether the function runs with the user (docs/jira-native.md, (b)).
 */
import { issueContextPayloadSchema, type IssueContextProperties, type LozengeAppearance } from '../contract/issue-context';
import { grade, type Grade } from '../core/grade';
import { HEALTH_PROPERTY, type StoredHealth } from './health-property';
import type { Deps } from './ports';

export const GRADE_WORDS: Record<Grade, string> = { pass: 'healthy', warn: 'needs work', fail: 'poor' };
const GRADE_APPEARANCE: Record<Grade, LozengeAppearance> = { pass: 'success', warn: 'moved', fail: 'removed' };

function lozenge(label: string, type: LozengeAppearance): IssueContextProperties {
  return { status: { type: 'lozenge', value: { label, type } } };
}

/** The lozenge for a stored property (or its absence). */
export function statusOf(stored: unknown): IssueContextProperties {
  const p = stored as Partial<StoredHealth> | null | undefined;
  if (!p || typeof p !== 'object') return lozenge('not checked yet', 'default');
  if ('engineError' in p && typeof p.engineError === 'string') return lozenge('not scored', 'default');
  const score = (p as { score?: unknown }).score;
  if (typeof score !== 'number' || !Number.isFinite(score)) return lozenge('not checked yet', 'default');
  const rounded = Math.max(0, Math.min(100, Math.round(score)));
  const g = grade(rounded);
  return lozenge(`${rounded} · ${GRADE_WORDS[g]}`, GRADE_APPEARANCE[g]);
}

/**
 * The `dynamicProperties` handler. Never throws: Jira keeps the module's static properties when
 * the function fails, so a failure answers a neutral lozenge that says so instead.
 */
export async function issueContextStatus(payload: unknown, deps: Deps): Promise<IssueContextProperties> {
  const parsed = issueContextPayloadSchema.safeParse(payload);
  if (!parsed.success) return lozenge('score unavailable', 'default');
  try {
    return statusOf(await deps.asUser().getIssueProperty(parsed.data.extension.issue.key, HEALTH_PROPERTY));
  } catch {
    // Not visible to this user, gone, or Jira busy: the expanded panel says which.
    return lozenge('score unavailable', 'default');
  }
}
