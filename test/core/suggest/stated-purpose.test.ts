/** What a description says the work is for: the purpose after its marker, to the end of its sentence. */
import { lexiconsFor } from '../../../src/core/lexicons';
import { statedPurpose } from '../../../src/core/suggest/stated-purpose';

const lex = lexiconsFor(null);

test.each([
  ['Needed for the appointment reminders. Pick the EU-hosted provider.', ['Needed for the appointment reminders'], ['appointment', 'reminder'], []],
  ['Required by the checkout story; the sandbox is ready.', ['Required by the checkout story'], ['checkout'], []],
  ['For the gift voucher feature: buyers pay by card.', ['For the gift voucher feature'], ['gift', 'voucher'], []],
  ['This enables SHOP-12 and the refund flow.\nThe vendor answers in a week.', ['enables SHOP-12 and the refund flow'], ['refund', 'flow'], ['SHOP-12']],
] as const)('%s', (text, texts, concepts, keys) => {
  const p = statedPurpose(text, lex);
  expect(p.texts).toEqual(texts);
  for (const c of concepts) expect(p.concepts).toContain(c);
  expect(p.concepts).not.toContain('need');
  expect(p.keys).toEqual(keys);
});

test.each(['Blocked by SHOP-12 until legal agrees.', 'Pick the EU-hosted provider from the shortlist, store delivery receipts.', ''])('no stated purpose: %s', (text) => {
  expect(statedPurpose(text, lex)).toEqual({ texts: [], concepts: new Set(), keys: [] });
});
