import { enumerationsOf, lostItems } from '../../scripts/lib/enumerations';

describe('lost enumerated items (eval check on splits)', () => {
  const rate = enumerationsOf('As a diner, I want to rate the food, the service, the price, the noise and the ambience, so that others choose well.', '');

  it('reads a list of three or more items in the goal, the first item without its verb', () => {
    expect(rate.goal).toEqual(['food', 'the service', 'the price', 'the noise', 'the ambience']);
    expect(enumerationsOf('As a diner, I want to store and retrieve photos.', '').goal).toEqual([]);
  });

  it('names the goal items no part mentions (plural or singular), and none when every item reaches a part', () => {
    expect(lostItems(rate, 'I want to rate the food.\nI want to rate the services.\nI want to rate prices.', false)).toEqual(['the noise', 'the ambience']);
    expect(lostItems(rate, 'rate food; service; price; noise; ambience', false)).toEqual([]);
  });

  it('for a split made from a description list, checks the list its parts follow best', () => {
    const e = enumerationsOf('As a clerk, I want to import invoices.', '## Formats\n- CSV files\n- Excel sheets\n- PDF scans\n\nNotes:\n1. keep the originals\n2. log each import');
    expect(e.description).toEqual([['CSV files', 'Excel sheets', 'PDF scans'], ['keep the originals', 'log each import']]);
    expect(lostItems(e, 'import CSV files\nimport Excel sheets', true)).toEqual(['PDF scans']);
    expect(lostItems(e, 'import CSV files\nimport Excel sheets', false)).toEqual([]);
    // Parts that follow none of the lists (under half named) were not made from them.
    expect(lostItems(e, 'import the first invoice\nimport the rest', true)).toEqual([]);
  });
});
