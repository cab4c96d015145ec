/**
 * The emulated site's one workflow and its transitions (`GET/POST /issue/{key}/transitions`), with
 * workflow validators an app's `jira:workflowValidator` module adds: a Jira expression, evaluated
 * with `issue` (key, summary, issue type, status and its entity properties), `config` (what the
 * configuration page saved) and `user`. It returns true to allow the transition; a string is the
 * error message; anything else (false, an error) refuses with the validator's `errorMessage`.
 *
 * Jira expressions are evaluated here as JavaScript: the subset the app's expressions use (`?:`,
 * `==`, `!=`, `&&`, `||`, `+`, `<`, member and bracket access) means the same in both, and a
 * missing key is null in Jira and undefined here (`== null` holds for both). Only expressions an
 * app declared are evaluated, never text from an issue; issue values reach it as data.
 */
import type { SampleIssue } from '../sample/schema';
import type { StatusName } from './catalog';

export interface Transition {
  id: string;
  name: string;
  from: readonly StatusName[];
  to: StatusName;
}

export const TRANSITIONS: readonly Transition[] = [
  { id: '11', name: 'Start progress', from: ['To Do'], to: 'In Progress' },
  { id: '21', name: 'Send to review', from: ['In Progress'], to: 'In Review' },
  { id: '31', name: 'Done', from: ['In Progress', 'In Review'], to: 'Done' },
  { id: '41', name: 'Back to to do', from: ['In Progress', 'In Review', 'Done'], to: 'To Do' },
];

export interface ExpressionValidator {
  /** The module key of the app's validator. */
  key: string;
  expression: string;
  errorMessage: string;
  /** The configuration page's saved JSON (parsed), or null when none was saved. */
  config: unknown;
}

export type ValidatorResult = { ok: true } | { ok: false; message: string };

export function evaluateValidator(validator: ExpressionValidator, issue: SampleIssue, accountId: string | null): ValidatorResult {
  const context = {
    issue: { key: issue.key, summary: issue.summary, issueType: { name: issue.issueType }, status: { name: issue.status }, properties: structuredClone(issue.properties) },
    config: validator.config ?? null,
    user: accountId ? { accountId } : null,
  };
  let result: unknown;
  try {
    result = new Function('issue', 'config', 'user', `"use strict"; return (${validator.expression});`)(context.issue, context.config, context.user) as unknown;
  } catch {
    // Jira: an expression that fails to evaluate refuses the transition.
    return { ok: false, message: validator.errorMessage };
  }
  if (result === true) return { ok: true };
  if (typeof result === 'string') return { ok: false, message: result };
  return { ok: false, message: validator.errorMessage };
}

/** Validators per transition id, set by the preview host (the "workflow editor") or by tests. */
export class Workflow {
  private readonly validators = new Map<string, ExpressionValidator[]>();

  setValidators(transitionId: string, validators: readonly ExpressionValidator[]): void {
    if (!TRANSITIONS.some((t) => t.id === transitionId)) throw new Error(`No transition ${transitionId} in the emulated workflow.`);
    this.validators.set(transitionId, validators.map((v) => structuredClone(v)));
  }

  validatorsOf(transitionId: string): readonly ExpressionValidator[] {
    return this.validators.get(transitionId) ?? [];
  }

  clear(): void {
    this.validators.clear();
  }
}
