const HAS_DIGIT = /\d/;

/**
 * Whether two different words are spellings of the same word: an inflection ("zone"/"zones",
 * "create"/"creating", "upload"/"uploaded") or a one-edit typo of a longer word
 * ("colour"/"color", "cancelled"/"canceled", "recieve"/"receive").
 * "create"/"delete", "login"/"logout", "hotel"/"hostel", "1234"/"12345" are different words.
 */
export function isWordVariant(a: string, b: string): boolean {
  if (a === b) return true;
  if (HAS_DIGIT.test(a) || HAS_DIGIT.test(b)) return false; // "12" / "120", "v2" / "v3": other numbers
  const longer = Math.max(a.length, b.length);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  if (prefix >= Math.min(4, Math.min(a.length, b.length)) && prefix >= 3 && prefix >= longer - 3) return true;
  return Math.min(a.length, b.length) >= 6 && withinOneEdit(a, b);
}

/** Damerau–Levenshtein distance ≤ 1 (one insertion, deletion, substitution or adjacent swap). Linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}
