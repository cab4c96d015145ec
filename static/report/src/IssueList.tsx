/**
 * A live list of stories behind a number or a bar: `report/issues` as the viewing user, 50 at a
 * time with "Load more" (the backend's nextPageToken). Only what is loaded is rendered, so a list
 * of thousands stays fast; a story the user may not browse is never returned.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import type { ResolverError } from '../../../src/contract';
import type { Criterion } from '../../../src/core/story';
import { CRITERION_NAMES } from '../../../src/render/criteria';
import { truncate } from '../../../src/render/text';
import { getReportIssues, type IssueFilter, type ReportIssue } from '../../shared/report-invokes';
import { ErrorState, Loading } from '../../shared/states';
import { IssueKey } from './IssueKey';
import { grade, plural } from './model';

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
  const seq = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const focusRow = useRef<number | null>(null);
  const headingId = `sh-list-${selection.origin}`;

  const load = useCallback(
    async (token: string | null) => {
      const id = ++seq.current;
      setLoading(true);
      setError(null);
      const page = await getReportIssues(projectKey, selection.filter, token);
      if (id !== seq.current) return; // a newer request (another list, or a retry) owns the state
      setLoading(false);
      if (!page.ok) {
        setError(page.error);
        return;
      }
      setIssues((before) => (token ? [...before, ...page.data.issues] : page.data.issues));
      setNext(page.data.nextPageToken);
    },
    [projectKey, selection.filter],
  );

  useEffect(() => {
    setIssues([]);
    setNext(null);
    focusRow.current = null;
    void load(null);
    return () => {
      seq.current++;
    };
  }, [load]);

  // Opening a list moves focus to its heading; "Load more" moves it to the first new story.
  useEffect(() => {
    heading.current?.focus();
  }, [selection.id]);
  useEffect(() => {
    if (focusRow.current === null || focusRow.current >= issues.length) return;
    body.current?.querySelectorAll<HTMLAnchorElement>('tr > td:first-child a')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [issues]);

  const more = () => {
    focusRow.current = issues.length;
    void load(next);
  };

  const c = selection.criterion;
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
        <div className="sh-table-wrap">
          <table className="sh-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Summary</th>
                <th scope="col" className="sh-num">
                  Score
                </th>
                {c ? (
                  <th scope="col" className="sh-num">
                    {CRITERION_NAMES[c]}
                  </th>
                ) : null}
                <th scope="col">Findings</th>
              </tr>
            </thead>
            <tbody ref={body}>
              {issues.map((issue) => {
                const cs = c ? issue.criteria?.[c] : undefined;
                return (
                  <tr key={issue.key} data-key={issue.key}>
                    <td className="sh-nowrap">
                      <IssueKey issueKey={issue.key} />
                    </td>
                    <td className="sh-summary">{truncate(issue.summary, 200)}</td>
                    <td className={`sh-num${issue.score === null ? '' : ` sh-grade-${grade(issue.score)}`}`}>{issue.score ?? '–'}</td>
                    {c ? (
                      <td className="sh-num" data-criterion-score={cs ?? ''}>
                        {cs ?? '–'}
                      </td>
                    ) : null}
                    <td>
                      <span className="sh-rules">
                        {issue.technical ? <Lozenge appearance="inprogress">technical</Lozenge> : null}
                        {issue.ruleIds.map((r) => (
                          <code key={r}>{r}</code>
                        ))}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
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
        {next && !loading && !error ? (
          <Button onClick={more}>Load more</Button>
        ) : null}
      </div>
    </section>
  );
}
