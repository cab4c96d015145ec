/**
 * The emulator's data: a working copy of the sample project, in memory and on disk. Every change
 * runs through one queue, works on a copy, is validated against the sample schema and written
 * atomically before it becomes visible — a change that fails leaves nothing behind. The shipped
 * sample file is only ever read.
 */
import { promises as fs } from 'node:fs';
import type { SampleIssue, SampleProjectFile } from '../sample/schema';
import { loadProjectFile, ProjectFileError, validateIssue, validateProject } from './load';
import { FIRST_ISSUE_ID, findIssue } from './lookup';
import { sameFile, writeJsonAtomic } from './persist';
import { SerialQueue } from './queue';

export interface StoreOptions {
  /** The shipped sample project (read only). */
  projectFile: string;
  /** Where edits go; created from the sample when missing. */
  workingCopy: string;
  /** Start from the sample even when a working copy exists. */
  fresh?: boolean;
  /** Changes gather this long before one atomic write of the working copy. Default 5 ms. */
  persistDelayMs?: number;
  /**
   * Default true: a change is answered once it is on disk. False lets answers go first and writes
   * follow within persistDelayMs (used by the 20,000-issue scan benchmark; `idle()` still flushes).
   */
  waitForDisk?: boolean;
}

export class EmulatorStore {
  private data: SampleProjectFile;
  private ids = new Map<SampleIssue, string>();
  private readonly queue = new SerialQueue();
  private dirty = false;
  private flushing: Promise<void> | null = null;
  /** How long changes gather before they are written (see StoreOptions). */
  private persistDelayMs = 5;
  private waitForDisk = true;
  private readonly commitListeners = new Set<(before: Readonly<SampleProjectFile>, after: Readonly<SampleProjectFile> | null) => void>();

  private constructor(
    readonly projectFile: string,
    readonly workingCopy: string,
    data: SampleProjectFile,
  ) {
    this.data = data;
    this.index();
  }

