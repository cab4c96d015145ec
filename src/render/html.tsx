/**
 * The report as ONE self-contained HTML file: inline CSS, the SVG charts inline, no scripts, no
 * external resources. Rendered with react-dom/server, so every piece of story text is escaped by
 * React; the only raw markup is our own stylesheet. The sections the report page has too are the
 * page's own components (src/render/view/sections), shown the file's way (fileSurface).
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { grade } from '../contract/ui';
import { REPORT_CSS } from './html-style';
import type { ReportModel, StoryRef } from './model';
import { TrendChart } from './view/charts/TrendChart';
import type { Criterion } from './view/criteria';
import { Section } from './view/Section';
import { TableHead } from './view/Table';
import { CriteriaSection, DependenciesSection, DistributionSection, DuplicatesSection, FixFirstSection, PersonasSection, UniformitySection } from './view/sections';
import { SurfaceProvider, type ReportSurface } from './view/surface';
import { dateTime, oneLine, plural, shareOf, SUMMARY_MAX, truncate } from './view/text';

const SECTIONS = [
  ['score', 'Health score'],
  ['criteria', 'Pass rate per criterion'],
  ['histogram', 'Score distribution'],
  ['counts', 'What needs attention'],
  ['fix-first', 'Fix these first'],
  ['duplicates', 'Duplicate stories'],
  ['dependencies', 'Dependencies'],
  ['personas', 'Who the backlog serves'],
  ['uniformity', 'Template uniformity'],
  ['failing', 'Stories failing each criterion'],
] as const;

type SectionId = (typeof SECTIONS)[number][0];

function title(id: SectionId): string {
  return SECTIONS.find(([s]) => s === id)![1];
}

function Key({ k, browseUrl }: { k: string; browseUrl: string | null }): ReactElement {
  return browseUrl ? (
    <a className="sh-key" href={`${browseUrl}/browse/${encodeURIComponent(k)}`}>
      {k}
    </a>
  ) : (
    <span className="sh-key">{k}</span>
  );
}

/** "KEY summary" inline. */
function Story({ s, browseUrl }: { s: StoryRef; browseUrl: string | null }): ReactElement {
  return (
    <>
      <Key k={s.key} browseUrl={browseUrl} />
      {s.summary ? ` ${truncate(s.summary, SUMMARY_MAX)}` : null}
    </>
  );
}

const SCORE_CLASS = { fail: 'sh-low', warn: 'sh-mid', pass: 'sh-high' } as const;

function scoreClass(score: number): string {
  return SCORE_CLASS[grade(score)];
}

