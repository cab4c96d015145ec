/** Checks every promise `normalizeDescription` makes about its result, whatever the input. */
import type { DescriptionFormat } from '../../../src/core/story';
import { normalizeDescription, type NormalizedText } from '../../../src/core/text';

export function expectWellFormed(result: NormalizedText): void {
  const { text, sections, acceptanceCriteria } = result;
  expect(typeof text).toBe('string');
  expect(text).toBe(text.trim());
  expect(text).not.toMatch(/[\r\t\u00a0\f\v]/);
  expect(text).not.toContain('\n\n\n');
  expect(text).not.toContain('  ');
  for (const line of text.split('\n')) {
    expect(line.startsWith(' ')).toBe(false);
    expect(line.endsWith(' ')).toBe(false);
  }
  expect(Array.isArray(sections)).toBe(true);
  let previousEnd = 0;
  for (const section of sections) {
    expect(section.heading === null || typeof section.heading === 'string').toBe(true);
    expect(Number.isInteger(section.start) && Number.isInteger(section.end)).toBe(true);
    expect(section.start).toBeGreaterThanOrEqual(previousEnd);
    expect(section.end).toBeGreaterThanOrEqual(section.start);
    expect(section.end).toBeLessThanOrEqual(text.length);
    expect(section.text).toBe(text.slice(section.start, section.end));
    previousEnd = section.end;
  }
  expect(Array.isArray(acceptanceCriteria)).toBe(true);
  for (const item of acceptanceCriteria) {
    expect(typeof item).toBe('string');
    expect(item.length).toBeGreaterThan(0);
    expect(item).toBe(item.trim());
  }
}

/** Shorthand for tables: the lines of the plain text. */
export function lines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

/** `normalizeDescription(input, format)` with every promise about its result checked: the result, for more checks. */
export function wellFormed(input: unknown, format?: DescriptionFormat): NormalizedText {
  const result = normalizeDescription(input, format);
  expectWellFormed(result);
  return result;
}

/** A table of conversions, one test per `[name, input, lines]`: the input read as `format` is well formed and has these lines. */
export function convertsEach(format: DescriptionFormat | undefined, rows: readonly (readonly [string, unknown, string[]])[]): void {
  it.each(rows)('%s', (_name, input, expected) => {
    expect(lines(wellFormed(input, format).text)).toEqual(expected);
  });
}

/** The sections as `[heading, text]` pairs. */
export function headed(result: NormalizedText): [string | null, string][] {
  return result.sections.map((s) => [s.heading, s.text]);
}
