/** The parsed JQL query. */

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not';

export type Value =
  | { kind: 'literal'; text: string; quoted: boolean; pos: number }
  | { kind: 'empty'; pos: number }
  | { kind: 'function'; name: string; args: string[]; pos: number };

export interface Clause {
  type: 'clause';
  field: string;
  pos: number;
  op: Operator;
  /** One value, or the list of `in` / `not in`. */
  values: Value[];
}

export type Expr = Clause | { type: 'and' | 'or'; items: Expr[] } | { type: 'not'; expr: Expr };

export interface SortKey {
  field: string;
  pos: number;
  direction: 'asc' | 'desc' | undefined;
}

export interface Query {
  where: Expr | undefined;
  orderBy: SortKey[];
}
