/**
 * One story, one score, checked on real files: runs `story-health analyze` and `story-health report`
 * (in-process, `--format json`) over the same input and compares every story's score and criteria.
 *
 *   npx tsx scripts/check-agreement.ts ../shared/datasets/user-stories/g08-frictionless.txt …
 *   npx tsx scripts/check-agreement.ts --each ../shared/datasets/user-stories/*.txt   # one run per file
 *
 * Exit 1 when any story disagrees (each one is listed), 2 when a run fails.
 */
import { main } from '../src/cli/main';
import type { AnalyzeJson } from '../src/cli/format/json';
import type { ReportJson } from '../src/render/json';

async function run(argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {} });
  if (code !== 0) throw new Error(`story-health ${argv.join(' ')} exited ${code}: ${err.trim()}`);
  return out;
}

async function compare(files: string[]): Promise<{ stories: number; disagreements: string[] }> {
  const analyzed = JSON.parse(await run(['analyze', ...files, '-f', 'json'])) as AnalyzeJson;
  const reported = JSON.parse(await run(['report', ...files, '-f', 'json'])) as ReportJson;
  const byKey = new Map(reported.stories.map((s) => [s.key, s]));
  const disagreements: string[] = [];
  for (const s of analyzed.stories) {
    const r = byKey.get(s.key);
    if (!r) disagreements.push(`${s.key}: missing from report`);
    else if (r.score !== s.score || JSON.stringify(r.criteria) !== JSON.stringify(s.criteria)) {
      disagreements.push(`${s.key}: analyze ${s.score} ${JSON.stringify(s.criteria)}, report ${r.score} ${JSON.stringify(r.criteria)}`);
    }
  }
  if (reported.stories.length !== analyzed.stories.length) disagreements.push(`analyze has ${analyzed.stories.length} stories, report ${reported.stories.length}`);
  if (analyzed.backlog.score !== reported.snapshot.score) disagreements.push(`backlog score: analyze ${analyzed.backlog.score}, report ${reported.snapshot.score}`);
  return { stories: analyzed.stories.length, disagreements };
}

async function cli(args: string[]): Promise<number> {
  const each = args[0] === '--each';
  const files = each ? args.slice(1) : args;
  if (!files.length) {
    console.error('usage: tsx scripts/check-agreement.ts [--each] <files…>');
    return 2;
  }
  const groups = each ? files.map((f) => [f]) : [files];
  let stories = 0;
  let disagreeing = 0;
  for (const group of groups) {
    const result = await compare(group);
    stories += result.stories;
    disagreeing += result.disagreements.length;
    console.log(`${group.length === 1 ? group[0] : `${group.length} files`}: ${result.stories} stories, ${result.disagreements.length} disagreements`);
    for (const d of result.disagreements) console.log(`  ${d}`);
  }
  if (groups.length > 1) console.log(`total: ${stories} stories, ${disagreeing} disagreements`);
  return disagreeing ? 1 : 0;
}

cli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  },
);
