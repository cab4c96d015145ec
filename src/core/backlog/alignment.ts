/**
 * Does one word sequence replace words of the other? Aligns the two with a longest common
 * subsequence and looks at each gap between aligned words: a gap that drops words from `a`
 * and adds words in `b` is a replacement, unless every dropped word reappears there in
 * another spelling ("recieve" → "receive"). Gaps that only add or only drop words are
 * insertions and deletions, not replacements.
 *
 * O(|a| · |b|) time and memory; callers bound the sizes.
 */
export function replacesWords(a: ArrayLike<number>, b: ArrayLike<number>, isVariant: (x: number, y: number) => boolean): boolean {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // lcs[i · width + j] = length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const here = i * width + j;
      if (a[i] === b[j]) lcs[here] = lcs[here + width + 1]! + 1;
      else {
        const down = lcs[here + width]!;
        const right = lcs[here + 1]!;
        lcs[here] = down > right ? down : right;
      }
    }
  }
  const dropped: number[] = [];
  const added: number[] = [];
  const replacesInGap = (): boolean => {
    const replaced =
      dropped.length > 0 && added.length > 0 && dropped.some((x) => !added.some((y) => isVariant(x, y)));
    dropped.length = 0;
    added.length = 0;
    return replaced;
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (replacesInGap()) return true;
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * width + j + 1]! >= lcs[(i + 1) * width + j]!)) {
      added.push(b[j++]!);
    } else {
      dropped.push(a[i++]!);
    }
  }
  return replacesInGap();
}
