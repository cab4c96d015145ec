/**
 * Story keys made unique, in order: a repeated key gets "#2", "#3" … (its first story keeps it), so
 * set-level results (duplicates, dependencies, lists) stay unambiguous. `analyze` and `report` both use it.
 */
export function uniqueKeys(keys: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n > 1 ? `${key}#${n}` : key;
  });
}
