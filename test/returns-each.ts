/**
 * A table test of a pure function: one test per row `[...arguments, expected]`, named by `title`
 * (printf-style, as `it.each` names its tests), asserting `fn(...arguments)` is `expected`.
 */
export function returnsEach<A extends unknown[], R>(title: string, fn: (...args: A) => R, rows: readonly [...A, R][]): void {
  it.each(rows as unknown as unknown[][])(title, (...row: unknown[]) => {
    expect(fn(...(row.slice(0, -1) as A))).toBe(row[row.length - 1]);
  });
}
