import { concept, concepts, lemma, sameMeaning } from '../../src/core/lemma';
import { returnsEach } from '../returns-each';

returnsEach('lemma(%s) = %s', lemma, [
  ['published', 'publish'],
  ['updated', 'update'],
  ['stopped', 'stop'],
  ['logging', 'log'],
  ['copies', 'copy'],
  ['searches', 'search'],
  ['photos', 'photo'],
  ['integration', 'integrate'],
  ['removal', 'remove'],
  ['deletion', 'delete'],
  ['payment', 'pay'],
  ['registration', 'register'],
  ['requirements', 'require'],
  ['found', 'find'],
  ['chosen', 'choose'],
  ["group's", 'group'],
  ['information', 'information'],
  ['location', 'location'],
  ['settings', 'setting'],
  ['status', 'status'],
  ['analytics', 'analytics'],
]);

returnsEach('sameMeaning(%s, %s) = %s', sameMeaning, [
  ['view', 'see', true],
  ['delete', 'remove', true],
  ['modify', 'change', true],
  ['participate', 'join', true],
  ['photos', 'images', true],
  ['create', 'delete', false],
  ['see', 'search', false],
  ['loan', 'non-loan', false],
]);

test('multi-word synonyms are one concept', () => {
  expect(concepts(['look', 'for', 'a', 'flat']).map((c) => c.concept)).toEqual([concept('search'), 'a', 'flat']);
  expect(concepts(['i', 'signed', 'up']).map((c) => c.concept)).toEqual(['i', concept('register')]);
});
