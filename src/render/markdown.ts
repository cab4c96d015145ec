/** The report as Markdown: the same sections as the HTML file, as tables and lists. */
import { CRITERION_NAMES } from './view/criteria';
import type { ReportModel, StoryRef } from './model';
import { andMore, dateTime, oneLine, pct, plural, shareOf, SUMMARY_MAX, truncate } from './view/text';

/** Story text is untrusted: escape Markdown/HTML punctuation and keep it on one line. */
export function mdEscape(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#~&]/g, '\\$&');
}

function key(k: string, browseUrl: string | null): string {
  return browseUrl ? `[${mdEscape(k)}](${browseUrl}/browse/${encodeURIComponent(k)})` : mdEscape(k);
}

function story(s: StoryRef, browseUrl: string | null): string {
  return s.summary ? `${key(s.key, browseUrl)} ${mdEscape(truncate(s.summary, SUMMARY_MAX))}` : key(s.key, browseUrl);
}

function more(shown: number, total: number, what: string): string[] {
  return total > shown ? [`… and ${total - shown} more ${what} (the JSON format lists every story).`, ''] : [];
}

export function renderMarkdown(model: ReportModel): string {
  const m = model;
  const u = m.browseUrl;
  const tool = m.toolVersion ? `story-health ${m.toolVersion}, engine ${m.engineVersion}` : `engine ${m.engineVersion}`;
  const out: string[] = [`# ${mdEscape(m.title)}`, ''];
  out.push([m.source ? mdEscape(m.source) : null, plural(m.count, 'story', 'stories'), dateTime(m.createdAt), tool].filter(Boolean).join(' · '), '');
  for (const n of m.notes) out.push(`> ${mdEscape(n)}`, '');

  out.push('## Health score', '', `**${m.score}** / 100, the mean score of ${plural(m.count, 'story', 'stories')}.`, '');
  if (m.trend.length > 1) {
    out.push('| Scan | Score |', '|---|--:|');
    for (const p of m.trend) out.push(`| ${dateTime(p.createdAt)} | ${Math.round(p.score)} |`);
    out.push('');
  }

  out.push('## Pass rate per criterion', '', 'A story passes a criterion when it scores 80 or more on it.', '');
  out.push('| Criterion | Pass rate | Failing | Mean score |', '|---|--:|--:|--:|');
  for (const c of m.criteria) {
    out.push(`| [${c.name}${c.letter ? ` (${c.letter})` : ''}](#${c.anchor}) | ${pct(c.passRate)} | ${c.failingCount} | ${c.meanScore} |`);
  }
  out.push('');

  out.push('## Score distribution', '', '| Score | Stories |', '|---|--:|');
  for (const b of m.histogram) out.push(`| ${b.label} | ${b.count} |`);
  out.push('');

  out.push('## What needs attention', '', '| | Stories | Share |', '|---|--:|--:|');
  for (const c of m.counts) out.push(`| ${c.label} | ${c.count} | ${shareOf(c.count, m.count)} |`);
  out.push('');

  out.push('## Fix these first', '');
  if (m.fixFirst.length) {
    out.push('| Key | Score | Story | Top finding |', '|---|--:|---|---|');
    for (const f of m.fixFirst) {
      out.push(`| ${key(f.key, u)} | ${f.score} | ${f.summary ? mdEscape(truncate(f.summary, SUMMARY_MAX)) : ''} | ${f.message ? mdEscape(f.message) : ''} |`);
    }
  } else out.push('Every story scores 100: nothing to fix first.');
  out.push('');

  out.push('## Duplicates', '');
  if (m.duplicateClusters) {
    out.push(`${plural(m.duplicateClusters, 'group', 'groups')} of near-identical stories, ${plural(m.storiesInDuplicates, 'story', 'stories')} in all.`, '');
    m.duplicates.forEach((d, i) => {
      out.push(`${i + 1}. ${pct(d.similarity)} alike:`);
      for (const s of d.stories) out.push(`   - ${story(s, u)}`);
      if (d.size > d.stories.length) out.push(`   - … ${andMore(d.stories.length, d.size)}`);
    });
    out.push('', ...more(m.duplicates.length, m.duplicateClusters, 'groups'));
  } else out.push('No near-duplicate stories.', '');

  out.push('## Dependencies', '', '### Dependency cycles', '');
  if (m.cycleCount) {
    out.push(`${plural(m.cycleCount, 'group', 'groups')} of stories block each other.`, '');
    m.cycles.forEach((cycle, i) => {
      const more = andMore(cycle.stories.length, cycle.size);
      out.push(`${i + 1}. ${cycle.stories.map((s) => key(s.key, u)).join(', ')}${more ? ` … ${more}` : ''}`);
    });
    out.push('', ...more(m.cycles.length, m.cycleCount, 'cycles'));
  } else out.push('No dependency cycles.', '');
  out.push('### Longest blocked-by chain', '');
  if (m.longestChainLength > 1) {
    out.push(`${plural(m.longestChainLength, 'story', 'stories')}, each blocked by the next:`, '');
    m.longestChain.forEach((s, i) => out.push(`${i + 1}. ${story(s, u)}`));
    out.push('', ...more(m.longestChain.length, m.longestChainLength, 'stories in the chain'));
  } else out.push('No story is blocked by another.', '');

  out.push('## Who the backlog serves', '');
  out.push(
    `${m.personaCount ? plural(m.personaCount, 'persona', 'personas') : 'No persona'} named in the stories' roles; ` +
      (m.servesNobody
        ? `**${plural(m.servesNobody, 'story serves', 'stories serve')}** nobody we can name (no role), ${shareOf(m.servesNobody, m.count)} of the backlog.`
        : 'every story names who it serves.'),
    '',
  );
  if (m.personas.length) {
    out.push('| Persona | Stories | For example |', '|---|--:|---|');
    for (const p of m.personas) {
      const shown = p.keys.slice(0, 5);
      const more = andMore(shown.length, p.count);
      out.push(`| ${mdEscape(p.persona)} | ${p.count} | ${shown.map((k) => key(k, u)).join(', ')}${more ? ` ${more}` : ''} |`);
    }
    out.push('', ...more(m.personas.length, m.personaCount, 'personas'));
  }

  out.push('## Template uniformity', '');
  out.push(m.count ? `${pct(m.uniformity.share)} of stories are written as **${mdEscape(m.uniformity.formName)}**.` : 'No stories.', '');

  out.push('## Stories failing each criterion', '');
  for (const c of m.criteria) {
    out.push(`<a id="${c.anchor}"></a>`, '', `### ${CRITERION_NAMES[c.criterion]}: ${plural(c.failingCount, 'story fails', 'stories fail')}`, '');
    if (c.failing.length) {
      out.push(`| Key | ${c.name} score | Summary |`, '|---|--:|---|');
      for (const s of c.failing) out.push(`| ${key(s.key, u)} | ${s.score ?? ''} | ${s.summary ? mdEscape(truncate(s.summary, SUMMARY_MAX)) : ''} |`);
      out.push('');
    } else out.push('Every story passes.', '');
    out.push(...more(c.failing.length, c.failingCount, 'stories'));
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
