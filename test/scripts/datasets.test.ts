/** Unit tests of the pure helpers behind `npm run eval` and `npm run bench` (no data set rows here). */
import { join } from 'node:path';
import {
  AQUSA_KINDS,
  AQUSA_TO_RULE,
  REPO_ROOT,
  annotatedStory,
  datasetsDir,
  expectedRules,
  issueTypes,
  kappaTable,
  kindsOf,
  labelledKinds,
  numberWord,
  parseCsv,
  readmeCitations,
  splitContext,
  syntheticBacklog,
  type DoccanoRecord,
} from '../../scripts/lib/datasets';
import {
  accuracy,
  addConfusion,
  cohenKappa,
  emptyConfusion,
  normalizeSpanText,
  observe,
  percentile,
  precision,
  recall,
  tokenF1,
} from '../../scripts/lib/metrics';
import { cell, rate } from '../../scripts/lib/markdown';
import { compareSpan, spreadPick } from '../../scripts/lib/eval-spans';
import { ustaiTechnical } from '../../scripts/lib/eval-technical';

function labelRow(set: Partial<Record<(typeof AQUSA_KINDS)[number], string>>): Record<string, string> {
  const row: Record<string, string> = { ID: '1', 'User Story': 'As a baker, I want bread.' };
  for (const k of AQUSA_KINDS) row[k] = set[k] ?? '0';
  return row;
}

describe('AQUSA label mapping', () => {
  it('maps every kind to one of our rule ids', () => {
    expect(AQUSA_TO_RULE['well_formed.no_role']).toBe('missing-role');
    expect(AQUSA_TO_RULE['well_formed.no_means']).toBe('missing-goal');
    expect(AQUSA_TO_RULE['atomic.conjunctions']).toBe('not-atomic');
    expect(AQUSA_TO_RULE['unique.identical']).toBe('duplicate');
    expect(AQUSA_TO_RULE['uniform.uniform']).toBe('non-uniform');
    expect(kindsOf('not-minimal')).toEqual(['minimal.punctuation', 'minimal.brackets', 'minimal.indicator_repetition']);
  });

  it('expects not-minimal when any of its three kinds is set', () => {
    expect([...expectedRules(labelRow({ 'minimal.brackets': '1' }))]).toEqual(['not-minimal']);
    expect([...expectedRules(labelRow({ 'minimal.punctuation': '1', 'minimal.indicator_repetition': '1' }))]).toEqual(['not-minimal']);
    expect(expectedRules(labelRow({})).size).toBe(0);
  });

  it('reads 1, 1.0 and true as set and anything else as unset', () => {
    const row = labelRow({ 'well_formed.no_role': '1.0', 'atomic.conjunctions': 'true', 'unique.identical': '2' });
    expect(labelledKinds(row)).toEqual(['well_formed.no_role', 'atomic.conjunctions']);
    expect(expectedRules(row)).toEqual(new Set(['missing-role', 'not-atomic']));
  });

  it('maps the kappa file names (g28_esp1.csv is groundTruth28_final.csv) to backlogs', () => {
    const k = kappaTable([
      { Dataset: 'g13_esp1.csv', Critério: 'atomic.conjunctions', Kappa: '0.5' },
      { Dataset: 'g28_esp1.csv', Critério: 'uniform.uniform', Kappa: '1.0' },
      { Dataset: 'other.csv', Critério: 'uniform.uniform', Kappa: '0.1' },
    ]);
    expect(k.get('g13')?.get('atomic.conjunctions')).toBe(0.5);
    expect(k.get('g28')?.get('uniform.uniform')).toBe(1);
    expect(k.size).toBe(2);
  });
});

