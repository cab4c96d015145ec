/** Eval part 1: rule findings against the human AQUSA labels of qus-labels (g13, g21, g28). */
import { join } from 'node:path';
import { analyze } from '../../src/core/analyze';
import type { StoryReport } from '../../src/core/story';
import {
  AQUSA_KINDS,
  AQUSA_TO_RULE,
  QUS_FILES,
  QUS_RULES,
  QUS_TARGET_RULES,
  expectedRules,
  kappaTable,
  kindsOf,
  labelledKinds,
  readCsv,
} from './datasets';
import { addConfusion, cohenKappa, emptyConfusion, observe, precision, recall, type Confusion } from './metrics';
import { details, fixed, mark, rate, table } from './markdown';
import { findingVerdict, inputVerdict } from './verdict';

export const TARGET_RECALL = 0.95;
export const TARGET_PRECISION = 0.9;

interface Disagreement {
  backlog: string;
  id: string;
  expected: boolean;
  kinds: string[];
  detail: string;
  /** Other stories of the same file with byte-identical text (after trimming). */
  identicalTo: string[];
}

export interface RuleResult {
  rule: string;
  pooled: Confusion;
  perFile: Map<string, Confusion>;
  disagreements: Disagreement[];
}

export interface QusResult {
  md: string[];
  summary: string[];
  rules: RuleResult[];
}

/** How the engine parsed the story, as offsets (the story's words stay in the data set). */
function parseDetail(summary: string): string {
  return `parsed as ${inputVerdict({ summary })}`;
}

/** Story-level and backlog findings alike: AQUSA labels both kinds (unique, uniform). */
function allFindings(s: StoryReport) {
  return [...s.findings, ...s.backlogFindings];
}

function findingDetail(s: StoryReport, rule: string): string {
  return allFindings(s)
    .filter((f) => f.ruleId === rule)
    .map(findingVerdict)
    .join('<br>');
}

export function meetsTarget(c: Confusion): boolean {
  return recall(c).value >= TARGET_RECALL && precision(c).value >= TARGET_PRECISION;
}

