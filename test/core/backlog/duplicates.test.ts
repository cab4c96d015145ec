import fc from 'fast-check';
import { DEFAULT_DUPLICATE_THRESHOLD, duplicateGroups, duplicateSimilarity, findDuplicates } from '../../../src/core/backlog/index';

const items = (...texts: string[]) => texts.map((text, i) => ({ key: `FOOD-${i + 1}`, text }));

const MEAL = 'As a reviewer, I want to upload photos of my meal so that others can see it';
const EXPORT =
  'As a hotel manager, I want to export the monthly booking report for all my properties as a CSV file so that the accountant can reconcile payments with the bank statements';

describe('findDuplicates', () => {
  it('clusters identical stories written with other casing and punctuation, similarity 1', () => {
    const result = findDuplicates(
      items(MEAL, 'As a guest, I want to filter hotels by price', 'as a REVIEWER — i want to upload photos of my meal, so that others can see it!!'),
    );
    expect(result).toEqual([{ keys: ['FOOD-1', 'FOOD-3'], similarity: 1 }]);
  });

  it.each([
    ['one extra word', MEAL, 'As a reviewer, I want to upload photos of my whole meal so that others can see it'],
    [
      'one extra word (hotel)',
      'As a guest, I want to filter hotels by price so that I can find a room I can afford',
      'As a guest, I want to filter hotels by nightly price so that I can find a room I can afford',
    ],
    [
      'one extra word (zone cutter)',
      'As a designer, I want to draw a rectangular zone on the picture so that I can cut it out',
      'As a designer, I want to draw a rectangular zone on the uploaded picture so that I can cut it out',
    ],
    ['a plural instead of a singular', MEAL, 'As a reviewer, I want to upload a photo of my meal so that others can see it'],
    ['the summary repeated before the story', MEAL, `Upload meal photos. ${MEAL}`],
    ['a word left out of a long story', EXPORT, EXPORT.replace('monthly ', '')],
    [
      'words added at two places',
      EXPORT,
      'As a hotel manager, I want to quickly export the monthly booking report for all my properties as a CSV file so that the accountant can reconcile card payments with the bank statements',
    ],
    [
      'a typo fixed in a long story',
      'As a reviewer, I want to recieve a notification when someone replies to my review on the restaurant page so that I can answer quickly',
      'As a reviewer, I want to receive a notification when someone replies to my review on the restaurant page so that I can answer quickly',
    ],
  ])('clusters near-duplicates: %s', (_name, a, b) => {
    const [cluster, ...rest] = findDuplicates(items(a, b));
    expect(rest).toEqual([]);
    expect(cluster?.keys).toEqual(['FOOD-1', 'FOOD-2']);
    expect(cluster?.similarity).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(cluster?.similarity).toBeLessThanOrEqual(1);
  });

  it.each([
    [
      'create vs delete a zone',
      'As a designer, I want to create a zone on the picture so that I can cut it out',
      'As a designer, I want to delete a zone on the picture so that I can cut it out',
    ],
    ['create vs delete a zone, bare', 'Create a zone', 'Delete a zone'],
    [
      'another role, long story',
      'As a guest, I want to filter hotels by price so that I can find a room I can afford',
      'As a host, I want to filter hotels by price so that I can find a room I can afford',
    ],
    ['another file format, long story', EXPORT, EXPORT.replace('CSV', 'PDF')],
    [
      'another role and another verb, long story',
      'As a host, I want to publish daily frames in the picture editor before the weekend rush so that the team stays informed and I save time',
      'As a cleaner, I want to delete daily frames in the picture editor before the weekend rush so that the team stays informed and I save time',
    ],
    [
      'the role replaced, the old role still named later',
      'As a guest, I want to compare monthly orders from my profile so that guests trust the place and customers come back',
      'As a restaurant, I want to compare monthly orders from my profile so that customers come back and guests trust the place',
    ],
    [
      'only the template in common',
      'As a user, I want to log in so that I can see my orders',
      'As a user, I want to reset my password so that I can regain access',
    ],
    [
      'same role and object, another goal',
      MEAL,
      'As a reviewer, I want to delete photos of my meal so that nobody sees a bad picture',
    ],
    [
      'two differences',
      'As a guest, I want to filter hotels by price so that I can find a room I can afford',
      'As a guest, I want to filter hotels by distance so that I can find a room near the beach',
    ],
  ])('does not cluster different stories: %s', (_name, a, b) => {
    expect(findDuplicates(items(a, b))).toEqual([]);
  });

  it.each([
    ['short', (i: number) => `As a designer, I want to cut zone ${i} out of the picture so that I can reuse it`],
    ['long', (i: number) => EXPORT.replace('monthly', `monthly (batch ${i})`)],
  ])('does not cluster %s stories that differ only by a number, even thousands of them', (_name, text) => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ key: `ZONE-${i}`, text: text(i) }));
    expect(findDuplicates(many)).toEqual([]);
  });

  it('clusters a crowd of copies that each add a word somewhere', () => {
    const words = EXPORT.split(' ');
    const crowd = Array.from({ length: 2000 }, (_, i) => {
      const copy = [...words];
      copy.splice((i * 7) % words.length, 0, `extra${i % 97}`);
      return { key: `COPY-${i}`, text: copy.join(' ') };
    });
    const result = findDuplicates([{ key: 'ORIGINAL', text: EXPORT }, ...crowd]);
    expect(result).toHaveLength(1);
    expect(result[0]!.keys).toHaveLength(2001);
    expect(result[0]!.keys[0]).toBe('ORIGINAL');
  });

  it('joins chains of near-duplicates into one cluster and reports the closest pair', () => {
    const result = findDuplicates(
      items(
        'As a guest, I want to filter hotels by price so that I can find a room I can afford',
        'As a chef, I want to print the menu of the day',
        'As a guest, I want to filter hotels by nightly price so that I can find a room I can afford',
        'As a guest, I want to filter hotels by nightly price so that I can find a room I can easily afford',
        'as a guest i want to filter hotels by price so that i can find a room i can afford',
      ),
    );
    expect(result).toEqual([{ keys: ['FOOD-1', 'FOOD-3', 'FOOD-4', 'FOOD-5'], similarity: 1 }]);
  });

  it('orders keys by input order and clusters by their first key', () => {
    const result = findDuplicates(
      items(
        'As a designer, I want to draw a rectangular zone on the picture so that I can cut it out',
        MEAL,
        'As a chef, I want to print the menu of the day',
        MEAL.toUpperCase(),
        'As a designer, I want to draw a rectangular zone on the picture so that I can cut it out.',
        'As a chef, I want to print the menu of the day!',
      ),
    );
    expect(result.map((c) => c.keys)).toEqual([
      ['FOOD-1', 'FOOD-5'],
      ['FOOD-2', 'FOOD-4'],
      ['FOOD-3', 'FOOD-6'],
    ]);
  });

  it('ignores empty, blank and punctuation-only texts', () => {
    expect(findDuplicates(items('', '   ', '\n\t', '!!!', '...', ''))).toEqual([]);
    expect(findDuplicates([])).toEqual([]);
  });

  it('clusters template-only stories only when identical', () => {
    expect(findDuplicates(items('As a user, I want to', 'as a user i want to', 'I want to'))).toEqual([
      { keys: ['FOOD-1', 'FOOD-2'], similarity: 1 },
    ]);
  });

  it('honours the threshold option', () => {
    const pair = items(MEAL, 'As a reviewer, I want to upload photos of my whole meal so that others can see it');
    expect(findDuplicates(pair, { threshold: 0.95 })).toEqual([]);
    expect(findDuplicates(pair, { threshold: 0.5 })).toHaveLength(1);
    expect(findDuplicates(items(MEAL, `${MEAL}.`), { threshold: 1 })).toEqual([{ keys: ['FOOD-1', 'FOOD-2'], similarity: 1 }]);
  });

  it('finds every exact copy hidden in a large backlog, deterministically', () => {
    const roles = ['reviewer', 'guest', 'chef', 'designer', 'host', 'critic', 'editor'];
    const verbs = ['upload', 'delete', 'rate', 'share', 'crop', 'rotate', 'export', 'tag', 'sort'];
    const objects = ['photos', 'menus', 'zones', 'rooms', 'reviews', 'receipts', 'albums', 'maps'];
    const backlog = Array.from({ length: 3000 }, (_, i) => ({
      key: `SHOP-${i}`,
      text: `As a ${roles[i % 7]}, I want to ${verbs[(i * 5) % 9]} ${objects[(i * 3) % 8]} number ${i} so that I keep track of order ${i * 7}`,
    }));
    const copies = [5, 777, 1500, 2999].map((i, n) => ({ key: `COPY-${n}`, text: backlog[i]!.text.toUpperCase() }));
    const all = [...backlog, ...copies];
    const result = findDuplicates(all);
    expect(result).toEqual([
      { keys: ['SHOP-5', 'COPY-0'], similarity: 1 },
      { keys: ['SHOP-777', 'COPY-1'], similarity: 1 },
      { keys: ['SHOP-1500', 'COPY-2'], similarity: 1 },
      { keys: ['SHOP-2999', 'COPY-3'], similarity: 1 },
    ]);
    expect(findDuplicates(all)).toEqual(result);
  });

  it('never throws on arbitrary strings and only returns keys of the input, each at most once', () => {
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(MEAL, MEAL.toUpperCase(), 'Create a zone', 'Delete a zone', 'As a user, I want to', ''),
      fc.array(fc.constantFrom('as', 'a', 'zone', 'photo', 'photos', 'meal', 'cut', 'upload', 'I', 'want', '!', ' '), { maxLength: 30 }).map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(fc.array(texts, { maxLength: 40 }), fc.option(fc.double({ min: -1, max: 2, noNaN: false })), (list, threshold) => {
        const input = list.map((text, i) => ({ key: `K-${i}`, text }));
        const result = findDuplicates(input, threshold === null ? undefined : { threshold });
        const keys = new Set(input.map((it) => it.key));
        const seen = new Set<string>();
        for (const cluster of result) {
          expect(cluster.keys.length).toBeGreaterThanOrEqual(2);
          expect(cluster.similarity).toBeGreaterThan(0);
          expect(cluster.similarity).toBeLessThanOrEqual(1);
          for (const key of cluster.keys) {
            expect(keys.has(key)).toBe(true);
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        }
      }),
    );
  });
});

