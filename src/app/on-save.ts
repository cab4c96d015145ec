/**
 * Checks on save: re-fetch the issue (event payloads lack the description), analyze it with the
 * project's settings and stored project context, and write the `storyHealth` issue property that
 * JQL indexes. Idempotent: the same content, settings, engine version and context answers write
 * nothing, so a repeated event writes once and the app's own writes cannot loop. Optionally keeps a
 * label in step with the score.
 */
import { analyzeInProject } from '../core/analyze-in-project';
import { HEALTH_PROPERTY, isCurrent, propertyHash, toProperty } from './health-property';
import type { Settings } from '../core/config';
import { isJiraError } from '../jira/errors';
import type { Deps } from './ports';
import { loadProjectContext } from './context-store';
import { projectOf, readIssue } from './issue-reader';
import { isCheckedType } from './panel-analyze';
import { loadSettings } from './settings-store';
import { noteWrites } from './recent-writes';

export interface SaveEvent {
  issue?: { id?: string; key?: string };
}

export type SaveOutcome =
  | { status: 'written'; key: string; score: number; labelChange?: 'added' | 'removed' }
  | { status: 'unchanged'; key: string }
  | { status: 'skipped'; key: string; reason: string }
  | { status: 'gone'; key: string }
  /** The engine could not analyze the issue: the property records the error (no score); labels are left as they are. */
  | { status: 'engine-error'; key: string; message: string };

function labelChange(labels: string[], score: number, settings: Settings): { add?: string; remove?: string } {
  const { enabled, name, threshold } = settings.label;
  if (!enabled) return {};
  const has = labels.includes(name);
  if (score < threshold && !has) return { add: name };
  if (score >= threshold && has) return { remove: name };
  return {};
}

export async function onIssueSaved(event: SaveEvent, deps: Deps): Promise<SaveOutcome> {
  const key = event.issue?.key ?? event.issue?.id ?? '';
  if (!key) return { status: 'skipped', key: '', reason: 'event without an issue' };
  const jira = deps.asApp();
  let read;
  try {
    read = await readIssue(deps, jira, key, [HEALTH_PROPERTY]);
  } catch (error) {
    if (isJiraError(error, 'not-found')) return { status: 'gone', key };
    throw error;
  }
  const { issue, story } = read;
  const projectKey = projectOf(issue);
  const settings = await loadSettings(deps.store, projectKey);
  if (!isCheckedType(story.issueType, settings)) return { status: 'skipped', key: issue.key, reason: `issue type ${story.issueType ?? '?'} is not checked` };

  // Scored with the project context the last scan stored, as the scan and the panel score it.
  const context = await loadProjectContext(deps.store, projectKey);
  const { report, reads } = analyzeInProject({ ...story, key: issue.key }, settings, context);
  const hash = propertyHash(story, settings, reads);
  if (isCurrent(issue.properties?.[HEALTH_PROPERTY], hash)) return { status: 'unchanged', key: issue.key };

  // Never throws for the story's content: an engine failure is recorded on this issue, like a score.
  try {
    await jira.setIssueProperty(issue.key, HEALTH_PROPERTY, toProperty(report, hash, deps.now()));
    // Search lags behind this write: the report and the panel reconcile the issues noted here.
    await noteWrites(deps.store, projectKey, [issue.id], deps.now()).catch(() => undefined);
    // No verdict, no label change.
    if (report.failed) return { status: 'engine-error', key: issue.key, message: report.failed.message };
    const change = labelChange(story.labels ?? [], report.score, settings);
    if (change.add) await jira.editIssue(issue.key, { update: { labels: [{ add: change.add }] } });
    if (change.remove) await jira.editIssue(issue.key, { update: { labels: [{ remove: change.remove }] } });
    const out: SaveOutcome = { status: 'written', key: issue.key, score: report.score };
    if (change.add) out.labelChange = 'added';
    if (change.remove) out.labelChange = 'removed';
    return out;
  } catch (error) {
    // Deleted between the read and the write: nothing left to annotate.
    if (isJiraError(error, 'not-found')) return { status: 'gone', key: issue.key };
    throw error;
  }
}
