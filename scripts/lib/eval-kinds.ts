/**
 * Eval: what kind of work is each story (user story, technical work, team work, spike), against the
 * project's own labels in test/eval/kinds (dataset rows by file and line, and original backlogs).
 * Each labelled story is analyzed with its whole backlog, as the app does.
 *
 * `heldout.jsonl` is measured apart: original stories kept out of tuning (see the folder's README),
 * so its numbers say whether a mechanism generalizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { StoryInput, StoryReport, WorkKind } from '../../src/core/story';
import { byBacklog, datasetBacklog, jsonlFiles, LABELS_DIR, originalBacklog, readJsonl, refName, type Backlog, type LabelRef } from './labels';
import { cell, table } from './markdown';
import { emptyConfusion, observe, precision, recall, type Confusion } from './metrics';
import { rate } from './markdown';

const KINDS: readonly WorkKind[] = ['user', 'technical', 'team', 'spike'];
/** The held-out file: measured and reported apart from the labels the engine was tuned on. */
export const HELDOUT_FILE = 'heldout.jsonl';

interface KindLabel extends LabelRef {
  kind: WorkKind;
  builderUser?: boolean;
  why?: string;
  // original stories
  backlog?: string;
  product?: string;
  summary?: string;
  description?: string;
  storyPoints?: number;
  issueType?: string;
}

export interface KindsResult {
  md: string[];
  summary: string[];
  nonUser: Confusion;
  builderUsers: { total: number; calledNonUser: number };
  labels: number;
  heldout: { nonUser: Confusion; builderUsers: { total: number; calledNonUser: number }; labels: number };
}

export function kindOf(s: StoryReport): WorkKind {
  return s.kind ?? (s.technical ? 'technical' : 'user');
}

function evidence(s: StoryReport): string {
  const f = s.findings.find((x) => x.ruleId === 'technical-story');
  return f ? cell(f.message, 160) : '';
}

interface Row {
  label: KindLabel;
  got: WorkKind;
  report: StoryReport;
}

/** The labelled set (`heldout: false`: every file but the held-out one) or the held-out set. */
function loadLabels(heldout: boolean): KindLabel[] {
  const out: KindLabel[] = [];
  for (const file of jsonlFiles(join(LABELS_DIR, 'kinds'))) {
    if ((basename(file) === HELDOUT_FILE) !== heldout) continue;
    for (const l of readJsonl<KindLabel>(file)) {
      if (l.backlog) out.push({ ...l, source: `original:${l.backlog}` });
      else out.push(l);
    }
  }
  return out;
}

function originalInput(l: KindLabel): StoryInput {
  const s: StoryInput = { key: l.key ?? '', summary: l.summary ?? '', source: 'issue' };
  if (l.description) s.description = l.description;
  if (l.storyPoints !== undefined) s.storyPoints = l.storyPoints;
  if (l.issueType) s.issueType = l.issueType;
  return s;
}