function StoryTable({ stories, scoreLabel, browseUrl }: { stories: StoryRef[]; scoreLabel: string; browseUrl: string | null }): ReactElement {
  return (
    <table className="sh-table">
      <TableHead columns={['Key', { label: scoreLabel, numeric: true }, 'Summary']} />
      <tbody>
        {stories.map((s) => (
          <tr key={s.key}>
            <td>
              <Key k={s.key} browseUrl={browseUrl} />
            </td>
            <td className="sh-num">{s.score ?? ''}</td>
            <td>{s.summary ? truncate(s.summary, SUMMARY_MAX) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function More({ shown, total, what }: { shown: number; total: number; what: string }): ReactElement | null {
  return total > shown ? <p className="sh-subtle">{`… and ${total - shown} more ${what} (the JSON format lists every story).`}</p> : null;
}

/** How the file shows keys and stories: links to the site (or plain keys), stories with their summaries, one per line. */
function fileSurface(m: ReportModel): ReportSurface {
  const summaries = new Map(m.stories.map((s) => [s.key, s.summary]));
  return {
    issueKey: (k) => <Key k={k} browseUrl={m.browseUrl} />,
    story: (k) => <Story s={{ key: k, summary: summaries.get(k) ?? null, score: null }} browseUrl={m.browseUrl} />,
    layout: 'list',
    testIds: false,
  };
}

export function ReportDocument({ model }: { model: ReportModel }): ReactElement {
  const m = model;
  const u = m.browseUrl;
  const failing = Object.fromEntries(m.criteria.map((c) => [c.criterion, c.failingCount])) as Record<Criterion, number>;
  const passRates = Object.fromEntries(m.criteria.map((c) => [c.criterion, c.passRate])) as Record<Criterion, number>;
  const anchors = Object.fromEntries(m.criteria.map((c) => [c.criterion, c.anchor])) as Record<Criterion, string>;
  const tool = m.toolVersion ? `story-health ${m.toolVersion}, engine ${m.engineVersion}` : `engine ${m.engineVersion}`;
  const summaries = new Map(m.fixFirst.map((f) => [f.key, f.summary]));

  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{m.source ? `${m.title}: ${oneLine(m.source)}` : m.title}</title>
        <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }} />
      </head>
      <body>
        <SurfaceProvider surface={fileSurface(m)}>
          <main>
            <header>
              <h1>{m.title}</h1>
              <p className="sh-meta">
                {[m.source ? oneLine(m.source) : null, plural(m.count, 'story', 'stories'), dateTime(m.createdAt), tool].filter(Boolean).join(' · ')}
              </p>
              {m.notes.map((n, i) => (
                <p key={i} className="sh-note">
                  {n}
                </p>
              ))}
              <nav className="sh-toc" aria-label="Sections">
                <ol>
                  {SECTIONS.map(([id, name]) => (
                    <li key={id}>
                      <a href={`#${id}`}>{name}</a>
                    </li>
                  ))}
                </ol>
              </nav>
            </header>

            <Section id="score" title={title('score')}>
              <div className="sh-score-row">
                <div>
                  <p>
                    <span className={`sh-score-value ${scoreClass(m.score)}`}>{m.score}</span>
                    <span className="sh-score-of"> / 100</span>
                  </p>
                  <p className="sh-subtle">{`Mean score of ${plural(m.count, 'story', 'stories')}.`}</p>
                </div>
                <TrendChart points={m.trend} id="sh-trend" title="Health score over past scans" />
              </div>
              {m.trend.length < 2 ? <p className="sh-subtle">The trend line appears once there is more than one scan (pass earlier JSON reports with --history).</p> : null}
            </Section>

            <CriteriaSection id="criteria" chart={{ passRates, failing, href: (c) => `#${anchors[c]}`, id: 'sh-criteria' }} />

            <DistributionSection id="histogram" chart={{ histogram: m.snapshot.histogram, id: 'sh-histogram' }} />

            <Section id="counts" title={title('counts')}>
              <dl className="sh-cards">
                {m.counts.map((c) => (
                  <div key={c.id} className="sh-card" data-count={c.id}>
                    <dt>{c.label}</dt>
                    <dd className="sh-count">{c.count}</dd>
                    <dd className="sh-hint">{[shareOf(c.count, m.count) && `${shareOf(c.count, m.count)} of stories`, c.hint].filter(Boolean).join(' · ')}</dd>
                  </div>
                ))}
              </dl>
            </Section>

            <FixFirstSection
              id="fix-first"
              rows={m.fixFirst.map((f) => ({ ...f, message: f.message ? oneLine(f.message) : null }))}
              summary={(key) => {
                const summary = summaries.get(key);
                return summary ? truncate(summary, SUMMARY_MAX) : null;
              }}
            />

            <DuplicatesSection
              id="duplicates"
              clusters={m.duplicateClusters}
              stories={m.storiesInDuplicates}
              groups={m.duplicates.map((d) => ({ similarity: d.similarity, size: d.size, keys: d.stories.map((s) => s.key) }))}
            />

            <DependenciesSection
              id="dependencies"
              cycleCount={m.cycleCount}
              cycles={m.cycles.map((c) => ({ size: c.size, keys: c.stories.map((s) => s.key) }))}
              chain={m.longestChain.map((s) => s.key)}
              chainLength={m.longestChainLength}
            />

            <PersonasSection id="personas" count={m.count} personaCount={m.personaCount} servesNobody={m.servesNobody} personas={m.personas} />

            <UniformitySection id="uniformity" count={m.count} share={m.uniformity.share} dominantForm={m.uniformity.dominantForm} />

            <Section id="failing" title={title('failing')}>
              {m.criteria.map((c) => (
                <div key={c.criterion}>
                  <h3 id={c.anchor}>{`${c.name}${c.letter ? ` (${c.letter})` : ''}: ${plural(c.failingCount, 'story fails', 'stories fail')}`}</h3>
                  {c.failing.length ? <StoryTable stories={c.failing} scoreLabel={`${c.name} score`} browseUrl={u} /> : <p className="sh-subtle">Every story passes.</p>}
                  <More shown={c.failing.length} total={c.failingCount} what="stories" />
                </div>
              ))}
              <p>
                <a href="#criteria">Back to the pass rates</a>
              </p>
            </Section>
            <footer className="sh-subtle">
              <p>{`Generated by Story Health (${tool}) on ${dateTime(m.createdAt)}. Scores run from 0 to 100; a story passes a criterion at 80.`}</p>
            </footer>
          </main>
        </SurfaceProvider>
      </body>
    </html>
  );
}

/** The whole report as one HTML document (UTF-8). */
export function renderHtml(model: ReportModel): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(<ReportDocument model={model} />)}\n`;
}
