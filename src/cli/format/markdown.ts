/** A Markdown report for pull requests, wikis and tickets: summary table, then findings per story. */
import type { AnalysisReport, StoryReport } from '../../core/story';
import { describeSkipped } from '../input';
import { bySeverity, countSeverities, failedCheckNotes, findingLocation, notAnalyzed, oneLine, plural, slicedUnderText, suggestionStatus, topFinding, truncate, truncationNotes, type FormatOptions } from './common';

/** Input text is untrusted: escape Markdown/HTML punctuation and keep it on one line. */
export function mdEscape(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}

const SEVERITY_WORD = { error: 'error', warn: 'warning', info: 'info' } as const;

function templateCell(story: StoryReport): string {
  return `${story.criteria.template} (${story.template.form})`;
}

function storySection(story: StoryReport): string[] {
  if (!story.findings.length && !story.backlogFindings.length && !story.rewrites.length && !story.splits.length && !story.truncated) return [];
  const lines = [`### ${mdEscape(story.key)}: ${mdEscape(truncate(story.summary, 120))}`, ''];
  lines.push(story.failed ? '**Not analyzed** (engine error: no score)' : `Score **${story.score}**${story.technical ? ' · technical story' : ''}`, '');
  for (const note of truncationNotes(story)) lines.push(`_${mdEscape(note)}_`, '');
  for (const f of bySeverity(story.findings)) {
    const where = findingLocation(f);
    lines.push(`- **${SEVERITY_WORD[f.severity]}** ${mdEscape(f.message)} (\`${f.ruleId}\`${where ? `, ${where}` : ''})`);
  }
  for (const f of bySeverity(story.backlogFindings)) {
    lines.push(`- **${SEVERITY_WORD[f.severity]}** ${mdEscape(f.message)} (\`${f.ruleId}\`, in this backlog: not scored)`);
  }
  if (story.findings.length || story.backlogFindings.length) lines.push('');
  for (const r of story.rewrites) {
    const kind = r.kind === 'task' && r.parentKey ? `task of ${mdEscape(r.parentKey)}` : r.kind;
    lines.push(`**Suggested rewrite** (${kind}, ${suggestionStatus(r)}): ${mdEscape(r.summary)}`, '');
    if (r.description) lines.push(...r.description.split(/\r?\n/).map((l) => `> ${mdEscape(l)}`), '');
    if (r.rationale) lines.push(`_${mdEscape(r.rationale)}_`, '');
    if (r.appliable !== true && r.checks?.length) lines.push(`Why a draft: ${mdEscape(r.checks.join(' '))}`, '');
  }
  for (const s of story.splits) {
    lines.push(`**Suggested split** (${s.pattern}, ${suggestionStatus(s)}): ${mdEscape(s.rationale)}`, '');
    s.stories.forEach((p, i) => lines.push(`${i + 1}. ${mdEscape(p.summary)}`));
    lines.push('');
    if (s.appliable !== true && s.checks?.length) lines.push(`Why a draft: ${mdEscape(s.checks.join(' '))}`, '');
  }
  if (story.slicesUnder?.length) lines.push(`**Already sliced** ${slicedUnderText(story.slicesUnder, mdEscape)}: make it an epic or close it.`, '');
  else if (story.existingSlices?.length) lines.push(`**Already split** into ${story.existingSlices.map(mdEscape).join(', ')}: plan the slices, not this story.`, '');
  if (story.acceptanceDraft?.length) {
    lines.push('**Drafted acceptance criteria** (a draft: edit before use):', '');
    for (const c of story.acceptanceDraft) lines.push(`- ${mdEscape(c)}`);
    lines.push('');
  }
  return lines;
}

export function formatMarkdown(report: AnalysisReport, opts: FormatOptions = {}): string {
  const b = report.backlog;
  const counts = countSeverities(report);
  const out: string[] = ['# Story Health report', ''];
  const problems = opts.errors?.length ?? 0;
  out.push(
    `${plural(report.stories.length, 'story', 'stories')} · backlog score **${b.score}** · ` +
      `${plural(counts.error, 'error')} · ${plural(counts.warn, 'warning')} · ${plural(counts.info, 'info', 'infos')}` +
      (b.technicalCount ? ` · ${plural(b.technicalCount, 'technical story', 'technical stories')}` : '') +
      (b.failed.length ? ` · **${notAnalyzed(report)}** (left out of the score)` : ''),
    '',
  );
  if (problems) out.push(`**${plural(problems, 'input problem')}: only what could be read is reported** (see "Could not read").`, '');
  const skipped = opts.skipped ?? [];
  if (skipped.length) out.push(`Skipped: ${mdEscape(describeSkipped(skipped, opts.checkedTypes ?? []))}`, '');

  if (report.stories.length) {
    out.push('| Key | Score | I | N | V | E | S | T | Template | Top finding |');
    out.push('|---|--:|--:|--:|--:|--:|--:|--:|---|---|');
    for (const s of report.stories) {
      const c = s.criteria;
      const top = topFinding(s);
      const topCell = top ? `${SEVERITY_WORD[top.severity]}: ${mdEscape(truncate(top.message, 80))} (\`${top.ruleId}\`)` : '';
      if (s.failed) {
        out.push(`| ${mdEscape(s.key)} | — | — | — | — | — | — | — | — | ${topCell} |`);
        continue;
      }
      out.push(
        `| ${mdEscape(s.key)} | ${s.score} | ${c.independent} | ${c.negotiable} | ${c.valuable} | ${c.estimable} | ${c.small} | ${c.testable} | ${templateCell(s)} | ${topCell} |`,
      );
    }
    out.push('');
  }

  const backlogLines: string[] = [];
  for (const d of b.duplicates) backlogLines.push(`- Possible duplicates: ${d.keys.map(mdEscape).join(', ')} (similarity ${d.similarity.toFixed(2)})`);
  for (const cycle of b.dependencyCycles) backlogLines.push(`- Dependency cycle: ${[...cycle, cycle[0] ?? ''].map(mdEscape).join(' → ')}`);
  if (b.longestBlockedChain.length > 2) backlogLines.push(`- Longest blocked chain: ${b.longestBlockedChain.map(mdEscape).join(' → ')}`);
  if (b.servesNobody.length) backlogLines.push(`- Stories with no role (serve nobody we can name): ${b.servesNobody.map(mdEscape).join(', ')}`);
  for (const note of failedCheckNotes(report)) backlogLines.push(`- ${mdEscape(note)}`);
  if (backlogLines.length) out.push('## Backlog', '', ...backlogLines, '');

  const sections = report.stories.flatMap(storySection);
  if (sections.length) out.push('## Findings', '', ...sections);

  const errors = opts.errors ?? [];
  if (errors.length) {
    out.push('## Could not read', '');
    for (const e of errors) out.push(`- \`${oneLine(e.file).replace(/`/g, "'")}${e.line !== undefined ? `:${e.line}` : ''}\` ${mdEscape(e.message)}`);
    out.push('');
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
