/** How the panel names and grades criteria. Scores: pass >= 80, warn 50-79, fail < 50. */
import type { Criterion, Finding, RuleCriterion, Severity } from '../../../src/contract';
import { grade, type Grade } from '../../../src/contract/ui';

export { grade, type Grade };

export const GRADE_LABEL: Record<Grade, string> = { pass: 'pass', warn: 'needs work', fail: 'fail' };

/** The INVEST letters in order, then the template. */
export const LETTERS: { criterion: Criterion; letter: string; name: string }[] = [
  { criterion: 'independent', letter: 'I', name: 'Independent' },
  { criterion: 'negotiable', letter: 'N', name: 'Negotiable' },
  { criterion: 'valuable', letter: 'V', name: 'Valuable' },
  { criterion: 'estimable', letter: 'E', name: 'Estimable' },
  { criterion: 'small', letter: 'S', name: 'Small' },
  { criterion: 'testable', letter: 'T', name: 'Testable' },
  { criterion: 'template', letter: 'Template', name: 'Template' },
];

export function criterionName(c: RuleCriterion): string {
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
