/**
 * Guards the hand-labelled "what kind of work is this?" set in this folder (see README.md):
 * every line parses, kinds come from the list, references resolve in the shared data sets, and no
 * label carries dataset text (a 6-word run shared with its source is treated as copied).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetsDir, listFiles, readCsv } from '../../../scripts/lib/datasets';

const KINDS = ['user', 'technical', 'team', 'spike'];
const MAX_WHY_WORDS = 15;
const RUN = 6;

interface DatasetLabel {
  source: string;
  line?: number;
  key?: string;
  kind: string;
  builderUser?: boolean;
  why: string;
}

interface OriginalLabel {
  backlog: string;
  product: string;
  key: string;
  summary: string;
  description?: string;
  kind: string;
  builderUser?: boolean;
  why: string;
}

interface Row<T> {
  lineNo: number;
  raw: string;
  value: T;
}

function readJsonl<T>(file: string): Row<T>[] {
  return readFileSync(join(__dirname, file), 'utf8')
    .split('\n')
    .map((raw, i) => ({ raw, lineNo: i + 1 }))
    .filter((r) => r.raw.trim() !== '')
    .map((r) => {
      try {
        return { ...r, value: JSON.parse(r.raw) as T };
      } catch (e) {
        throw new Error(`${file}:${r.lineNo} is not JSON: ${(e as Error).message}`, { cause: e });
      }
    });
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

function runs(list: string[], keep: (run: string[]) => boolean = () => true): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + RUN <= list.length; i++) {
    const run = list.slice(i, i + RUN);
    if (keep(run)) out.add(run.join(' '));
  }
  return out;
}

/** Every 6-word run two texts share (punctuation and case ignored). */
function sharedRuns(a: string, b: string): string[] {
  const inB = runs(words(b));
  return [...runs(words(a))].filter((r) => inB.has(r));
}

// Every story shares its template ("As a developer, I want to ..., so that I can ..."), so original
// stories are compared without the role clause and only on runs with at least three content words.
const FUNCTION_WORDS = new Set(
  'a an the i to so that as want would like need can do not have be able my me we our is are am in on of for and or with it this what know when which from by at all any get see use'.split(' '),
);

function contentRuns(text: string): Set<string> {
  const withoutRole = text.toLowerCase().replace(/^\s*as an? [^,]*?,?\s*i (want|would like|need)( to)?\b/, ' ');
  return runs(words(withoutRole), (run) => run.filter((w) => !FUNCTION_WORDS.has(w)).length >= 3);
}

/** Problems with the fields both files share: kind, builderUser, why. */
function kindProblems(l: { kind: string; builderUser?: boolean; why: string }): string[] {
  const p: string[] = [];
  if (!KINDS.includes(l.kind)) p.push(`kind ${JSON.stringify(l.kind)} is not one of ${KINDS.join(', ')}`);
  if (l.builderUser !== undefined && l.builderUser !== true) p.push('builderUser is either true or absent');
  if (l.builderUser && l.kind !== 'user') p.push('builderUser marks user stories only');
  if (typeof l.why !== 'string' || !l.why.trim()) p.push('empty why');
  else if (words(l.why).length > MAX_WHY_WORDS) p.push(`why has more than ${MAX_WHY_WORDS} words`);
  return p;
}

const datasetLabels = readJsonl<DatasetLabel>('datasets.jsonl');
const originals = readJsonl<OriginalLabel>('original.jsonl');
/** Original stories measured apart (scripts/lib/eval-kinds.ts): same format as original.jsonl. */
const heldout = readJsonl<OriginalLabel>('heldout.jsonl');

function refOf(l: DatasetLabel): string {
  return `${l.source}#${l.line ?? l.key}`;
}

describe('copy detection helpers', () => {
  it('finds a 6-word run shared by two texts, ignoring case and punctuation', () => {
    expect(sharedRuns('Note: the nightly JOB deletes old carts, every night.', 'a nightly job deletes old carts every night')).toEqual([
      'nightly job deletes old carts every',
      'job deletes old carts every night',
    ]);
  });

  it('does not flag a paraphrase or a shorter run', () => {
    expect(sharedRuns('clean-up job for abandoned carts', 'a nightly job deletes old carts every night')).toEqual([]);
    expect(sharedRuns('job deletes old carts every', 'a nightly job deletes old carts every night')).toEqual([]);
  });

  it('ignores the shared story template but not a copied goal', () => {
    const dataset = contentRuns('As a customer, I want to see photos of each dish on the menu page, so that I can choose.');
    const template = contentRuns('As a customer, I want to reorder my last meal, so that I can eat.');
    const copied = contentRuns('As a diner, I want to see photos of each dish on the menu page.');
    expect([...template].filter((r) => dataset.has(r))).toEqual([]);
    expect([...copied].filter((r) => dataset.has(r)).length).toBeGreaterThan(0);
  });
});

describe('datasets.jsonl', () => {
  it('has well-formed labels', () => {
    const problems = datasetLabels.flatMap(({ lineNo, value: l }) => {
      const p: string[] = [];
      if (!Object.keys(l).every((k) => ['source', 'line', 'key', 'kind', 'builderUser', 'why'].includes(k))) p.push('unknown field');
      if (!/^(user-stories\/g\d\d-[a-z]+\.txt|jira-issues\/[A-Z]+_deep-se\.csv|jira-issue-types\/[a-z]+_porru\.csv|ustai\/UStAI-annotated_updated\.csv)$/.test(l.source)) p.push(`unknown source ${l.source}`);
      if (l.source.startsWith('user-stories/')) {
        if (!Number.isInteger(l.line) || (l.line as number) < 1 || l.key !== undefined) p.push('user-stories rows need a 1-based line and no key');
      } else if (typeof l.key !== 'string' || l.line !== undefined) p.push('CSV rows need a key and no line');
      p.push(...kindProblems(l));
      return p.map((m) => `datasets.jsonl:${lineNo}: ${m}`);
    });
    expect(problems).toEqual([]);
  });

  it('labels each dataset row at most once', () => {
    const refs = datasetLabels.map((r) => refOf(r.value));
    expect(refs.filter((r, i) => refs.indexOf(r) !== i)).toEqual([]);
  });
});

