/**
 * Every check the two label files must pass: they parse, each label is unique, its source line or row
 * exists, its evidence occurs there, and no run of six words is copied from a data set.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { datasetLabel, isJiraLabel, originalLabel, parseLabels, type DatasetLabel, type OriginalLabel } from './label-schema';
import { LabelSources } from './label-sources';
import { copiedRun, evidenceOccurs, wordRuns } from './text-checks';

export const LABELS_FILE = join(__dirname, 'labels.jsonl');
export const ORIGINAL_FILE = join(__dirname, 'original.jsonl');
/** Notes about the labels quote the data sets too; they must not copy them either. */
export const NOTES_FILE = join(__dirname, 'README.md');

export interface CheckResult {
  dataset: DatasetLabel[];
  original: OriginalLabel[];
  problems: string[];
}

function identity(l: DatasetLabel): string {
  if (isJiraLabel(l)) return `${l.rule} ${l.source} ${l.key}`;
  if (l.rule === 'duplicate' && l.other !== undefined) {
    const [a, b] = [l.line, l.other].sort((x, y) => x - y);
    return `${l.rule} ${l.source} ${a}~${b}`;
  }
  return `${l.rule} ${l.source} ${l.line}`;
}

/** Structure only: no data sets needed. */
export function checkStructure(labelsText: string, originalText: string): CheckResult {
  const d = parseLabels(labelsText, datasetLabel, 'labels.jsonl');
  const o = parseLabels(originalText, originalLabel, 'original.jsonl');
  const problems = [...d.problems, ...o.problems];
  const seen = new Map<string, number>();
  for (const { lineNo, label } of d.labels) {
    const id = identity(label);
    const first = seen.get(id);
    if (first !== undefined) problems.push(`labels.jsonl:${lineNo}: same label as line ${first} (${id})`);
    else seen.set(id, lineNo);
  }
  const keys = new Map<string, number>();
  for (const { lineNo, label } of o.labels) {
    const first = keys.get(label.key);
    if (first !== undefined) problems.push(`original.jsonl:${lineNo}: key ${label.key} repeats line ${first}`);
    else keys.set(label.key, lineNo);
    if (label.evidence && !evidenceOccurs(`${label.summary}\n${label.description ?? ''}`, label.evidence)) {
      problems.push(`original.jsonl:${lineNo}: evidence "${label.evidence}" is not in the story`);
    }
  }
  return { dataset: d.labels.map((x) => x.label), original: o.labels.map((x) => x.label), problems };
}

/** Every user-stories line: the text original stories must not copy from. */
function allStoryLines(datasets: string): string[] {
  const dir = join(datasets, 'user-stories');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\r\n|\r|\n/));
}

/** Structure plus everything that needs the data sets; `notes` (the README's text) is checked for copies too. */
export function checkAgainstDatasets(labelsText: string, originalText: string, datasets: string, notes = ''): CheckResult {
  const result = checkStructure(labelsText, originalText);
  const { problems } = result;
  const sources = new LabelSources(datasets);
  const labelled: string[] = [];
  result.dataset.forEach((label, i) => {
    const where = `label ${i + 1} (${identity(label)})`;
    const found = sources.textOf(label);
    if ('missing' in found) {
      problems.push(`${where}: ${found.missing}`);
      return;
    }
    const texts = [found.text];
    labelled.push(found.text);
    if (!isJiraLabel(label) && label.other !== undefined) {
      const other = sources.lineText(label.source, label.other);
      if ('missing' in other) problems.push(`${where}: other ${other.missing}`);
      else texts.push(other.text);
    }
    if (label.evidence && !evidenceOccurs(found.text, label.evidence)) problems.push(`${where}: evidence "${label.evidence}" is not in the text`);
    const copied = copiedRun(label.why, texts);
    if (copied) problems.push(`${where}: "why" copies "${copied}" from the source`);
  });
  const storyRuns = wordRuns(allStoryLines(datasets));
  for (const label of result.original) {
    const copied = copiedRun(`${label.summary}\n${label.description ?? ''}\n${label.why}`, storyRuns);
    if (copied) problems.push(`original ${label.key}: copies "${copied}" from user-stories`);
  }
  const everything = new Set([...storyRuns, ...wordRuns(labelled)]);
  notes.split('\n').forEach((line, i) => {
    const copied = copiedRun(line, everything);
    if (copied) problems.push(`README.md:${i + 1}: copies "${copied}" from a data set`);
  });
  return result;
}
