import { findIssueKeyMentions } from '../../../src/core/backlog/index';

describe('findIssueKeyMentions', () => {
  it.each<[string, string[]]>([
    ['Depends on SHOP-12.', ['SHOP-12']],
    ['This story depends on SHOP-12 and SHOP-13', ['SHOP-12', 'SHOP-13']],
    ['Blocked by PIC-3, PIC-4 and PIC-5.', ['PIC-3', 'PIC-4', 'PIC-5']],
    ['Is blocked by: PIC_2-7', ['PIC_2-7']],
    ['Can only start after FOOD-7 is released', ['FOOD-7']],
    ['Requires HOTEL-9 (the booking API)', ['HOTEL-9']],
    ['Waiting for REV-2; waiting on REV-3', ['REV-2', 'REV-3']],
    ['Needs ZONE-5 first', ['ZONE-5']],
    ['Needs ZONE-5 and ZONE-6 done first.', ['ZONE-5', 'ZONE-6']],
    ['Dependent on [SHOP-1]', ['SHOP-1']],
    ['depends on SHOP-12, also depends on SHOP-12 again', ['SHOP-12']],
    ['DEPENDS ON SHOP-12', ['SHOP-12']],
  ])('%s', (text, expected) => {
    expect(findIssueKeyMentions(text)).toEqual(expected);
  });

  it.each([
    'See SHOP-12 for the design',
    'This blocks SHOP-8',
    'Needs SHOP-5 to show the menu',
    'Thereafter SHOP-3 can ship',
    'Related: SHOP-1, SHOP-2',
    'depends on the zone cutter (no key)',
    'depends on shop-12 (lower case is not a key)',
    'depends on A-1 (one letter is not a project key)',
    'depends on SHOP-12x',
    '',
  ])('finds nothing in %j', (text) => {
    expect(findIssueKeyMentions(text)).toEqual([]);
  });

  it('reads only the list that follows the phrase', () => {
    expect(findIssueKeyMentions('Blocked by PIC-1. See PIC-2 and PIC-3 for context.')).toEqual(['PIC-1']);
  });

  it('stays fast on long adversarial input', () => {
    const text = `${'A'.repeat(50_000)} ${'depends on '.repeat(5_000)}${'SHOP-1, '.repeat(5_000)} ${'AB-'.repeat(20_000)}`;
    expect(findIssueKeyMentions(text)).toEqual(['SHOP-1']);
  });
});
