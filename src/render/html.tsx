/**
 * The report as ONE self-contained HTML file: inline CSS, the SVG charts inline, no scripts, no
 * external resources. Rendered with react-dom/server, so every piece of story text is escaped by
 * React; the only raw markup is our own stylesheet.
 */
import { grade } from '../core/grade';
import type { ReactElement, ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { CriteriaBars } from './charts/CriteriaBars';
import { ScoreHistogram } from './charts/ScoreHistogram';
import { TrendChart } from './charts/TrendChart';
import type { Criterion } from './criteria';
import { REPORT_CSS } from './html-style';
import type { ReportModel, StoryRef } from './model';
import { andMore, dateTime, oneLine, pct, plural, shareOf, SUMMARY_MAX, truncate } from './text';

const SECTIONS = [
  ['score', 'Health score'],
  ['criteria', 'Pass rate per criterion'],
  ['histogram', 'Score distribution'],
  ['counts', 'What needs attention'],
  ['fix-first', 'Fix these first'],
  ['duplicates', 'Duplicates'],
  ['dependencies', 'Dependencies'],
  ['personas', 'Personas'],
  ['uniformity', 'Template uniformity'],
  ['failing', 'Failing stories'],
] as const;

type SectionId = (typeof SECTIONS)[number][0];

function heading(id: SectionId): string {
  return SECTIONS.find(([s]) => s === id)![1];
}

function Section({ id, title, children }: { id: SectionId; title?: string; children: ReactNode }): ReactElement {
  return (
    <section id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title ?? heading(id)}</h2>
      {children}
    </section>
  );
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
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col" className="sh-num">
            {scoreLabel}
          </th>
          <th scope="col">Summary</th>
        </tr>
      </thead>
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

export function ReportDocument({ model }: { model: ReportModel }): ReactElement {
  const m = model;
  const u = m.browseUrl;
  const failing = Object.fromEntries(m.criteria.map((c) => [c.criterion, c.failingCount])) as Record<Criterion, number>;
  const passRates = Object.fromEntries(m.criteria.map((c) => [c.criterion, c.passRate])) as Record<Criterion, number>;
  const anchors = Object.fromEntries(m.criteria.map((c) => [c.criterion, c.anchor])) as Record<Criterion, string>;
  const tool = m.toolVersion ? `story-health ${m.toolVersion}, engine ${m.engineVersion}` : `engine ${m.engineVersion}`;

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
                {SECTIONS.map(([id, title]) => (
                  <li key={id}>
                    <a href={`#${id}`}>{title}</a>
                  </li>
                ))}
              </ol>
            </nav>
          </header>

          <Section id="score">
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

          <Section id="criteria">
            <p className="sh-subtle">A story passes a criterion when it scores 80 or more on it. Select a bar to list the stories that fail it.</p>
            <CriteriaBars passRates={passRates} failing={failing} href={(c) => `#${anchors[c]}`} id="sh-criteria" />
          </Section>

          <Section id="histogram">
            <ScoreHistogram histogram={m.snapshot.histogram} id="sh-histogram" />
          </Section>

          <Section id="counts">
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

          <Section id="fix-first">
            {m.fixFirst.length ? (
              <>
                <p className="sh-subtle">The lowest-scoring stories (larger estimates first among equals), with the most serious finding of each.</p>
                <table className="sh-table">
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
                    {m.fixFirst.map((f) => (
                      <tr key={f.key}>
                        <td>
                          <Key k={f.key} browseUrl={u} />
                        </td>
                        <td className="sh-num">{f.score}</td>
                        <td>
                          {f.summary ? <div>{truncate(f.summary, SUMMARY_MAX)}</div> : null}
                          {f.message ? <div className="sh-subtle">{oneLine(f.message)}</div> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p>Every story scores 100: nothing to fix first.</p>
            )}
          </Section>

          <Section id="duplicates">
            {m.duplicateClusters ? (
              <>
                <p>{`${plural(m.duplicateClusters, 'group', 'groups')} of near-identical stories, ${plural(m.storiesInDuplicates, 'story', 'stories')} in all.`}</p>
                <ol className="sh-list">
                  {m.duplicates.map((d, i) => (
                    <li key={i}>
                      <span className="sh-subtle">{`${pct(d.similarity)} alike: `}</span>
                      <ul className="sh-list">
                        {d.stories.map((s) => (
                          <li key={s.key}>
                            <Story s={s} browseUrl={u} />
                          </li>
                        ))}
                        {d.size > d.stories.length ? <li className="sh-subtle">{`… ${andMore(d.stories.length, d.size)}`}</li> : null}
                      </ul>
                    </li>
                  ))}
                </ol>
                <More shown={m.duplicates.length} total={m.duplicateClusters} what="groups" />
              </>
            ) : (
              <p>No near-duplicate stories.</p>
            )}
          </Section>

          <Section id="dependencies">
            <h3>Dependency cycles</h3>
            {m.cycleCount ? (
              <>
                <p>{`${plural(m.cycleCount, 'group', 'groups')} of stories block each other: none of them can be finished first.`}</p>
                <ol className="sh-list">
                  {m.cycles.map((cycle, i) => (
                    <li key={i}>
                      {cycle.stories.map((s, j) => (
                        <span key={s.key}>
                          {j ? ', ' : ''}
                          <Key k={s.key} browseUrl={u} />
                        </span>
                      ))}
                      {cycle.size > cycle.stories.length ? <span className="sh-subtle">{` … ${andMore(cycle.stories.length, cycle.size)}`}</span> : null}
                    </li>
                  ))}
                </ol>
                <More shown={m.cycles.length} total={m.cycleCount} what="cycles" />
              </>
            ) : (
              <p>No dependency cycles.</p>
            )}
            <h3>Longest blocked-by chain</h3>
            {m.longestChainLength > 1 ? (
              <>
                <p>{`${plural(m.longestChainLength, 'story', 'stories')} wait on each other, from the one that waits longest to the root blocker.`}</p>
                <ol className="sh-chain">
                  {m.longestChain.map((s, i) => (
                    <li key={`${s.key}-${i}`}>
                      {i ? <span className="sh-subtle">{'↳ blocked by '}</span> : null}
                      <Story s={s} browseUrl={u} />
                    </li>
                  ))}
                </ol>
                <More shown={m.longestChain.length} total={m.longestChainLength} what="stories in the chain" />
              </>
            ) : (
              <p>No story is blocked by another.</p>
            )}
          </Section>

          <Section id="personas" title="Who the backlog serves">
            <p>
              {m.personaCount
                ? `${plural(m.personaCount, 'persona', 'personas')} named in the stories' roles. `
                : 'No story names a role. '}
              {m.servesNobody ? (
                <>
                  <strong>{plural(m.servesNobody, 'story serves', 'stories serve')}</strong>
                  {` nobody we can name (no role): ${shareOf(m.servesNobody, m.count)} of the backlog.`}
                </>
              ) : m.count ? (
                'Every story names who it serves.'
              ) : null}
            </p>
            {m.personas.length ? (
              <table className="sh-table">
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
                  {m.personas.map((p) => (
                    <tr key={p.persona}>
                      <td>{p.persona}</td>
                      <td className="sh-num">{p.count}</td>
                      <td>
                        {p.keys.slice(0, 5).map((k, j) => (
                          <span key={k}>
                            {j ? ', ' : ''}
                            <Key k={k} browseUrl={u} />
                          </span>
                        ))}
                        {p.count > Math.min(5, p.keys.length) ? <span className="sh-subtle">{` ${andMore(Math.min(5, p.keys.length), p.count)}`}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <More shown={m.personas.length} total={m.personaCount} what="personas" />
          </Section>

          <Section id="uniformity">
            {m.count ? (
              <p>
                {`${pct(m.uniformity.share)} of stories are written as `}
                <strong>{m.uniformity.formName}</strong>
                {m.uniformity.dominantForm === 'none' ? ': most stories follow no user-story template.' : '.'}
              </p>
            ) : (
              <p>No stories.</p>
            )}
          </Section>

          <Section id="failing" title="Stories failing each criterion">
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
      </body>
    </html>
  );
}

/** The whole report as one HTML document (UTF-8). */
export function renderHtml(model: ReportModel): string {
  return `<!DOCTYPE html>\n${renderToStaticMarkup(<ReportDocument model={model} />)}\n`;
}
