/**
 * A recursive-descent parser for the JQL subset the emulator answers:
 *
 *   query   := [or] [ORDER BY sort ("," sort)*]
 *   or      := and (OR and)*
 *   and     := not (AND not)*
 *   not     := NOT not | "(" or ")" | clause
 *   clause  := field op value | field [NOT] IN "(" value ("," value)* ")" | field IS [NOT] (EMPTY | NULL)
 *   op      := = | != | < | <= | > | >= | ~ | !~
 *   value   := word | "string" | EMPTY | NULL | name "(" [value ("," value)*] ")"
 *   sort    := field [ASC | DESC]
 *
 * Keywords are case-insensitive; `&&`, `||` and `!` stand for AND, OR and NOT. Nesting is bounded.
 */
import type { Clause, Expr, Operator, Query, SortKey, Value } from './ast';
import { syntaxError } from './error';
import { tokenize, type Token } from './tokens';

export const MAX_DEPTH = 32;
export const MAX_SORT_FIELDS = 7;

const RESERVED = new Set(['AND', 'OR', 'NOT', 'IN', 'IS', 'EMPTY', 'NULL', 'ORDER', 'BY', 'ASC', 'DESC', 'WAS', 'CHANGED']);
const VALID_OPERATORS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function describe(token: Token): string {
  if (token.kind === 'eof') return 'the end of the query';
  return `'${token.text}'`;
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return token;
  }

  private isWord(word: string, token = this.peek()): boolean {
    return token.kind === 'word' && token.text.toUpperCase() === word;
  }

  private fail(token: Token, message: string): never {
    throw syntaxError(this.text, token.pos, message);
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_DEPTH) this.fail(token, `The query is nested more than ${MAX_DEPTH} levels deep.`);
  }

  query(): Query {
    let where: Expr | undefined;
    if (this.peek().kind !== 'eof' && !this.isWord('ORDER')) where = this.or();
    const orderBy = this.isWord('ORDER') ? this.orderBy() : [];
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      this.fail(rest, where ? `Expecting either 'OR' or 'AND' but got ${describe(rest)}.` : `Expecting a field name but got ${describe(rest)}.`);
    }
    return { where, orderBy };
  }

  private or(): Expr {
    return this.joined('OR', () => this.and());
  }

  private and(): Expr {
    return this.joined('AND', () => this.not());
  }

  /** `operand (WORD operand)*`: one operand as it is, more joined as an `or` / `and` expression. */
  private joined(word: 'OR' | 'AND', operand: () => Expr): Expr {
    const items = [operand()];
    while (this.isWord(word)) {
      this.next();
      items.push(operand());
    }
    return items.length === 1 ? (items[0] as Expr) : { type: word === 'OR' ? 'or' : 'and', items };
  }

  private not(): Expr {
    const token = this.peek();
    if (this.isWord('NOT')) {
      this.next();
      this.enter(token);
      const expr = this.not();
      this.depth--;
      return { type: 'not', expr };
    }
    if (token.kind === '(') {
      this.next();
      this.enter(token);
      const expr = this.or();
      this.depth--;
      const close = this.next();
      if (close.kind !== ')') this.fail(close, `Expecting ')' but got ${describe(close)}.`);
      return expr;
    }
    return this.clause();
  }

  private fieldName(what: string): { field: string; pos: number } {
    const token = this.next();
    if (token.kind === 'string' || (token.kind === 'word' && !RESERVED.has(token.text.toUpperCase()))) {
      return { field: token.text, pos: token.pos };
    }
    return this.fail(token, `Expecting ${what} but got ${describe(token)}.`);
  }

  private clause(): Clause {
    const { field, pos } = this.fieldName('a field name');
    const op = this.operator();
    let values: Value[];
    if (op === 'in' || op === 'not in') values = this.list();
    else if (op === 'is' || op === 'is not') values = [this.emptyKeyword()];
    else values = [this.value()];
    return { type: 'clause', field, pos, op, values };
  }

  private operator(): Operator {
    const token = this.next();
    if (token.kind === 'op') return token.text as Operator;
    const word = token.kind === 'word' ? token.text.toUpperCase() : '';
    if (word === 'IN') return 'in';
    if (word === 'NOT' && this.isWord('IN')) {
      this.next();
      return 'not in';
    }
    if (word === 'IS') {
      if (this.isWord('NOT')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (word === 'WAS' || word === 'CHANGED') this.fail(token, `The emulator does not support the history operator '${word}'.`);
    return this.fail(token, `Expecting operator but got ${describe(token)}. ${VALID_OPERATORS}`);
  }

  private emptyKeyword(): Value {
    const token = this.next();
    if (this.isWord('EMPTY', token) || this.isWord('NULL', token)) return { kind: 'empty', pos: token.pos };
    return this.fail(token, `Expecting 'EMPTY' or 'NULL' after 'IS' but got ${describe(token)}.`);
  }

  private list(): Value[] {
    const open = this.next();
    if (open.kind !== '(') this.fail(open, `Expecting '(' but got ${describe(open)}.`);
    const values = [this.value()];
    while (this.peek().kind === ',') {
      this.next();
      values.push(this.value());
    }
    const close = this.next();
    if (close.kind !== ')') this.fail(close, `Expecting ',' or ')' but got ${describe(close)}.`);
    return values;
  }

  private value(): Value {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'literal', text: token.text, quoted: true, pos: token.pos };
    if (token.kind !== 'word') return this.fail(token, `Expecting either a value, list or function but got ${describe(token)}.`);
    const upper = token.text.toUpperCase();
    if (upper === 'EMPTY' || upper === 'NULL') return { kind: 'empty', pos: token.pos };
    if (RESERVED.has(upper)) {
      this.fail(token, `The word '${token.text}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`);
    }
    if (this.peek().kind === '(') return this.call(token);
    return { kind: 'literal', text: token.text, quoted: false, pos: token.pos };
  }

  private call(name: Token): Value {
    this.next();
    const args: string[] = [];
    if (this.peek().kind !== ')') {
      for (;;) {
        const arg = this.next();
        if (arg.kind !== 'word' && arg.kind !== 'string') this.fail(arg, `Expecting a function argument but got ${describe(arg)}.`);
        args.push(arg.text);
        if (this.peek().kind !== ',') break;
        this.next();
      }
    }
    const close = this.next();
    if (close.kind !== ')') this.fail(close, `Expecting ')' but got ${describe(close)}.`);
    return { kind: 'function', name: name.text, args, pos: name.pos };
  }

  private orderBy(): SortKey[] {
    this.next();
    const by = this.next();
    if (!this.isWord('BY', by)) this.fail(by, `Expecting 'BY' but got ${describe(by)}.`);
    const keys: SortKey[] = [];
    for (;;) {
      const { field, pos } = this.fieldName('a field name to order by');
      let direction: SortKey['direction'];
      if (this.isWord('ASC') || this.isWord('DESC')) direction = this.next().text.toLowerCase() as 'asc' | 'desc';
      keys.push({ field, pos, direction });
      if (this.peek().kind !== ',') break;
      this.next();
    }
    if (keys.length > MAX_SORT_FIELDS) this.fail(this.peek(), `The ORDER BY clause can name at most ${MAX_SORT_FIELDS} fields.`);
    return keys;
  }
}

/** Parses `text`; throws JqlError (a 400 for the caller) on anything else. */
export function parseJql(text: string): Query {
  return new Parser(text, tokenize(text)).query();
}
