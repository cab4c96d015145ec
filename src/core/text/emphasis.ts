/**
 * Removes paired emphasis delimiters (`*bold*`, `_it_`, `**b**`, `~~s~~`, wiki `-strike-`, `+ins+`…)
 * in one linear pass: a character-class search jumps from delimiter to delimiter and each run is
 * decided on the spot, so there is no backtracking whatever the input.
 *
 * A run of 1–3 identical delimiter characters can open when it follows a non-word character and
 * precedes a non-space, and can close when it follows a non-space and precedes a non-word character.
 * A closer pairs with the latest pending opener of the same character and run length. Unpaired
 * delimiters stay (so `5 * 3`, `well-known`, `snake_case` and `-5` are untouched). A delimiter
 * escaped with a backslash stays literal and loses its backslash.
 */

const MAX_RUN = 3;

function isSpace(code: number): boolean {
  return code !== code /* NaN: outside the string */ || code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

/** Letters and digits; anything beyond ASCII counts as a word character (letters of other scripts). */
function isWord(code: number): boolean {
  if (code !== code) return false;
  if (code >= 128) return true;
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Per delimiter set: a pattern that finds the next delimiter character (the scan jumps between them). */
const FINDERS = new Map<string, RegExp>();

function finderFor(delimiters: string): RegExp {
  let re = FINDERS.get(delimiters);
  if (!re) {
    re = new RegExp(`[${delimiters.replace(/[\\\]^-]/g, '\\$&')}]`, 'g');
    FINDERS.set(delimiters, re);
  }
  return re;
}

/** `intraword`: delimiters that also pair inside words (wiki `x^2^`, `H~2~O`). */
export function stripEmphasis(s: string, delimiters: string, intraword = ''): string {
  const finder = finderFor(delimiters);
  let cuts: number[] | null = null; // flat [start, length] pairs
  let openers: number[] | null = null; // (delimiter, run length) → index of a pending opener, or -1
  const n = s.length;
  finder.lastIndex = 0;
  for (let m = finder.exec(s); m !== null; m = finder.exec(s)) {
    const i = m.index;
    const code = s.charCodeAt(i);
    let end = i + 1;
    while (end < n && s.charCodeAt(end) === code) end++;
    finder.lastIndex = end;
    let start = i;
    if (start > 0 && s.charCodeAt(start - 1) === 92 /* \ */) {
      (cuts ??= []).push(start - 1, 1);
      start++; // the escaped character is literal
    }
    const len = end - start;
    if (len === 0 || len > MAX_RUN) continue;
    const before = start > 0 ? s.charCodeAt(start - 1) : NaN;
    const after = s.charCodeAt(end);
    const key = delimiters.indexOf(m[0]) * (MAX_RUN + 1) + len;
    const opener = openers === null ? -1 : (openers[key] as number);
    const inWords = intraword !== '' && intraword.indexOf(m[0]) >= 0;
    if (opener >= 0 && !isSpace(before) && (inWords || !isWord(after))) {
      (cuts ??= []).push(opener, len, start, len);
      (openers as number[])[key] = -1;
    } else if (!isSpace(after) && (inWords || !isWord(before))) {
      openers ??= new Array<number>(delimiters.length * (MAX_RUN + 1)).fill(-1);
      openers[key] = start;
    }
  }
  return cuts === null ? s : applyCuts(s, cuts);
}

function applyCuts(s: string, cuts: number[]): string {
  const order: number[] = [];
  let sorted = true;
  for (let k = 0; k < cuts.length; k += 2) {
    if (k > 0 && (cuts[k] as number) < (cuts[k - 2] as number)) sorted = false;
    order.push(k);
  }
  if (!sorted) order.sort((a, b) => (cuts[a] as number) - (cuts[b] as number));
  const out: string[] = [];
  let pos = 0;
  for (const k of order) {
    const start = cuts[k] as number;
    if (start < pos) continue;
    out.push(s.slice(pos, start));
    pos = start + (cuts[k + 1] as number);
  }
  out.push(s.slice(pos));
  return out.join('');
}
