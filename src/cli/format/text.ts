/**
 * Human-readable output in the spirit of ESLint's "stylish": a header per story, its findings indented
 * and aligned (backlog findings marked as not scored), suggestions whole and word-wrapped, what was
 * skipped, and one summary line that never reads healthy when some input could not be read.
 */
import { grade } from '../../core/grade';
import type { ActiveSeverity, AnalysisReport, Finding, StoryReport } from '../../core/story';
import { describeSkipped } from '../input';
import { bySeverity, countSeverities, failedCheckNotes, findingLocation, notAnalyzed, oneLine, plural, slicedUnderText, suggestionStatus, truncate, truncationNotes, wrap, type FormatOptions } from './common';

const CODES = { bold: 1, dim: 2, underline: 4, red: 31, green: 32, yellow: 33, blue: 34, cyan: 36, gray: 90 } as const;
type Style = keyof typeof CODES;

function painter(color: boolean) {
  return (text: string, ...styles: Style[]): string =>
    color && styles.length && text.trim() ? `${styles.map((s) => `\u001b[${CODES[s]}m`).join('')}${text}\u001b[0m` : text;
}

const SEVERITY_STYLE: Record<ActiveSeverity, Style> = { error: 'red', warn: 'yellow', info: 'blue' };
const SEVERITY_WORD: Record<ActiveSeverity, string> = { error: 'error', warn: 'warning', info: 'info' };

const GRADE_STYLE = { pass: 'green', warn: 'yellow', fail: 'red' } as const;

function scoreStyle(score: number): Style {
  return GRADE_STYLE[grade(score)];
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - text.length));
}

/** Text after a visible prefix of `prefixWidth` columns, wrapped to `width`; continuation lines indented by `indent`. */
function wrapped(prefix: string, prefixWidth: number, text: string, width: number, indent: string): string[] {
  const [first = '', ...rest] = wrap(text, width - prefixWidth, width - indent.length);
  return [`${prefix}${first}`, ...rest.map((l) => `${indent}${l}`)];
}

function storyBlock(story: StoryReport, paint: ReturnType<typeof painter>, width: number): string[] {
  const lines: string[] = [];
  const key = oneLine(story.key);
  const verdict = story.failed ? paint('not analyzed', 'red') : paint(`score ${story.score}`, scoreStyle(story.score));
  lines.push(`${paint(key, 'bold', 'underline')}  ${verdict}  ${truncate(story.summary, 80)}` + (story.technical ? `  ${paint('[technical]', 'cyan')}` : ''));
  for (const note of truncationNotes(story)) lines.push(`  ${paint('note', 'dim')}  ${note}`);
  const rows: { f: Finding; backlog: boolean }[] = [
    ...bySeverity(story.findings).map((f) => ({ f, backlog: false })),
    ...bySeverity(story.backlogFindings).map((f) => ({ f, backlog: true })),
  ];
  const locWidth = Math.max(0, ...rows.map(({ f }) => findingLocation(f).length));
  const sevWidth = Math.max(0, ...rows.map(({ f }) => SEVERITY_WORD[f.severity].length));
  const msgWidth = Math.min(90, Math.max(0, ...rows.map(({ f }) => oneLine(f.message).length)));
  for (const { f, backlog } of rows) {
    const loc = locWidth ? `${paint(padEnd(findingLocation(f), locWidth), 'dim')}  ` : '';
    const sev = paint(padEnd(SEVERITY_WORD[f.severity], sevWidth), SEVERITY_STYLE[f.severity]);
    const msg = oneLine(f.message);
    lines.push(`  ${loc}${sev}  ${padEnd(msg, msgWidth)}  ${paint(f.ruleId, 'gray')}${backlog ? paint(' (in this backlog, not scored)', 'dim') : ''}`.trimEnd());
  }
  for (const r of story.rewrites) {
    const label = `→ rewrite (${r.kind === 'task' && r.parentKey ? `task of ${oneLine(r.parentKey)}` : r.kind}, ${suggestionStatus(r)}): `;
    lines.push(...wrapped(`  ${paint(label.trimEnd(), 'cyan')} `, 2 + label.length, r.summary, width, '    '));
    for (const line of (r.description ?? '').split(/\r?\n/).filter((l) => l.trim())) lines.push(...wrapped('    ', 4, line, width, '    '));
    if (r.appliable !== true && r.checks?.length) lines.push(...wrapped(`    ${paint('why a draft:', 'dim')} `, 17, r.checks.join(' '), width, '    '));
  }
  for (const s of story.splits) {
    lines.push(`  ${paint('→ split', 'cyan')} (${s.pattern}, ${suggestionStatus(s)}) into ${s.stories.length}:`);
    s.stories.forEach((p, i) => {
      const n = `${i + 1}. `;
      lines.push(...wrapped(`    ${n}`, 4 + n.length, p.summary, width, ' '.repeat(4 + n.length)));
    });
    if (s.appliable !== true && s.checks?.length) lines.push(...wrapped(`    ${paint('why a draft:', 'dim')} `, 17, s.checks.join(' '), width, '    '));
  }
  if (story.slicesUnder?.length) lines.push(...wrapped(`  ${paint('→ already sliced', 'cyan')} `, 19, `${slicedUnderText(story.slicesUnder, oneLine)}: make it an epic or close it.`, width, '    '));
  else if (story.existingSlices?.length) lines.push(...wrapped(`  ${paint('→ already split', 'cyan')} `, 18, `into ${story.existingSlices.join(', ')}: plan the slices, not this story.`, width, '    '));
  if (story.acceptanceDraft?.length) {
    lines.push(`  ${paint('→ drafted acceptance criteria', 'cyan')} (a draft: edit before use):`);
    for (const c of story.acceptanceDraft) lines.push(...wrapped('    - ', 6, c, width, '      '));
  }
  return lines;
}

