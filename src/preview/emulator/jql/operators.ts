/** Which operators a field takes, by kind of field. */
import type { Operator } from './ast';

export const EQUALITY: readonly Operator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
export const RANGE: readonly Operator[] = [...EQUALITY, '<', '<=', '>', '>='];
export const TEXT: readonly Operator[] = ['~', '!~', 'is', 'is not'];
