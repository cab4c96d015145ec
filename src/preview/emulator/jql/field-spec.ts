/** The shape of a JQL field the emulator can search: its type, operators, and how it reads an issue. */
import type { SampleIssue, SampleProjectFile } from '../../sample/schema';
import type { Caller } from '../access';
import type { Operator } from './ast';
import type { PropertyIndex } from './aliases';

export type Scalar = string | number;
/** `auto`: an un-indexed property path, compared as numbers when both sides are numbers. */
export type ValueType = 'string' | 'number' | 'date' | 'key' | 'text' | 'auto';

export interface JqlEnv {
  data: Readonly<SampleProjectFile>;
  caller: Caller;
  now: number;
  indexes: readonly PropertyIndex[];
  rankOf(issue: SampleIssue): number;
}

export interface FieldSpec {
  /** The name used in messages. */
  name: string;
  type: ValueType;
  ops: readonly Operator[];
  values(issue: SampleIssue, env: JqlEnv): Scalar[];
  /** Checks a literal operand and makes it canonical; throws JqlError. */
  operand?(text: string, env: JqlEnv): Scalar;
  /** Single-valued fields can be sorted on. */
  sortable: boolean;
}
