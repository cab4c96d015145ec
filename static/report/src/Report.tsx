/**
 * The report of the latest scan as this user may see it: health score and trend, pass rates per
 * criterion (each bar opens its failing stories), the score distribution, counts, fix-first,
 * duplicates, dependencies, personas and template uniformity. Numbers come from the snapshot;
 * every list of stories is fetched live (IssueList), so it never shows a story the user may not
 * browse. The sections the HTML report has too are its components (src/render/view/sections),
 * shown the page's way (keys open through Jira's router, stories on one line).
 */
import { useEffect, useState, type ReactNode } from 'react';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { Criterion } from '../../../src/contract';
import { TrendChart } from '../../../src/render/view/charts/TrendChart';
import { CRITERION_NAMES } from '../../../src/render/view/criteria';
import { Section } from '../../../src/render/view/Section';
import { CriteriaSection, DependenciesSection, DistributionSection, DuplicatesSection, FixFirstSection, PersonasSection, UniformitySection } from '../../../src/render/view/sections';
import { SurfaceProvider, type ReportSurface } from '../../../src/render/view/surface';
import { dateTime, num, pct, plural, truncate } from '../../../src/render/view/text';
import { getReportIssues, type ReportView } from '../../shared/report-invokes';
import { IssueKey } from './IssueKey';
import { IssueList, type ListSelection } from './IssueList';
import { COUNT_ROWS, failingCounts, findingMessage, grade, GRADE_LABEL, SCORE_RANGES } from './model';

type Snapshot = NonNullable<ReportView['snapshot']>;

const GRADE_APPEARANCE = { pass: 'success', warn: 'moved', fail: 'removed' } as const;

/** Keys open through Jira's router; stories in a group are keys on one line (their lists are live). */
const PAGE_SURFACE: ReportSurface = {
  issueKey: (key) => <IssueKey issueKey={key} />,
  story: (key) => <IssueKey issueKey={key} />,
  layout: 'inline',
  testIds: true,
};

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
    <SurfaceProvider surface={PAGE_SURFACE}>
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

        <CriteriaSection
          id="sh-criteria"
          chart={{
            passRates: s.passRates,
            failing,
            id: 'sh-criteria-chart',
            width: 760,
            onSelect: (c: Criterion) =>
              open({ id: `criterion:${c}`, origin: 'criteria', title: `Stories failing ${CRITERION_NAMES[c]}`, filter: { criterion: c }, criterion: c, expected: failing[c] }),
          }}
        >
          {listIn('criteria')}
        </CriteriaSection>

        <DistributionSection id="sh-distribution" chart={{ histogram: s.histogram, id: 'sh-histogram', width: 760, height: 220 }}>
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
        </DistributionSection>

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

        <DuplicatesSection
          id="sh-duplicates"
          clusters={s.counts.duplicateClusters}
          stories={s.counts.storiesInDuplicates}
          groups={s.duplicates}
          action={(d, i) => opener({ id: `dup:${i}`, origin: 'duplicates', title: `Duplicate group ${i + 1}`, filter: { keys: [...d.keys] } }, 'Show these stories')}
        >
          {listIn('duplicates')}
        </DuplicatesSection>

        <DependenciesSection
          id="sh-dependencies"
          cycleCount={s.counts.dependencyCycles}
          cycles={s.dependencyCycles}
          chain={s.longestBlockedChain}
          chainLength={s.longestChainLength}
          cycleAction={(cycle, i) => opener({ id: `cycle:${i}`, origin: 'dependencies', title: `Dependency cycle ${i + 1}`, filter: { keys: [...cycle.keys] } }, 'Show these stories')}
          chainAction={opener({ id: 'chain', origin: 'dependencies', title: 'The longest blocked-by chain', filter: { keys: s.longestBlockedChain.slice(0, 100) } }, 'Show these stories')}
        >
          {listIn('dependencies')}
        </DependenciesSection>

        <PersonasSection id="sh-personas" count={s.count} personaCount={s.counts.personas} servesNobody={s.servesNobodyCount} personas={s.personas} />

        <UniformitySection id="sh-uniformity" count={s.count} share={s.uniformity.share} dominantForm={s.uniformity.dominantForm}>
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
        </UniformitySection>

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
    </SurfaceProvider>
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

  const summary = (key: string): ReactNode => {
    const text = summaries?.get(key);
    return text ? truncate(text, 200) : summaries ? <span className="sh-subtle">(summary not available)</span> : '…';
  };
  return (
    <FixFirstSection
      id="sh-fix-first"
      rows={snapshot.fixFirst.map((f) => ({ key: f.key, score: f.score, ruleId: f.ruleId, message: findingMessage(f.ruleId, f.messageId, f.data ?? {}) }))}
      summary={summary}
    />
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

