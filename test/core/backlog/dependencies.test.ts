import type { StoryLink } from '../../../src/core/story';
import { dependencyGraph, linkDependency, type DependencyItem } from '../../../src/core/backlog/index';
import { returnsEach } from '../../returns-each';

const blockedBy = (key: string): StoryLink => ({ type: 'Blocks', direction: 'inward', key });
const blocks = (key: string): StoryLink => ({ type: 'Blocks', direction: 'outward', key });
const item = (key: string, links: StoryLink[] = [], mentions: string[] = []): DependencyItem => ({ key, links, mentions });

describe('linkDependency', () => {
  returnsEach('%s (%s) → %s', (type: string, direction: StoryLink['direction']) => linkDependency({ type, direction, key: 'PIC-9' }), [
    ['Blocks', 'inward', 'blocked-by-key'],
    ['Blocks', 'outward', 'blocks-key'],
    ['Blocker', 'inward', 'blocked-by-key'],
    ['blocks', 'outward', 'blocks-key'],
    ['is blocked by', 'inward', 'blocked-by-key'],
    ['is blocked by', 'outward', 'blocked-by-key'],
    ['Depends', 'inward', 'blocked-by-key'],
    ['Depends', 'outward', 'blocks-key'],
    ['Dependency', 'inward', 'blocked-by-key'],
    ['depends on', 'outward', 'blocked-by-key'],
    ['is dependent on', 'inward', 'blocked-by-key'],
    ['is depended on by', 'inward', 'blocks-key'],
    ['Relates', 'inward', null],
    ['Duplicate', 'outward', null],
    ['Cloners', 'inward', null],
    ['', 'inward', null],
  ]);
});

