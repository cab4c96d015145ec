export { parseJql, MAX_DEPTH, MAX_SORT_FIELDS } from './parse';
export { tokenize, MAX_QUERY_LENGTH } from './tokens';
export { JqlError } from './error';
export { compileQuery, compileFilter, compileOrder, type CompiledQuery } from './evaluate';
export { resolveField } from './fields';
export type { JqlEnv } from './field-spec';
export { MANIFEST_PROPERTY_INDEXES, type PropertyIndex, type PropertyValueType } from './aliases';
export type { Query, Expr, Clause, Value, Operator, SortKey } from './ast';
