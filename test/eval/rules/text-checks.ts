/** Pure text checks for labels: the evidence is really there, and nothing is copied from the source. */

/** Lower-cased words (letters, digits, inner apostrophes and hyphens), the unit of the copy check. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** True when `evidence` occurs in `text`, case-insensitive, with runs of white space treated as one. */
export function evidenceOccurs(text: string, evidence: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
  return squash(text).includes(squash(evidence).trim());
}

/** Every run of `n` consecutive words in `sources`: build once, then ask `copiedRun` many times. */
export function wordRuns(sources: readonly string[], n = 6): Set<string> {
  const runs = new Set<string>();
  for (const s of sources) {
    const w = words(s);
    for (let i = 0; i + n <= w.length; i++) runs.add(w.slice(i, i + n).join(' '));
  }
  return runs;
}

/**
 * The first run of `n` or more consecutive words of `mine` that also appears, consecutively, in one of
 * `sources` (texts, or their `wordRuns` of the same `n`); `null` when there is none.
 */
export function copiedRun(mine: string, sources: readonly string[] | ReadonlySet<string>, n = 6): string | null {
  const runs = sources instanceof Set ? sources : wordRuns(sources as readonly string[], n);
  const m = words(mine);
  for (let i = 0; i + n <= m.length; i++) {
    const g = m.slice(i, i + n).join(' ');
    if (runs.has(g)) return g;
  }
  return null;
}
