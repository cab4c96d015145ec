/**
 * The rule labels (test/eval/rules/*.jsonl): the checks behind `validate.ts` on tiny inline data, the label
 * files' structure and coverage, and, when the shared data sets are present, the full check against them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { datasetsDir } from '../../../scripts/lib/datasets';
import { LABELS_FILE, NOTES_FILE, ORIGINAL_FILE, checkAgainstDatasets, checkStructure } from './check-labels';
import { countsByRule } from './counts';
import { datasetLabel, parseLabels, shapeProblems } from './label-schema';
import { copiedRun, evidenceOccurs, wordRuns, words } from './text-checks';

describe('text checks', () => {
  it('finds a run of six words copied from a source, and not a run of five', () => {
    const source = 'As a diner, I want to filter reviews by cuisine, so that I find places I like.';
    expect(copiedRun('Diners filter reviews by cuisine, so that I find them', [source])).toBe('filter reviews by cuisine so that');
    expect(copiedRun('they filter reviews by cuisine so then eat', [source])).toBeNull();
    expect(copiedRun('Diners filter reviews by cuisine, so that I find them', wordRuns([source]))).toBe('filter reviews by cuisine so that');
  });

  it('compares words, not punctuation or case', () => {
    expect(words("Don't  RE-use, it's fine.")).toEqual(["don't", 're-use', "it's", 'fine']);
    expect(copiedRun('ONE two, three: four five six', ['one two three four five six seven'])).toBe('one two three four five six');
  });

  it('finds evidence case-insensitively across line breaks and double spaces', () => {
    expect(evidenceOccurs('I want  a Quick\nassessment', 'quick assessment')).toBe(true);
    expect(evidenceOccurs('I want an assessment', 'quick assessment')).toBe(false);
  });
});

describe('label shape', () => {
  it('wants evidence on positives only, and "other" on duplicates only', () => {
    expect(shapeProblems({ rule: 'vague-term', expected: true })).toEqual(['a positive needs evidence']);
    expect(shapeProblems({ rule: 'vague-term', expected: false, evidence: 'fast' })).toEqual(['a negative carries evidence']);
    expect(shapeProblems({ rule: 'missing-benefit', expected: true })).toEqual([]);
    expect(shapeProblems({ rule: 'duplicate', expected: true, line: 4 })).toEqual(['a duplicate label needs "other"']);
    expect(shapeProblems({ rule: 'duplicate', expected: true, line: 4, other: 4 })).toEqual(['"other" is the line itself']);
    expect(shapeProblems({ rule: 'not-atomic', expected: false, line: 4, other: 5 })).toEqual(['"other" belongs to duplicate labels only']);
  });

  it('reports each bad line with its number and still loads the good ones', () => {
    const text = [
      '{"rule":"vague-term","source":"user-stories/g04-recycling.txt","line":5,"expected":true,"evidence":"flexible","why":"no measure given"}',
      'not json',
      '{"rule":"no-such-rule","source":"user-stories/g04-recycling.txt","line":5,"expected":false,"why":"no measure given"}',
      '{"rule":"vague-term","source":"user-stories/g04-recycling.txt","line":6,"expected":true,"evidence":"one two three four five","why":"too long"}',
      '',
    ].join('\n');
    const parsed = parseLabels(text, datasetLabel, 'x.jsonl');
    expect(parsed.labels.map((l) => l.lineNo)).toEqual([1]);
    expect(parsed.problems).toHaveLength(3);
    expect(parsed.problems[0]).toMatch(/^x\.jsonl:2: not JSON/);
    expect(parsed.problems[1]).toMatch(/^x\.jsonl:3: rule: unknown rule id/);
    expect(parsed.problems[2]).toMatch(/^x\.jsonl:4: evidence: evidence has more than 4 words/);
  });

  it('catches a label given twice, and a duplicate pair given in both orders', () => {
    const one = '{"rule":"duplicate","source":"user-stories/g02-federalspending.txt","line":5,"other":11,"expected":true,"why":"same text"}';
    const flipped = '{"rule":"duplicate","source":"user-stories/g02-federalspending.txt","line":11,"other":5,"expected":true,"why":"same text"}';
    expect(checkStructure(`${one}\n${flipped}\n`, '').problems).toEqual(['labels.jsonl:2: same label as line 1 (duplicate user-stories/g02-federalspending.txt 5~11)']);
  });

  it('checks that an original story carries its own evidence', () => {
    const orig = '{"rule":"dependency","key":"ORIG-D1","summary":"As a rider, I want receipts.","description":"Blocked by X-1.","expected":true,"evidence":"waits for X-2","why":"needs other work"}';
    expect(checkStructure('', orig).problems).toEqual(['original.jsonl:1: evidence "waits for X-2" is not in the story']);
  });
});

describe('the label files', () => {
  const labels = readFileSync(LABELS_FILE, 'utf8');
  const original = readFileSync(ORIGINAL_FILE, 'utf8');

  it('parse without problems', () => {
    expect(checkStructure(labels, original).problems).toEqual([]);
  });

  it('hold at least 25 positives and 25 negatives for each main rule', () => {
    const { dataset, original: orig } = checkStructure(labels, original);
    const counts = new Map(countsByRule(dataset, orig).map((c) => [c.rule, c]));
    const main = ['vague-term', 'implementation-detail', 'not-atomic', 'oversized', 'weak-benefit', 'missing-benefit', 'missing-goal', 'horizontal-slice', 'dependency', 'duplicate'];
    for (const rule of main) {
      expect({ rule, positives: Math.min(25, counts.get(rule)?.positives ?? 0), negatives: Math.min(25, counts.get(rule)?.negatives ?? 0) }).toEqual({ rule, positives: 25, negatives: 25 });
    }
    expect(counts.get('not-minimal')?.positives ?? 0).toBeGreaterThan(0);
  });

  const datasets = datasetsDir();
  (existsSync(datasets) ? it : it.skip)('point at real lines and rows, carry their evidence, and neither they nor the README copy data-set text (needs ../shared/datasets)', () => {
    expect(checkAgainstDatasets(labels, original, datasets, readFileSync(NOTES_FILE, 'utf8')).problems).toEqual([]);
  });
});
