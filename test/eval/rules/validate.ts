/**
 * `npx tsx test/eval/rules/validate.ts`: checks labels.jsonl and original.jsonl against the shared data
 * sets (and README.md for copied text) and prints the counts per rule. Exit 1 when any label has a problem, 2 when the data sets are missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { datasetsDir } from '../../../scripts/lib/datasets';
import { LABELS_FILE, NOTES_FILE, ORIGINAL_FILE, checkAgainstDatasets } from './check-labels';
import { countsByRule } from './counts';

function main(): number {
  const datasets = datasetsDir();
  if (!existsSync(datasets)) {
    console.error(`Data sets not found at ${datasets}. Set STORY_HEALTH_DATASETS to the shared datasets folder.`);
    return 2;
  }
  const result = checkAgainstDatasets(readFileSync(LABELS_FILE, 'utf8'), readFileSync(ORIGINAL_FILE, 'utf8'), datasets, readFileSync(NOTES_FILE, 'utf8'));
  console.log('rule                    positives  negatives  backlogs/projects');
  for (const c of countsByRule(result.dataset, result.original)) {
    console.log(`${c.rule.padEnd(24)}${String(c.positives).padStart(9)}${String(c.negatives).padStart(11)}  ${c.sources}`);
  }
  console.log(`${result.dataset.length} data-set labels, ${result.original.length} original stories`);
  for (const p of result.problems) console.error(p);
  if (result.problems.length) {
    console.error(`${result.problems.length} problem(s)`);
    return 1;
  }
  console.log('all labels valid');
  return 0;
}

process.exit(main());