export function runQus(dataDir: string): QusResult {
  const dir = join(dataDir, 'qus-labels');
  const kappas = kappaTable(readCsv(join(dir, 'kappas_finais.csv')));
  const results = new Map<string, RuleResult>(
    QUS_RULES.map((rule) => [rule, { rule, pooled: emptyConfusion(), perFile: new Map(), disagreements: [] }]),
  );
  const positives = new Map<string, Map<string, number>>(); // backlog -> kind -> count
  const sizes = new Map<string, number>();

  for (const f of QUS_FILES) {
    const rows = readCsv(join(dir, f.file));
    sizes.set(f.backlog, rows.length);
    const kindCounts = new Map<string, number>();
    for (const r of rows) for (const k of labelledKinds(r)) kindCounts.set(k, (kindCounts.get(k) ?? 0) + 1);
    positives.set(f.backlog, kindCounts);
    const sameText = new Map<string, string[]>();
    for (const r of rows) {
      const t = (r['User Story'] ?? '').trim();
      sameText.set(t, [...(sameText.get(t) ?? []), `${f.backlog}-${r['ID']}`]);
    }
    const report = analyze(rows.map((r) => ({ key: `${f.backlog}-${r['ID']}`, summary: r['User Story'] ?? '', source: 'line' as const })));
    rows.forEach((row, i) => {
      const story = report.stories[i] as StoryReport;
      const expected = expectedRules(row);
      const got = new Set(allFindings(story).map((x) => x.ruleId));
      for (const rule of QUS_RULES) {
        const res = results.get(rule) as RuleResult;
        const e = expected.has(rule);
        const g = got.has(rule);
        if (!res.perFile.has(f.backlog)) res.perFile.set(f.backlog, emptyConfusion());
        observe(res.perFile.get(f.backlog) as Confusion, e, g);
        if (e !== g) {
          const twins = (sameText.get((row['User Story'] ?? '').trim()) ?? []).filter((k) => k !== `${f.backlog}-${row['ID']}`);
          res.disagreements.push({
            identicalTo: twins,
            backlog: f.backlog,
            id: row['ID'] ?? String(i + 1),
            expected: e,
            kinds: labelledKinds(row).filter((k) => AQUSA_TO_RULE[k] === rule),
            detail: g ? findingDetail(story, rule) : rule === 'non-uniform' ? `backlog's dominant form: ${report.backlog.uniformity.dominantForm} (${Math.round(report.backlog.uniformity.share * 100)} %); ${parseDetail(row['User Story'] ?? '')}` : parseDetail(row['User Story'] ?? ''),
          });
        }
      }
    });
  }
  for (const res of results.values()) {
    res.pooled = [...res.perFile.values()].reduce(addConfusion, emptyConfusion());
  }

  const rules = [...results.values()];
  const md: string[] = [];
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  md.push('## 1. Rules against human QUS labels (qus-labels)', '');
  md.push(
    `${total} stories from three backlogs (${QUS_FILES.map((f) => `${f.backlog}: ${sizes.get(f.backlog)}`).join(', ')}), each labelled by people with AQUSA defect kinds (izabellaribeiro/llm-us-quality). Each backlog is analyzed as one set with \`analyze()\` (so \`duplicate\` and \`non-uniform\` see their backlog), one story per row: \`{ key: 'gXX-<ID>', summary: <User Story>, source: 'line' }\`. A story is *expected* to get a rule when any AQUSA kind mapped to that rule is 1, and *got* it when the engine reports at least one finding of that rule (any severity).`,
    '',
    `Conventions: precision = 1 when the rule flagged nothing (TP + FP = 0) and recall = 1 when there was nothing to find (TP + FN = 0); such values carry a dagger (†) and are not evidence. Read the counts: several rules have only a handful of positive labels. Targets from the spec: recall ≥ ${TARGET_RECALL} and precision ≥ ${TARGET_PRECISION} for ${[...QUS_TARGET_RULES].map((r) => `\`${r}\``).join(', ')}; \`non-uniform\` has no target. κ (engine) is Cohen's kappa between the engine and the labels.`,
    '',
    '### Pooled over g13 + g21 + g28',
    '',
  );
  md.push(
    ...table(
      ['rule', 'AQUSA kinds', 'labelled positive', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'κ (engine)', 'target'],
      rules.map((r) => {
        const c = r.pooled;
        return [
          `\`${r.rule}\``,
          kindsOf(r.rule).map((k) => `\`${k}\``).join(', '),
          `${c.tp + c.fn} / ${c.tp + c.fp + c.fn + c.tn}`,
          c.tp,
          c.fp,
          c.fn,
          c.tn,
          rate(precision(c)),
          rate(recall(c)),
          fixed(cohenKappa(c)),
          QUS_TARGET_RULES.has(r.rule) ? mark(meetsTarget(c)) : '—',
        ];
      }),
    ),
    '',
  );
  const dup = results.get('duplicate');
  const identicalFp = dup ? dup.disagreements.filter((d) => !d.expected && d.identicalTo.length > 0).length : 0;
  if (dup && identicalFp > 0) {
    md.push(`Note on \`duplicate\`: ${identicalFp} of its ${dup.pooled.fp} false positives are stories whose text is byte-identical to another story of the same backlog, which \`unique.identical\` should have marked (the data sets' README names this label error). Read its precision with that in mind.`, '');
  }
  md.push('### Per backlog', '');
  const perRows: (string | number)[][] = [];
  for (const r of rules) {
    for (const f of QUS_FILES) {
      const c = r.perFile.get(f.backlog) ?? emptyConfusion();
      perRows.push([`\`${r.rule}\``, f.backlog, c.tp + c.fn, c.tp, c.fp, c.fn, c.tn, rate(precision(c)), rate(recall(c))]);
    }
  }
  md.push(...table(['rule', 'backlog', 'positives', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall'], perRows), '');

  md.push('### Inter-rater agreement of the labels (kappas_finais.csv)', '');
  md.push(
    'Cohen\'s κ between the two human raters per AQUSA kind, as published with the labels, next to the number of stories finally labelled positive. A κ of 0 or 1 on a kind with (almost) no positives says little; a low κ means the humans themselves disagreed, so disagreements with the engine on that kind deserve a second look before tuning a rule to them.',
    '',
  );
  md.push(
    ...table(
      ['AQUSA kind', 'our rule', ...QUS_FILES.map((f) => `κ ${f.backlog}`), ...QUS_FILES.map((f) => `positives ${f.backlog}`)],
      AQUSA_KINDS.map((k) => [
        `\`${k}\``,
        `\`${AQUSA_TO_RULE[k]}\``,
        ...QUS_FILES.map((f) => {
          const v = kappas.get(f.backlog)?.get(k);
          return v == null ? '—' : fixed(v);
        }),
        ...QUS_FILES.map((f) => positives.get(f.backlog)?.get(k) ?? 0),
      ]),
    ),
    '',
  );

  md.push('### Every disagreement, per rule', '');
  md.push(
    `*story* = \`<backlog>-<ID>\`: the row with that \`ID\` in qus-labels/${QUS_FILES.map((f) => `${f.file} (${f.backlog})`).join(', ')}; the text stays in the data set. *expected* = the human labels say the rule applies (the AQUSA kinds set are listed); *got* = the engine reported it. For false positives the engine's finding is shown as \`rule/message\`, its data that are not story text, and where it sits in the summary (\`[start, end)\` character offsets); for false negatives, how the engine parsed the story (template form and the offsets of role, goal and benefit).`,
    '',
  );
  for (const r of rules) {
    const fp = r.disagreements.filter((d) => !d.expected).length;
    const fn = r.disagreements.length - fp;
    if (r.disagreements.length === 0) {
      md.push(`**\`${r.rule}\`**: no disagreements.`, '');
      continue;
    }
    md.push(
      ...details(
        `<code>${r.rule}</code>: ${r.disagreements.length} disagreements (${fp} false positives, ${fn} false negatives)`,
        table(
          ['story', 'expected', 'got', 'engine'],
          r.disagreements.map((d) => [
            `${d.backlog}-${d.id}`,
            d.expected ? `yes (${d.kinds.join(', ')})` : 'no',
            d.expected ? 'no' : 'yes',
            `${d.detail || '—'}${d.identicalTo.length ? `<br>**text identical to ${d.identicalTo.join(', ')}**` : ''}`,
          ]),
        ),
      ),
    );
  }

  const summary = rules.map((r) => {
    const c = r.pooled;
    const target = QUS_TARGET_RULES.has(r.rule) ? ` ${meetsTarget(c) ? 'meets' : 'misses'} target` : '';
    return `  ${r.rule.padEnd(12)} P ${rate(precision(c))}  R ${rate(recall(c))}  (positives ${c.tp + c.fn}, TP ${c.tp} FP ${c.fp} FN ${c.fn})${target}`;
  });
  return { md, summary, rules };
}