describe('precision, recall and friends', () => {
  it('counts a confusion matrix', () => {
    const c = emptyConfusion();
    observe(c, true, true);
    observe(c, true, false);
    observe(c, false, true);
    observe(c, false, false);
    observe(c, false, false);
    expect(c).toEqual({ tp: 1, fp: 1, fn: 1, tn: 2 });
    expect(addConfusion(c, c)).toEqual({ tp: 2, fp: 2, fn: 2, tn: 4 });
    expect(accuracy(c)).toBeCloseTo(0.6);
  });

  it('computes precision and recall', () => {
    const c = { tp: 3, fp: 1, fn: 2, tn: 10 };
    expect(precision(c)).toEqual({ value: 0.75, vacuous: false });
    expect(recall(c)).toEqual({ value: 0.6, vacuous: false });
  });

  it('defines precision = 1 when nothing was flagged and recall = 1 when nothing was there, marked vacuous', () => {
    expect(precision({ tp: 0, fp: 0, fn: 4, tn: 5 })).toEqual({ value: 1, vacuous: true });
    expect(recall({ tp: 0, fp: 2, fn: 0, tn: 5 })).toEqual({ value: 1, vacuous: true });
    expect(rate(precision({ tp: 0, fp: 0, fn: 4, tn: 5 }))).toBe('1.00†');
    expect(rate(recall({ tp: 1, fp: 0, fn: 3, tn: 5 }))).toBe('0.25');
  });

  it("computes Cohen's kappa", () => {
    expect(cohenKappa({ tp: 5, fp: 0, fn: 0, tn: 5 })).toBe(1);
    expect(cohenKappa({ tp: 0, fp: 5, fn: 5, tn: 0 })).toBe(-1);
    // po = 0.7, pe = 0.5·0.5 + 0.5·0.5 = 0.5 → 0.4
    expect(cohenKappa({ tp: 7, fp: 3, fn: 3, tn: 7 })).toBeCloseTo(0.4);
  });

  it('takes nearest-rank percentiles of a sorted array', () => {
    const xs = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentile(xs, 0.5)).toBe(5);
    expect(percentile(xs, 0.99)).toBe(10);
    expect(percentile(xs, 0)).toBe(1);
    expect(Number.isNaN(percentile([], 0.5))).toBe(true);
  });
});

describe('span comparison', () => {
  it('normalizes case, whitespace and edge punctuation', () => {
    expect(normalizeSpanText('  I can Bake  bread. ')).toBe('i can bake bread');
    expect(normalizeSpanText('“Head baker,”')).toBe('head baker');
  });

  it('scores token overlap F1', () => {
    expect(tokenF1('I can bake bread', 'I can bake bread.')).toBe(1);
    expect(tokenF1('head baker', 'baker')).toBeCloseTo(2 / 3);
    expect(tokenF1('baker', null)).toBe(0);
    expect(tokenF1(null, null)).toBe(1);
  });

  it('compares an annotated span with a parser span', () => {
    const exp = { start: 6, end: 11, text: 'baker' };
    expect(compareSpan(exp, { text: 'baker', range: [6, 11] })).toEqual({ exact: true, lenient: true, f1: 1 });
    expect(compareSpan(exp, { text: 'Baker,', range: [6, 12] })).toEqual({ exact: false, lenient: true, f1: 1 });
    expect(compareSpan(exp, null)).toEqual({ exact: false, lenient: false, f1: 0 });
  });
});

describe('doccano records', () => {
  const raw = '#G99# As a baker or miller, I want to label loaves, so that buyers know the flour.';
  const at = (s: string) => raw.indexOf(s);
  const rec: DoccanoRecord = {
    id: 1,
    text: raw,
    entities: [
      { id: 1, label: 'PID', start_offset: 0, end_offset: 5 },
      { id: 2, label: 'Persona', start_offset: at('baker'), end_offset: at('baker') + 5 },
      { id: 3, label: 'Persona', start_offset: at('miller') - 1, end_offset: at('miller') + 6 },
      { id: 4, label: 'Benefit', start_offset: at('buyers'), end_offset: raw.length },
    ],
  };

  it('strips the #Gxx# prefix and shifts offsets by its 6 characters', () => {
    const a = annotatedStory(rec);
    expect(a.backlog).toBe('g99');
    expect(a.text).toBe('As a baker or miller, I want to label loaves, so that buyers know the flour.');
    const benefit = a.spans.get('Benefit');
    expect(benefit).toEqual({ start: at('buyers') - 6, end: raw.length - 6, text: 'buyers know the flour.', parts: 1 });
    expect(a.text.slice(benefit?.start, benefit?.end)).toBe('buyers know the flour.');
    expect(a.spans.has('PID')).toBe(false);
  });

  it('merges two spans of one label and trims whitespace at their edges', () => {
    const persona = annotatedStory(rec).spans.get('Persona');
    expect(persona?.text).toBe('baker or miller');
    expect(persona?.parts).toBe(2);
  });

  it('leaves text without a prefix unshifted', () => {
    const a = annotatedStory({ id: 2, text: 'As a baker, I want bread.', entities: [{ id: 1, label: 'Persona', start_offset: 5, end_offset: 10 }] });
    expect(a.backlog).toBeNull();
    expect(a.spans.get('Persona')?.text).toBe('baker');
  });
});

