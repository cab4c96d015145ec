import { aggregate, LIST_LIMITS, PASS_SCORE, SNAPSHOT_BUDGET_BYTES, withinBudget } from '../../src/core/aggregate';
import { jsonBytes } from '../../src/core/bytes';
import { analyzeForScan, RECORD_LIMITS } from '../../src/core/scan-record';
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
  expect(s.duplicates).toEqual([{ keys: ['Z-2', 'Z-3'], size: 2, similarity: 1 }]);
  expect(s.dependencyCycles).toEqual([{ keys: ['Z-1', 'Z-2'], size: 2 }]);
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

test('20,000 stories in clusters of 1,000: every list is cut, with its full size, and the snapshot fits one storage value', () => {
  const base = records([{ key: 'Z-1', summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.' }])[0]!;
  const many = Array.from({ length: 20_000 }, (_, i) => ({
    ...base,
    key: `WAREHOUSE-${i + 1}`,
    dupText: `cluster ${Math.floor(i / 1000)} of near-identical stories about the same picture zone`,
    // Each cluster's stories share their summary (the record copied from Z-1 would make all 20,000 one group).
    dupKey: `cluster ${Math.floor(i / 1000)}`,
    // A blocked-by chain through a whole cluster: a cycle of 1,000 stories.
    links: [{ type: 'Blocks', direction: 'inward' as const, key: `WAREHOUSE-${(i % 1000 === 999 ? i - 999 : i + 1) + 1}` }],
  }));
  const s = aggregate(many, meta);
  expect(s.counts.duplicateClusters).toBe(20);
  expect(s.counts.storiesInDuplicates).toBe(20_000);
  expect(s.duplicates.every((c) => c.size === 1000 && c.keys.length === LIST_LIMITS.clusterKeys)).toBe(true);
  expect(s.dependencyCycles.length).toBeLessThanOrEqual(LIST_LIMITS.cycles);
  expect(s.dependencyCycles[0]).toMatchObject({ size: 1000 });
  expect(s.dependencyCycles[0]!.keys).toHaveLength(LIST_LIMITS.cycleKeys);
  expect(jsonBytes(s)).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES);
});

test('a snapshot is measured in UTF-8 bytes and cut until it fits, whatever the text', () => {
  const base = records([{ key: 'Z-1', summary: 'As an admin, I want to draw a zone on a picture, so that uploads are cut into it.' }])[0]!;
  // 300 personas with 100-character names of 4-byte characters: far over the budget before cutting.
  const many = Array.from({ length: 3000 }, (_, i) => ({ ...base, key: `Z-${i + 1}`, role: `${'🪁'.repeat(50)}${i % 300}`, dupText: `story ${i}` }));
  const s = aggregate(many, meta);
  expect(jsonBytes(s)).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES);
  expect(s.counts.personas).toBe(300);
  const huge = { ...s, personas: Array.from({ length: 5000 }, (_, i) => ({ persona: '界'.repeat(100), count: 2, keys: [`Z-${i}`] })) };
  expect(jsonBytes(huge)).toBeGreaterThan(SNAPSHOT_BUDGET_BYTES);
  const cut = withinBudget(huge);
  expect(jsonBytes(cut)).toBeLessThanOrEqual(SNAPSHOT_BUDGET_BYTES);
  expect(cut.counts).toEqual(huge.counts);
});

test('a record keeps at most 50 links (dependencies first) and 50 mentioned keys, however many the story has', () => {
  const links = [
    ...Array.from({ length: 5000 }, (_, i) => ({ type: 'Relates', direction: 'outward' as const, key: `R-${i + 1}` })),
    { type: 'Blocks', direction: 'inward' as const, key: 'B-1' },
  ];
  const mentions = Array.from({ length: 5000 }, (_, i) => `depends on M-${i + 1}`).join('. ');
  const { record } = analyzeForScan({ key: 'Z-1', source: 'issue', summary: 'As an admin, I want to draw a zone, so that uploads are cut.', description: mentions, links }, DEFAULT_SETTINGS);
  expect(record.links).toHaveLength(RECORD_LIMITS.links);
  expect(record.links[0]).toEqual({ type: 'Blocks', direction: 'inward', key: 'B-1' });
  expect(record.mentions.length).toBeLessThanOrEqual(RECORD_LIMITS.mentions);
  expect(jsonBytes(record)).toBeLessThan(10_000);
});