  static async open(options: StoreOptions): Promise<EmulatorStore> {
    if (await sameFile(options.projectFile, options.workingCopy)) {
      throw new ProjectFileError(`The working copy must not be the sample project itself (${options.projectFile}): pick another path.`);
    }
    const exists = await fs.stat(options.workingCopy).then(() => true, () => false);
    let data: SampleProjectFile;
    if (exists && !options.fresh) {
      data = await loadProjectFile(options.workingCopy).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ProjectFileError(`${reason} (it is the emulator's working copy: delete it, or start with reset, to begin again from the sample).`);
      });
    } else {
      data = await loadProjectFile(options.projectFile);
      await writeJsonAtomic(options.workingCopy, data);
    }
    const store = new EmulatorStore(options.projectFile, options.workingCopy, deepFreeze(data));
    if (options.persistDelayMs !== undefined) store.persistDelayMs = options.persistDelayMs;
    if (options.waitForDisk !== undefined) store.waitForDisk = options.waitForDisk;
    return store;
  }

  private index(): void {
    this.ids = new Map(this.data.issues.map((issue, i) => [issue, String(FIRST_ISSUE_ID + i)]));
  }

  /** The current data. Read only: change it with `mutate`. */
  get current(): Readonly<SampleProjectFile> {
    return this.data;
  }

  /** A deep copy, for tests and tools. */
  snapshot(): SampleProjectFile {
    return structuredClone(this.data);
  }

  issues(): readonly SampleIssue[] {
    return this.data.issues;
  }

  /** By key (case-insensitive, as Jira) or numeric id. */
  find(keyOrId: string): SampleIssue | undefined {
    return findIssue(this.data, keyOrId);
  }

  /** The issue's id; issues of a draft that are not in the current data get theirs from their position. */
  idOf(issue: SampleIssue, data: Readonly<SampleProjectFile> = this.data): string {
    const id = data === this.data ? this.ids.get(issue) : undefined;
    if (id !== undefined) return id;
    const at = data.issues.indexOf(issue);
    if (at < 0) throw new Error(`Issue ${issue.key} is not in the store.`);
    return String(FIRST_ISSUE_ID + at);
  }

  /** Position in the backlog (Jira's rank, for ORDER BY rank). */
  rankOf(issue: SampleIssue): number {
    return Number(this.idOf(issue)) - FIRST_ISSUE_ID;
  }

  /**
   * Calls `listener` after every committed change with the data before and after it; `after` is
   * null when the store was reset to the sample. Returns the unsubscribe function.
   */
  onCommit(listener: (before: Readonly<SampleProjectFile>, after: Readonly<SampleProjectFile> | null) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private committed(before: Readonly<SampleProjectFile>, after: Readonly<SampleProjectFile> | null): void {
    for (const listener of this.commitListeners) listener(before, after);
  }

  user(accountId: string): SampleProjectFile['users'][number] | undefined {
    return this.data.users.find((u) => u.accountId === accountId);
  }

  /**
   * Applies `change` to a copy of the data, one change at a time. When `change` throws, or the
   * result is not a valid sample project, nothing is kept and the error propagates.
   *
   * `touches` names the issues the change edits in place: only those are copied and re-validated,
   * so a change to one issue of a 20,000-issue project costs one issue, not the project. Without it
   * the whole project is copied and validated (creating issues, links). Current data is frozen, so
   * a change that edits an issue it did not declare throws instead of leaking a partial write.
   */
  mutate<T>(change: (draft: SampleProjectFile) => T, touches?: readonly string[]): Promise<T> {
    return this.queue.run(async () => {
      const before = this.data;
      let next: SampleProjectFile;
      let result: T;
      if (touches) {
        const issues = this.data.issues.slice();
        const at = touches.map((key) => this.positionOf(key)).filter((i): i is number => i !== undefined);
        for (const i of at) issues[i] = structuredClone(issues[i]!);
        const draft = { ...this.data, issues };
        result = change(draft);
        for (const i of at) issues[i] = validateIssue(draft, issues[i]!, 'the edited working copy');
        next = draft;
        // Only the touched issues changed identity: re-key just those.
        for (const i of at) {
          this.ids.delete(this.data.issues[i]!);
          this.ids.set(issues[i]!, String(FIRST_ISSUE_ID + i));
        }
        this.data = deepFreeze(next);
        this.committed(before, this.data);
        return result;
      } else {
        const draft = structuredClone(this.data);
        result = change(draft);
        next = validateProject(draft, 'the edited working copy');
      }
      this.data = deepFreeze(next);
      this.index();
      this.committed(before, this.data);
      return result;
    }).then(async (result) => {
      // The change is visible now; by default the caller also waits until it is on disk.
      const written = this.schedulePersist();
      if (this.waitForDisk) await written;
      return result;
    });
  }

  private positionOf(keyOrId: string): number | undefined {
    const issue = findIssue(this.data, keyOrId);
    if (!issue) return undefined;
    return Number(this.ids.get(issue)) - FIRST_ISSUE_ID;
  }

  /**
   * Write-behind: changes that come close together reach the disk as one atomic write. Resolves
   * when a write that includes every change made so far has finished.
   */
  private schedulePersist(): Promise<void> {
    this.dirty = true;
    if (!this.flushing) {
      this.flushing = (async () => {
        try {
          while (this.dirty) {
            await new Promise((resolve) => setTimeout(resolve, this.persistDelayMs));
            this.dirty = false;
            await writeJsonAtomic(this.workingCopy, this.data);
          }
        } finally {
          this.flushing = null;
        }
      })();
    }
    return this.flushing;
  }

  /** Restores the working copy from the sample. */
  reset(): Promise<void> {
    return this.queue.run(async () => {
      const data = await loadProjectFile(this.projectFile);
      await writeJsonAtomic(this.workingCopy, data);
      const before = this.data;
      this.data = deepFreeze(data);
      this.index();
      this.committed(before, null);
    });
  }

  /** Resolves when queued changes are applied and on disk. */
  async idle(): Promise<void> {
    await this.queue.idle();
    while (this.flushing) await this.flushing;
  }
}

/** Freezes a value and everything in it (already frozen parts are skipped). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
