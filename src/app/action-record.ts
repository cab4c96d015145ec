/**
 * Actions that create issues happen once. Each action on an issue ("make it a task of KEY",
 * "create these stories", "mark as split") has a stable id derived from what it creates, and a
 * record in app storage, `action:<issue>:<id>`, that says which parts exist in Jira.
 *
 * Who may work on an action is decided by an attempt claim, `claim:<issue>:<id>:<n>`, set with
 * `Store.create` (set-if-absent, atomic): of two concurrent clicks, tabs or retries exactly one wins
 * attempt n and works; the other is told the action is under way. The holder writes the record
 * before every create ("attempted" on the part), and after it (the new key), so a retry after a
 * partial failure creates only what is missing. A later attempt may start once the record is no
 * longer running, or its holder is surely dead: a resolver stops at 25 s, so an attempt whose
 * heartbeat is older than STALE_AFTER_MS is over.
 */
import { contentHash } from './content-hash';
import type { Store } from './ports';

export type ActionKind = 'make-task' | 'create-split' | 'mark-split';

export interface ActionPart {
  /** What the part is (the new issue's summary). */
  summary: string;
  /** Set once Jira created it. */
  key?: string;
  /** Set just before the create request: a part with this and no key may exist (a create that timed out). */
  attemptedAt?: string;
  /** Its follow-up (the link to the original) is made too. */
  finished?: boolean;
}

export interface ActionRecord {
  version: 1;
  kind: ActionKind;
  issueKey: string;
  id: string;
  /** A task's parent story. */
  parentKey: string | null;
  parts: ActionPart[];
  status: 'running' | 'partial' | 'done';
  /** The attempt that holds (or last held) the work. */
  attempt: number;
  heartbeatAt: string;
  startedBy: string | null;
  startedAt: string;
  finishedAt?: string;
  /** Why the last attempt stopped short. */
  error?: string;
}

/** Longer than any resolver can run (25 s): an attempt this quiet has stopped. */
export const STALE_AFTER_MS = 60_000;

export const actionPrefix = (issueKey: string) => `action:${issueKey}:`;
export const actionKey = (issueKey: string, id: string) => `${actionPrefix(issueKey)}${id}`;
export const claimKey = (issueKey: string, id: string, attempt: number) => `claim:${issueKey}:${id}:${attempt}`;

/** The id of "make it a task of parentKey" with this summary. */
export const taskActionId = (parentKey: string, summary: string) => `task-${contentHash(parentKey, summary.trim())}`;

/** The id of a split: its stories exactly (summary and description), in order. */
export function splitActionId(stories: readonly { summary: string; description?: string | undefined }[]): string {
  return `split-${contentHash(stories.map((s) => ({ summary: s.summary.trim(), description: s.description || null })))}`;
}

export const MARK_SPLIT_ID = 'mark-split';

export function isActionRecord(value: unknown, issueKey: string): value is ActionRecord {
  const v = value as Partial<ActionRecord> | null | undefined;
  return Boolean(v && v.version === 1 && v.issueKey === issueKey && typeof v.id === 'string' && Array.isArray(v.parts) && typeof v.attempt === 'number');
}

export async function readAction(store: Store, issueKey: string, id: string): Promise<ActionRecord | null> {
  const value = await store.get<unknown>(actionKey(issueKey, id));
  return isActionRecord(value, issueKey) ? value : null;
}

/** Every action record of an issue. */
export async function listActions(store: Store, issueKey: string): Promise<ActionRecord[]> {
  const records: ActionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list<unknown>(actionPrefix(issueKey), { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) if (isActionRecord(item.value, issueKey)) records.push(item.value);
    cursor = page.cursor;
  } while (cursor);
  return records;
}

export function isStale(record: ActionRecord, now: Date): boolean {
  return record.status === 'running' && now.getTime() - Date.parse(record.heartbeatAt) > STALE_AFTER_MS;
}

export const createdKeys = (record: ActionRecord): string[] => record.parts.flatMap((p) => (p.key ? [p.key] : []));

/** The holder of one attempt: saves the record with a heartbeat, and checks it still holds the work. */
export class ActionRun {
  constructor(
    private readonly store: Store,
    readonly record: ActionRecord,
    private readonly now: () => Date,
  ) {}

  async save(): Promise<void> {
    this.record.heartbeatAt = this.now().toISOString();
    await this.store.set(actionKey(this.record.issueKey, this.record.id), this.record);
  }

  /** False when a later attempt took over (this one ran past STALE_AFTER_MS): stop before creating anything. */
  async stillHolds(): Promise<boolean> {
    const current = await readAction(this.store, this.record.issueKey, this.record.id);
    return current?.attempt === this.record.attempt;
  }

  async finish(status: 'partial' | 'done', error?: string): Promise<void> {
    this.record.status = status;
    this.record.finishedAt = this.now().toISOString();
    if (error) this.record.error = error;
    else delete this.record.error;
    // Claims are kept: a request that read the record before this attempt began must find its claim taken.
    await this.save();
  }
}

export type Begin = { state: 'done'; record: ActionRecord } | { state: 'busy'; record: ActionRecord | null } | { state: 'go'; run: ActionRun };

export interface BeginOptions {
  store: Store;
  now: () => Date;
  /** The record to start from when there is none: kind, issue, id, parent, parts, who. */
  fresh: Pick<ActionRecord, 'kind' | 'issueKey' | 'id' | 'parentKey' | 'parts' | 'startedBy'>;
  /** A done action whose created issues were all deleted is offered again: true starts it afresh. */
  undone?: (record: ActionRecord) => Promise<boolean>;
}

/** Claims the next attempt of an action, or says it is done or under way. */
export async function beginAction({ store, now, fresh, undone }: BeginOptions): Promise<Begin> {
  const existing = await readAction(store, fresh.issueKey, fresh.id);
  let restart = false;
  if (existing?.status === 'done') {
    if (!undone || !(await undone(existing))) return { state: 'done', record: existing };
    restart = true;
  }
  if (existing?.status === 'running' && !isStale(existing, now())) return { state: 'busy', record: existing };
  const attempt = (existing?.attempt ?? 0) + 1;
  const at = now().toISOString();
  if (!(await store.create(claimKey(fresh.issueKey, fresh.id, attempt), { at }))) {
    // Someone else holds this attempt, or held it and is done by now.
    const now2 = await readAction(store, fresh.issueKey, fresh.id);
    return now2?.status === 'done' ? { state: 'done', record: now2 } : { state: 'busy', record: now2 };
  }
  const base = existing && !restart ? existing : { version: 1 as const, ...fresh, parts: fresh.parts.map((p) => ({ summary: p.summary })), startedAt: at };
  const record: ActionRecord = { ...base, status: 'running', attempt, heartbeatAt: at };
  if (restart) record.startedBy = fresh.startedBy;
  const run = new ActionRun(store, record, now);
  await run.save();
  return { state: 'go', run };
}
