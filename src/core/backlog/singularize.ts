/**
 * Singular of a simple English plural noun: "admins" → "admin", "companies" → "company",
 * "coaches" → "coach", "salesmen" → "salesman", "people" → "person". Words that only look
 * plural stay as they are: "status", "business", "analysis", "news", "series", "analytics", "sales".
 * The word lists are data: lexicons/plurals.json.
 */
import plurals from '../lexicons/plurals.json';

const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(plurals.irregular));
const NOT_PLURAL: ReadonlySet<string> = new Set(plurals.notPlural);
/** Words ending in "men" that are not plurals of "-man". */
const NOT_MEN_PLURAL: ReadonlySet<string> = new Set(plurals.notMenPlural);

/** Singular endings that end in "s": status, campus; business, access; analysis, basis; analytics, metrics. */
const SINGULAR_S = /(?:ss|us|is|ics)$/;
const ES_PLURAL = /(?:ss|sh|ch|x|zz)es$/;

export function singularize(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular !== undefined) return irregular;
  if (word.length > 3 && word.endsWith('men') && !NOT_MEN_PLURAL.has(word)) return `${word.slice(0, -3)}man`;
  if (word.length <= 3 || !word.endsWith('s') || NOT_PLURAL.has(word) || SINGULAR_S.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (ES_PLURAL.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}
