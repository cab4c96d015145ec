/**
 * The report of the latest scan as this user may see it: health score and trend, pass rates per
 * criterion (each bar opens its failing stories), the score distribution, counts, fix-first,
 * duplicates, dependencies, personas and template uniformity. Numbers come from the snapshot;
 * every list of stories is fetched live (IssueList), so it never shows a story the user may not browse.
 */
import { useEffect, useState, type ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { CriteriaBars } from '../../../src/render/charts/CriteriaBars';
import { ScoreHistogram } from '../../../src/render/charts/ScoreHistogram';
import { TrendChart } from '../../../src/render/charts/TrendChart';
import { CRITERION_NAMES, FORM_NAMES } from '../../../src/render/criteria';
import { dateTime, pct, truncate } from '../../../src/render/text';
import type { Criterion } from '../../../src/core/story';
import { getReportIssues, type ReportView } from '../../shared/report-invokes';
import { IssueKey, KeyList } from './IssueKey';
import { IssueList, type ListSelection } from './IssueList';
import { COUNT_ROWS, failingCounts, findingMessage, grade, GRADE_LABEL, num, plural, SCORE_RANGES } from './model';

type Snapshot = NonNullable<ReportView['snapshot']>;

const GRADE_APPEARANCE = { good: 'success', fair: 'moved', poor: 'removed' } as const;

function Section({ id, title, children, lead }: { id: string; title: string; children: ReactNode; lead?: ReactNode }) {
  return (
    <section id={id} className="sh-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {lead ? <p className="sh-subtle">{lead}</p> : null}
      {children}
    </section>
  );
}

export interface ReportProps {
  projectKey: string;
  view: ReportView & { snapshot: Snapshot };
}

export function Report({ projectKey, view }: ReportProps) {
  const s = view.snapshot;
  const [selection, setSelection] = useState<ListSelection | null>(null);
  // A new snapshot: the open list belonged to the old one.
  useEffect(() => setSelection(null), [s.createdAt]);

  const open = (next: ListSelection) => setSelection((current) => (current?.id === next.id ? current : next));
  const toggle = (next: ListSelection) => setSelection((current) => (current?.id === next.id ? null : next));
  const listIn = (origin: string) =>
    selection?.origin === origin ? <IssueList key={selection.id} projectKey={projectKey} selection={selection} onClose={() => setSelection(null)} /> : null;
  /** A button that opens (or closes) a list. */
  const opener = (next: ListSelection, label: ReactNode, props: { className?: string; testId?: string } = {}) => (
    <button
      type="button"
      className={props.className ?? 'sh-link-button'}
      aria-expanded={selection?.id === next.id}
      data-testid={props.testId}
      onClick={() => toggle(next)}
    >
      {label}
    </button>
  );

  if (s.count === 0) {
    return (
      <Section id="sh-empty-backlog" title="No stories">
        <p>The last scan found no open stories of the checked issue types in {projectKey}. Change the issue types in the project settings, or add stories and scan again.</p>
      </Section>
    );
  }

  const failing = failingCounts(s);
  const previous = view.history.length > 1 ? view.history[view.history.length - 2] : undefined;
  const delta = previous ? s.score - previous.score : null;
  const g = grade(s.score);
  const ranges = [s.histogram.slice(0, 5), s.histogram.slice(5, 8), s.histogram.slice(8)].map((b) => b.reduce((a, n) => a + n, 0));
  const ruleRows = Object.entries(s.ruleCounts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));

  return (
    <div className="sh-report" data-testid="report">
      <Section id="sh-health" title="Health score">
        <div className="sh-health">
          <div className="sh-health-score">
            <p className={`sh-big-score sh-grade-${g}`} aria-label={`Health score ${s.score} out of 100: ${GRADE_LABEL[g]}`}>
              <span className="sh-big-number" data-testid="health-score">
                {s.score}
              </span>
              <span className="sh-score-max" aria-hidden="true">
                /100
              </span>
            </p>
            <Lozenge appearance={GRADE_APPEARANCE[g]}>{GRADE_LABEL[g]}</Lozenge>
            <p className="sh-subtle">
              <span data-testid="story-count">{plural(s.count, 'story', 'stories')}</span>
              {` · scanned ${dateTime(s.createdAt)}`}
            </p>
            {previous && delta !== null ? (
              <p data-testid="score-delta">
                {delta === 0 ? 'No change' : `${delta > 0 ? 'Up' : 'Down'} ${Math.abs(delta)}`}
                {` since the scan of ${dateTime(previous.createdAt)} (${previous.score}).`}
              </p>
            ) : (
              <p className="sh-subtle">The trend appears with the next scan.</p>
            )}
          </div>
          <div className="sh-health-trend">
            <TrendChart points={view.history} id="sh-trend" width={640} height={200} />
          </div>
        </div>
      </Section>

      <Section id="sh-criteria" title="Pass rate per criterion" lead="A story passes a criterion when it scores 80 or more on it. Select a bar to list the stories that fail it.">
        <CriteriaBars
          passRates={s.passRates}
          failing={failing}
          id="sh-criteria-chart"
          width={760}
          onSelect={(c: Criterion) =>
            open({ id: `criterion:${c}`, origin: 'criteria', title: `Stories failing ${CRITERION_NAMES[c]}`, filter: { criterion: c }, criterion: c, expected: failing[c] })
          }
        />
        {listIn('criteria')}
      </Section>

      <Section id="sh-distribution" title="Score distribution">
        <ScoreHistogram histogram={s.histogram} id="sh-histogram" width={760} height={220} />
        <p className="sh-inline-actions">
          <span>List the stories scoring</span>
          {SCORE_RANGES.map((r, i) => (
            <span key={r.id}>
              {opener(
                { id: `score:${r.id}`, origin: 'distribution', title: `Stories scoring ${r.label}`, filter: r.filter, expected: ranges[i] },
                `${r.label} (${num(ranges[i] ?? 0)})`,
                { testId: `range-${r.id}` },
              )}
            </span>
          ))}
        </p>
        {listIn('distribution')}
      </Section>

      <Section id="sh-counts" title="What needs work" lead="Select a number to list those stories.">
        <ul className="sh-cards">
          {COUNT_ROWS.map((row) => {
            const n = s.counts[row.id];
            return (
              <li key={row.id}>
                {opener(
                  { id: `count:${row.id}`, origin: 'counts', title: row.label, filter: row.filter, expected: n },
                  <>
                    <span className="sh-card-count">{num(n)}</span>
                    <span className="sh-card-label">{row.label}</span>
                    <span className="sh-card-hint">{`${pct(n / s.count)} of stories · ${row.hint}`}</span>
                  </>,
                  { className: 'sh-card', testId: `count-${row.id}` },
                )}
              </li>
            );
          })}
        </ul>
        {listIn('counts')}
      </Section>

      <FixFirst projectKey={projectKey} snapshot={s} />

      <Section id="sh-duplicates" title="Duplicate stories">
        {s.counts.duplicateClusters ? (
          <>
            <p>{`${plural(s.counts.duplicateClusters, 'group', 'groups')} of near-identical stories, ${plural(s.counts.storiesInDuplicates, 'story', 'stories')} in all.`}</p>
            {s.duplicates.length ? (
              <ol className="sh-groups" data-testid="duplicates">
                {s.duplicates.map((d, i) => (
                  <li key={d.keys.join(',')}>
                    <span className="sh-subtle">{`${pct(d.similarity)} alike: `}</span>
                    <KeyList keys={d.keys} />{' '}
                    {opener({ id: `dup:${i}`, origin: 'duplicates', title: `Duplicate group ${i + 1}`, filter: { keys: d.keys } }, 'Show these stories')}
                  </li>
                ))}
              </ol>
            ) : null}
            {s.duplicates.length < s.counts.duplicateClusters ? (
              <p className="sh-subtle">{`${plural(s.counts.duplicateClusters - s.duplicates.length, 'group is', 'groups are')} not listed (the report keeps the largest groups, and only stories you can see).`}</p>
            ) : null}
            {listIn('duplicates')}
          </>
        ) : (
          <p>No near-duplicate stories.</p>
        )}
      </Section>

      <Section id="sh-dependencies" title="Dependencies">
        <h3>Dependency cycles</h3>
        {s.counts.dependencyCycles ? (
          <>
            <p>{`${plural(s.counts.dependencyCycles, 'group', 'groups')} of stories block each other: none of them can be finished first.`}</p>
            <ol className="sh-groups" data-testid="cycles">
              {s.dependencyCycles.map((cycle, i) => (
                <li key={cycle.join(',')}>
                  <KeyList keys={cycle} separator=" → " />
                  {cycle.length > 1 ? <span className="sh-subtle">{' → back to the first'}</span> : null}{' '}
                  {opener({ id: `cycle:${i}`, origin: 'dependencies', title: `Dependency cycle ${i + 1}`, filter: { keys: cycle } }, 'Show these stories')}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p>No dependency cycles.</p>
        )}
        <h3>Longest blocked-by chain</h3>
        {s.longestChainLength > 1 ? (
          <>
            <p>
              <span data-testid="chain-length">{plural(s.longestChainLength, 'story', 'stories')}</span> wait on each other, from the one that waits longest to the
              root blocker.
            </p>
            {s.longestBlockedChain.length ? (
              <ol className="sh-chain" data-testid="chain">
                {s.longestBlockedChain.map((k, i) => (
                  <li key={`${k}-${i}`}>
                    {i ? <span className="sh-subtle">{'↳ blocked by '}</span> : null}
                    <IssueKey issueKey={k} />
                  </li>
                ))}
              </ol>
            ) : null}
            {s.longestBlockedChain.length < s.longestChainLength ? (
              <p className="sh-subtle">{`${plural(s.longestBlockedChain.length, 'story is', 'stories are')} listed.`}</p>
            ) : null}
            {s.longestBlockedChain.length
              ? opener({ id: 'chain', origin: 'dependencies', title: 'The longest blocked-by chain', filter: { keys: s.longestBlockedChain.slice(0, 100) } }, 'Show these stories')
              : null}
          </>
        ) : (
          <p>No story is blocked by another.</p>
        )}
        {listIn('dependencies')}
      </Section>

      <Section id="sh-personas" title="Who the backlog serves">
        <p data-testid="personas-summary">
          {s.counts.personas ? `${plural(s.counts.personas, 'persona', 'personas')} named in the stories' roles. ` : 'No story names a role. '}
          {s.servesNobodyCount ? (
            <>
              <strong>{plural(s.servesNobodyCount, 'story serves', 'stories serve')}</strong>
              {` nobody we can name (no role): ${pct(s.servesNobodyCount / s.count)} of the backlog.`}
            </>
          ) : (
            'Every story names who it serves.'
          )}
        </p>
        {s.personas.length ? (
          <div className="sh-table-wrap">
            <table className="sh-table" data-testid="personas">
              <thead>
                <tr>
                  <th scope="col">Persona</th>
                  <th scope="col" className="sh-num">
                    Stories
                  </th>
                  <th scope="col">For example</th>
                </tr>
              </thead>
              <tbody>
                {s.personas.map((p) => (
                  <tr key={p.persona}>
                    <td>{p.persona}</td>
                    <td className="sh-num">{num(p.count)}</td>
                    <td>{p.keys.length ? <KeyList keys={p.keys.slice(0, 6)} /> : <span className="sh-subtle">none you can see</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {s.personas.length < s.counts.personas ? <p className="sh-subtle">{`The ${num(s.personas.length)} most frequent are listed.`}</p> : null}
      </Section>

      <Section id="sh-uniformity" title="Template uniformity">
        <p data-testid="uniformity">
          {`${pct(s.uniformity.share)} of stories are written as `}
          <strong>{FORM_NAMES[s.uniformity.dominantForm]}</strong>
          {s.uniformity.dominantForm === 'none' ? ': most stories follow no user-story template.' : '.'}
        </p>
        <div className="sh-meter" aria-hidden="true">
          <div style={{ width: pct(s.uniformity.share) }} />
        </div>
        {s.ruleCounts['non-uniform'] ? (
          <p>
            {opener(
              { id: 'rule:non-uniform', origin: 'uniformity', title: 'Stories that depart from the backlog’s template', filter: { ruleId: 'non-uniform' }, expected: s.ruleCounts['non-uniform'] },
              `${plural(s.ruleCounts['non-uniform'], 'story departs', 'stories depart')} from it`,
            )}
          </p>
        ) : null}
        {listIn('uniformity')}
      </Section>

      <Section id="sh-rules" title="Findings by rule" lead="How many stories each rule flags. Select a rule to list its stories.">
        {ruleRows.length ? (
          <ul className="sh-rule-counts">
            {ruleRows.map(([rule, n]) => (
              <li key={rule}>
                {opener({ id: `rule:${rule}`, origin: 'rules', title: `Stories flagged by ${rule}`, filter: { ruleId: rule }, expected: n }, <>
                  <code>{rule}</code> <span>{num(n)}</span>
                </>, { className: 'sh-chip', testId: `rule-${rule}` })}
              </li>
            ))}
          </ul>
        ) : (
          <p>No findings.</p>
        )}
        {listIn('rules')}
      </Section>
    </div>
  );
}

/** The stories with the most to gain, their summaries read live (so only stories the user may see). */
function FixFirst({ projectKey, snapshot }: { projectKey: string; snapshot: Snapshot }) {
  const [summaries, setSummaries] = useState<Map<string, string> | null>(null);
  const keys = snapshot.fixFirst.map((f) => f.key);
  const keyList = keys.join(',');
  useEffect(() => {
    let live = true;
    setSummaries(null);
    if (!keyList) return;
    void getReportIssues(projectKey, { keys: keyList.split(',') }, null, 100).then((r) => {
      if (live) setSummaries(new Map(r.ok ? r.data.issues.map((i) => [i.key, i.summary]) : []));
    });
    return () => {
      live = false;
    };
  }, [projectKey, keyList]);

  return (
    <Section id="sh-fix-first" title="Fix these first" lead="The lowest-scoring stories (larger estimates first among equals), with the most serious finding of each.">
      {snapshot.fixFirst.length ? (
        <div className="sh-table-wrap">
          <table className="sh-table" data-testid="fix-first">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col" className="sh-num">
                  Score
                </th>
                <th scope="col">Story and top finding</th>
              </tr>
            </thead>
            <tbody>
              {snapshot.fixFirst.map((f) => {
                const message = findingMessage(f.ruleId, f.messageId, f.data ?? {});
                const summary = summaries?.get(f.key);
                return (
                  <tr key={f.key} data-key={f.key}>
                    <td className="sh-nowrap">
                      <IssueKey issueKey={f.key} />
                    </td>
                    <td className={`sh-num sh-grade-${grade(f.score)}`}>{f.score}</td>
                    <td>
                      <div className="sh-summary">{summary ? truncate(summary, 200) : summaries ? <span className="sh-subtle">(summary not available)</span> : '…'}</div>
                      {message ? (
                        <div className="sh-subtle sh-finding">
                          {f.ruleId ? <code>{f.ruleId}</code> : null} {message}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Every story scores 100: nothing to fix first.</p>
      )}
    </Section>
  );
}

export function HiddenNote({ hidden }: { hidden: number }) {
  if (hidden <= 0) return null;
  return (
    <div data-testid="hidden-note">
      <SectionMessage appearance="information" title={`${plural(hidden, 'story', 'stories')} in this report ${hidden === 1 ? 'is' : 'are'} not visible to you`}>
        <p>The numbers and charts count every story in the project; the lists leave out the ones you do not have permission to see.</p>
      </SectionMessage>
    </div>
  );
}

