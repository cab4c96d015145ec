/** How the panel names and grades criteria. Scores: pass >= 80, warn 50-79, fail < 50. */
import type { Criterion, Finding, RuleCriterion, Severity } from '../../../src/contract';
import { CRITERIA, grade, type Grade } from '../../../src/contract/ui';
import { CRITERION_NAMES, CRITERION_SHORT } from '../../../src/render/view/criteria';

export { grade, type Grade };

export const GRADE_LABEL: Record<Grade, string> = { pass: 'pass', warn: 'needs work', fail: 'fail' };

/** The INVEST letters in order, then the template (named as every report names them; the panel says "Template"). */
export const LETTERS: { criterion: Criterion; letter: string; name: string }[] = CRITERIA.map((criterion) =>
  criterion === 'template' ? { criterion, letter: 'Template', name: 'Template' } : { criterion, letter: CRITERION_SHORT[criterion], name: CRITERION_NAMES[criterion] },
);

export function criterionName(c: RuleCriterion): string {
  if (c === 'engine') return 'Engine errors';
  return LETTERS.find((l) => l.criterion === c)?.name ?? 'Backlog';
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warn: 2, info: 1, off: 0 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warn: 'Warning', info: 'Info', off: 'Off' };

/** The DOM id of a criterion's findings group (the letters link to it). */
export const groupId = (c: RuleCriterion) => `findings-${c}`;

export interface FindingGroup {
  criterion: RuleCriterion;
  score: number | undefined;
  findings: Finding[];
}

/** Findings grouped by criterion, worst criterion first, most severe finding first. */
export function groupFindings(findings: readonly Finding[], scores: Partial<Record<RuleCriterion, number>>): FindingGroup[] {
  const groups = new Map<RuleCriterion, Finding[]>();
  for (const f of findings) groups.set(f.criterion, [...(groups.get(f.criterion) ?? []), f]);
  const worstSeverity = (fs: Finding[]) => Math.max(...fs.map((f) => SEVERITY_RANK[f.severity]));
  return [...groups.entries()]
    .map(([criterion, fs]) => ({
      criterion,
      score: scores[criterion],
      findings: [...fs].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]),
    }))
    .sort((a, b) => (a.score ?? 101) - (b.score ?? 101) || worstSeverity(b.findings) - worstSeverity(a.findings));
}
