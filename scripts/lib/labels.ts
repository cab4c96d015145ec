/**
 * The project's own labelled sets (test/eval/…): labels point at dataset rows by file and line or
 * issue key (the text stays in ../shared/datasets), or carry original stories written for this
 * project. This module resolves both into story inputs grouped by backlog, so each labelled story is
 * analyzed with the backlog it belongs to.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoryInput } from '../../src/core/story';
import { jiraIssueInput, readCsv, REPO_ROOT, splitContext } from './datasets';

export const LABELS_DIR = join(REPO_ROOT, 'test', 'eval');

/** Where a labelled story comes from: a dataset row, or an original story in a labelled backlog. */
export interface LabelRef {
  /** `user-stories/g02-federalspending.txt`, `jira-issues/XD_deep-se.csv` … or `original:<backlog>`. */
  source: string;
  line?: number;
  key?: string;
}

export function refName(r: LabelRef): string {
  if (r.source.startsWith('original:')) return `${r.source.slice('original:'.length)}/${r.key ?? '?'}`;
  const file = r.source.replace(/^.*\//, '').replace(/\.(txt|csv)$/, '');
  return r.line !== undefined ? `${file}:${r.line}` : `${file}/${r.key ?? '?'}`;
}

export function readJsonl<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'))
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (error) {
        throw new Error(`${file}:${i + 1}: ${(error as Error).message}`, { cause: error });
      }
    });
}

export function jsonlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(dir, f)) : [];
}

/** A backlog: the stories analyzed together, and where each labelled reference sits in it. */
export interface Backlog {
  name: string;
  inputs: StoryInput[];
  indexOf(ref: LabelRef): number | undefined;
}

const cache = new Map<string, Backlog>();

function lineBacklog(dataDir: string, source: string): Backlog {
  const lines = readFileSync(join(dataDir, source), 'utf8').split(/\r?\n/);
  const file = source.replace(/^.*\//, '').replace(/\.txt$/, '');
  const inputs: StoryInput[] = [];
  const at = new Map<number, number>();
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    at.set(i + 1, inputs.length);
    inputs.push({ key: `${file}:${i + 1}`, summary: text.trim(), source: 'line' });
  });
  return { name: source, inputs, indexOf: (r) => (r.line !== undefined ? at.get(r.line) : undefined) };
}

/**
 * `ustai/…csv@A8`: UStAI holds stories for 100 products (one per abstract); each product is its own
 * backlog, as it would be in Jira.
 */
function csvBacklog(dataDir: string, source: string): Backlog {
  const [file, product] = source.split('@') as [string, string | undefined];
  const rows = readCsv(join(dataDir, file)).filter((r) => product === undefined || r['Abstract'] === product);
  const inputs: StoryInput[] = [];
  const at = new Map<string, number>();
  for (const row of rows) {
    let input: StoryInput;
    if ('title' in row) input = jiraIssueInput(row);
    else if ('context' in row) {
      const { summary, description } = splitContext(row['context'] ?? '');
      input = { key: row['issuekey'] ?? '', summary, description, source: 'issue' };
    } else if ('User story' in row) input = { key: row['ID'] ?? '', summary: row['User story'] ?? '', source: 'line' };
    else continue;
    const key = input.key ?? row['issuekey'] ?? row['ID'] ?? '';
    if (key) at.set(key, inputs.length);
    inputs.push(input);
  }
  return { name: source, inputs, indexOf: (r) => (r.key !== undefined ? at.get(r.key) : undefined) };
}

/** Which backlog a dataset reference belongs to: its file, or for UStAI its product (abstract). */
export function backlogId(ref: LabelRef): string {
  if (ref.source.startsWith('ustai/') && ref.key) {
    const product = /^(A\d+)US/.exec(ref.key)?.[1];
    if (product) return `${ref.source}@${product}`;
  }
  return ref.source;
}

/** The labels grouped by the backlog they belong to (`backlogId`), in order of first appearance. */
export function byBacklog<L extends LabelRef>(labels: readonly L[]): Map<string, L[]> {
  const groups = new Map<string, L[]>();
  for (const l of labels) {
    const id = backlogId(l);
    const list = groups.get(id) ?? [];
    list.push(l);
    groups.set(id, list);
  }
  return groups;
}

/** The backlog of a dataset reference (see `backlogId`), loaded once. */
export function datasetBacklog(dataDir: string, source: string): Backlog {
  let b = cache.get(source);
  if (!b) {
    b = source.split('@')[0]!.endsWith('.csv') ? csvBacklog(dataDir, source) : lineBacklog(dataDir, source);
    cache.set(source, b);
  }
  return b;
}

/** A backlog of original stories: the labelled items of one `backlog` name. */
export function originalBacklog(name: string, items: readonly StoryInput[]): Backlog {
  const at = new Map<string, number>();
  items.forEach((s, i) => at.set(s.key ?? '', i));
  return { name: `original:${name}`, inputs: [...items], indexOf: (r) => (r.key !== undefined ? at.get(r.key) : undefined) };
}

/** The text of a dataset line or row, for checks (never written into the repository). */
export function datasetText(dataDir: string, ref: LabelRef): string | null {
  if (ref.source.startsWith('original:')) return null;
  const b = datasetBacklog(dataDir, ref.source);
  const i = b.indexOf(ref);
  if (i === undefined) return null;
  const s = b.inputs[i]!;
  return `${s.summary}\n${typeof s.description === 'string' ? s.description : ''}`;
}