/** Columns text output wraps to when the terminal's width is not known. */
export const DEFAULT_WIDTH = 100;

export function formatText(report: AnalysisReport, opts: FormatOptions = {}): string {
  const paint = painter(opts.color ?? false);
  const width = Math.max(40, opts.width ?? DEFAULT_WIDTH);
  const out: string[] = [];
  for (const story of report.stories) {
    out.push(...storyBlock(story, paint, width));
    if (story.findings.length || story.backlogFindings.length || story.rewrites.length || story.splits.length || story.truncated) out.push('');
  }
  if (out.length && out[out.length - 1] !== '') out.push('');

  const b = report.backlog;
  for (const d of b.duplicates) {
    out.push(`${paint('duplicates', 'yellow')}  ${d.keys.map(oneLine).join(' ≈ ')}  (similarity ${d.similarity.toFixed(2)})`);
  }
  for (const cycle of b.dependencyCycles) {
    out.push(`${paint('dependency cycle', 'yellow')}  ${[...cycle, cycle[0] ?? ''].map(oneLine).join(' → ')}`);
  }
  if (b.longestBlockedChain.length > 2) {
    out.push(`${paint('longest blocked chain', 'yellow')}  ${b.longestBlockedChain.map(oneLine).join(' → ')}`);
  }
  const skipped = opts.skipped ?? [];
  if (skipped.length) out.push(...wrapped('', 0, describeSkipped(skipped, opts.checkedTypes ?? []), width, '  ').map((l) => paint(l, 'yellow')));
  const checks = failedCheckNotes(report);
  for (const note of checks) out.push(`${paint('engine error', 'red')}  ${note}`);
  if (b.duplicates.length || b.dependencyCycles.length || b.longestBlockedChain.length > 2 || skipped.length || checks.length) out.push('');

  const counts = countSeverities(report);
  // A read problem means the report is partial: never a healthy mark.
  const problems = opts.errors?.length ?? 0;
  const symbol = counts.error || problems ? paint('✖', 'red') : counts.warn ? paint('⚠', 'yellow') : paint('✔', 'green');
  const failed = notAnalyzed(report);
  const summary =
    `${plural(report.stories.length, 'story', 'stories')}, ${plural(counts.error, 'error')}, ` +
    `${plural(counts.warn, 'warning')}, backlog score ${b.score}${failed ? ` (${failed}: left out of the score)` : ''}` +
    (problems ? `; ${plural(problems, 'input problem')} (on stderr): only what could be read is reported` : '');
  out.push(`${symbol} ${paint(summary, 'bold')}`);
  return out.join('\n');
}
