/** Jira wiki markup (line breaks already `\n`) → lines: headings, lists, tables, panels, `{code}`/`{noformat}` blocks kept verbatim. */
import type { LineBuilder } from './builder';
import { wikiInline } from './wiki-inline';

const VERBATIM = /\{(code|noformat)(?::[^{}\n]{0,500})?\}/gi;
const HEADING = /^h[1-6]\.[ \t]*/;
const QUOTE = /^bq\.[ \t]*/;
const LIST = /^([*#]{1,10}|-)[ \t]+/;
const RULE = /^-{4,}[ \t]*$/;
const PANEL = /^\{(panel|info|note|tip|warning|expand)(?::([^{}\n]{0,500}))?\}/i;

/** Numbering for `#` lists, per nesting depth. */
class ListCounter {
  private counts: number[] = [];

  marker(symbols: string): string {
    const depth = symbols.length;
    this.counts.length = depth;
    if (symbols.charCodeAt(depth - 1) !== 35 /* # */) {
      this.counts[depth - 1] = 0;
      return '- ';
    }
    const n = (this.counts[depth - 1] ?? 0) + 1;
    this.counts[depth - 1] = n;
    return `${n}. `;
  }

  reset(): void {
    if (this.counts.length > 0) this.counts.length = 0;
  }
}

/** `{panel:title=Acceptance criteria|borderStyle=dashed}` → "Acceptance criteria". */
function panelTitle(params: string | undefined): string {
  if (!params) return '';
  for (const part of params.split('|')) {
    const eq = part.indexOf('=');
    if (eq >= 0 && part.slice(0, eq).trim().toLowerCase() === 'title') return part.slice(eq + 1);
  }
  return params.indexOf('=') < 0 ? params : ''; // {expand:Click here}
}

/** `||a||b||` and `|c|d|` → "a | b" / "c | d". */
function tableRow(line: string): string {
  const cells = wikiInline(line).replace(/[\r\n]+/g, ' ').split(/\|+/);
  const kept: string[] = [];
  for (const cell of cells) {
    const t = cell.trim();
    if (t !== '') kept.push(t);
  }
  return kept.join(' | ');
}

function markupLine(raw: string, out: LineBuilder, lists: ListCounter): void {
  let line = raw.trimStart();
  const panel = line.charCodeAt(0) === 123 /* { */ ? PANEL.exec(line) : null;
  if (panel) {
    const title = panelTitle(panel[2]);
    if (title.trim() !== '') out.add(wikiInline(title), (panel[1] ?? '').toLowerCase() !== 'expand');
    line = line.slice(panel[0].length).trimStart();
  }
  if (line === '') {
    if (!panel) out.blank();
    lists.reset();
    return;
  }
  const first = line.charCodeAt(0);
  const heading = first === 104 /* h */ ? HEADING.exec(line) : null;
  const list = first === 42 || first === 35 || first === 45 /* * # - */ ? LIST.exec(line) : null;
  if (!list) lists.reset();
  if (heading) out.add(wikiInline(line.slice(heading[0].length)), true);
  else if (list) out.add(lists.marker(list[1] ?? '-') + wikiInline(line.slice(list[0].length)));
  else if (first === 124 /* | */) out.add(tableRow(line));
  else if (first === 45 && RULE.test(line)) out.blank();
  else {
    const quote = first === 98 /* b */ ? QUOTE.exec(line) : null;
    out.add(wikiInline(quote ? line.slice(quote[0].length) : line));
  }
}

/** Drops one line break at each end: the rest of a `{code}` tag's own line is not a blank line. */
function trimBreaks(s: string): string {
  let start = 0;
  let end = s.length;
  if (s.charCodeAt(0) === 13) start = s.charCodeAt(1) === 10 ? 2 : 1;
  else if (s.charCodeAt(0) === 10) start = 1;
  if (end > start && s.charCodeAt(end - 1) === 10) end--;
  if (end > start && s.charCodeAt(end - 1) === 13) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

function markup(text: string, out: LineBuilder, lists: ListCounter): void {
  for (const line of trimBreaks(text).split('\n')) markupLine(line, out, lists);
}

export function wikiToLines(src: string, out: LineBuilder): void {
  const lists = new ListCounter();
  let pos = 0;
  let open: string | null = null;
  VERBATIM.lastIndex = 0;
  for (let m = VERBATIM.exec(src); m !== null; m = VERBATIM.exec(src)) {
    const name = (m[1] ?? '').toLowerCase();
    if (open === null) {
      markup(src.slice(pos, m.index), out, lists);
      open = name;
    } else if (name === open) {
      out.add(trimBreaks(src.slice(pos, m.index)));
      open = null;
    } else {
      continue; // a {code} inside {noformat} is content
    }
    lists.reset();
    pos = m.index + m[0].length;
  }
  if (open === null) markup(src.slice(pos), out, lists);
  else out.add(trimBreaks(src.slice(pos)));
}
