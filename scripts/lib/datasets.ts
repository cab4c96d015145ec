/**
 * Readers and pure helpers for the shared evaluation data sets (`../shared/datasets`, see its
 * README). The data are read in place and never copied into the project.
 *
 * Pure helpers (label mapping, doccano offsets, context splitting, synthetic mutations) are
 * exported separately from the file readers so that tests can exercise them on tiny inline data.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { StoryInput } from '../../src/core/story';

// ---------------------------------------------------------------------------------------------
// Locations

/** Repository root (this file lives in scripts/lib). */
export const REPO_ROOT = join(__dirname, '..', '..');

/** `$STORY_HEALTH_DATASETS`, else `../shared/datasets` next to the repository. */
export function datasetsDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.STORY_HEALTH_DATASETS;
  return override && override.trim() ? override : join(REPO_ROOT, '..', 'shared', 'datasets');
}

export function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// CSV

/**
 * Parses CSV text into records keyed by the trimmed header names. When a header repeats, the first
 * column wins. Short rows get empty strings.
 */
export function parseCsv(text: string | Buffer): Record<string, string>[] {
  const rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header, ...body] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return body.map((row) => {
    const rec: Record<string, string> = {};
    names.forEach((name, i) => {
      if (!(name in rec)) rec[name] = row[i] ?? '';
    });
    return rec;
  });
}

export function readCsv(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file));
}

// ---------------------------------------------------------------------------------------------
// qus-labels (AQUSA defect kinds)

export const AQUSA_KINDS = [
  'well_formed.no_role',
  'well_formed.no_means',
  'atomic.conjunctions',
  'minimal.punctuation',
  'minimal.brackets',
  'minimal.indicator_repetition',
  'unique.identical',
  'uniform.uniform',
] as const;
export type AqusaKind = (typeof AQUSA_KINDS)[number];

/** Our rule for each AQUSA kind; several kinds may map to one rule (any of them = positive). */
export const AQUSA_TO_RULE: Readonly<Record<AqusaKind, string>> = {
  'well_formed.no_role': 'missing-role',
  'well_formed.no_means': 'missing-goal',
  'atomic.conjunctions': 'not-atomic',
  'minimal.punctuation': 'not-minimal',
  'minimal.brackets': 'not-minimal',
  'minimal.indicator_repetition': 'not-minimal',
  'unique.identical': 'duplicate',
  'uniform.uniform': 'non-uniform',
};

/** The rules evaluated against qus-labels, in report order. */
export const QUS_RULES = ['missing-role', 'missing-goal', 'not-atomic', 'not-minimal', 'duplicate', 'non-uniform'] as const;
export type QusRule = (typeof QUS_RULES)[number];

/** Rules with a target in the spec (recall ≥ 0.95, precision ≥ 0.90). */
export const QUS_TARGET_RULES: ReadonlySet<string> = new Set(['missing-role', 'missing-goal', 'not-atomic', 'not-minimal', 'duplicate']);

export function kindsOf(rule: string): AqusaKind[] {
  return AQUSA_KINDS.filter((k) => AQUSA_TO_RULE[k] === rule);
}

function isOne(v: string | undefined): boolean {
  const s = (v ?? '').trim();
  return s === '1' || s === '1.0' || s.toLowerCase() === 'true';
}

/** The labelled AQUSA kinds of one qus-labels row that are set (value 1). */
export function labelledKinds(row: Record<string, string>): AqusaKind[] {
  return AQUSA_KINDS.filter((k) => isOne(row[k]));
}

/** Expected rule ids for one qus-labels row: a rule is expected when any of its kinds is 1. */
export function expectedRules(row: Record<string, string>): Set<string> {
  return new Set(labelledKinds(row).map((k) => AQUSA_TO_RULE[k]));
}

export interface QusFile {
  backlog: string;
  file: string;
  /** The file name kappas_finais.csv uses for this backlog. */
  kappaName: string;
}

export const QUS_FILES: readonly QusFile[] = [
  { backlog: 'g13', file: 'g13_esp1.csv', kappaName: 'g13_esp1.csv' },
  { backlog: 'g21', file: 'g21_esp1.csv', kappaName: 'g21_esp1.csv' },
  { backlog: 'g28', file: 'groundTruth28_final.csv', kappaName: 'g28_esp1.csv' },
];

