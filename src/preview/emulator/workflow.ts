/**
 * The emulated site's one workflow and its transitions (`GET/POST /issue/{key}/transitions`), with
 * the rules an app adds to a transition:
 * - workflow validators (`jira:workflowValidator`): a Jira expression that returns true to allow
 *   the transition, or a string, the error message; anything else (false, an error) refuses with
 *   the validator's `errorMessage`;
 * - workflow conditions (`jira:workflowCondition`): a Jira expression that must return true for
 *   the transition to be offered at all; anything else (false, a string, an error) hides it.
 * Both are evaluated with `issue` (key, summary, issue type, status and its entity properties),
 * `project` (key and its entity properties), `config` (what the configuration page saved) and
 * `user`, the context variables Forge documents for both modules.
 *
 * Jira expressions are evaluated here as JavaScript: the subset the app's expressions use (`?:`,
 * `==`, `!=`, `&&`, `||`, `!`, `+`, `<`, `>=`, member and bracket access, `includes`,
 * `toLowerCase`) means the same in both, and a missing key is null in Jira and undefined here
 * (`== null` holds for both). Only expressions an app declared are evaluated, never text from an
 * issue; issue values reach it as data.
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

export interface ExpressionCondition {
  /** The module key of the app's condition. */
  key: string;
  expression: string;
  /** The configuration page's saved JSON (parsed), or null when none was saved. */
  config: unknown;
}

export type ValidatorResult = { ok: true } | { ok: false; message: string };

/** The project an expression sees as `project`. */
export interface ExpressionProject {
  key: string;
  properties: Record<string, unknown>;
}

function evaluate(expression: string, issue: SampleIssue, project: ExpressionProject | null, config: unknown, accountId: string | null): { value: unknown } | { error: true } {
  const vars = {
    issue: { key: issue.key, summary: issue.summary, issueType: { name: issue.issueType }, status: { name: issue.status }, properties: structuredClone(issue.properties) },
    project: project ? { key: project.key, properties: structuredClone(project.properties) } : null,
    config: config ?? null,
    user: accountId ? { accountId } : null,
  };
  try {
    return { value: new Function('issue', 'project', 'config', 'user', `"use strict"; return (${expression});`)(vars.issue, vars.project, vars.config, vars.user) as unknown };
  } catch {
    return { error: true };
  }
}

export function evaluateValidator(validator: ExpressionValidator, issue: SampleIssue, accountId: string | null, project: ExpressionProject | null = null): ValidatorResult {
  const out = evaluate(validator.expression, issue, project, validator.config, accountId);
  // Jira: an expression that fails to evaluate refuses the transition.
  if ('error' in out) return { ok: false, message: validator.errorMessage };
  if (out.value === true) return { ok: true };
  if (typeof out.value === 'string') return { ok: false, message: out.value };
  return { ok: false, message: validator.errorMessage };
}

/** True when the condition lets the user see the transition: only a Boolean true does. */
export function evaluateCondition(condition: ExpressionCondition, issue: SampleIssue, accountId: string | null, project: ExpressionProject | null = null): boolean {
  const out = evaluate(condition.expression, issue, project, condition.config, accountId);
  return 'value' in out && out.value === true;
}

/** Validators and conditions per transition id, set by the preview host (the "workflow editor") or by tests. */
export class Workflow {
  private readonly validators = new Map<string, ExpressionValidator[]>();
  private readonly conditions = new Map<string, ExpressionCondition[]>();

  private known(transitionId: string): void {
    if (!TRANSITIONS.some((t) => t.id === transitionId)) throw new Error(`No transition ${transitionId} in the emulated workflow.`);
  }

  setValidators(transitionId: string, validators: readonly ExpressionValidator[]): void {
    this.known(transitionId);
    this.validators.set(transitionId, validators.map((v) => structuredClone(v)));
  }

  validatorsOf(transitionId: string): readonly ExpressionValidator[] {
    return this.validators.get(transitionId) ?? [];
  }

  setConditions(transitionId: string, conditions: readonly ExpressionCondition[]): void {
    this.known(transitionId);
    this.conditions.set(transitionId, conditions.map((c) => structuredClone(c)));
  }

  conditionsOf(transitionId: string): readonly ExpressionCondition[] {
    return this.conditions.get(transitionId) ?? [];
  }

  clear(): void {
    this.validators.clear();
    this.conditions.clear();
  }
}
