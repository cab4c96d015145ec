/**
 * `npm run fuzz [-- --seed N --stories N --out DIR]`: throws generated hostile stories and sets at
 * the engine (see scripts/lib/fuzz-grammar.ts) and reports inputs, crashes (each shrunk to a small
 * reproducer in DIR, default fuzz-results/, which git ignores), the slowest input and throughput.
 * Seeded: the same seed generates the same inputs. Exit 1 when anything crashed. Not part of npm test.
 */
import { resolve } from 'node:path';
import { ENGINE_VERSION } from '../src/core/analyze';
import { REPO_ROOT } from './lib/datasets';
import { fuzzCases, runCase, runFuzz } from './lib/fuzz-run';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const seed = Number(option('seed', '1'));
const stories = Number(option('stories', '1000000'));
const outDir = resolve(REPO_ROOT, option('out', 'fuzz-results'));
if (!Number.isInteger(seed) || !Number.isInteger(stories) || stories < 1) {
  console.error('usage: npm run fuzz -- [--seed N] [--stories N] [--out DIR]');
  process.exit(2);
}

// `--case N`: regenerate case N of the seed and analyze it alone (e.g. the slowest, or a crash too deep to print).
const only = option('case', '');
if (only !== '') {
  for (const c of fuzzCases({ seed, stories: Number.MAX_SAFE_INTEGER })) {
    if (c.index < Number(only)) continue;
    const started = performance.now();
    const kinds = c.kind === 'set' ? (['set', 'scan'] as const) : [c.kind];
    for (const kind of kinds) console.log(`case ${c.index} (${kind}): ${runCase(kind, c.input) ?? 'clean'}`);
    console.log(`${(performance.now() - started).toFixed(1)} ms`);
    break;
  }
  process.exit(0);
}

console.log(`story-health fuzz: seed ${seed}, ${stories.toLocaleString('en-US')} stories, engine ${ENGINE_VERSION}, reproducers in ${outDir}`);
const r = runFuzz({ seed, stories, outDir, log: (line) => console.log(`  ${line}`) });
const seconds = r.elapsedMs / 1000;
const lines = [
  '',
  `| seed | stories | sets | analyses | crashes (distinct) | slowest input | runs > 100 ms | time | throughput |`,
  `|---|--:|--:|--:|--:|---|--:|--:|--:|`,
  `| ${r.seed} | ${r.stories.toLocaleString('en-US')} | ${r.sets.toLocaleString('en-US')} | ${r.runs.toLocaleString('en-US')} | ${r.crashCount} (${r.crashes.length}) | ` +
    `${r.slowest.ms.toFixed(1)} ms (${r.slowest.kind} case ${r.slowest.index}, ${r.slowest.chars.toLocaleString('en-US')} characters) | ${r.slowRuns} | ${seconds.toFixed(0)} s | ` +
    `${Math.round(r.stories / seconds).toLocaleString('en-US')} stories/s |`,
  '',
];
for (const c of r.crashes) lines.push(`- ${c.count} × ${c.message} (${c.kind}; shrunk from ${c.originalChars} to ${c.minimalChars} characters${c.file ? `: ${c.file}` : ''})`);
if (r.slowest.file) lines.push(`Slowest input: ${r.slowest.file}`);
console.log(lines.join('\n'));
process.exit(r.crashCount ? 1 : 0);
