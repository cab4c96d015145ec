/** The story frame and rendering with agreement: no suggestion splices raw text. */
import { parseBenefit, parseGoal, personOf } from '../../../src/core/frame';
import { lexiconsFor } from '../../../src/core/lexicons';
import { benefitInFirstPerson, renderStory, wantClause } from '../../../src/core/suggest/generate';
import { returnsEach } from '../../returns-each';

const lex = lexiconsFor(null);
const isVerb = (w: string) => lex.verbs.has(w);
const voiced = (text: string, subject: string) => benefitInFirstPerson(parseBenefit(text, subject), isVerb);

describe('the frame', () => {
  test('a verb goal: head verb lemma and its object with qualifiers', () => {
    expect(parseGoal('to store and retrieve images', lex)).toMatchObject({ verb: 'store', rest: 'and retrieve images' });
    expect(parseGoal('pre-fill the intake form from the previous visit', lex)).toMatchObject({ verb: 'pre-fill', rest: 'the intake form from the previous visit' });
  });

  test('a noun-phrase goal ("I want a weekly report") has no verb, even when its head could be one', () => {
    expect(parseGoal('access rules applied per data set', lex, false)).toMatchObject({ verb: null, rest: 'access rules applied per data set' });
  });

  returnsEach('the person of "%s" is %s', personOf, [
    ['I', 'first-singular'],
    ['players', 'third-plural'],
    ['other diners', 'third-plural'],
    ['the fleet manager', 'third-singular'],
    ['everyone', 'third-singular'],
    ['people', 'third-plural'],
  ]);
});

describe('the benefit in the speaker\'s voice', () => {
  returnsEach('"%s" -> "%s"', voiced, [
    ['players get their chests', 'players', 'I get my chests'],
    ['the fleet manager is warned a month before a licence runs out', 'the fleet manager', 'I am warned a month before a licence runs out'],
    ["returning patients don't have to type their medical history again", 'returning patients', "I don't have to type my medical history again"],
    ['users can add images to their reviews and view them', 'users', 'I can add images to my reviews and view them'],
    ['customers are able to see menus offline', 'customers', 'I am able to see menus offline'],
    ['the customer gets a receipt', 'the customer', 'I get a receipt'],
    ['users know when they are late', 'users', 'I know when I am late'],
  ]);

  test('a benefit already in the first person, or about the speaker\'s own thing, stays as written', () => {
    expect(voiced('I can reorder in two taps', 'I')).toBe('I can reorder in two taps');
    expect(voiced('my editor autocompletes event fields', 'my editor')).toBe('my editor autocompletes event fields');
  });
});

describe('rendering', () => {
  test('a/an agrees with the role, and the sentence is built from its parts', () => {
    expect(renderStory('analyst', { verb: 'download', rest: 'a data set' }, 'I get the rows I need')).toBe('As an analyst, I want to download a data set, so that I get the rows I need.');
    expect(renderStory('user', 'images stored and retrieved', 'I can view them.')).toBe('As a user, I want images stored and retrieved, so that I can view them.');
    expect(wantClause({ verb: null, rest: 'a weekly no-show report' })).toBe('a weekly no-show report');
  });
});
