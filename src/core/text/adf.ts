/**
 * Atlassian Document Format → lines. The tree is walked with an explicit stack, so any depth works
 * (JSON can nest 100,000 levels); anything malformed is skipped rather than trusted.
 */
import { isRecord } from '../is-record';
import type { LineBuilder } from './builder';

type AdfNode = Record<string, unknown>;

interface Frame {
  node: AdfNode;
  leave: boolean;
}

const NEWLINES = /[\r\n]+/g;
/** Containers whose start and end break the line. */
const BLOCKS = new Set([
  'doc', 'paragraph', 'blockquote', 'panel', 'codeBlock', 'table', 'layoutSection', 'layoutColumn',
  'bodiedExtension', 'mediaSingle', 'mediaGroup', 'decisionList', 'extensionFrame', 'multiBodiedExtension',
]);
const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);

export function isAdfNode(value: unknown): value is AdfNode {
  return isRecord(value);
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}

function attr(node: AdfNode, key: string): unknown {
  const attrs = node.attrs;
  return isAdfNode(attrs) ? attrs[key] : undefined;
}

function mention(node: AdfNode): string {
  const name = text(attr(node, 'text')) || text(attr(node, 'displayName'));
  if (name === '') return '';
  return name.charCodeAt(0) === 64 /* @ */ ? name : `@${name}`;
}

function cardUrl(node: AdfNode): string {
  const url = text(attr(node, 'url'));
  if (url !== '') return url;
  const data = attr(node, 'data');
  return isAdfNode(data) ? text(data.url) || text(data.name) : '';
}

/** `date` nodes carry a millisecond timestamp; shown as YYYY-MM-DD (UTC). */
function date(node: AdfNode): string {
  const raw = attr(node, 'timestamp');
  const ms = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

class AdfWriter {
  private parts: string[] = [];
  private prefix = '';
  private headings = 0;
  private readonly lists: { ordered: boolean; n: number }[] = [];
  /** Cell counts of the table rows we are inside (a row is written as one line). */
  private readonly rows: number[] = [];

  constructor(private readonly out: LineBuilder) {}

  push(s: string): void {
    if (s !== '') this.parts.push(this.rows.length > 0 ? s.replace(NEWLINES, ' ') : s);
  }

  enter(node: AdfNode, type: string): void {
    if (BLOCKS.has(type) || type === 'expand' || type === 'nestedExpand') {
      this.endBlock();
      if (type === 'expand' || type === 'nestedExpand') {
        this.push(text(attr(node, 'title')));
        this.endBlock();
      }
      return;
    }
    switch (type) {
      case 'text': return this.push(text(node.text));
      case 'hardBreak': return this.rows.length > 0 ? this.push(' ') : this.flush();
      case 'mention': return this.push(mention(node));
      case 'emoji': return this.push(text(attr(node, 'text')) || text(attr(node, 'shortName')));
      case 'status': return this.push(text(attr(node, 'text')));
      case 'date': return this.push(date(node));
      case 'inlineCard': return this.push(cardUrl(node));
      case 'blockCard':
      case 'embedCard':
        this.endBlock();
        this.push(cardUrl(node));
        return this.endBlock();
      case 'rule':
        this.endBlock();
        return this.out.blank();
      case 'heading':
        this.endBlock();
        this.headings++;
        return;
      case 'listItem':
      case 'taskItem':
      case 'decisionItem':
        return this.item(node, type);
      case 'tableRow':
        if (this.rows.length === 0) this.flush();
        this.rows.push(0);
        return;
      case 'tableCell':
      case 'tableHeader':
        return this.cell();
    }
    if (LISTS.has(type)) {
      this.endBlock();
      const order = attr(node, 'order');
      const start = typeof order === 'number' && Number.isFinite(order) ? Math.floor(order) : 1;
      this.lists.push({ ordered: type === 'orderedList', n: start - 1 });
    }
  }

  leave(type: string): void {
    if (BLOCKS.has(type) || type === 'expand' || type === 'nestedExpand') return this.endBlock();
    switch (type) {
      case 'heading':
        this.endBlock();
        if (this.headings > 0) this.headings--;
        return;
      case 'listItem':
      case 'taskItem':
      case 'decisionItem':
        this.endBlock();
        this.prefix = '';
        return;
      case 'tableRow':
        this.rows.pop();
        return this.rows.length === 0 ? this.flush() : this.push(' ');
    }
    if (LISTS.has(type)) {
      this.endBlock();
      this.lists.pop();
    }
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const line = this.parts.join('');
    this.parts = [];
    this.out.add(this.prefix + line, this.headings > 0);
    this.prefix = '';
  }

  private endBlock(): void {
    if (this.rows.length > 0) this.parts.push(' ');
    else this.flush();
  }

  private item(node: AdfNode, type: string): void {
    this.endBlock();
    let marker = '- ';
    if (type === 'taskItem') marker = attr(node, 'state') === 'DONE' ? '[x] ' : '[ ] ';
    else if (type === 'listItem') {
      const list = this.lists[this.lists.length - 1];
      if (list?.ordered) marker = `${++list.n}. `;
    }
    if (this.rows.length > 0) this.parts.push(marker);
    else this.prefix = marker;
  }

  private cell(): void {
    const last = this.rows.length - 1;
    if (last < 0) return this.endBlock();
    const count = this.rows[last] ?? 0;
    if (count > 0) this.parts.push(' | ');
    this.rows[last] = count + 1;
  }
}

/** Writes an ADF node (usually the `doc`) or an array of nodes. */
export function adfToLines(root: unknown, out: LineBuilder): void {
  const w = new AdfWriter(out);
  const stack: Frame[] = [];
  const pushChildren = (content: unknown): void => {
    if (!Array.isArray(content)) return;
    for (let i = content.length - 1; i >= 0; i--) {
      const child: unknown = content[i];
      if (isAdfNode(child)) stack.push({ node: child, leave: false });
    }
  };
  if (Array.isArray(root)) pushChildren(root);
  else if (isAdfNode(root)) stack.push({ node: root, leave: false });
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const type = typeof frame.node.type === 'string' ? frame.node.type : '';
    if (frame.leave) {
      w.leave(type);
      continue;
    }
    w.enter(frame.node, type);
    stack.push({ node: frame.node, leave: true });
    pushChildren(frame.node.content);
  }
  w.flush();
}