describe('duplicateSimilarity', () => {
  it.each([
    ['casing and punctuation', MEAL, 'AS A REVIEWER: I WANT TO UPLOAD PHOTOS OF MY MEAL, SO THAT OTHERS CAN SEE IT.', 1, 1],
    ['template only in common', 'As a user, I want to log in so that I can see my orders', 'As a user, I want to reset my password so that I can regain access', 0, 0.2],
    ['one extra word', MEAL, 'As a reviewer, I want to upload photos of my whole meal so that others can see it', 0.7, 0.8],
    ['one word replaced', 'Create a zone on the picture', 'Delete a zone on the picture', 0.3, 0.6],
    ['empty text', '', MEAL, 0, 0],
  ])('%s', (_name, a, b, min, max) => {
    const s = duplicateSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThanOrEqual(max);
    expect(duplicateSimilarity(b, a)).toBe(s);
  });
});

describe('duplicateGroups', () => {
  const goals = (...texts: string[]) => texts.map((text, i) => ({ key: `G-${i + 1}`, text, containable: true }));

  it('names each story\'s direct partners, not the whole cluster', () => {
    const { clusters, partners } = duplicateGroups(
      goals('upload files prior to attaching them to a page', 'upload files prior to attaching them to a page using the web interface', 'upload files prior to attaching them to a page using a mapped network drive'),
    );
    expect(clusters.map((c) => c.keys)).toEqual([['G-1', 'G-2', 'G-3']]);
    expect(partners.get(0)?.others).toEqual([1, 2]);
    expect(partners.get(1)?.others).toEqual([0]);
    expect(partners.get(2)?.others).toEqual([0]);
  });

  it('finds a goal inside a longer one only for goals, and never across a negation', () => {
    expect(duplicateGroups(goals('pay for small amounts', 'use the assistant to pay for small amounts')).clusters).toHaveLength(1);
    expect(duplicateGroups(goals('pay for small amounts', 'use the assistant to pay for small amounts').map((g) => ({ ...g, containable: false }))).clusters).toHaveLength(0);
    expect(duplicateGroups(goals('accept blank amounts for loan records', 'accept blank amounts for non-loan records')).clusters).toHaveLength(0);
  });

  it('pairs items with the same exact key whatever their texts', () => {
    const { clusters } = duplicateGroups([
      { key: 'A', text: 'see photos of the rooms', exactKey: 'Room photos' },
      { key: 'B', text: 'browse pictures of each room before booking', exactKey: 'room photos!' },
    ]);
    expect(clusters).toEqual([{ keys: ['A', 'B'], similarity: 1 }]);
  });

  it('compares words by meaning: synonyms and inflections are one word', () => {
    expect(duplicateSimilarity('see thumbnails of images', 'view thumbnails of photos')).toBe(1);
    expect(duplicateSimilarity('remove the published report', 'delete the publishing reports')).toBe(1);
  });
});
