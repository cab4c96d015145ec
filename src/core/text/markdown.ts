/** Markdown (line breaks already `\n`) → lines: ATX/setext headings, lists, `- [ ]` checklists, tables, quotes, code fences. */
import type { LineBuilder } from './builder';
import { markdownInline } from './markdown-inline';

const HEADING = /^(#{1,6})(?:[ \t]+|$)/;
const LIST = /^([-*+]|(\d{1,9})[.)])[ \t]+/;
const TASK = /^\[([ xX])\][ \t]+/;
const SETEXT = /^[ \t]{0,3}(?:=+|-+)[ \t]*$/;
const TABLE_RULE = /^[|:\- \t]+$/;

/** `---`, `***`, `_ _ _`: three or more of one character, spaces allowed. */
function isRule(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c !== 45 && c !== 42 && c !== 95) return false;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d === c) count++;
    else if (d !== 32 && d !== 9) return false;
  }
  return count >= 3;
}

/** `## Title ##` → "Title" (the closing hashes need a space before them). */
function dropClosingHashes(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  let i = end;
  while (i > 0 && s.charCodeAt(i - 1) === 35) i--;
  if (i === end || (i > 0 && s.charCodeAt(i - 1) !== 32 && s.charCodeAt(i - 1) !== 9)) return s;
  return s.slice(0, i);
}

/** Drops `>` quote markers. */
function unquote(s: string): string {
  let i = 0;
  while (i < s.length && (s.charCodeAt(i) === 62 || s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i === 0 ? s : s.slice(i);
}

function tableRow(s: string): string | null {
  if (TABLE_RULE.test(s) && s.indexOf('-') >= 0) return null;
  const kept: string[] = [];
  for (const cell of markdownInline(s).replace(/\n/g, ' ').split('|')) {
    const t = cell.trim();
    if (t !== '') kept.push(t);
  }
  return kept.join(' | ');
}

function listItem(m: RegExpExecArray, rest: string): string {
  const task = TASK.exec(rest);
  if (task) return `${task[1] === ' ' ? '[ ]' : '[x]'} ${markdownInline(rest.slice(task[0].length))}`;
  const marker = m[2] === undefined ? '- ' : `${m[2]}. `;
  return marker + markdownInline(rest);
}

export function markdownToLines(src: string, out: LineBuilder): void {
  const lines = src.split('\n');
  let fence = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trimStart();
    if (fence !== '') {
      if (trimmed.startsWith(fence)) fence = '';
      else out.add(raw);
      continue;
    }
    if (trimmed.startsWith('```') || trimmed.startsWith('~~~')) {
      fence = trimmed.slice(0, 3);
      continue;
    }
    const s = trimmed.charCodeAt(0) === 62 /* > */ ? unquote(trimmed) : trimmed;
    if (s === '') {
      out.blank();
      continue;
    }
    const heading = HEADING.exec(s);
    const list = heading ? null : LIST.exec(s);
    if (heading) out.add(markdownInline(dropClosingHashes(s.slice(heading[0].length))), true);
    else if (isRule(s)) out.blank();
    else if (list) out.add(listItem(list, s.slice(list[0].length)));
    else if (s.charCodeAt(0) === 124 /* | */) {
      const row = tableRow(s);
      if (row !== null) out.add(row);
    } else if (i + 1 < lines.length && SETEXT.test(lines[i + 1] ?? '')) {
      out.add(markdownInline(s), true);
      i++;
    } else out.add(markdownInline(s));
  }
}