describe.each([
  ['original.jsonl', originals],
  ['heldout.jsonl', heldout],
] as const)('%s', (file, rows) => {
  it('has well-formed stories', () => {
    const problems = rows.flatMap(({ lineNo, value: o }) => {
      const p: string[] = [];
      if (!Object.keys(o).every((k) => ['backlog', 'product', 'key', 'summary', 'description', 'kind', 'builderUser', 'why'].includes(k))) p.push('unknown field');
      for (const f of ['backlog', 'product', 'key', 'summary'] as const) if (typeof o[f] !== 'string' || !o[f].trim()) p.push(`empty ${f}`);
      p.push(...kindProblems(o));
      return p.map((m) => `${file}:${lineNo}: ${m}`);
    });
    expect(problems).toEqual([]);
  });

  it('has unique keys and one product per backlog', () => {
    const keys = [...originals, ...heldout].map((r) => r.value.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const products = new Map<string, Set<string>>();
    for (const { value: o } of rows) products.set(o.backlog, (products.get(o.backlog) ?? new Set()).add(o.product));
    for (const [backlog, p] of products) expect([backlog, p.size]).toEqual([backlog, 1]);
  });

  it('gives every backlog enough ordinary stories for a context, plus work of other kinds', () => {
    const backlogs = new Map<string, OriginalLabel[]>();
    for (const { value: o } of rows) backlogs.set(o.backlog, [...(backlogs.get(o.backlog) ?? []), o]);
    expect(backlogs.size).toBeGreaterThanOrEqual(6);
    for (const name of backlogs.keys()) expect([file, name, file === 'heldout.jsonl' ? name.startsWith('heldout-') : !name.startsWith('heldout-')]).toEqual([file, name, true]);
    for (const [backlog, items] of backlogs) {
      const users = items.filter((o) => o.kind === 'user').length;
      expect([backlog, users >= 5 && users <= 15]).toEqual([backlog, true]);
      expect([backlog, new Set(items.map((o) => o.kind)).size]).toEqual([backlog, KINDS.length]);
    }
  });
});

describe('the set as a whole', () => {
  const all = [...datasetLabels.map((r) => r.value), ...originals.map((r) => r.value)];

  it('meets the size the eval needs', () => {
    expect(all.length).toBeGreaterThanOrEqual(200);
    expect(originals.length).toBeGreaterThanOrEqual(60);
    expect(all.filter((l) => l.builderUser).length).toBeGreaterThanOrEqual(40);
    for (const kind of KINDS) expect([kind, all.filter((l) => l.kind === kind).length >= 15]).toEqual([kind, true]);
  });
});

// The references and the copy check need the shared data sets (../shared/datasets or
// $STORY_HEALTH_DATASETS); without them these checks are skipped, never passed.
const DATA = datasetsDir();
const describeWithData = existsSync(DATA) ? describe : describe.skip;

describeWithData('against the shared data sets', () => {
  const texts = new Map<string, Map<string, string>>();

  /** Source text by row reference: line number for user-stories, issue key or UStAI ID for CSVs. */
  function sourceTexts(source: string): Map<string, string> {
    let m = texts.get(source);
    if (m) return m;
    m = new Map();
    const file = join(DATA, source);
    if (source.endsWith('.txt')) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => (m as Map<string, string>).set(String(i + 1), line.replace(/\r$/, '')));
    } else {
      for (const r of readCsv(file)) {
        const key = r['issuekey'] ?? r['ID'] ?? '';
        const text = r['title'] != null ? `${r['title']}\n${r['description'] ?? ''}` : (r['context'] ?? r['User story'] ?? '');
        m.set(key, text);
      }
    }
    texts.set(source, m);
    return m;
  }

  it('resolves every reference to a non-empty row', () => {
    const missing = datasetLabels
      .map((r) => r.value)
      .filter((l) => !existsSync(join(DATA, l.source)) || !(sourceTexts(l.source).get(String(l.line ?? l.key)) ?? '').trim())
      .map(refOf);
    expect(missing).toEqual([]);
  });

  it('copies no 6-word run of the source row into its label', () => {
    const copied = datasetLabels
      .map((r) => ({ ref: refOf(r.value), runs: sharedRuns(r.raw, sourceTexts(r.value.source).get(String(r.value.line ?? r.value.key)) ?? '') }))
      .filter((c) => c.runs.length > 0);
    expect(copied).toEqual([]);
  });

  it('writes original stories in our own words (no content run found in the data sets)', () => {
    const seen = new Set<string>();
    const add = (text: string) => contentRuns(text).forEach((r) => seen.add(r));
    for (const l of datasetLabels) for (const text of sourceTexts(l.value.source).values()) add(text.split('\n')[0] ?? '');
    for (const f of listFiles(join(DATA, 'user-stories'), '.txt')) for (const text of sourceTexts(`user-stories/${f}`).values()) add(text);
    const copied = [...originals, ...heldout]
      .map((r) => r.value)
      .flatMap((o) => [o.summary, o.description ?? '', o.why].flatMap((t) => [...contentRuns(t)].filter((run) => seen.has(run)).map((run) => `${o.key}: ${run}`)));
    expect(copied).toEqual([]);
  });
});
