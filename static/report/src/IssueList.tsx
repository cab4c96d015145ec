/**
 * A live list of stories behind a number or a bar: `report/issues` as the viewing user, 50 at a
 * time with "Load more" (the backend's nextPageToken), in Atlassian's dynamic table paged 50 rows
 * to a page: a list of thousands renders one page. A story the user may not browse is never returned.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import { DynamicTableStateless } from '@atlaskit/dynamic-table';
import type { RowType } from '@atlaskit/dynamic-table/types';
import Lozenge from '@atlaskit/lozenge';
import type { ResolverError } from '../../../src/contract';
import type { Criterion } from '../../../src/contract';
import { CRITERION_NAMES } from '../../../src/render/view/criteria';
import { plural, truncate } from '../../../src/render/view/text';
import { getReportIssues, type IssueFilter, type ReportIssue } from '../../shared/report-invokes';
import { ErrorState, Loading } from '../../shared/states';
import { IssueKey } from './IssueKey';
import { grade } from './model';

/** Rows per page of the table, and per request. */
export const PAGE_ROWS = 50;

export interface ListSelection {
  /** Unique per list ("criterion:valuable", "count:technical" …). */
  id: string;
  /** The section the list opens in. */
  origin: string;
  title: string;
  filter: IssueFilter;
  /** Shows this criterion's score per story. */
  criterion?: Criterion;
  /** How many the snapshot counted (everyone's count; the live list shows only visible stories). */
  expected?: number;
}

export function IssueList({ projectKey, selection, onClose }: { projectKey: string; selection: ListSelection; onClose: () => void }) {
  const [issues, setIssues] = useState<ReportIssue[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ResolverError | null>(null);
  const [page, setPage] = useState(1);
  const seq = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLDivElement>(null);
  /** After "Load more": the index of the first new story, which gets the focus. */
  const focusIndex = useRef<number | null>(null);
  const headingId = `sh-list-${selection.origin}`;

  const load = useCallback(
    async (token: string | null) => {
      const id = ++seq.current;
      setLoading(true);
      setError(null);
      const result = await getReportIssues(projectKey, selection.filter, token, PAGE_ROWS);
      if (id !== seq.current) return; // a newer request (another list, or a retry) owns the state
      setLoading(false);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setIssues((before) => (token ? [...before, ...result.data.issues] : result.data.issues));
      setNext(result.data.nextPageToken);
    },
    [projectKey, selection.filter],
  );

  useEffect(() => {
    setIssues([]);
    setNext(null);
    setPage(1);
    focusIndex.current = null;
    void load(null);
    return () => {
      seq.current++;
    };
  }, [load]);

  // Opening a list moves focus to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [selection.id]);

  // "Load more" turns to the page of the first new story, then moves focus to it.
  useEffect(() => {
    const index = focusIndex.current;
    const issue = index === null ? undefined : issues[index];
    if (!issue) return;
    const target = Math.floor(index! / PAGE_ROWS) + 1;
    if (target !== page) {
      setPage(target);
      return;
    }
    table.current?.querySelector<HTMLAnchorElement>(`a[data-key="${CSS.escape(issue.key)}"]`)?.focus();
    focusIndex.current = null;
  }, [issues, page]);

  const more = () => {
    focusIndex.current = issues.length;
    void load(next);
  };

  const c = selection.criterion;
  const head = {
    cells: [
      { key: 'key', content: 'Key' },
      { key: 'summary', content: 'Summary' },
      { key: 'score', content: 'Score' },
      ...(c ? [{ key: 'criterion', content: CRITERION_NAMES[c] }] : []),
      { key: 'findings', content: 'Findings' },
    ],
  };
  const rows: RowType[] = issues.map((issue) => {
    const cs = c ? issue.criteria?.[c] : undefined;
    return {
      key: issue.key,
      ...({ 'data-key': issue.key } as object),
      cells: [
        { key: 'key', content: <IssueKey issueKey={issue.key} /> },
        { key: 'summary', content: <span className="sh-summary">{truncate(issue.summary, 200)}</span> },
        { key: 'score', content: <span className={issue.score === null ? 'sh-num' : `sh-num sh-grade-${grade(issue.score)}`}>{issue.score ?? '–'}</span> },
        ...(c ? [{ key: 'criterion', content: <span className="sh-num" data-criterion-score={cs ?? ''}>{cs ?? '–'}</span> }] : []),
        {
          key: 'findings',
          content: (
            <span className="sh-rules">
              {issue.technical ? <Lozenge appearance="inprogress">technical</Lozenge> : null}
              {issue.ruleIds.map((r) => (
                <code key={r}>{r}</code>
              ))}
            </span>
          ),
        },
      ],
    };
  });

  return (
    <section className="sh-issue-list" aria-labelledby={headingId} aria-busy={loading} data-testid="issue-list" data-list={selection.id}>
      <div className="sh-list-head">
        <h3 id={headingId} tabIndex={-1} ref={heading}>
          {selection.title}
        </h3>
        <Button appearance="subtle" onClick={onClose}>
          Close list
        </Button>
      </div>
      <p className="sh-subtle">
        {selection.expected !== undefined ? `${plural(selection.expected, 'story', 'stories')} in the last scan. ` : ''}
        Live from Jira: the stories you can see as they are now, lowest score first.
      </p>
      {issues.length ? (
        <div className="sh-table-wrap" ref={table}>
          <DynamicTableStateless
            label={selection.title}
            head={head}
            rows={rows}
            rowsPerPage={PAGE_ROWS}
            page={page}
            onSetPage={setPage}
            paginationi18n={{ prev: 'Previous page', next: 'Next page', label: `Pages of ${selection.title}`, pageLabel: 'Page' }}
            testId="issue-table"
          />
        </div>
      ) : !loading && !error ? (
        <p>No stories you can see match this now.</p>
      ) : null}
      {loading ? <Loading label={issues.length ? 'Loading more stories…' : 'Loading stories…'} /> : null}
      {error ? <ErrorState title="Could not load the stories" error={error} onRetry={() => void load(issues.length ? next : null)} /> : null}
      <div className="sh-list-foot">
        <p className="sh-subtle" role="status">
          {loading && !issues.length ? '' : `Showing ${plural(issues.length, 'story', 'stories')}${next ? '; there are more.' : '.'}`}
        </p>
        {next && !loading && !error ? <Button onClick={more}>Load more</Button> : null}
      </div>
    </section>
  );
}
