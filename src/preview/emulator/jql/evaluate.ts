/**
 * Turns a parsed query into a filter and a sort order. Everything that can be wrong with a query
 * (unknown field, operator, value) is found here, before any issue is looked at.
 *
 * Semantics follow Jira: `!=` and `NOT IN` never match an empty field; `=`/`IN` match when any of
 * a multi-valued field's values match (labels, property arrays); `= EMPTY` is `IS EMPTY`.
 */
import type { SampleIssue } from '../../sample/schema';
import type { Clause, Expr, Operator, Query, SortKey, Value } from './ast';
import { dateFunction } from './dates';
import { JqlError } from './error';
import { resolveField } from './fields';
import type { FieldSpec, JqlEnv, Scalar, ValueType } from './field-spec';

const EMPTY = Symbol('EMPTY');
type Operand = Scalar | typeof EMPTY;
export type Filter = (issue: SampleIssue) => boolean;
export type Comparator = (a: SampleIssue, b: SampleIssue) => number;

function splitKey(key: string): [string, number] {
  const at = key.lastIndexOf('-');
  return [key.slice(0, at), Number(key.slice(at + 1))];
}

/** Negative, zero, positive, or NaN when the two cannot be ordered (keys of different projects). */
function compare(type: ValueType, a: Scalar, b: Scalar): number {
  if (type === 'key') {
    const [pa, na] = splitKey(String(a));
    const [pb, nb] = splitKey(String(b));
    return pa === pb ? na - nb : Number.NaN;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (type === 'auto' && typeof a === 'number') {
    const n = Number(b);
    return Number.isFinite(n) && String(b).trim() !== '' ? a - n : Number.NaN;
  }
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function contains(value: Scalar, term: Scalar): boolean {
  const needle = String(term).replace(/^\*+|\*+$/g, '').trim().toLowerCase();
  return needle !== '' && String(value).toLowerCase().includes(needle);
}

function operand(value: Value, spec: FieldSpec, env: JqlEnv): Operand {
  if (value.kind === 'empty') return EMPTY;
  if (value.kind === 'function') {
    const name = value.name.toLowerCase();
    if (name === 'currentuser' && spec.name === 'reporter') {
      if (env.caller.kind === 'app') throw new JqlError("The function 'currentUser()' needs a user: the app has none.");
      return env.caller.user.accountId;
    }
    const ms = spec.type === 'date' ? dateFunction(name, env.now) : undefined;
    if (ms !== undefined) return ms;
    throw new JqlError(`Unable to find JQL function '${value.name}(${value.args.join(', ')})'.`);
  }
  return spec.operand ? spec.operand(value.text, env) : value.text;
}

function clauseFilter(clause: Clause, env: JqlEnv): Filter {
  const spec = resolveField(clause.field, env);
  const operands = clause.values.map((v) => operand(v, spec, env));
  const hasEmpty = operands.includes(EMPTY);
  let op: Operator = clause.op;
  // `= EMPTY` and `!= EMPTY` are IS and IS NOT.
  if (hasEmpty && op === '=') op = 'is';
  if (hasEmpty && op === '!=') op = 'is not';
  if (!spec.ops.includes(op)) throw new JqlError(`The operator '${clause.op.toUpperCase()}' is not supported by the '${spec.name}' field.`);
  if (hasEmpty && !['is', 'is not', 'in', 'not in'].includes(op)) {
    throw new JqlError(`The operator '${clause.op.toUpperCase()}' cannot be used with EMPTY for the '${spec.name}' field.`);
  }
  const values = (issue: SampleIssue): Scalar[] => spec.values(issue, env);
  const equals = (vs: Scalar[], o: Operand): boolean => (o === EMPTY ? vs.length === 0 : vs.some((v) => compare(spec.type, v, o) === 0));
  const first = operands[0] as Operand;
  switch (op) {
    case 'is':
      return (issue) => values(issue).length === 0;
    case 'is not':
      return (issue) => values(issue).length > 0;
    case '=':
      return (issue) => equals(values(issue), first);
    case '!=':
      return (issue) => {
        const vs = values(issue);
        return vs.length > 0 && !equals(vs, first);
      };
    case 'in':
      return (issue) => {
        const vs = values(issue);
        return operands.some((o) => equals(vs, o));
      };
    case 'not in':
      return (issue) => {
        const vs = values(issue);
        return vs.length > 0 && !operands.some((o) => equals(vs, o));
      };
    case '~':
      return (issue) => values(issue).some((v) => contains(v, first as Scalar));
    case '!~':
      return (issue) => {
        const vs = values(issue);
        return vs.length > 0 && !vs.some((v) => contains(v, first as Scalar));
      };
    default: {
      const test = { '<': (c: number) => c < 0, '<=': (c: number) => c <= 0, '>': (c: number) => c > 0, '>=': (c: number) => c >= 0 }[op];
      return (issue) => values(issue).some((v) => test(compare(spec.type, v, first as Scalar)));
    }
  }
}

export function compileFilter(expr: Expr | undefined, env: JqlEnv): Filter {
  if (!expr) return () => true;
  switch (expr.type) {
    case 'clause':
      return clauseFilter(expr, env);
    case 'not': {
      const inner = compileFilter(expr.expr, env);
      return (issue) => !inner(issue);
    }
    case 'and': {
      const items = expr.items.map((e) => compileFilter(e, env));
      return (issue) => items.every((f) => f(issue));
    }
    case 'or': {
      const items = expr.items.map((e) => compileFilter(e, env));
      return (issue) => items.some((f) => f(issue));
    }
  }
}

function sortKeyOf(key: SortKey, env: JqlEnv): { type: ValueType; value: (issue: SampleIssue) => Scalar | undefined } {
  if (key.field.toLowerCase() === 'rank') return { type: 'number', value: (issue) => env.rankOf(issue) };
  const spec = resolveField(key.field, env);
  if (!spec.sortable) throw new JqlError(`Not able to sort using field '${spec.name}'.`);
  return { type: spec.type, value: (issue) => spec.values(issue, env)[0] };
}

/**
 * The order of `ORDER BY`, then issue key. Without ORDER BY: key ascending (Jira's default order
 * depends on the site; ask for an order when it matters). Empty values sort last ascending.
 */
export function compileOrder(orderBy: SortKey[], env: JqlEnv): Comparator {
  const keys = orderBy.map((k) => ({ ...sortKeyOf(k, env), sign: k.direction === 'desc' ? -1 : 1 }));
  keys.push({ type: 'key', value: (issue) => issue.key, sign: 1 });
  return (a, b) => {
    for (const key of keys) {
      const va = key.value(a);
      const vb = key.value(b);
      if (va === undefined || vb === undefined) {
        if (va !== vb) return (va === undefined ? 1 : -1) * key.sign;
        continue;
      }
      let c = compare(key.type, va, vb);
      // Keys of different projects: by project key.
      if (Number.isNaN(c)) c = String(va) < String(vb) ? -1 : 1;
      if (c !== 0) return c * key.sign;
    }
    return 0;
  };
}

export interface CompiledQuery {
  filter: Filter;
  compare: Comparator;
}

export function compileQuery(query: Query, env: JqlEnv): CompiledQuery {
  return { filter: compileFilter(query.where, env), compare: compileOrder(query.orderBy, env) };
}
