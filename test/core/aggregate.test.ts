import { aggregate, PASS_SCORE } from '../../src/core/aggregate';
import { analyzeForScan } from '../../src/core/scan-record';
import { DEFAULT_SETTINGS } from '../../src/core/config';

const meta = { createdAt: '2026-11-21T00:00:00.000Z', engineVersion: 'test' };

function records(stories: { key: string; summary: string; storyPoints?: number | null; links?: { type: string; direction: 'inward' | 'outward'; key: string }[] }[]) {
  return stories.map((s) => analyzeForScan({ source: 'issue', description: 'Acceptance criteria:\n- it works as described', ...s }, DEFAULT_SETTINGS).record);
}

test('an empty backlog aggregates to a neutral snapshot', () => {
  const s = aggregate([], meta);
  expect(s.count).toBe(0);
  expect(s.score).toBe(100);
  expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(0);
  expect(s.fixFirst).toEqual([]);
});

test('counts, pass rates, duplicates, cycles and fix-first', () => {
  const recs = records([
    { key: 'Z-1', summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.', storyPoints: 3, links: [{ type: 'Blocks', direction: 'inward', key: 'Z-2' }] },
    { key: 'Z-2', summary: 'As an admin, I want to name a zone, so that its folder is easy to find.', storyPoints: 2, links: [{ type: 'Blocks', direction: 'inward', key: 'Z-1' }] },
    { key: 'Z-3', summary: 'As an admin, I want to name a zone, so that its folder is easy to find.', storyPoints: 2 },
    { key: 'Z-4', summary: 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images', storyPoints: 13 },
    { key: 'Z-5', summary: 'Database tables for zones', storyPoints: null },
  ]);
  const s = aggregate(recs, meta);
  expect(s.count).toBe(5);
  expect(s.counts.technical).toBe(2); // Z-4 and Z-5 ("Database tables for zones" is technical work with no role)
  expect(s.counts.oversized).toBe(1);
  expect(s.counts.noEstimate).toBe(1);
  expect(s.duplicates).toEqual([{ keys: ['Z-2', 'Z-3'], similarity: 1 }]);
  expect(s.dependencyCycles).toEqual([['Z-1', 'Z-2']]);
  expect(s.histogram.reduce((a, b) => a + b, 0)).toBe(5);
  for (const rate of Object.values(s.passRates)) expect(rate).toBeGreaterThanOrEqual(0);
  expect(s.passRates.valuable).toBe(recs.filter((r) => r.criteria.valuable >= PASS_SCORE).length / 5);
  expect(s.fixFirst[0]?.key).toBe('Z-5');
  expect(s.personas.map((p) => p.persona)).toContain('admin');
  expect(s.servesNobodyCount).toBe(1);
  expect(JSON.stringify(s).length).toBeLessThan(240 * 1024);
});

test('a snapshot of a huge backlog still fits one storage value', () => {
  const base = records([{ key: 'Z-1', summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.' }])[0]!;
  const many = Array.from({ length: 20_000 }, (_, i) => ({ ...base, key: `Z-${i + 1}`, dupText: `${base.dupText} number ${Math.floor(i / 2)}`, dupKey: `${base.dupKey ?? ''} number ${Math.floor(i / 2)}`, role: `role ${i % 300}` }));
  const s = aggregate(many, meta);
  expect(s.counts.duplicateClusters).toBeGreaterThan(100);
  expect(s.duplicates.length).toBe(100);
  expect(s.counts.personas).toBe(300);
  expect(s.personas.length).toBe(50);
  expect(JSON.stringify(s).length).toBeLessThan(240 * 1024);
});
