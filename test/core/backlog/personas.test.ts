import { normalizePersona, personaInventory } from '../../../src/core/backlog/index';
import { returnsEach } from '../../returns-each';

describe('normalizePersona', () => {
  returnsEach('%j → %j', normalizePersona, [
    ['Admins', 'admin'],
    ['an admin', 'admin'],
    ['the Admin.', 'admin'],
    ['A  Site   Administrator', 'site administrator'],
    ['site administrators', 'site administrator'],
    ['users', 'user'],
    ['Reviewer,', 'reviewer'],
    ['"hungry guest"', 'hungry guest'],
    ['end-users', 'end-user'],
    ['front-desk clerk', 'front-desk clerk'],
    ['e-commerce manager', 'e-commerce manager'],
    ['status', 'status'],
    ['business', 'business'],
    ['analysis', 'analysis'],
    ['business analysts', 'business analyst'],
    ['companies', 'company'],
    ['coaches', 'coach'],
    ['salesmen', 'salesman'],
    ['people', 'person'],
    ['heads of sales', 'head of sales'],
    ['owner of the restaurants', 'owner of the restaurants'],
    ['picture editors', 'picture editor'],
    ['DevOps', 'devops'],
    ['bus', 'bus'],
    ['the', ''],
    ['  ', ''],
    ['…', ''],
  ]);
});

describe('personaInventory', () => {
  it('counts personas, most common first then by name, keys in input order', () => {
    const result = personaInventory([
      { key: 'FOOD-1', role: 'reviewer' },
      { key: 'FOOD-2', role: 'Hotel owners' },
      { key: 'FOOD-3', role: null },
      { key: 'FOOD-4', role: 'a Reviewer' },
      { key: 'FOOD-5', role: 'the hotel owner' },
      { key: 'FOOD-6', role: 'chef' },
      { key: 'FOOD-7', role: '' },
      { key: 'FOOD-8', role: 'reviewers' },
      { key: 'FOOD-9', role: 'Admin' },
    ]);
    expect(result).toEqual({
      personas: [
        { persona: 'reviewer', count: 3, keys: ['FOOD-1', 'FOOD-4', 'FOOD-8'] },
        { persona: 'hotel owner', count: 2, keys: ['FOOD-2', 'FOOD-5'] },
        { persona: 'admin', count: 1, keys: ['FOOD-9'] },
        { persona: 'chef', count: 1, keys: ['FOOD-6'] },
      ],
      servesNobody: ['FOOD-3', 'FOOD-7'],
    });
  });

  it('is empty for an empty backlog', () => {
    expect(personaInventory([])).toEqual({ personas: [], servesNobody: [] });
  });
});
