/**
 * Human-readable output in the spirit of ESLint's "stylish": a header per story, its findings indented
 * and aligned, suggestions in brief, and one summary line.
 */
import { grade } from '../../core/grade';
import type { ActiveSeverity, AnalysisReport, StoryReport } from '../../core/story';
import { bySeverity, countSeverities, failedCheckNotes, findingLocation, notAnalyzed, oneLine, plural, truncate, truncationNotes, type FormatOptions } from './common';

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

function storyBlock(story: StoryReport, paint: ReturnType<typeof painter>): string[] {
  const lines: string[] = [];
  const key = oneLine(story.key);
  const verdict = story.failed ? paint('not analyzed', 'red') : paint(`score ${story.score}`, scoreStyle(story.score));
  lines.push(`${paint(key, 'bold', 'underline')}  ${verdict}  ${truncate(story.summary, 80)}` + (story.technical ? `  ${paint('[technical]', 'cyan')}` : ''));
  for (const note of truncationNotes(story)) lines.push(`  ${paint('note', 'dim')}  ${note}`);
  const findings = bySeverity(story.findings);
  const locWidth = Math.max(0, ...findings.map((f) => findingLocation(f).length));
  const sevWidth = Math.max(0, ...findings.map((f) => SEVERITY_WORD[f.severity].length));
  const msgWidth = Math.min(90, Math.max(0, ...findings.map((f) => oneLine(f.message).length)));
  for (const f of findings) {
    const loc = locWidth ? `${paint(padEnd(findingLocation(f), locWidth), 'dim')}  ` : '';
    const sev = paint(padEnd(SEVERITY_WORD[f.severity], sevWidth), SEVERITY_STYLE[f.severity]);
    const msg = oneLine(f.message);
    lines.push(`  ${loc}${sev}  ${padEnd(msg, msgWidth)}  ${paint(f.ruleId, 'gray')}`.trimEnd());
  }
  for (const r of story.rewrites) {
    lines.push(`  ${paint('→ rewrite', 'cyan')} (${r.kind}): ${truncate(r.summary, 100)}`);
  }
  for (const s of story.splits) {
    const parts = s.stories.map((p) => `"${truncate(p.summary, 50)}"`);
    lines.push(`  ${paint('→ split', 'cyan')} (${s.pattern}) into ${s.stories.length}: ${truncate(parts.join(' · '), 140)}`);
  }
  return lines;
}

export function formatText(report: AnalysisReport, opts: FormatOptions = {}): string {
  const paint = painter(opts.color ?? false);
  const out: string[] = [];
  for (const story of report.stories) {
    out.push(...storyBlock(story, paint));
    if (story.findings.length || story.rewrites.length || story.splits.length || story.truncated) out.push('');
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
  const checks = failedCheckNotes(report);
  for (const note of checks) out.push(`${paint('engine error', 'red')}  ${note}`);
  if (b.duplicates.length || b.dependencyCycles.length || b.longestBlockedChain.length > 2 || checks.length) out.push('');

  const counts = countSeverities(report);
  const symbol = counts.error ? paint('✖', 'red') : counts.warn ? paint('⚠', 'yellow') : paint('✔', 'green');
  const failed = notAnalyzed(report);
  const summary =
    `${plural(report.stories.length, 'story', 'stories')}, ${plural(counts.error, 'error')}, ` +
    `${plural(counts.warn, 'warning')}, backlog score ${b.score}${failed ? ` (${failed}: left out of the score)` : ''}`;
  out.push(`${symbol} ${paint(summary, 'bold')}`);
  return out.join('\n');
}
