/**
 * The emulator's data: a working copy of the sample project, in memory and on disk. Every change
 * runs through one queue, works on a copy, is validated against the sample schema and written
 * atomically before it becomes visible — a change that fails leaves nothing behind. The shipped
 * sample file is only ever read.
 */
import { promises as fs } from 'node:fs';
import type { SampleIssue, SampleProjectFile } from '../sample/schema';
import { loadProjectFile, ProjectFileError, validateProject } from './load';
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
}

export class EmulatorStore {
  private data: SampleProjectFile;
  private ids = new Map<SampleIssue, string>();
  private readonly queue = new SerialQueue();

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
    return new EmulatorStore(options.projectFile, options.workingCopy, data);
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

  user(accountId: string): SampleProjectFile['users'][number] | undefined {
    return this.data.users.find((u) => u.accountId === accountId);
  }

  /**
   * Applies `change` to a copy of the data, one change at a time. When `change` throws, or the
   * result is not a valid sample project, nothing is written and the error propagates.
   */
  mutate<T>(change: (draft: SampleProjectFile) => T): Promise<T> {
    return this.queue.run(async () => {
      const draft = structuredClone(this.data);
      const result = change(draft);
      const next = validateProject(draft, 'the edited working copy');
      await writeJsonAtomic(this.workingCopy, next);
      this.data = next;
      this.index();
      return result;
    });
  }

  /** Restores the working copy from the sample. */
  reset(): Promise<void> {
    return this.queue.run(async () => {
      const data = await loadProjectFile(this.projectFile);
      await writeJsonAtomic(this.workingCopy, data);
      this.data = data;
      this.index();
    });
  }

  /** Resolves when queued changes are on disk. */
  idle(): Promise<void> {
    return this.queue.idle();
  }
}
