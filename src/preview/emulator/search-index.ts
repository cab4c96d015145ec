/**
 * Jira's search index, which lags behind writes: `/search/jql` is eventually consistent, so for a
 * while after a change a search still matches (and shows) the issue as it was, and a new issue is
 * not found at all. Off by default; with `{ms}` or `{searches}` a changed issue stays stale in
 * search for that long or for that many searches (whichever ends first), unless the search names
 * it in `reconcileIssues`. Reads by key (`GET /issue`, bulk fetch) always see the latest version.
 */
import type { SampleIssue, SampleProjectFile } from '../sample/schema';

export interface IndexLagOptions {
  /** A change reaches search after this many milliseconds of the emulator's clock. */
  ms?: number;
  /** A change reaches search after this many searches have missed it. */
  searches?: number;
}

interface Pending {
  /** What the index still holds: the version before the first unindexed change (undefined: not indexed yet). */
  indexed: SampleIssue | undefined;
  since: number;
  searches: number;
}

export class SearchIndex {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly lag: IndexLagOptions | undefined,
    private readonly now: () => number,
  ) {
    if (lag && lag.ms === undefined && lag.searches === undefined) throw new Error('indexLag needs ms or searches.');
  }

  get enabled(): boolean {
    return this.lag !== undefined;
  }

  /** Keys whose latest change search does not see yet. */
  lagging(): string[] {
    this.expire();
    return [...this.pending.keys()];
  }

  /** Notes what a committed change did; unchanged issues (same object, or same content) are skipped. */
  changed(before: Readonly<SampleProjectFile>, after: Readonly<SampleProjectFile>): void {
    if (!this.lag) return;
    const old = new Map(before.issues.map((issue) => [issue.key, issue]));
    for (const issue of after.issues) {
      const previous = old.get(issue.key);
      if (previous === issue || (previous && JSON.stringify(previous) === JSON.stringify(issue))) continue;
      const entry = this.pending.get(issue.key);
      this.pending.set(issue.key, { indexed: entry ? entry.indexed : previous, since: this.now(), searches: 0 });
    }
  }

  /** The version of `issue` a search sees: undefined while a new issue is not indexed. */
  view(issue: SampleIssue, reconciled: boolean): SampleIssue | undefined {
    const entry = reconciled ? undefined : this.pending.get(issue.key);
    return entry ? entry.indexed : issue;
  }

  /** Call before a search: forgets changes that have reached the index. */
  expire(): void {
    const { ms, searches } = this.lag ?? {};
    const now = this.now();
    for (const [key, entry] of this.pending) {
      if ((ms !== undefined && now - entry.since >= ms) || (searches !== undefined && entry.searches >= searches)) this.pending.delete(key);
    }
  }

  /** Call after a search: each lagging change has been missed once more. */
  searched(): void {
    for (const entry of this.pending.values()) entry.searches++;
  }

  reset(): void {
    this.pending.clear();
  }
}
