import { formatMessage } from '../../src/core/locales/en';
import { CRITERIA } from '../../src/core/story';
import { renderHtml } from '../../src/render/html';
import { renderJson, type ReportJson } from '../../src/render/json';
import { mdEscape, renderMarkdown } from '../../src/render/markdown';
import { buildReport } from '../../src/render/model';
import { CREATED_AT, scan } from './helpers';

const { snapshot, rows } = scan();
const history = [{ createdAt: '2024-05-01T00:00:00.000Z', score: 58 }];
const model = buildReport(snapshot, rows, { title: 'Kite school <b>backlog</b>', source: 'kites & co.json', toolVersion: '9.9.9', history });
const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe('renderHtml', () => {
  const html = renderHtml(model);

  it('is one self-contained document: no scripts, no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toMatch(/<head><meta charset="utf-8"\/>/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<iframe|<object|<embed|<img|@import|url\(/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    // The only URL is the one the user typed into a story summary, as escaped text.
    const urls = new Set(html.match(/https?:\/\/[^\s"<]*/g) ?? []);
    expect([...urls]).toEqual(['https://evil.example/x.png']);
    expect(html).toMatch(/<style>[\s\S]*--ds-background-brand-bold[\s\S]*prefers-color-scheme: dark[\s\S]*<\/style>/);
  });

  it('escapes every piece of story text', () => {
    expect(html).toContain('Nice &lt;script&gt;alert(&quot;kite&quot;)&lt;/script&gt; &amp; &quot;quotes&quot; | pipes `ticks`');
    expect(html).toContain('<h1>Kite school &lt;b&gt;backlog&lt;/b&gt;</h1>');
    expect(html).toContain('kites &amp; co.json');
    expect(html).not.toContain('<b>');
  });

  it('has every section, in order, with unique ids and working in-page links', () => {
    const sections = ['score', 'criteria', 'histogram', 'counts', 'fix-first', 'duplicates', 'dependencies', 'personas', 'uniformity', 'failing'];
    const positions = sections.map((id) => html.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const ids = attrs(html, 'id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const href of attrs(html, 'href')) {
      expect(href.startsWith('#')).toBe(true);
      expect(ids).toContain(href.slice(1));
    }
    for (const ref of [...attrs(html, 'aria-labelledby'), ...attrs(html, 'aria-describedby')]) expect(ids).toContain(ref);
  });

  it('links each criterion bar to the list of stories failing it', () => {
    for (const c of CRITERIA) {
      expect(html).toContain(`<a class="sh-bar-row" href="#failing-${c}"`);
      expect(html).toContain(`<h3 id="failing-${c}">`);
    }
    const testable = html.slice(html.indexOf('<h3 id="failing-testable">'), html.indexOf('<h3 id="failing-template">'));
    expect(testable).toContain('Testable (T): 5 stories fail');
    for (const key of ['KITE-2', 'KITE-3', 'KITE-4', 'KITE-5', 'KITE-6']) expect(testable).toContain(`>${key}<`);
    expect(testable).not.toContain('>KITE-1<');
  });

  it('shows the numbers of the snapshot', () => {
    expect(html).toContain(`<span class="sh-score-value sh-mid">${snapshot.score}</span>`);
    expect(html).toContain('6 stories');
    expect(html).toContain('2024-06-03 09:30 UTC');
    expect(html).toMatch(/data-count="noAcceptanceCriteria"><dt>Without acceptance criteria<\/dt><dd class="sh-count">5<\/dd>/);
    expect(html).toContain('1 group of near-identical stories, 2 stories in all.');
    expect(html).toContain('1 group of stories block each other');
    expect(html).toContain('3 stories wait on each other');
    expect(html).toContain('<strong>2 stories serve</strong> nobody we can name (no role): 33% of the backlog.');
    expect(html).toContain('67% of stories are written as <strong>As a …, I want …, so that …</strong>');
    expect(html).toContain(formatMessage('dependency', 'link', { key: 'KITE-4' }));
    // The trend: the earlier scan and this one.
    expect(html).toContain('Health score over 2 scans: 58 on 2024-05-01');
    expect(html).not.toMatch(/NaN|undefined|\[object/);
  });

  it('links issue keys to the site when there is one', () => {
    const live = renderHtml(buildReport(snapshot, rows, { browseUrl: 'https://kites.atlassian.net' }));
    expect(live).toContain('<a class="sh-key" href="https://kites.atlassian.net/browse/KITE-3">KITE-3</a>');
    const urls = new Set((live.match(/https?:\/\/[^\s"<]*/g) ?? []).map((u) => new URL(u).origin));
    expect([...urls].sort()).toEqual(['https://evil.example', 'https://kites.atlassian.net']);
  });

  it('renders an empty backlog', () => {
    const empty = scan([]);
    const out = renderHtml(buildReport(empty.snapshot, []));
    expect(out).toContain('Every story scores 100: nothing to fix first.');
    expect(out).toContain('No near-duplicate stories.');
    expect(out).not.toMatch(/NaN|undefined/);
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(model);

  it('has the same sections as the HTML file', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual([
      '## Health score',
      '## Pass rate per criterion',
      '## Score distribution',
      '## What needs attention',
      '## Fix these first',
      '## Duplicates',
      '## Dependencies',
      '## Who the backlog serves',
      '## Template uniformity',
      '## Stories failing each criterion',
    ]);
    expect(md.startsWith('# Kite school \\<b\\>backlog\\</b\\>\n')).toBe(true);
  });

  it('tables agree with the snapshot', () => {
    for (const c of CRITERIA) {
      const row = md.split('\n').find((l) => l.includes(`](#failing-${c})`))!;
      expect(row).toContain(`| ${Math.round(snapshot.passRates[c] * 100)}% |`);
    }
    expect(md).toContain('| Without acceptance criteria | 5 | 83% |');
    expect(md).toContain('| 90–100 | 1 |');
    expect(md).toContain('| 2024-05-01 00:00 UTC | 58 |');
  });

  it('escapes story text so it cannot break tables or inject HTML', () => {
    const line = md.split('\n').find((l) => l.includes('KITE-6') && l.includes('Nice'))!;
    expect(line).toContain('Nice \\<script\\>alert("kite")\\</script\\> \\& "quotes" \\| pipes \\`ticks\\`');
    expect(md).not.toMatch(/(^|[^\\])<script/);
    expect(mdEscape('a|b\nc')).toBe('a\\|b c');
    // Each table row has as many cells as its header.
    for (const table of md.split('\n\n').filter((b) => b.startsWith('|'))) {
      const lines = table.split('\n').filter(Boolean);
      const cells = (l: string) => l.replace(/\\\|/g, '').split('|').length;
      for (const l of lines) expect(cells(l)).toBe(cells(lines[0]!));
    }
  });
});

describe('renderJson', () => {
  it('is the snapshot, the trend and one row per story with its message', () => {
    const json = JSON.parse(renderJson(model)) as ReportJson;
    expect(json.snapshot).toEqual(snapshot);
    expect(json.history).toEqual([...history, { createdAt: CREATED_AT, score: snapshot.score }]);
    expect(json.tool).toEqual({ name: 'story-health', version: '9.9.9', engineVersion: '1.0.0' });
    expect(json.stories).toHaveLength(6);
    const kite3 = json.stories.find((s) => s.key === 'KITE-3')!;
    expect(kite3.top).toEqual({ ruleId: 'dependency', messageId: 'link', data: { key: 'KITE-4' }, message: formatMessage('dependency', 'link', { key: 'KITE-4' }) });
    expect(json.stories.find((s) => s.key === 'KITE-1')!.top).toBeNull();
  });
});

describe('cut lists', () => {
  // A snapshot whose lists were cut (as for a big backlog): each keeps its first keys and its full size.
  const cut = {
    ...snapshot,
    duplicates: [{ ...snapshot.duplicates[0]!, size: 1000 }],
    dependencyCycles: [{ ...snapshot.dependencyCycles[0]!, size: 250 }],
    personas: snapshot.personas.map((p, i) => (i === 0 ? { ...p, count: p.keys.length + 40 } : p)),
  };
  const m = buildReport(cut, rows);

  it('the HTML report says how many more each list has', () => {
    const html = renderHtml(m);
    expect(html).toContain('… and 998 more stories');
    expect(html).toContain('… and 248 more stories');
    expect(html).toMatch(/and 40 more stories/);
  });

  it('the Markdown report says it too', () => {
    const md = renderMarkdown(m);
    expect(md).toContain('   - … and 998 more stories');
    expect(md).toMatch(/^1\. .*KITE-5.* … and 248 more stories$/m);
    expect(md).toMatch(/\| kite surfer \| \d+ \| .* and 40 more stories \|/);
    // Nothing to add when a list is whole.
    expect(renderMarkdown(model)).not.toMatch(/and \d+ more stories/);
  });
});
