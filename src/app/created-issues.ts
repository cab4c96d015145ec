/**
 * What the panel shows instead of offering an action again: each action record of the issue, with
 * the issues it created read live as the user (status), told apart when hidden from them or deleted.
 * A task whose subtask was deleted, or a split whose stories all were, is left out: it is offered again.
 */
import type { CreatedIssue, PanelAction } from '../contract/panel';
import { isJiraError } from '../jira/errors';
import type { JiraClient } from '../jira/types';
import { createdKeys, isStale, listActions, type ActionRecord } from './action-record';
import type { CallContext, Deps } from './ports';

/** True when Jira no longer has the issue (asked as the app, which sees every issue). */
export async function isGone(app: JiraClient, key: string): Promise<boolean> {
  try {
    await app.getIssue(key, { fields: ['summary'] });
    return false;
  } catch (error) {
    if (isJiraError(error, 'not-found')) return true;
    throw error;
  }
}

const CATEGORIES = new Set(['new', 'indeterminate', 'done']);

async function readCreated(jira: JiraClient, app: JiraClient, key: string, summary: string): Promise<CreatedIssue> {
  try {
    const issue = await jira.getIssue(key, { fields: ['summary', 'status'] });
    const status = issue.fields.status as { name?: string; statusCategory?: { key?: string } } | undefined;
    const category = status?.statusCategory?.key;
    return {
      key,
      summary: typeof issue.fields.summary === 'string' ? issue.fields.summary : summary,
      status: status?.name ?? null,
      statusCategory: category && CATEGORIES.has(category) ? (category as CreatedIssue['statusCategory']) : null,
      state: 'visible',
    };
  } catch (error) {
    if (!isJiraError(error, 'not-found')) return { key, summary, status: null, statusCategory: null, state: 'unknown' };
    const gone = await isGone(app, key).catch(() => null);
    // Hidden from this user: the key only, not even the summary it was created with.
    if (gone === false) return { key, summary: '', status: null, statusCategory: null, state: 'hidden' };
    return { key, summary, status: null, statusCategory: null, state: gone ? 'deleted' : 'unknown' };
  }
}

function view(record: ActionRecord, created: CreatedIssue[], ctx: CallContext, now: Date): PanelAction {
  const status = record.status === 'running' && isStale(record, now) ? 'partial' : record.status;
  return {
    id: record.id,
    kind: record.kind,
    status,
    parentKey: record.parentKey,
    created,
    missing: record.parts.filter((p) => !p.key).map((p) => p.summary),
    at: record.finishedAt ?? record.startedAt,
    byYou: record.startedBy !== null && record.startedBy === ctx.accountId,
  };
}

/** The issue's actions as the panel shows them, newest first. */
export async function panelActions(issueKey: string, ctx: CallContext, deps: Deps, jira: JiraClient): Promise<PanelAction[]> {
  const records = await listActions(deps.store, issueKey);
  const app = deps.asApp();
  const views = await Promise.all(
    records.map(async (record): Promise<PanelAction | null> => {
      if (record.kind === 'mark-split') return record.status === 'done' ? view(record, [], ctx, deps.now()) : null;
      const summaries = new Map(record.parts.flatMap((p) => (p.key ? [[p.key, p.summary] as const] : [])));
      const created = await Promise.all(createdKeys(record).map((key) => readCreated(jira, app, key, summaries.get(key) ?? '')));
      // Nothing created yet, or everything created since deleted: offered again.
      if (!created.length || created.every((c) => c.state === 'deleted')) return null;
      return view(record, created, ctx, deps.now());
    }),
  );
  return views.filter((v): v is PanelAction => v !== null).sort((a, b) => b.at.localeCompare(a.at));
}