/** Who uses each labelled product, as its admin would declare it (test/eval/kinds/products.json). */
function declaredProducts(): Record<string, 'auto' | 'end-users' | 'builders'> {
  const file = join(LABELS_DIR, 'kinds', 'products.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { products: Record<string, 'auto' | 'end-users' | 'builders'> }).products : {};
}

/**
 * Analyzes every backlog that holds a labelled story, once, and pairs each label with its report.
 * `declared`: use the products' declared settings instead of detecting who the users are.
 */
function evaluate(dataDir: string, labels: readonly KindLabel[], declared = false): { rows: Row[]; missing: KindLabel[] } {
  const products = declared ? declaredProducts() : {};
  const rows: Row[] = [];
  const missing: KindLabel[] = [];
  for (const [source, list] of byBacklog(labels)) {
    let backlog: Backlog;
    if (source.startsWith('original:')) backlog = originalBacklog(source.slice('original:'.length), list.map(originalInput));
    else backlog = datasetBacklog(dataDir, source);
    const productUsers = products[source.split('@')[0]!] ?? 'auto';
    const report = analyze(backlog.inputs, { productUsers });
    for (const l of list) {
      const i = backlog.indexOf(l);
      if (i === undefined) {
        missing.push(l);
        continue;
      }
      const r = report.stories[i]!;
      rows.push({ label: l, got: kindOf(r), report: r });
    }
  }
  return { rows, missing };
}

function nonUserConfusion(rows: readonly Row[]): Confusion {
  const c = emptyConfusion();
  for (const r of rows) observe(c, r.label.kind !== 'user', r.got !== 'user');
  return c;
}

/** Labelled non-user work against the engine's kind, and builder users called non-user. */
function kindStats(rows: readonly Row[]): { builder: number; builderWrong: number; found: number; kindRight: number } {
  const builder = rows.filter((r) => r.label.builderUser);
  const found = rows.filter((r) => r.label.kind !== 'user' && r.got !== 'user');
  return { builder: builder.length, builderWrong: builder.filter((r) => r.got !== 'user').length, found: found.length, kindRight: found.filter((r) => r.got === r.label.kind).length };
}

function kindMatrix(rows: readonly Row[]): string[] {
  return table(
    ['label \\ engine', ...KINDS],
    KINDS.map((k) => [k, ...KINDS.map((g) => rows.filter((r) => r.label.kind === k && r.got === g).length)]),
  );
}

function isDisagreement(r: Row): boolean {
  return (r.label.kind === 'user') !== (r.got === 'user') || (r.label.kind !== 'user' && r.got !== r.label.kind);
}

function disagreements(rows: readonly Row[]): string[] {
  const wrong = rows.filter(isDisagreement);
  if (!wrong.length) return ['None.', ''];
  return [
    ...table(
      ['story', 'label', 'engine', 'engine evidence', 'why (labeller)'],
      wrong.map((r) => [refName(r.label), r.label.kind + (r.label.builderUser ? ' (builder user)' : ''), r.got, evidence(r.report), cell(r.label.why ?? '', 120)]),
    ),
    '',
  ];
}

/** One console line per disagreement: where, label -> engine, the engine's first evidence. */
function disagreementLines(rows: readonly Row[]): string[] {
  return rows.filter(isDisagreement).map((r) => {
    const signal = r.report.findings.find((f) => f.ruleId === 'technical-story')?.data?.['evidence'];
    return `    ${refName(r.label)}: ${r.label.kind}${r.label.builderUser ? ' (builder user)' : ''} -> ${r.got}${signal ? ` (${JSON.stringify(signal)})` : ''}`;
  });
}

function summaryLine(name: string, rows: readonly Row[]): string {
  const c = nonUserConfusion(rows);
  const k = kindStats(rows);
  return `  ${name}: precision ${rate(precision(c))} recall ${rate(recall(c))} (TP ${c.tp}, FP ${c.fp}, FN ${c.fn}, TN ${c.tn}); builder users called non-user ${k.builderWrong}/${k.builder}; right kind ${k.kindRight}/${k.found}`;
}

export function runKinds(dataDir: string): KindsResult {
  const labels = loadLabels(false);
  const heldoutLabels = loadLabels(true);
  const md: string[] = ['## 4. Work that is not a user story (the project\'s own labels)', ''];
  const none = { nonUser: emptyConfusion(), builderUsers: { total: 0, calledNonUser: 0 }, labels: 0 };
  if (!labels.length) {
    md.push('No labels found in `test/eval/kinds`.', '');
    return { md, summary: ['  (no kind labels)'], ...none, heldout: none };
  }
  const { rows, missing } = evaluate(dataDir, labels);
  const withSettings = evaluate(dataDir, labels, true).rows;
  const heldout = evaluate(dataDir, heldoutLabels).rows;
  const groups: [string, (r: Row) => boolean][] = [
    ['public backlogs (dataset rows)', (r) => !r.label.source.startsWith('original:')],
    ['original backlogs', (r) => r.label.source.startsWith('original:')],
    ['all', () => true],
  ];
  const all = nonUserConfusion(rows);
  const stats = kindStats(rows);

  md.push(
    `${rows.length} labelled stories (${labels.length} labels; ${missing.length} could not be resolved), each analyzed with its whole backlog. ` +
      'Kinds: `user` (a capability the user sees or uses, including developers, data people and admins when the product serves them: `builderUser`), ' +
      '`technical` (a construction artefact or an operation on the system), `team` (the team is the beneficiary), `spike` (a question to answer). ' +
      'Non-user work = technical + team + spike. Labels and how they were made: `test/eval/kinds/README.md`.',
    '',
    ...table(
      ['set', 'non-user (labelled)', 'user (labelled)', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'target'],
      groups.map(([name, pick]) => {
        const c = nonUserConfusion(rows.filter(pick));
        const ok = precision(c).value >= 0.92 && recall(c).value >= 0.92;
        return [name, c.tp + c.fn, c.fp + c.tn, c.tp, c.fp, c.fn, c.tn, rate(precision(c)), rate(recall(c)), ok ? '✅' : '❌'];
      }),
    ),
    '',
    (() => {
      const c = nonUserConfusion(withSettings);
      const k = kindStats(withSettings);
      return `With each product's users declared in its settings as its admin would (\`productUsers\`, \`test/eval/kinds/products.json\`: developer tools and platforms declared \`builders\`, the rest \`auto\`): precision ${rate(precision(c))}, recall ${rate(recall(c))} (TP ${c.tp}, FP ${c.fp}, FN ${c.fn}, TN ${c.tn}); builder users called non-user ${k.builderWrong} of ${k.builder}. The table above and everything below use detection only (\`auto\`).`;
    })(),
    '',
    `Genuine builder users (developers, data people, admins of a product that serves them) called non-user work: **${stats.builderWrong} of ${stats.builder}** (target ≤ 1 in 20).`,
    `Non-user work found with the right kind: ${stats.kindRight} of ${stats.found}.`,
    '',
    '### Confusion by kind (rows: label, columns: engine)',
    '',
    ...kindMatrix(rows),
    '',
    '### Disagreements',
    '',
    ...disagreements(rows),
  );
  const summary = [summaryLine('non-user work', rows), ...disagreementLines(rows)];
  if (heldout.length) {
    const c = nonUserConfusion(heldout);
    const k = kindStats(heldout);
    md.push(
      '### Held-out stories',
      '',
      `${heldout.length} original stories in \`test/eval/kinds/${HELDOUT_FILE}\`, kept apart from tuning (how they were written and the two fixes a failure among them prompted: \`test/eval/kinds/README.md\`): ` +
        `precision ${rate(precision(c))}, recall ${rate(recall(c))} (TP ${c.tp}, FP ${c.fp}, FN ${c.fn}, TN ${c.tn}); builder users called non-user ${k.builderWrong} of ${k.builder}; right kind ${k.kindRight} of ${k.found}.`,
      '',
      ...kindMatrix(heldout),
      '',
      ...disagreements(heldout),
    );
    summary.push(summaryLine('held-out', heldout), ...disagreementLines(heldout));
  }
  return {
    md,
    summary,
    nonUser: all,
    builderUsers: { total: stats.builder, calledNonUser: stats.builderWrong },
    labels: rows.length,
    heldout: { nonUser: nonUserConfusion(heldout), builderUsers: { total: kindStats(heldout).builder, calledNonUser: kindStats(heldout).builderWrong }, labels: heldout.length },
  };
}
