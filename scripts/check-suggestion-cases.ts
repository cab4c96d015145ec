/**
 * `npx tsx scripts/check-suggestion-cases.ts [dir]`: checks the golden suggestion cases
 * (test/eval/suggestions) and prints the counts per expectation kind and split pattern.
 * Exits 1 when a file does not parse, a project is inconsistent or a minimum is not met.
 * `--markdown` prints the counts table that test/eval/suggestions/README.md carries.
 */
import { SUGGESTION_CASES_DIR, loadSuggestionCases } from './lib/suggestion-cases';
import { checkSuggestionProject, countSuggestionCases, countsMarkdown, coverageGaps } from './lib/suggestion-cases-check';

function main(): void {
  const args = process.argv.slice(2);
  const markdown = args.includes('--markdown');
  const dir = args.find((a) => !a.startsWith('--')) ?? SUGGESTION_CASES_DIR;
  let failed = false;
  const projects = loadSuggestionCases(dir);
  for (const { file, project } of projects) {
    for (const p of checkSuggestionProject(project)) {
      console.error(`${file}: ${p}`);
      failed = true;
    }
  }
  const c = countSuggestionCases(projects);
  if (markdown) {
    console.log(countsMarkdown(c).join('\n'));
    if (failed) process.exit(1);
    return;
  }
  console.log(`${c.projects} projects, ${c.issues} issues, ${c.stories} stories with ${c.expectations} expectations`);
  console.log(`rewrites: ${Object.entries(c.rewrite).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`  tasks served through: link ${c.taskServedBy.link}, parent ${c.taskServedBy.parent}, named in the description ${c.taskServedBy.described}, shared phrases only ${c.taskServedBy.obvious}`);
  console.log(`splits: ${Object.entries(c.split).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`AC drafts ${c.acDraft}, findings ${c.finding}, good stories (none) ${c.none}`);
  for (const g of coverageGaps(c)) {
    console.error(`not enough ${g}`);
    failed = true;
  }
  if (failed) process.exit(1);
}

main();