describe('CSV and README readers', () => {
  it('keys records by trimmed header, first of a repeated header wins, BOM dropped', () => {
    const rows = parseCsv('\uFEFFkey, title ,Story,Story\n"A-1","Bake, then sell",1,0\nA-2,"Say ""hi""",0\n');
    expect(rows).toEqual([
      { key: 'A-1', title: 'Bake, then sell', Story: '1' },
      { key: 'A-2', title: 'Say "hi"', Story: '0' },
    ]);
  });

  it('finds the one-hot issue types of a row', () => {
    expect(issueTypes({ Story: '0', 'Technical task': '1', Bug: '1' }, ['Story', 'Technical task'])).toEqual(['Technical task']);
  });

  it('reads the data-set table of the README', () => {
    const readme = ['| folder | what | rows | source | licence |', '|---|---|---|---|---|', '| bakes/ | loaves | 12 | A. Baker, "Bread" | CC0 |', 'text'].join('\n');
    expect(readmeCitations(readme)).toEqual([{ folder: 'bakes/', what: 'loaves', rows: '12', source: 'A. Baker, "Bread"', licence: 'CC0' }]);
  });

  it('resolves the data sets next to the repository unless overridden', () => {
    expect(datasetsDir({})).toBe(join(REPO_ROOT, '..', 'shared', 'datasets'));
    expect(datasetsDir({ STORY_HEALTH_DATASETS: '/data/sets' })).toBe('/data/sets');
  });

  it('maps UStAI orientation values', () => {
    expect(ustaiTechnical('solution_oriented')).toBe(true);
    expect(ustaiTechnical('Solution-oriented')).toBe(true);
    expect(ustaiTechnical('problem-oriented')).toBe(false);
    expect(ustaiTechnical('')).toBeNull();
  });
});

describe('Porru context splitting', () => {
  it('splits exactly at a known title', () => {
    expect(splitContext('Bake rye bread The oven needs 250 degrees.', 'Bake rye bread')).toEqual({
      summary: 'Bake rye bread',
      description: 'The oven needs 250 degrees.',
      method: 'title',
    });
  });

  it('falls back to a heuristic at a capitalized opener or sentence end', () => {
    expect(splitContext('Bake rye bread for the shop This needs a new oven.\nMore text.')).toMatchObject({
      summary: 'Bake rye bread for the shop',
      method: 'heuristic',
    });
    expect(splitContext('Bake rye. Then sell it').summary).toBe('Bake rye.');
    expect(splitContext('As a baker, I want rye bread When the shop opens it sells out').summary).toBe('As a baker, I want rye bread');
  });

  it('uses the heuristic when the known title does not start the context', () => {
    expect(splitContext('Bake bread', 'Sell bread').method).toBe('heuristic');
  });
});

describe('synthetic backlogs', () => {
  it('spells numbers', () => {
    expect(numberWord(0)).toBe('zero');
    expect(numberWord(2)).toBe('two');
    expect(numberWord(42)).toBe('forty-two');
    expect(numberWord(107)).toBe('one hundred seven');
    expect(numberWord(2013)).toBe('two thousand thirteen');
  });

  it('repeats the base with unique keys and a mutated summary on every copy', () => {
    const base = [
      { key: 'A-1', summary: 'Bake bread', source: 'issue' as const },
      { key: 'A-2', summary: 'Sell bread', source: 'issue' as const },
    ];
    const out = syntheticBacklog(base, 5);
    expect(out.map((s) => s.key)).toEqual(['A-1', 'A-2', 'A-1~1', 'A-2~1', 'A-1~2']);
    expect(out.map((s) => s.summary)).toEqual(['Bake bread', 'Sell bread', 'Bake bread one', 'Sell bread one', 'Bake bread two']);
    expect(syntheticBacklog([], 3)).toEqual([]);
  });
});

describe('markdown cells', () => {
  it('escapes pipes, angle brackets and newlines and truncates', () => {
    expect(cell('a | b\n<c>')).toBe('a \\| b &lt;c&gt;');
    expect(cell('abcdefghij', 5)).toBe('abcd…');
    expect(cell(null)).toBe('—');
  });
});

describe('spreadPick', () => {
  it('takes a few of each group first, then fills up in order', () => {
    const list = ['a1', 'a2', 'a3', 'a4', 'b1', 'c1', 'c2'];
    expect(spreadPick(list, (s) => s[0] as string, 5, 2)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2'].filter((s) => s !== 'a3'));
    expect(spreadPick(list, (s) => s[0] as string, 6, 2)).toEqual(['a1', 'a2', 'a3', 'b1', 'c1', 'c2']);
  });
});

describe('Porru context splitting with "I"', () => {
  it('cuts before a sentence-opening "I" but keeps "I want" of a story title', () => {
    expect(splitContext('Switch the oven to gas I noticed the bill went up').summary).toBe('Switch the oven to gas');
    expect(splitContext('As a baker I want a gas oven When the power fails').summary).toBe('As a baker I want a gas oven');
    expect(splitContext("As a baker I'd like a gas oven When the power fails").summary).toBe("As a baker I'd like a gas oven");
  });
});
