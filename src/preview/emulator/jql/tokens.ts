/** JQL tokens: words, quoted strings, operators, parentheses and commas, with their offsets. */
import { syntaxError } from './error';

export type TokenKind = 'word' | 'string' | 'op' | '(' | ')' | ',' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Words and strings: the text (strings unescaped). Operators: the operator. `&&`, `||`, `!` become AND, OR, NOT words. */
  text: string;
  pos: number;
}

/** Longest first. */
const OPERATORS = ['!=', '!~', '<=', '>=', '=', '<', '>', '~'];
/** Characters that end an unquoted word. */
const STOP = new Set([' ', '\t', '\n', '\r', '(', ')', ',', '"', "'", '=', '!', '<', '>', '~', '&', '|']);
const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', n: '\n', r: '\r', t: '\t', ' ': ' ' };

export const MAX_QUERY_LENGTH = 20_000;

function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start] as string;
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      const escaped = next === undefined ? undefined : ESCAPES[next];
      if (escaped === undefined) throw syntaxError(text, i, `'\\${next ?? ''}' is an illegal JQL escape sequence.`);
      value += escaped;
      i += 2;
      continue;
    }
    value += c;
    i++;
  }
  throw syntaxError(text, start, `The quoted string ${text.slice(start, start + 30)} has not been completed.`);
}

export function tokenize(text: string): Token[] {
  if (text.length > MAX_QUERY_LENGTH) throw syntaxError(text, MAX_QUERY_LENGTH, `The query is longer than ${MAX_QUERY_LENGTH} characters.`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: c, text: c, pos: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', text: value, pos: i });
      i = end;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '&&' || two === '||') {
      tokens.push({ kind: 'word', text: two === '&&' ? 'AND' : 'OR', pos: i });
      i += 2;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    if (c === '!') {
      tokens.push({ kind: 'word', text: 'NOT', pos: i });
      i++;
      continue;
    }
    if (c === '&' || c === '|') throw syntaxError(text, i, `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead.`);
    let end = i;
    while (end < text.length && !STOP.has(text[end] as string) && !/\s/.test(text[end] as string)) end++;
    tokens.push({ kind: 'word', text: text.slice(i, end), pos: i });
    i = end;
  }
  tokens.push({ kind: 'eof', text: '', pos: text.length });
  return tokens;
}
