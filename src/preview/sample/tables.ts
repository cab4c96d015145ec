/**
 * The sample's README tables, computed from `project.json` (the sample itself, edited by hand):
 * what it holds per project, the problems it plants (`planted`), and the issues worth knowing by key.
 * `test/preview/sample/sample.test.ts` fails when the README shows other tables.
 *
 *   npx tsx src/preview/sample/tables.ts   # prints both tables for the README
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLANTED_PROBLEMS, sampleProjectFileSchema, type PlantedProblem, type SampleIssue, type SampleProjectFile } from './schema';

/** The sample project file as the emulator loads it. */
export function readSample(file = join(__dirname, 'project.json')): SampleProjectFile {
  return sampleProjectFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

interface AdfNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
}

const childrenOf = (node: AdfNode): AdfNode[] => (Array.isArray(node.content) ? (node.content as AdfNode[]) : []);

/** The plain text of each line of a node (a hard break starts a new line). */
function linesOf(node: AdfNode): string[] {
  const lines = [''];
  const walk = (n: AdfNode): void => {
    if (n.type === 'hardBreak') lines.push('');
    else if (typeof n.text === 'string') lines[lines.length - 1] += n.text;
    childrenOf(n).forEach(walk);
  };
  walk(node);
  return lines;
}

/** Whether the description carries acceptance criteria the way teams write them: a section, a checklist, or Given/When/Then. */
export function hasAcceptanceCriteria(description: SampleIssue['description']): boolean {
  const blocks = description ? childrenOf(description as AdfNode) : [];
  return blocks.some(
    (block) =>
      block.type === 'taskList' ||
      (block.type === 'heading' && /^(acceptance criteria|definition of done)\b/i.test(linesOf(block).join(' ').trim())) ||
      (block.type === 'paragraph' && linesOf(block).some((line) => /^given\b/i.test(line.trim()))),
  );
}

const planted = (issue: SampleIssue, problem: PlantedProblem) => (issue.planted?.problems ?? []).includes(problem);

type Row = [label: string, food: number, zone: number];

export function categoryCounts(file: SampleProjectFile): Row[] {
  /** `count` gives a number (links) or a yes/no (issues). */
  const row = (label: string, count: (issue: SampleIssue) => number | boolean): Row => {
    const sum = (project: string) => file.issues.filter((i) => i.key.startsWith(`${project}-`)).reduce((n, i) => n + Number(count(i)), 0);
    return [label, sum('FOOD'), sum('ZONE')];
  };
  const story = (i: SampleIssue) => i.issueType === 'Story';
  const types = { Epic: 'Epics', Story: 'Stories', Subtask: 'Subtasks', Task: 'Tasks', Bug: 'Bugs' } as const;
  return [
    row('Issues', () => true),
    ...(Object.keys(types) as (keyof typeof types)[]).map((t) => row(types[t], (i) => i.issueType === t)),
    ...(['To Do', 'In Progress', 'In Review', 'Done'] as const).map((s) => row(`Status ${s}`, (i) => i.status === s)),
    row('Restricted issues (security level)', (i) => i.securityLevel === 'restricted'),
    row('Blocks links (counted once, on the blocked issue)', (i) => i.links.filter((l) => l.type === 'Blocks' && l.direction === 'inward').length),
    row('Stories without an estimate', (i) => story(i) && i.storyPoints === null),
    row('Stories without acceptance criteria', (i) => story(i) && !hasAcceptanceCriteria(i.description)),
    ...(Object.keys(PLANTED_PROBLEMS) as PlantedProblem[]).map((p) => row(PLANTED_PROBLEMS[p], (i) => planted(i, p))),
    row(
      'Stories with no planted problem (estimated, with acceptance criteria, no tag, no blocker)',
      (i) => story(i) && !i.planted?.problems.length && i.storyPoints !== null && hasAcceptanceCriteria(i.description) && !i.links.some((l) => l.type === 'Blocks' && l.direction === 'inward'),
    ),
  ];
}

/** The counts as a Markdown table (what the README shows). */
export function countsTable(file: SampleProjectFile): string {
  const lines = ['| Category | FOOD | ZONE | Total |', '| --- | ---: | ---: | ---: |'];
  for (const [label, food, zone] of categoryCounts(file)) lines.push(`| ${label} | ${food} | ${zone} | ${food + zone} |`);
  return lines.join('\n');
}

/** The issues worth knowing by key, as a Markdown table (what the README shows). */
export function notableTable(file: SampleProjectFile): string {
  const keys = (test: (i: SampleIssue) => boolean) => file.issues.filter(test).map((i) => i.key);
  const motivating = file.issues.filter((i) => planted(i, 'motivating'));
  const technical = motivating.find((i) => planted(i, 'technical'))!;
  const served = technical.links.find((l) => l.type === 'Blocks' && l.direction === 'outward')?.key;
  const epicSized = motivating.find((i) => i !== technical)!;
  const rows: [string, string][] = [
    ['Motivating technical story', `${technical.key} (blocks ${served}, the user story it serves)`],
    ['Epic-sized zone story', epicSized.key],
    ['Dependency cycle (each blocked by the next, the last by the first)', keys((i) => planted(i, 'cycle')).join(', ')],
    ['Longest chain (each blocked by the next)', keys((i) => planted(i, 'chain')).reverse().join(', ')],
    ['Unlinked duplicate pairs', file.issues.filter((i) => i.planted?.copyOf).map((i) => `${i.planted!.copyOf} / ${i.key}`).join('; ')],
    ['Restricted issues', keys((i) => i.securityLevel === 'restricted').join(', ')],
    ['Hostile text (rendering test)', keys((i) => planted(i, 'hostile')).join(', ')],
  ];
  return ['| Issue | Keys |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
}

if (require.main === module) {
  const file = readSample();
  console.log(countsTable(file));
  console.log();
  console.log(notableTable(file));
}
