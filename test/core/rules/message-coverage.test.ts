/**
 * Every message id a rule declares is produced by at least one invalid case of the rule tables in
 * ./cases (a message nothing triggers is dead wording or a dead branch). Rules without a table yet
 * fail the last test.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../src/core/rules';
import type { InvalidCase } from './rule-tester';

const dir = join(__dirname, 'cases');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tables = new Map(readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => [f.replace(/\.ts$/, ''), require(join(dir, f)) as { invalid: InvalidCase[] }]));

const withTable = RULES.filter((r) => tables.has(r.meta.id));

test.each(withTable.map((r) => [r.meta.id, r] as const))('%s: every declared message is triggered by a case', (id, rule) => {
  const triggered = new Set(tables.get(id)!.invalid.flatMap((c) => c.errors.map((e) => e.messageId)));
  expect(rule.meta.messages.filter((m) => !triggered.has(m))).toEqual([]);
});

test('every rule has a case table', () => {
  expect(RULES.filter((r) => !tables.has(r.meta.id)).map((r) => r.meta.id)).toEqual([]);
});
