/**
 * Guesses the format of a description. Objects shaped like ADF (or JSON strings of them) are ADF;
 * for other strings only the first few kilobytes are looked at, with bounded, linear patterns.
 */
import type { DescriptionFormat } from '../story';
import { isAdfNode } from './adf';

/** What a description resolves to: its format and the value to convert (a string, or ADF nodes). */
export interface Resolved {
  format: DescriptionFormat;
  value: unknown;
}

const FORMATS: ReadonlySet<string> = new Set(['adf', 'wiki', 'html', 'markdown', 'text']);
const SCAN_LIMIT = 4096;

const WIKI_MACRO = /\{(?:code|noformat|quote|panel|color)[:}]/;
const HTML =
  /<\/(?:p|div|span|h[1-6]|ul|ol|li|table|tr|td|th|strong|em|b|i|u|a|code|pre|blockquote|section|article|tbody|thead|body|html|font|del|s|dl|dt|dd|sup|sub)\s*>|<(?:br|hr|img)\b[^<>]{0,300}>|<!doctype|<html\b/i;

/**
 * Evidence, as [gate, pattern, weight]: the pattern only runs when the gate substring occurs,
 * which keeps detection cheap on ordinary prose. Patterns are bounded and cannot backtrack badly.
 */
type Signal = readonly [string, RegExp, number];

const WIKI: readonly Signal[] = [
  ['.', /^[ \t]*h[1-6]\.[ \t]/m, 3],
  ['bq.', /^[ \t]*bq\.[ \t]/m, 3],
  ['||', /\|\|/, 2],
  ['|', /\[[^[\]|\n]{1,200}\|[^[\]\n]{1,1000}\]/, 3],
  ['[~', /\[~[^[\]\n]{1,200}\]/, 3],
  ['{{', /\{\{[^{}\n]{1,300}\}\}/, 2],
  ['**', /^[ \t]*\*{2,5}[ \t]/m, 1],
  ['# ', /^[ \t]*#[ \t][^\n]*\n[ \t]*#[ \t]/m, 2],
  ['!', /![^\s!|][^!\n|]{0,300}\.(?:png|jpe?g|gif|svg|webp)(?:\|[^!\n]{0,200})?!/i, 2],
  ['*', /(?:^|[\s(])\*[^*\s][^*\n]{0,200}\*(?=[\s.,;:!?)]|$)/m, 1],
];

const MARKDOWN: readonly Signal[] = [
  ['##', /^[ \t]{0,3}#{2,6}[ \t]/m, 2],
  ['# ', /^[ \t]{0,3}#[ \t]/m, 1],
  ['[', /^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]/m, 3],
  ['**', /\*\*[^*\n]{1,200}\*\*/, 2],
  ['__', /__[^_\n]{1,200}__/, 1],
  ['](', /\[[^[\]\n]{1,300}\]\([^()\s]{1,1000}\)/, 3],
  ['``', /^[ \t]{0,3}```/m, 3],
  ['~~~', /^[ \t]{0,3}~~~/m, 3],
  ['> ', /^[ \t]{0,3}>[ \t]/m, 1],
  ['`', /`[^`\n]{1,200}`/, 1],
  ['---', /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|/m, 3],
];

function score(head: string, signals: readonly Signal[]): number {
  let total = 0;
  for (const [gate, re, weight] of signals) if (head.indexOf(gate) >= 0 && re.test(head)) total += weight;
  return total;
}

/** Format of a description string (never `adf`). */
export function detectStringFormat(s: string): DescriptionFormat {
  const head = s.length > SCAN_LIMIT ? s.slice(0, SCAN_LIMIT) : s;
  if (head.indexOf('{') >= 0 && WIKI_MACRO.test(head)) return 'wiki';
  if (head.indexOf('<') >= 0 && HTML.test(head)) return 'html';
  const wiki = score(head, WIKI);
  const markdown = score(head, MARKDOWN);
  if (wiki === 0 && markdown === 0) return 'text';
  return wiki >= markdown ? 'wiki' : 'markdown';
}

/** ADF: a `doc`, a node with `content`, or an array of nodes. */
export function isAdf(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && isAdfNode(value[0]) && typeof value[0].type === 'string';
  if (!isAdfNode(value) || typeof value.type !== 'string') return false;
  return value.type === 'doc' || Array.isArray(value.content);
}

/** A JSON string of an ADF document, parsed; undefined when it is not one. */
function parseAdfJson(s: string): unknown {
  const t = s.trim();
  if (t.charCodeAt(0) !== 123 /* { */ || t.charCodeAt(t.length - 1) !== 125 || t.indexOf('"type"') < 0) return undefined;
  try {
    const parsed: unknown = JSON.parse(t);
    return isAdf(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function resolve(input: unknown, format?: DescriptionFormat): Resolved {
  if (typeof input === 'string') {
    const known = typeof format === 'string' && FORMATS.has(format) ? format : undefined;
    if (known === undefined || known === 'adf') {
      const adf = parseAdfJson(input);
      if (adf !== undefined) return { format: 'adf', value: adf };
    }
    return { format: known === undefined || known === 'adf' ? detectStringFormat(input) : known, value: input };
  }
  if (typeof input === 'number' || typeof input === 'boolean' || typeof input === 'bigint') {
    return { format: 'text', value: String(input) };
  }
  if (isAdf(input)) return { format: 'adf', value: input };
  return { format: 'text', value: '' };
}

export function detectFormat(input: unknown): DescriptionFormat {
  try {
    return resolve(input).format;
  } catch {
    return 'text';
  }
}
