import { renderToStaticMarkup } from 'react-dom/server';
import { CriteriaBars } from '../../src/render/view/charts/CriteriaBars';
import { bucketCounts, niceMax, ScoreHistogram } from '../../src/render/view/charts/ScoreHistogram';
import { TrendChart } from '../../src/render/view/charts/TrendChart';
import { clamp } from '../../src/render/view/charts/theme';
import { CRITERIA } from '../../src/render/view/criteria';

const count = (html: string, re: RegExp) => (html.match(new RegExp(re.source, 'g')) ?? []).length;
const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

/** Every id an aria-labelledby / aria-describedby names exists, and ids are unique. */
function expectAccessibleNames(html: string): void {
  const ids = attrs(html, 'id');
  expect(new Set(ids).size).toBe(ids.length);
  for (const ref of [...attrs(html, 'aria-labelledby'), ...attrs(html, 'aria-describedby')]) {
    for (const id of ref.split(' ')) expect(ids).toContain(id);
  }
}

function expectClean(html: string): void {
  expect(html).not.toMatch(/NaN|undefined|Infinity/);
  expect(html).not.toMatch(/<script|src=|<link|https?:\/\/(?!www\.w3\.org)/);
}

describe('CriteriaBars', () => {
  const rates = { independent: 0.99, negotiable: 1, valuable: 0.013, estimable: 1, small: 0.954, testable: 0, template: 0.5 };

  it('draws one bar per criterion, I N V E S T and the template, with % labels', () => {
    const html = renderToStaticMarkup(<CriteriaBars passRates={rates} id="c" />);
    expect(count(html, /class="sh-bar"/)).toBe(7);
    expect(attrs(html, 'data-criterion')).toEqual([...CRITERIA]);
    for (const label of ['Independent', 'Negotiable', 'Valuable', 'Estimable', 'Small', 'Testable', 'Story template']) expect(html).toContain(label);
    for (const p of ['99%', '100%', '1%', '95%', '0%', '50%']) expect(html).toContain(`>${p}<`);
    expectClean(html);
    expectAccessibleNames(html);
  });

  it('is one image with a title, a description and a hidden data table when not interactive', () => {
    const html = renderToStaticMarkup(<CriteriaBars passRates={rates} failing={{ independent: 3, testable: 120 }} id="c" />);
    expect(html).toMatch(/<svg role="img" aria-labelledby="c-title" aria-describedby="c-desc"/);
    expect(html).toContain('<title id="c-title">Pass rate per criterion</title>');
    expect(html).toMatch(/<desc id="c-desc">Share of stories that pass each criterion[^<]*Valuable 1%/);
    expect(count(html, /<tr>/)).toBe(1 + 7);
    expect(html).toMatch(/<table style="position:absolute;width:1px;height:1px/);
    expect(html).not.toContain('role="button"');
  });

  it('clamps rates to 0–100% and never prints NaN', () => {
    const html = renderToStaticMarkup(<CriteriaBars passRates={{ independent: 1.7, negotiable: -0.2, valuable: Number.NaN, small: Infinity }} width={400} id="c" />);
    expect(count(html, /class="sh-bar"/)).toBe(4);
    expect(html).toMatch(/data-criterion="independent"[^>]*width="(\d+(\.\d+)?)"/);
    const widths = [...html.matchAll(/class="sh-bar" data-criterion="\w+" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[2]));
    const span = 400 - 158 - 52;
    expect(widths).toEqual([span, 0, 0, 0]);
    expect(html).toContain('>100%<');
    expectClean(html);
  });

  it('makes each bar a focusable button with an aria-label when given onSelect', () => {
    const html = renderToStaticMarkup(<CriteriaBars passRates={rates} failing={{ testable: 120, negotiable: 0 }} onSelect={() => undefined} id="c" />);
    expect(count(html, /role="button" tabindex="0"/)).toBe(7);
    expect(html).toContain('aria-label="Testable: 0% of stories pass, 120 stories fail. Show the failing stories."');
    expect(html).toContain('aria-label="Negotiable: 100% of stories pass, 0 stories fail."');
    expect(html).toMatch(/<svg role="group"/);
    expect(html).not.toContain('<table');
    expectAccessibleNames(html);
  });

  it('makes each bar a link with href(criterion)', () => {
    const html = renderToStaticMarkup(<CriteriaBars passRates={rates} href={(c) => `#failing-${c}`} id="c" />);
    expect(attrs(html, 'href')).toEqual(CRITERIA.map((c) => `#failing-${c}`));
    expect(count(html, /<a class="sh-bar-row" href="[^"]+" aria-label="[^"]+"/)).toBe(7);
  });

  it('gives every chart its own ids when none are given', () => {
    const html = renderToStaticMarkup(
      <>
        <CriteriaBars passRates={rates} />
        <CriteriaBars passRates={rates} />
      </>,
    );
    expectAccessibleNames(html);
  });

  it('colours come from design tokens with fallbacks', () => {
    const html = renderToStaticMarkup(<CriteriaBars passRates={rates} id="c" />);
    expect(html).toContain('fill:var(--ds-background-brand-bold, #0c66e4)');
    expect(html).toContain('fill:var(--ds-text, #172b4d)');
    expect(html).not.toMatch(/fill="#/);
  });
});

describe('ScoreHistogram', () => {
  it('draws ten 10-point buckets, folding the perfect 100s into 90–100', () => {
    const html = renderToStaticMarkup(<ScoreHistogram histogram={[1, 0, 0, 2799, 10, 38, 54, 13, 21, 3, 4]} id="h" />);
    expect(count(html, /class="sh-bucket"/)).toBe(10);
    expect(attrs(html, 'data-bucket')).toEqual(['0–9', '10–19', '20–29', '30–39', '40–49', '50–59', '60–69', '70–79', '80–89', '90–100']);
    expect(html).toContain('<title>90–100: 7 stories</title>');
    expect(html).toContain('<title>0–9: 1 story</title>');
    expect(html).toMatch(/<desc id="h-desc">2943 stories by score: 0–9: 1, [^<]*90–100: 7\.<\/desc>/);
    expect(html).toContain('>3000<');
    expectClean(html);
    expectAccessibleNames(html);
  });

  it('handles an empty backlog and junk counts', () => {
    const empty = renderToStaticMarkup(<ScoreHistogram histogram={[]} id="h" />);
    expect(count(empty, /class="sh-bucket"/)).toBe(10);
    expect(empty).toContain('No stories.');
    expectClean(empty);
    expect(bucketCounts([Number.NaN, -3, 2.4, Infinity])).toEqual([0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    expectClean(renderToStaticMarkup(<ScoreHistogram histogram={[Number.NaN, -3, 2.4]} id="h" />));
  });

  it('bars are as tall as their counts, on a round axis', () => {
    expect([1, 2, 3, 5, 7, 9, 11, 2799, 5001].map(niceMax)).toEqual([1, 2, 4, 6, 8, 10, 20, 3000, 6000]);
    const html = renderToStaticMarkup(<ScoreHistogram histogram={[0, 0, 0, 0, 0, 2, 4, 0, 0, 0, 0]} height={240} id="h" />);
    const heights = [...html.matchAll(/class="sh-bucket"[^>]* height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(10);
    expect(heights[6]).toBeCloseTo(2 * heights[5]!, 5);
    expect(heights.filter((h) => h === 0)).toHaveLength(8);
  });
});

describe('TrendChart', () => {
  it('draws a line through the scans, oldest first, on a 0–100 axis with date labels', () => {
    const points = [
      { createdAt: '2024-03-01T10:00:00.000Z', score: 61 },
      { createdAt: '2024-01-01T10:00:00.000Z', score: 40 },
      { createdAt: '2024-02-01T10:00:00.000Z', score: 52 },
    ];
    const html = renderToStaticMarkup(<TrendChart points={points} id="t" />);
    expect(count(html, /class="sh-point"/)).toBe(3);
    expect(count(html, /<path d="M/)).toBe(1);
    for (const tick of ['>0<', '>25<', '>50<', '>75<', '>100<']) expect(html).toContain(tick);
    expect(attrs(html, 'class').filter((c) => c === 'sh-date')).toHaveLength(3);
    expect(html.indexOf('2024-01-01')).toBeLessThan(html.indexOf('2024-03-01'));
    expect(html).toContain('<desc id="t-desc">Health score over 3 scans: 40 on 2024-01-01, 61 on 2024-03-01; lowest 40, highest 61.</desc>');
    expect(html).toContain('<title>2024-02-01: 52</title>');
    expectClean(html);
    expectAccessibleNames(html);
  });

  it('says so when there is no scan, and draws one dot for one scan', () => {
    const none = renderToStaticMarkup(<TrendChart points={[]} id="t" />);
    expect(none).toContain('No scans yet');
    expect(none).not.toContain('sh-point');
    expect(none).not.toContain('<path');
    expectClean(none);
    const one = renderToStaticMarkup(<TrendChart points={[{ createdAt: '2024-01-01T00:00:00Z', score: 73 }]} id="t" />);
    expect(count(one, /class="sh-point"/)).toBe(1);
    expect(one).not.toContain('<path');
    expect(one).toContain('One scan: score 73 on 2024-01-01.');
    expect(one).toMatch(/<circle class="sh-point" cx="([\d.]+)"/);
    expectClean(one);
  });

  it('clamps scores, survives bad dates and never prints NaN', () => {
    const html = renderToStaticMarkup(
      <TrendChart
        points={[
          { createdAt: 'yesterday', score: 150 },
          { createdAt: '2024-01-01T00:00:00Z', score: Number.NaN },
          { createdAt: '2024-01-02T00:00:00Z', score: -5 },
        ]}
        id="t"
      />,
    );
    expectClean(html);
    const ys = [...html.matchAll(/class="sh-point" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(3);
    for (const y of ys) expect(y).toBeGreaterThanOrEqual(16 - 1e-9);
    expect(html).toContain('<title>yesterday: 100</title>');
  });

  it('keeps date labels apart when scans crowd together', () => {
    const day = (d: number) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString();
    const points = [0, 1, 2, 3, 4, 5, 60].map((d, i) => ({ createdAt: day(d), score: 40 + i }));
    const html = renderToStaticMarkup(<TrendChart points={points} id="t" />);
    const xs = [...html.matchAll(/class="sh-date" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(78);
    expect(html).toContain('>2024-03-01<');
  });
});

describe('clamp', () => {
  it('maps anything that is not a finite number in range into the range', () => {
    expect([clamp(5, 0, 1), clamp(-1, 0, 1), clamp(Number.NaN, 0, 1), clamp(Infinity, 0, 1), clamp('x', 0, 1), clamp(0.5, 0, 1)]).toEqual([1, 0, 0, 0, 0, 0.5]);
  });
});
