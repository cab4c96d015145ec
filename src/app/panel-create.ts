/**
 * panel/make-task and panel/create-split: issues created as the user, each exactly once
 * (action-record.ts). A second click, another tab or a retry gets what was created the first
 * time; after a partial failure a retry creates only the missing parts, and a part whose create
 * may have happened (the request failed without an answer) is looked up before it is created
 * again. A split stops starting new stories before the resolver's time limit and says how many
 * are left. A story is split once: another split of the same issue is refused while the first
 * one's stories exist.
 */
import { noSubtaskTypeMessage, subtaskTypeOf } from './issue-types';
import { fail, ok, type Envelope } from '../contract/envelope';
import { createSplitRequest, makeTaskRequest, type CreateSplitResult, type MakeTaskResult } from '../contract/panel';
import { jqlString } from '../jira';
import type { JiraClient } from '../jira/types';
import { beginAction, createdKeys, listActions, splitActionId, taskActionId, type ActionPart, type ActionRecord, type ActionRun } from './action-record';
import { textToAdf } from './adf';
import { isGone } from './created-issues';
import { projectOf, readForEdit } from './issue-reader';
import { changedMessage } from './panel-actions';
import type { CallContext, Deps } from './ports';
import { parsePayload } from './validate';

/** A split stops starting new stories after this long, well inside the 25 s resolver limit. */
export const CREATE_BUDGET_MS = 12_000;

const BUSY = 'Story Health is creating these right now (another click, tab or retry). Nothing more was created: reload the panel in a moment to see them.';

interface Target {
  projectKey: string;
  /** For a task: its parent. */
  parentKey?: string;
}

/**
 * A part whose create request went out but whose key was never recorded: the issue this user
 * created in the project since then with exactly that summary (and parent), if there is one.
 */
async function findUnrecorded(jira: JiraClient, part: ActionPart, target: Target, known: ReadonlySet<string>, now: Date): Promise<string | null> {
  const minutes = Math.ceil((now.getTime() - Date.parse(part.attemptedAt!)) / 60_000) + 2;
  const page = await jira.searchJql({
    jql: `project = ${jqlString(target.projectKey)} AND reporter = currentUser() AND created >= -${minutes}m ORDER BY created DESC`,
    fields: ['summary', 'parent'],
    maxResults: 50,
  });
  const hit = page.issues.find(
    (i) => !known.has(i.key) && i.fields.summary === part.summary && (target.parentKey === undefined || (i.fields.parent as { key?: string } | undefined)?.key === target.parentKey),
  );
  return hit?.key ?? null;
}

/**
 * Creates each missing part of `run`'s record, then its follow-up (a link), saving the record
 * around every request. Returns the error that stopped it, if any, and whether time ran out.
 */
async function createParts(
  run: ActionRun,
  deps: Deps,
  jira: JiraClient,
  target: Target,
  create: (part: ActionPart, index: number) => Promise<string>,
  followUp: (key: string) => Promise<void>,
): Promise<{ error?: unknown; outOfTime: boolean; lostHold: boolean }> {
  const started = deps.now().getTime();
  const parts = run.record.parts;
  try {
    for (const [i, part] of parts.entries()) {
      if (part.key && part.finished) continue;
      if (deps.now().getTime() - started > CREATE_BUDGET_MS) return { outOfTime: true, lostHold: false };
      if (!part.key && part.attemptedAt) {
        const found = await findUnrecorded(jira, part, target, new Set(createdKeys(run.record)), deps.now());
        if (found) {
          part.key = found;
          await run.save();
        }
      }
      if (!part.key) {
        if (!(await run.stillHolds())) return { outOfTime: false, lostHold: true };
        part.attemptedAt = deps.now().toISOString();
        await run.save();
        part.key = await create(part, i);
        await run.save();
      }
      await followUp(part.key);
      part.finished = true;
      await run.save();
    }
  } catch (error) {
    return { error, outOfTime: false, lostHold: false };
  }
  return { outOfTime: false, lostHold: false };
}

function errorText(error: unknown): string {
  return error instanceof Error && error.message ? error.message : 'Jira did not answer';
}

/** All of a done action's issues were deleted: the action may run again. */
const allDeleted = (deps: Deps) => async (record: ActionRecord) => {
  const keys = createdKeys(record);
  if (!keys.length) return true;
  for (const key of keys) if (!(await isGone(deps.asApp(), key))) return false;
  return true;
};

/** Jira refuses a create without permission with a 400 in the user's language: ask first, and say it plainly. */
async function mayNotCreate(jira: JiraClient, issueKey: string): Promise<Envelope<never> | null> {
  const p = await jira.myPermissions({ issueKey, permissions: ['CREATE_ISSUES', 'LINK_ISSUES'] });
  if (p.CREATE_ISSUES === true && p.LINK_ISSUES === true) return null;
  return fail('forbidden', `You may not ${p.CREATE_ISSUES === true ? 'link issues' : 'create issues'} in ${issueKey.split('-')[0]}, so nothing was created.`);
}