describe('dependencyGraph', () => {
  it('is empty for an empty backlog or one without dependencies', () => {
    const empty = { blockedBy: {}, cycles: [], longestBlockedChain: [] };
    expect(dependencyGraph([])).toEqual(empty);
    expect(dependencyGraph([item('PIC-1', [{ type: 'Relates', direction: 'outward', key: 'PIC-2' }]), item('PIC-2')])).toEqual(empty);
  });

  it('reads edges from both link directions and from mentions, without repeats', () => {
    const graph = dependencyGraph([
      item('PIC-1', [blockedBy('PIC-2'), blockedBy('PIC-2')], ['PIC-2', 'PIC-3']),
      item('PIC-2', [blocks('PIC-4')]),
      item('PIC-3'),
      item('PIC-4', [blockedBy('PIC-2')]),
    ]);
    expect(graph.blockedBy).toEqual({ 'PIC-1': ['PIC-2', 'PIC-3'], 'PIC-4': ['PIC-2'] });
    expect(graph.cycles).toEqual([]);
    expect(graph.longestBlockedChain).toEqual(['PIC-1', 'PIC-2']);
  });

  it('finds the cycle A → B → C → A and a self-loop, in input order', () => {
    const graph = dependencyGraph([
      item('ZONE-1'),
      item('ZONE-5', [], ['ZONE-5']),
      item('ZONE-3', [{ type: 'Depends', direction: 'inward', key: 'ZONE-4' }]),
      item('ZONE-4', [{ type: 'is blocked by', direction: 'inward', key: 'ZONE-2' }]),
      item('ZONE-2', [], ['ZONE-3']),
      item('ZONE-6', [blockedBy('ZONE-2')]),
    ]);
    expect(graph.cycles).toEqual([['ZONE-5'], ['ZONE-3', 'ZONE-4', 'ZONE-2']]);
    expect(graph.blockedBy).toEqual({
      'ZONE-5': ['ZONE-5'],
      'ZONE-3': ['ZONE-4'],
      'ZONE-4': ['ZONE-2'],
      'ZONE-2': ['ZONE-3'],
      'ZONE-6': ['ZONE-2'],
    });
    // ZONE-6 waits on the whole cycle.
    expect(graph.longestBlockedChain).toEqual(['ZONE-6', 'ZONE-3', 'ZONE-4', 'ZONE-2']);
  });

  it('finds two separate cycles and orders them by their first key', () => {
    const graph = dependencyGraph([
      item('A-1', [blockedBy('A-2')]),
      item('B-1', [blockedBy('B-2')]),
      item('A-2', [blockedBy('A-1')]),
      item('B-2', [blocks('B-1'), blockedBy('B-1')]),
    ]);
    expect(graph.cycles).toEqual([
      ['A-1', 'A-2'],
      ['B-1', 'B-2'],
    ]);
  });

  it('keeps keys outside the set in blockedBy and the chain, but never in cycles', () => {
    const graph = dependencyGraph([
      item('FOOD-1', [blockedBy('EXT-1')]),
      item('FOOD-2', [blockedBy('FOOD-1'), blocks('EXT-2')]),
      // FOOD-3 ↔ EXT-3 would be a cycle only through a story we do not have.
      item('FOOD-3', [blockedBy('EXT-3'), blocks('EXT-3')]),
    ]);
    expect(graph.blockedBy).toEqual({
      'FOOD-1': ['EXT-1'],
      'FOOD-2': ['FOOD-1'],
      'FOOD-3': ['EXT-3'],
      'EXT-2': ['FOOD-2'],
      'EXT-3': ['FOOD-3'],
    });
    expect(graph.cycles).toEqual([]);
    expect(graph.longestBlockedChain).toEqual(['EXT-2', 'FOOD-2', 'FOOD-1', 'EXT-1']);
  });

  it('picks the longest chain, ties going to the earliest stories', () => {
    const graph = dependencyGraph([
      item('S-1', [blockedBy('S-2')]),
      item('S-2', [blockedBy('S-3')]),
      item('S-3'),
      item('S-4', [blockedBy('S-5')]),
      item('S-5', [blockedBy('S-6')]),
      item('S-6', [blockedBy('S-7')]),
      item('S-7'),
      item('S-8', [blockedBy('S-9')]),
      item('S-9'),
    ]);
    expect(graph.longestBlockedChain).toEqual(['S-4', 'S-5', 'S-6', 'S-7']);
    const tie = dependencyGraph([item('T-1', [blockedBy('T-2')]), item('T-3', [blockedBy('T-4')]), item('T-2'), item('T-4')]);
    expect(tie.longestBlockedChain).toEqual(['T-1', 'T-2']);
  });

  it('handles a 50,000-story chain without overflowing the stack', () => {
    const n = 50_000;
    const chain = Array.from({ length: n }, (_, i) => item(`K-${i}`, i > 0 ? [blockedBy(`K-${i - 1}`)] : []));
    const graph = dependencyGraph(chain);
    expect(graph.longestBlockedChain).toHaveLength(n);
    expect(graph.longestBlockedChain[0]).toBe(`K-${n - 1}`);
    expect(graph.longestBlockedChain[n - 1]).toBe('K-0');
    expect(graph.cycles).toEqual([]);
    expect(Object.keys(graph.blockedBy)).toHaveLength(n - 1);
  });

  it('handles a 50,000-story ring as one cycle', () => {
    const n = 50_000;
    const ring = Array.from({ length: n }, (_, i) => item(`R-${i}`, [], [`R-${(i + 1) % n}`]));
    const graph = dependencyGraph(ring);
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles[0]).toHaveLength(n);
    expect(graph.cycles[0]![0]).toBe('R-0');
    expect(graph.longestBlockedChain).toHaveLength(n);
  });

  it('treats a key such as "__proto__" as an ordinary key', () => {
    const graph = dependencyGraph([item('__proto__', [blockedBy('constructor')])]);
    expect(Object.keys(graph.blockedBy)).toEqual(['__proto__']);
    expect(graph.blockedBy['__proto__']).toEqual(['constructor']);
  });
});
