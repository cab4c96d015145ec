/** Every message a rule declares has wording in the locale table, and the table has nothing else. */
import { en } from '../../../src/core/locales/en';
import { RULES } from '../../../src/core/rules';

const declared = new Set(RULES.flatMap((r) => r.meta.messages.map((m) => `${r.meta.id}/${m}`)));

test.each([...declared])('%s has wording', (key) => {
  expect(en[key]).toEqual(expect.any(String));
});

test('the locale table names only declared messages', () => {
  // Other namespaces (engine errors, truncation notices) are not rules' messages.
  const ruleIds = new Set(RULES.map((r) => r.meta.id));
  const extra = Object.keys(en).filter((k) => ruleIds.has(k.split('/')[0]!) && !declared.has(k));
  expect(extra).toEqual([]);
});
