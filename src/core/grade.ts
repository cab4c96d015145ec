/**
 * One grading of scores for every surface (panel letters, report pass rates and colours, CLI
 * colours, JQL lists of failing stories): pass at 80 or more, needs work from 50, fail below.
 * Tiny and dependency-free so the Custom UI bundles can import it without the engine.
 */
export const PASS_SCORE = 80;
export const WARN_SCORE = 50;

export type Grade = 'pass' | 'warn' | 'fail';

export function grade(score: number): Grade {
  if (score >= PASS_SCORE) return 'pass';
  if (score >= WARN_SCORE) return 'warn';
  return 'fail';
}