/** kappas_finais.csv rows (Dataset, Critério, Kappa) → backlog → kind → kappa. */
export function kappaTable(rows: readonly Record<string, string>[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const dataset = r['Dataset'] ?? '';
    const kind = r['Critério'] ?? r['Criterio'] ?? '';
    const file = QUS_FILES.find((f) => f.kappaName === dataset || f.file === dataset);
    if (!file || !kind) continue;
    const k = Number(r['Kappa']);
    if (!out.has(file.backlog)) out.set(file.backlog, new Map());
    out.get(file.backlog)?.set(kind, k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// user-stories-annotated (doccano JSONL)

export interface DoccanoEntity {
  id: number;
  label: string;
  start_offset: number;
  end_offset: number;
}

export interface DoccanoRecord {
  id: number;
  text: string;
  entities: DoccanoEntity[];
  relations?: unknown[];
}

/** The `#Gxx# ` prefix the annotated text still carries (6 characters for two-digit backlogs). */
export const DOCCANO_PREFIX = /^#(G\d+)#\s/;

export interface AnnotatedSpan {
  text: string;
  start: number;
  end: number;
  /** How many annotated spans of this label were merged into this one (1 normally). */
  parts: number;
}

export interface AnnotatedStory {
  id: number;
  /** `g13` from the `#G13#` prefix, or null when the prefix is missing. */
  backlog: string | null;
  /** The story text with the prefix removed; span offsets point into it. */
  text: string;
  spans: Map<string, AnnotatedSpan>;
}

/**
 * Strips the `#Gxx# ` prefix and shifts every entity by its length. Spans of the same label are
 * merged into one covering span (first start to last end): two Persona spans joined by "or"
 * become the role phrase a parser returns. Whitespace at a span's edges is trimmed.
 */
export function annotatedStory(rec: DoccanoRecord): AnnotatedStory {
  const m = DOCCANO_PREFIX.exec(rec.text);
  const shift = m ? m[0].length : 0;
  const text = rec.text.slice(shift);
  const spans = new Map<string, AnnotatedSpan>();
  for (const e of rec.entities) {
    let start = e.start_offset - shift;
    let end = e.end_offset - shift;
    if (end <= 0) continue; // the prefix itself (label PID)
    start = Math.max(0, start);
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end <= start) continue;
    const prev = spans.get(e.label);
    if (prev) {
      const s = Math.min(prev.start, start);
      const en = Math.max(prev.end, end);
      spans.set(e.label, { start: s, end: en, text: text.slice(s, en), parts: prev.parts + 1 });
    } else {
      spans.set(e.label, { start, end, text: text.slice(start, end), parts: 1 });
    }
  }
  return { id: rec.id, backlog: m?.[1] ? m[1].toLowerCase() : null, text, spans };
}

export function parseJsonl(text: string): DoccanoRecord[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DoccanoRecord);
}

// ---------------------------------------------------------------------------------------------
// jira-issue-types (Porru et al.): `context` = title + " " + description

export interface SplitContext {
  summary: string;
  description: string;
  method: 'title' | 'heuristic';
}

/** Capitalized words that usually open the description when it was glued to the title. */
const DESCRIPTION_OPENERS =
  /\s(?=(?:The|This|These|There|That|It|Its|We|Our|In|If|When|Currently|Right now|Now|Please|Since|At|For|With|Some|Any|Users?|Would|Should|Need|Allow|See|Steps|Description|Problem|Background|Given|Following|Create|After|Before|Today|Note|Per|I(?!\s+(?:want|would|need|wish|like|can|could|should|must|am\s+able)\b|['’]d\b))\b)/g;

/**
 * Splits a Porru `context` into summary and description. When the issue's title is known (the
 * same issue key in jira-issues) and the context starts with it, the split is exact. Otherwise a
 * heuristic: in the first line, the first sentence end, or the first capitalized opener word
 * ("The", "This", "When", …) after at least three words, whichever comes first; at most 160 characters.
 */
export function splitContext(context: string, knownTitle?: string): SplitContext {
  const ctx = context.replace(/\r\n?/g, '\n');
  const title = knownTitle?.trim();
  if (title && ctx.startsWith(title)) {
    return { summary: title, description: ctx.slice(title.length).trim(), method: 'title' };
  }
  const nl = ctx.indexOf('\n');
  const first = nl === -1 ? ctx : ctx.slice(0, nl);
  let cut = first.length;
  const sentence = /[.!?](?=\s)/.exec(first);
  if (sentence) cut = Math.min(cut, sentence.index + 1);
  DESCRIPTION_OPENERS.lastIndex = 0;
  for (let o = DESCRIPTION_OPENERS.exec(first); o; o = DESCRIPTION_OPENERS.exec(first)) {
    const words = first.slice(0, o.index).trim().split(/\s+/).length;
    if (words >= 3) {
      cut = Math.min(cut, o.index);
      break;
    }
  }
  if (cut > 160) {
    const space = first.lastIndexOf(' ', 160);
    cut = space > 0 ? space : 160;
  }
  return { summary: ctx.slice(0, cut).trim(), description: ctx.slice(cut).trim(), method: 'heuristic' };
}

/** Issue-type one-hot columns of a Porru row: the type names whose value is 1. */
export function issueTypes(row: Record<string, string>, typeColumns: readonly string[]): string[] {
  return typeColumns.filter((c) => isOne(row[c]));
}

// ---------------------------------------------------------------------------------------------
// jira-issues (TAWOS-derived): issuekey, created, title, description, storypoint

export function jiraIssueInput(row: Record<string, string>): StoryInput {
  const sp = (row['storypoint'] ?? '').trim();
  const points = sp === '' ? null : Number(sp);
  return {
    key: row['issuekey'] ?? '',
    summary: row['title'] ?? '',
    description: row['description'] ?? '',
    storyPoints: points != null && Number.isFinite(points) ? points : null,
    source: 'issue',
  };
}

/** Every issue of every `jira-issues/*.csv`, in file order. */
export function loadJiraIssues(dir = join(datasetsDir(), 'jira-issues')): { inputs: StoryInput[]; files: string[] } {
  const files = listFiles(dir, '.csv');
  const inputs: StoryInput[] = [];
  for (const f of files) for (const row of readCsv(join(dir, f))) inputs.push(jiraIssueInput(row));
  return { inputs, files };
}

// ---------------------------------------------------------------------------------------------
// Synthetic backlogs for the scaling benchmark

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** English number words for 0..999 999 ("forty-two", "one hundred seven"). */
export function numberWord(n: number): string {
  const v = Math.floor(Math.abs(n));
  if (v < 20) return ONES[v] as string;
  if (v < 100) return `${TENS[Math.floor(v / 10)]}${v % 10 ? `-${ONES[v % 10]}` : ''}`;
  if (v < 1000) return `${ONES[Math.floor(v / 100)]} hundred${v % 100 ? ` ${numberWord(v % 100)}` : ''}`;
  return `${numberWord(Math.floor(v / 1000))} thousand${v % 1000 ? ` ${numberWord(v % 1000)}` : ''}`;
}

/**
 * A synthetic backlog of `size` stories: the real issues repeated in order. Copy 0 is the issue
 * itself; copy k ≥ 1 gets the key `KEY~k` and its summary gains " <k in words>" ("… two"), so copies are
 * near-duplicates of the original rather than byte-identical strings.
 */
export function syntheticBacklog(base: readonly StoryInput[], size: number): StoryInput[] {
  const out: StoryInput[] = [];
  if (base.length === 0) return out;
  for (let i = 0; i < size; i++) {
    const src = base[i % base.length] as StoryInput;
    const copy = Math.floor(i / base.length);
    out.push(copy === 0 ? { ...src } : { ...src, key: `${src.key ?? i}~${copy}`, summary: `${src.summary} ${numberWord(copy)}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// README citations

export interface Citation {
  folder: string;
  what: string;
  rows: string;
  source: string;
  licence: string;
}

/** The data-set table of the datasets README (| folder | what | rows | source | licence |). */
export function readmeCitations(readme: string): Citation[] {
  const out: Citation[] = [];
  for (const line of readme.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !/\/$/.test(cells[1] ?? '')) continue;
    const [, folder = '', what = '', rows = '', source = '', licence = ''] = cells;
    out.push({ folder, what, rows, source, licence });
  }
  return out;
}
