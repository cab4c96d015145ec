/**
 * `npx tsx test/eval/rules/score.ts [--list]`: runs the engine on every labelled story and compares, per rule,
 * whether the rule fires with what the labels expect. Prints a markdown table (precision, recall); `--list` also
 * prints each disagreement (false alarm or miss) with its source, for engine work.
 *
 * Stories are read the way the CLI reads them: a user-stories file is one backlog (one story per line, so
 * duplicates are judged within it), a jira-issues file is one project, original stories are one set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, ENGINE_VERSION } from '../../../src/core/analyze';
import type { StoryInput, StoryReport } from '../../../src/core/story';
import { readTxt } from '../../../src/cli/readers/txt';
import { datasetsDir, jiraIssueInput, readCsv } from '../../../scripts/lib/datasets';
import { LABELS_FILE, ORIGINAL_FILE, checkStructure } from './check-labels';
import { isJiraLabel, type DatasetLabel, type OriginalLabel } from './label-schema';
import { words } from './text-checks';

interface Outcome {
  rule: string;
  expected: boolean;
  fired: boolean;
  /** For positives with evidence: a finding of the rule marks a term inside the evidence. */
  onTarget: boolean | null;
  where: string;
  found: string;
}

function storyKey(label: DatasetLabel): string {
  return isJiraLabel(label) ? label.key : `${basename(label.source)}:${label.line}`;
}

function reportsFor(datasets: string, sources: Iterable<string>): Map<string, StoryReport> {
  const out = new Map<string, StoryReport>();
  for (const source of sources) {
    const file = join(datasets, source);
    const inputs: StoryInput[] = source.startsWith('jira-issues/')
      ? readCsv(file).map(jiraIssueInput)
      : readTxt(readFileSync(file, 'utf8'), file).stories;
    for (const r of analyze(inputs).stories) out.set(r.key, r);
  }
  return out;
}

/** Rules whose findings mark words of the story (a term, a phrase, a verb pair): "on target" applies. */
const MARKING_RULES: ReadonlySet<string> = new Set(['vague-term', 'implementation-detail', 'not-atomic', 'horizontal-slice', 'dependency', 'not-minimal']);

/** What a finding points at: its term, phrase or verb pair, lower-cased. */
function findingText(f: StoryReport['findings'][number]): string {
  const d = f.data;
  const pair = d['first'] !== undefined ? `${d['first']} ${d['second'] ?? ''}` : undefined;
  return String(d['term'] ?? d['text'] ?? pair ?? d['verb'] ?? d['benefit'] ?? '').trim().toLowerCase();
}

const FILLER = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'for', 'in', 'on', 'is', 'it', 'i', 'my']);

/** The finding marks the evidence: one contains the other, or they share a word that is not filler. */
function marks(found: string, evidence: string): boolean {
  if (!found) return false;
  if (evidence.includes(found) || found.includes(evidence)) return true;
  const mine = new Set(words(evidence).filter((w) => !FILLER.has(w)));
  return words(found).some((w) => mine.has(w));
}

function outcome(rule: string, expected: boolean, evidence: string | undefined, report: StoryReport | undefined, where: string, otherKey?: string): Outcome {
  const findings = (report?.findings ?? []).filter((f) => f.ruleId === rule);
  const matching = otherKey ? findings.filter((f) => String(f.data['others'] ?? '').split(', ').includes(otherKey)) : findings;
  const fired = matching.length > 0;
  let onTarget: boolean | null = null;
  if (expected && evidence && MARKING_RULES.has(rule)) {
    const ev = evidence.toLowerCase();
    onTarget = matching.some((f) => marks(findingText(f), ev));
  }
  return { rule, expected, fired, onTarget, where, found: matching.map(findingText).filter(Boolean).join(' | ') };
}

function scoreDataset(labels: readonly DatasetLabel[], datasets: string): Outcome[] {
  const reports = reportsFor(datasets, new Set(labels.map((l) => l.source)));
  return labels.map((l) => {
    const key = storyKey(l);
    const where = isJiraLabel(l) ? `${l.source} ${l.key}` : `${l.source}:${l.line}${l.other ? `~${l.other}` : ''}`;
    if (!isJiraLabel(l) && l.rule === 'duplicate' && l.other !== undefined) {
      const otherKey = `${basename(l.source)}:${l.other}`;
      const a = outcome(l.rule, l.expected, undefined, reports.get(key), where, otherKey);
      const b = outcome(l.rule, l.expected, undefined, reports.get(otherKey), where, key);
      return a.fired ? a : b;
    }
    return outcome(l.rule, l.expected, l.evidence, reports.get(key), where);
  });
}

function scoreOriginal(labels: readonly OriginalLabel[]): Outcome[] {
  const inputs: StoryInput[] = labels.map((l) => ({ key: l.key, summary: l.summary, description: l.description ?? '', source: 'issue' }));
  const reports = new Map(analyze(inputs).stories.map((r) => [r.key, r]));
  return labels.map((l) => outcome(l.rule, l.expected, l.evidence, reports.get(l.key), `original ${l.key}`));
}

const pct = (n: number, d: number) => (d ? `${Math.round((100 * n) / d)} %` : '–');

function table(outcomes: readonly Outcome[]): string[] {
  const rules = [...new Set(outcomes.map((o) => o.rule))];
  const lines = [
    '| rule | labels (+/−) | fires on + | fires on − | precision | recall | on target |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const rule of rules) {
    const os = outcomes.filter((o) => o.rule === rule);
    const pos = os.filter((o) => o.expected);
    const neg = os.filter((o) => !o.expected);
    const tp = pos.filter((o) => o.fired).length;
    const fp = neg.filter((o) => o.fired).length;
    const withEvidence = pos.filter((o) => o.onTarget !== null);
    const onTarget = withEvidence.filter((o) => o.onTarget).length;
    lines.push(
      `| \`${rule}\` | ${pos.length}/${neg.length} | ${tp} | ${fp} | ${pct(tp, tp + fp)} | ${pct(tp, pos.length)} | ${withEvidence.length ? pct(onTarget, withEvidence.length) : '–'} |`,
    );
  }
  return lines;
}

function main(): number {
  const datasets = datasetsDir();
  if (!existsSync(datasets)) {
    console.error(`Data sets not found at ${datasets}. Set STORY_HEALTH_DATASETS to the shared datasets folder.`);
    return 2;
  }
  const { dataset, original, problems } = checkStructure(readFileSync(LABELS_FILE, 'utf8'), readFileSync(ORIGINAL_FILE, 'utf8'));
  if (problems.length) {
    for (const p of problems) console.error(p);
    return 1;
  }
  const outcomes = [...scoreDataset(dataset, datasets), ...scoreOriginal(original)];
  console.log(`Engine ${ENGINE_VERSION} against ${dataset.length} data-set labels and ${original.length} original stories.`);
  console.log('Precision and recall are per labelled story; "on target" (rules that mark words) is the share of positives with evidence where a finding marks that evidence.\n');
  for (const l of table(outcomes)) console.log(l);
  if (process.argv.includes('--list')) {
    console.log('\nDisagreements (FA = false alarm on a negative, MISS = silent on a positive, OFF = fires on the wrong words):');
    for (const o of outcomes) {
      if (o.expected !== o.fired) console.log(`${o.expected ? 'MISS' : 'FA  '} ${o.rule.padEnd(22)} ${o.where}${o.found ? `  [${o.found}]` : ''}`);
      else if (o.expected && o.onTarget === false) console.log(`OFF  ${o.rule.padEnd(22)} ${o.where}  [${o.found}]`);
    }
  }
  return 0;
}

process.exit(main());
