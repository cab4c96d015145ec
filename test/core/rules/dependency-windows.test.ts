/** The dependency rule reads descriptions only around its triggers: what it finds must not depend on where in a long text a wait stands. */
import { analyzeStory } from '../../../src/core/analyze';

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} says how the export looks, with columns and totals.`).join('\n');

function waits(description: string): string[] {
  return analyzeStory({ summary: 'As a clerk, I want to export invoices, so that I can file them.', description }).findings.filter((f) => f.ruleId === 'dependency').map((f) => String(f.data?.text ?? ''));
}

describe('dependency in long descriptions', () => {
  it.each([
    ['at the start', (w: string) => `${w}\n${filler(200)}`],
    ['in the middle', (w: string) => `${filler(100)}\n${w}\n${filler(100)}`],
    ['at the very end', (w: string) => `${filler(200)}\n${w}`],
  ])('finds a wait %s', (_where, place) => {
    expect(waits(place('This is blocked by SHOP-12.'))).toEqual(['blocked by SHOP-12']);
    expect(waits(place('We can only start when the payments story is done.'))).toEqual(['only start when the payments story is done']);
  });

  it('finds each of several waits far apart, and none in a text without a trigger', () => {
    expect(waits(`Depends on SHOP-3.\n${filler(150)}\nOnce SHOP-4 is merged we continue.`)).toEqual(['Depends on SHOP-3', 'Once SHOP-4 is merged']);
    expect(waits(filler(300))).toEqual([]);
  });
});