export async function panelMakeTask(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<MakeTaskResult>> {
  const req = parsePayload(makeTaskRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, parentKey, expectedUpdated } = req.value;
  if (issueKey === parentKey) return fail('invalid-payload', 'An issue cannot be a task of itself.', 'parentKey');
  const jira = deps.asUser();
  const original = await readForEdit(jira, issueKey);
  const summary = req.value.summary ?? String(original.fields.summary ?? '');
  const refused = await mayNotCreate(jira, issueKey);
  if (refused) return refused;
  const begun = await beginAction({
    store: deps.store,
    now: deps.now,
    fresh: { kind: 'make-task', issueKey, id: taskActionId(parentKey, summary), parentKey, parts: [{ summary }], startedBy: ctx.accountId },
    undone: allDeleted(deps),
  });
  if (begun.state === 'done') return ok({ key: createdKeys(begun.record)[0]!, alreadyDone: true });
  if (begun.state === 'busy') return fail('conflict', BUSY);
  const { run } = begun;
  // Checked only when something is to be created: a retry after success is not a conflict.
  if (!run.record.parts[0]!.key && original.fields.updated !== expectedUpdated) {
    await run.finish('partial', 'changed after the panel loaded');
    return fail('conflict', changedMessage(issueKey));
  }
  const parent = await readForEdit(jira, parentKey);
  const target = { projectKey: projectOf(parent), parentKey };
  // Sites name the sub-task type differently ("Subtask", "Sub-task", translated): ask the project.
  const subtask = run.record.parts[0]!.key ? null : await subtaskTypeOf(jira, target.projectKey);
  if (!run.record.parts[0]!.key && !subtask) {
    await run.finish('partial', 'no sub-task type');
    return fail('forbidden', noSubtaskTypeMessage(target.projectKey));
  }
  const outcome = await createParts(
    run,
    deps,
    jira,
    target,
    async () => {
      const fields: Record<string, unknown> = { project: { key: target.projectKey }, issuetype: { id: subtask!.id }, parent: { key: parentKey }, summary };
      if (original.fields.description) fields.description = original.fields.description;
      return (await jira.createIssue({ fields })).key;
    },
    (key) => jira.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key }, outwardIssue: { key: issueKey } }),
  );
  if (outcome.lostHold) return fail('conflict', BUSY);
  const key = run.record.parts[0]!.key;
  if (outcome.error !== undefined) {
    await run.finish('partial', errorText(outcome.error));
    if (!key) throw outcome.error;
    return fail('jira-error', `Created ${key}, a subtask of ${parentKey}, but could not link it to ${issueKey} (${errorText(outcome.error)}). Try again: only the link is missing.`);
  }
  await run.finish('done');
  return ok({ key: key!, alreadyDone: false });
}

export async function panelCreateSplit(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<CreateSplitResult>> {
  const req = parsePayload(createSplitRequest, payload);
  if (!('value' in req)) return req;
  const { issueKey, stories } = req.value;
  const jira = deps.asUser();
  const original = await readForEdit(jira, issueKey);
  const id = splitActionId(stories);
  const refused = await mayNotCreate(jira, issueKey);
  if (refused) return refused;

  // A story is split once: another split whose stories still exist comes first.
  for (const other of await listActions(deps.store, issueKey)) {
    if (other.kind !== 'create-split' || other.id === id || !createdKeys(other).length) continue;
    if (await allDeleted(deps)(other)) continue;
    return fail('conflict', `${issueKey} was already split into ${createdKeys(other).join(', ')}. Nothing was created: a story is split once (delete those stories first to split it another way).`);
  }

  const begun = await beginAction({
    store: deps.store,
    now: deps.now,
    fresh: { kind: 'create-split', issueKey, id, parentKey: null, parts: stories.map((s) => ({ summary: s.summary })), startedBy: ctx.accountId },
    undone: allDeleted(deps),
  });
  const result = (record: ActionRecord, alreadyDone: boolean): CreateSplitResult => ({
    created: record.parts.flatMap((p) => (p.key ? [{ key: p.key, summary: p.summary }] : [])),
    missing: record.parts.filter((p) => !p.finished).length,
    alreadyDone,
  });
  if (begun.state === 'done') return ok(result(begun.record, true));
  if (begun.state === 'busy') return fail('conflict', BUSY);
  const { run } = begun;

  const parent = original.fields.parent as { key?: string } | undefined;
  // The original's own type, by id when Jira gave it (names are translated and renamed).
  const type = original.fields.issuetype as { id?: string; name?: string } | undefined;
  const issueType = type?.id ? { id: type.id } : { name: type?.name ?? 'Story' };
  const target = { projectKey: projectOf(original) };
  const outcome = await createParts(
    run,
    deps,
    jira,
    target,
    async (_part, i) => {
      const story = stories[i]!;
      const fields: Record<string, unknown> = { project: { key: target.projectKey }, issuetype: issueType, summary: story.summary };
      if (story.description) fields.description = textToAdf(story.description);
      if (parent?.key) fields.parent = { key: parent.key };
      return (await jira.createIssue({ fields })).key;
    },
    (key) => jira.createIssueLink({ type: { name: 'Relates' }, inwardIssue: { key }, outwardIssue: { key: issueKey } }),
  );
  if (outcome.lostHold) return fail('conflict', BUSY);
  const done = result(run.record, false);
  if (outcome.error !== undefined) {
    await run.finish('partial', errorText(outcome.error));
    if (!done.created.length) throw outcome.error;
    // Some exist: say exactly which; the record lets a retry create only the rest.
    const keys = done.created.map((c) => c.key).join(', ');
    return fail('jira-error', `Created ${keys}, then Jira refused the next story (${errorText(outcome.error)}). The rest were not created: try again to create only the missing ${done.missing === 1 ? 'one' : done.missing}.`);
  }
  await run.finish(done.missing ? 'partial' : 'done');
  return ok(done);
}
