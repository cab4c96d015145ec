/**
 * HTML → lines with a small linear tokenizer (no DOM; every character is looked at a bounded number of times).
 * Block tags end lines, `<li>` starts "- " / "1. ", `<h1>`–`<h6>` are headings, table cells are joined
 * with " | ", `<script>`/`<style>` contents are dropped, entities are decoded. The result is plain text.
 */
import type { LineBuilder } from './builder';
import { decodeEntities } from './entities';

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend',
  'main', 'nav', 'p', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead',
]);
const SKIP = new Set(['script', 'style', 'template', 'title', 'noscript', 'svg', 'iframe', 'object']);
const HEADING = /^h[1-6]$/;
const CHECKBOX = /type\s*=\s*["']?checkbox/i;
const CHECKED = /\bchecked\b/i;
const START = /\bstart\s*=\s*["']?(\d{1,6})/i;
const NON_BLANK = /[^\s]/;

interface List {
  ordered: boolean;
  n: number;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Builds lines from text and tag events. */
class HtmlWriter {
  private parts: string[] = [];
  private prefix = '';
  private heading = false;
  private pre = 0;
  private inCell = false;
  private cells = 0;
  private readonly lists: List[] = [];

  constructor(private readonly out: LineBuilder) {}

  text(raw: string): void {
    if (raw === '') return;
    const decoded = decodeEntities(raw);
    const keepBreaks = (this.pre > 0 && !this.inCell) || decoded.indexOf('\n') < 0;
    this.parts.push(keepBreaks ? decoded : decoded.replace(/\n+/g, ' '));
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const line = this.parts.join('');
    this.parts = [];
    if (!NON_BLANK.test(line)) return;
    this.out.add(this.prefix + line, this.heading);
    this.prefix = '';
  }

  /** A block boundary: a new line, except inside a table cell where the row stays on one line. */
  block(): void {
    if (this.inCell) this.parts.push(' ');
    else this.flush();
  }

  open(name: string, attrs: string): void {
    switch (name) {
      case 'br':
        if (this.inCell) this.parts.push(' ');
        else if (this.parts.length === 0) this.out.blank();
        else this.flush();
        return;
      case 'ul':
      case 'ol': {
        this.block();
        const start = name === 'ol' ? START.exec(attrs) : null;
        this.lists.push({ ordered: name === 'ol', n: start ? Number(start[1]) - 1 : 0 });
        return;
      }
      case 'li': {
        this.block();
        const list = this.lists[this.lists.length - 1];
        const marker = list?.ordered ? `${++list.n}. ` : '- ';
        if (this.inCell) this.parts.push(marker);
        else this.prefix = marker;
        return;
      }
      case 'tr':
        this.endRow();
        return;
      case 'td':
      case 'th':
        if (this.cells > 0) this.parts.push(' | ');
        this.cells++;
        this.inCell = true;
        return;
      case 'pre':
        this.block();
        this.pre++;
        return;
      case 'input':
        if (CHECKBOX.test(attrs)) this.parts.push(CHECKED.test(attrs) ? '[x] ' : '[ ] ');
        return;
    }
    if (HEADING.test(name)) {
      this.block();
      this.heading = !this.inCell;
    } else if (BLOCK.has(name)) this.block();
  }

  close(name: string): void {
    switch (name) {
      case 'ul':
      case 'ol':
        this.block();
        this.lists.pop();
        return;
      case 'li':
        this.block();
        this.prefix = '';
        return;
      case 'tr':
      case 'table':
        this.endRow();
        return;
      case 'pre':
        this.block();
        if (this.pre > 0) this.pre--;
        return;
    }
    if (HEADING.test(name)) {
      this.block();
      this.heading = false;
    } else if (BLOCK.has(name)) this.block();
  }

  private endRow(): void {
    this.inCell = false;
    this.cells = 0;
    this.flush();
  }
}

/** Linear tag scanner. Quotes only count after `=`; after one unterminated quote they stop counting. */
class Scanner {
  private quoteAware = true;

  constructor(private readonly s: string) {}

  /** Index of the `>` that ends the tag starting before `from`, or -1 when no tag can end. */
  tagEnd(from: number): number {
    const s = this.s;
    if (this.quoteAware) {
      let quote = 0;
      let prev = 0;
      for (let j = from; j < s.length; j++) {
        const c = s.charCodeAt(j);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if ((c === 34 || c === 39) && prev === 61 /* = */) quote = c;
        else if (c === 62) return j;
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) prev = c;
      }
      this.quoteAware = false;
    }
    return s.indexOf('>', from);
  }

  /** End of a skipped element such as `<script>`: index after its closing tag, or the end of input. */
  skipTo(name: string, from: number): number {
    const close = new RegExp(`</${name}`, 'gi');
    close.lastIndex = from;
    const m = close.exec(this.s);
    if (!m) return this.s.length;
    const gt = this.s.indexOf('>', m.index);
    return gt < 0 ? this.s.length : gt + 1;
  }
}

function tagName(s: string, from: number): [string, number] {
  let j = from;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    if (!isLetter(c) && !(c >= 48 && c <= 57) && c !== 45 && c !== 58) break;
    j++;
  }
  return [s.slice(from, j).toLowerCase(), j];
}

export function htmlToLines(src: string, out: LineBuilder): void {
  const w = new HtmlWriter(out);
  const scan = new Scanner(src);
  let textStart = 0;
  let i = src.indexOf('<');
  while (i >= 0) {
    const next = src.charCodeAt(i + 1);
    const closing = next === 47; /* / */
    let end: number;
    if (isLetter(next) || (closing && isLetter(src.charCodeAt(i + 2)))) {
      end = scan.tagEnd(i + 1);
      if (end < 0) break; // no `>` anywhere after: the rest is text
      w.text(src.slice(textStart, i));
      const [name, afterName] = tagName(src, closing ? i + 2 : i + 1);
      const attrs = src.slice(afterName, end);
      if (closing) w.close(name);
      else if (SKIP.has(name) && attrs.charCodeAt(attrs.length - 1) !== 47) end = scan.skipTo(name, end + 1) - 1;
      else w.open(name, attrs);
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      const comment = src.startsWith('<!--', i);
      const stop = comment ? src.indexOf('-->', i + 4) : src.indexOf('>', i + 2);
      w.text(src.slice(textStart, i));
      if (stop < 0) {
        textStart = src.length;
        break;
      }
      end = comment ? stop + 2 : stop;
    } else {
      i = src.indexOf('<', i + 1); // a literal "<"
      continue;
    }
    textStart = end + 1;
    i = src.indexOf('<', textStart);
  }
  w.text(src.slice(textStart));
  w.flush();
}
