/** panel/analyze and panel/draft: the issue as the user may see it, scored with the project's settings. */
import { analyzeStory } from '../core/analyze';
import { analyzeAmongNeighbours } from '../core/analyze-in-project';
import { normalizeDescription } from '../core/text';
import type { Settings } from '../core/config';
import type { StoryInput } from '../core/story';
import { ok, fail, type Envelope } from '../contract/envelope';
import { analyzeRequest, draftRequest, type DraftResult, type PanelAnalysis } from '../contract/panel';
import type { CallContext, Deps } from './ports';
import { readRequested } from './issue-reader';
import { issueToStory, jqlString } from '../jira';
import type { JiraClient } from '../jira/types';
import { loadSettings } from './settings-store';
import { splitActionId, taskActionId } from './action-record';
import { panelActions } from './created-issues';
import { changedFields, readUndo, writtenFields } from './undo-snapshot';
import { recentWrites } from './recent-writes';
import { loadProjectContext } from './context-store';
import { parsePayload } from './validate';

export function isCheckedType(issueType: string | undefined, settings: Settings): boolean {
  const t = (issueType ?? '').toLowerCase();
  return settings.issueTypes.some((x) => x.toLowerCase() === t);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** How many of the project's stories the panel compares the issue with (backlog findings, the story it serves). */
export const NEIGHBOURS = 100;

/**
 * The project's most recently updated stories of the checked types, as the user may see them.
 * Stories the app analyzed a moment ago are reconciled: search may not list them yet.
 */
async function backlogNeighbours(jira: JiraClient, projectKey: string, key: string, settings: Settings, reconcile: number[]): Promise<StoryInput[]> {
  const page = await jira.searchJql({
    jql: `project = ${jqlString(projectKey)} AND issuetype in (${settings.issueTypes.map(jqlString).join(', ')}) AND key != ${key} ORDER BY updated DESC`,
    // The parent field carries each epic's key, summary and type: the epics a story's goal may span.
    fields: ['summary', 'description', 'issuetype', 'issuelinks', 'parent'],
    maxResults: NEIGHBOURS,
    ...(reconcile.length ? { reconcileIssues: reconcile } : {}),
  });
  return page.issues.map((i) => ({ ...issueToStory(i, {}), key: i.key, source: 'line' as const }));
}

export async function panelAnalyze(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<PanelAnalysis>> {
  const req = parsePayload(analyzeRequest, payload);
  if (!('value' in req)) return req;
  const { jira, issue, story, projectKey } = await readRequested(deps, req.value.issueKey);
  const [settings, context] = await Promise.all([loadSettings(deps.store, projectKey), loadProjectContext(deps.store, projectKey)]);
  const [snapshot, permissions, actions] = await Promise.all([
    readUndo(deps.store, issue.key),
    jira.myPermissions({ issueKey: issue.key, permissions: ['EDIT_ISSUES'] }),
    panelActions(issue.key, ctx, deps, jira),
  ]);
  const neighbours = await backlogNeighbours(jira, projectKey, issue.key, settings, await recentWrites(deps.store, projectKey, deps.now()));
  // Scored with the project context, as the save trigger and the scan score it; compared with the
  // project's recent stories for backlog findings (duplicates, uniformity) and the user story a
  // technical story serves ("make it a task of KEY"), which never change the score.
  const report = analyzeAmongNeighbours({ ...story, key: issue.key }, neighbours, settings, context);
  if (report.failed) return engineError(issue.key, report.failed.message);
  const parent = issue.fields.parent as { key?: string } | undefined;
  return ok({
    issue: {
      key: issue.key,
      summary: str(issue.fields.summary),
      description: normalizeDescription(issue.fields.description).text,
      issueType: story.issueType ?? '',
      projectKey,
      updated: str(issue.fields.updated),
      parentKey: parent?.key ?? null,
    },
    isStory: isCheckedType(story.issueType, settings),
    report,
    undo: snapshot
      ? { fields: writtenFields(snapshot), changed: changedFields(snapshot, issue.fields), appliedAt: snapshot.appliedAt, appliedByYou: snapshot.appliedBy !== null && snapshot.appliedBy === ctx.accountId }
      : null,
    canEdit: permissions.EDIT_ISSUES === true,
    actions,
    actionIds: {
      rewrites: report.rewrites.map((r) => (r.kind === 'task' && r.parentKey ? taskActionId(r.parentKey, r.summary) : null)),
      splits: report.splits.map((s) => splitActionId(s.stories)),
    },
    aiAssist: settings.aiAssist,
  });
}

/** Scores a draft rewrite as the user types. Reads nothing from Jira, only the project's settings and context. */
export async function panelDraft(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<DraftResult>> {
  const req = parsePayload(draftRequest, payload);
  if (!('value' in req)) return req;
  const projectKey = ctx.projectKey ?? req.value.issueKey.split('-')[0]!;
  if (!/^[A-Z][A-Z0-9_]+$/.test(projectKey)) return fail('invalid-payload', 'Unknown project.', 'issueKey');
  const [settings, context] = await Promise.all([loadSettings(deps.store, projectKey), loadProjectContext(deps.store, projectKey)]);
  const input: StoryInput = { key: req.value.issueKey, summary: req.value.summary, source: 'issue', storyPoints: undefined };
  if (req.value.description !== undefined) input.description = req.value.description;
  const report = analyzeStory(input, settings, context);
  return report.failed ? engineError(req.value.issueKey, report.failed.message, 'this draft') : ok(report);
}

/** The panel's error state for a story the engine could not analyze: it names the story and the error. */
function engineError(key: string, message: string, what = key): Envelope<never> {
  return fail('engine-error', `Story Health could not analyze ${what === key ? key : `${what} of ${key}`} (${message}). Nothing else is affected; please report this with the story's text.`);
}
