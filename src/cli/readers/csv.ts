/**
 * `.csv`: a Jira CSV export ("Issue key", "Summary", repeated "Labels" and issue-link columns…), a
 * plain `key,summary,description,…` file, or the public TAWOS-style `issuekey,title,description,storypoint`.
 *
 * Error recovery. csv-parse stops at the first syntax error, and its `skip_records_with_error` cannot
 * resynchronize after an unclosed quote (the quote swallows the rest of the file, or the rows up to the
 * next quote). So we parse in chunks: collect records with `on_record`, and when the parser throws, the
 * broken record starts at the first non-blank line after the last good record. We report that line,
 * then parse again from the line after it. Chunks are windows of whole lines (64 K characters, widened while a
 * quoted field runs past the end), so each error costs a window, not a re-parse of the rest of the file. Rows with the wrong number of columns are parsed with
 * `relax_column_count` and rejected here, with their line. A broken region (the broken row and the
 * debris right after it that does not parse as a row either) is one error naming its first line.
 *
 * Delimiter. Spreadsheets in many locales save "CSV" with semicolons (Excel where the decimal mark is
 * a comma), and some tools with tabs or pipes: the header row decides (the candidate it holds most
 * often outside quotes; a comma when it holds none).
 */
import { parse } from 'csv-parse/sync';
import type { StoryInput, StoryLink } from '../../core/story';
import { baseName, emptyResult, guessTextFormat, lineAt, type ReadError, type ReadResult } from './types';

/** Stop after this many broken regions: a file this broken is not CSV, and each restart rescans. */
const MAX_SYNTAX_ERRORS = 1000;

interface CsvRecord {
  fields: string[];
  /** 1-based physical lines where the record starts and ends (a quoted field may span lines). */
  start: number;
  end: number;
}

type CsvEvent = { kind: 'record'; record: CsvRecord } | { kind: 'error'; line: number; message: string };

type Field = 'key' | 'summary' | 'description' | 'issueType' | 'storyPoints' | 'acceptanceCriteria' | 'labels' | 'parent' | 'parentSummary' | 'parentType' | 'status';

/** Header names, compacted (lower case, no spaces, `_` or `-`), in order of preference. */
const ALIASES: Record<Field, string[]> = {
  key: ['issuekey', 'key'],
  summary: ['summary', 'title'],
  description: ['description'],
  issueType: ['issuetype', 'type'],
  storyPoints: [
    'storypoints',
    'storypointestimate',
    'customfield(storypoints)',
    'customfield(storypointestimate)',
    'storypoint',
  ],
  acceptanceCriteria: ['acceptancecriteria', 'customfield(acceptancecriteria)'],
  labels: ['labels', 'label'],
  parent: ['parent', 'parentid', 'parentkey', 'epiclink', 'customfield(epiclink)'],
  // Jira's CSV export names the parent's title beside its id: the engine then knows each epic.
  parentSummary: ['parentsummary'],
  parentType: ['parenttype', 'parentissuetype'],
  status: ['status'],
};

const LINK_HEADER = /^\s*(inward|outward)\s+issue\s+link\s*\((.+)\)\s*$/i;
const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

function compact(header: string): string {
  return header.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Removes csv-parse's line numbers (they count from the start of the chunk, not the file). */
function describeSyntaxError(err: unknown): string {
  const code = errorCode(err);
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'malformed CSV: unclosed quote (a quoted field opened in this row never ends)';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') {
    return 'malformed CSV: a quoted field is followed by text instead of a comma (unclosed or unescaped quote?)';
  }
  const message = err instanceof Error ? err.message : String(err);
  return `malformed CSV: ${message.replace(/\s*(?:at|on) line \d+/g, '').replace(/:\s*$/, '')}`;
}

/** Text handed to csv-parse at a time: a syntax error then costs a re-parse of a window, not of the file. */
const WINDOW_CHARS = 1 << 16;

function errorCode(err: unknown): unknown {
  return (err as { code?: unknown }).code;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/** The delimiter the first non-blank line (the header row) uses most often outside quotes; a comma by default. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') {
      if (seen) break;
    } else if (!inQuotes) {
      if (c.trim()) seen = true;
      if ((DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Parses `text` (line endings normalized to `\n`) into records and syntax errors, in file order. */
function parseEvents(text: string, windowChars: number, delimiter: CsvDelimiter): CsvEvent[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let pos = 0;
  for (const line of lines) {
    lineStarts.push(pos);
    pos += line.length + 1;
  }
  const events: CsvEvent[] = [];
  let fromLine = 1;
  let window = windowChars;
  let syntaxErrors = 0;
  while (fromLine <= lines.length) {
    const base = fromLine - 1;
    const startOffset = lineStarts[base] ?? 0;
    // Whole lines only, so a window ends where a record may end.
    const endLine = Math.max(fromLine, Math.min(lines.length, lineAt(lineStarts, startOffset + window)));
    const truncated = endLine < lines.length;
    const chunk = text.slice(startOffset, truncated ? lineStarts[endLine] : undefined);
    let lastEnd = base;
    try {
      parse(chunk, {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (record: string[], context) => {
          const end = base + context.lines;
          let newlines = 0;
          for (const field of record) for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) newlines++;
          events.push({ kind: 'record', record: { fields: record, start: end - newlines, end } });
          lastEnd = end;
          return null;
        },
      });
      fromLine = endLine + 1;
      window = windowChars;
    } catch (err) {
      if (truncated && errorCode(err) === 'CSV_QUOTE_NOT_CLOSED') {
        // A quoted field runs past the window (a long multi-line description): widen it and go again.
        fromLine = lastEnd + 1;
        window *= 2;
        continue;
      }
      window = windowChars;
      let bad = lastEnd + 1;
      while (bad <= lines.length && !(lines[bad - 1] ?? '').trim()) bad++;
      if (bad > lines.length) {
        events.push({ kind: 'error', line: Math.min(lastEnd + 1, lines.length), message: describeSyntaxError(err) });
        break;
      }
      if (++syntaxErrors > MAX_SYNTAX_ERRORS) {
        events.push({ kind: 'error', line: bad, message: 'too many malformed rows; the rest of the file (from this line) was not read' });
        break;
      }
      events.push({ kind: 'error', line: bad, message: describeSyntaxError(err) });
      fromLine = bad + 1;
    }
  }
  return events;
}

interface Columns {
  single: Partial<Record<Field, number[]>>;
  links: { index: number; type: string; direction: 'inward' | 'outward' }[];
}

function mapColumns(header: string[]): Columns {
  const single: Partial<Record<Field, number[]>> = {};
  const links: Columns['links'] = [];
  const compacted = header.map(compact);
  for (const field of Object.keys(ALIASES) as Field[]) {
    const indexes: number[] = [];
    for (const alias of ALIASES[field]) compacted.forEach((name, i) => name === alias && indexes.push(i));
    if (indexes.length) single[field] = indexes;
  }
  header.forEach((name, index) => {
    const m = LINK_HEADER.exec(name);
    if (m?.[1] && m[2]) links.push({ index, type: m[2].trim(), direction: m[1].toLowerCase() as 'inward' | 'outward' });
  });
  return { single, links };
}

export interface CsvOptions {
  /** Characters parsed per window (tests make it tiny to exercise the window edges). */
  windowChars?: number;
}

export function readCsv(input: string, file: string, options: CsvOptions = {}): ReadResult {
  const result = emptyResult();
  const name = baseName(file);
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const events = parseEvents(text, Math.max(1, options.windowChars ?? WINDOW_CHARS), delimiter);
  const error = (line: number | undefined, message: string): void => {
    const e: ReadError = { file, message };
    if (line !== undefined) e.line = line;
    result.errors.push(e);
  };

  const first = events[0];
  if (!first) {
    error(undefined, 'empty CSV file: a header row is required');
    return result;
  }
  if (first.kind === 'error') {
    error(first.line, `${first.message}; the header row could not be read, file skipped`);
    return result;
  }
  const header = first.record.fields.map((h) => h.trim());
  const columns = mapColumns(header);
  if (!columns.single.summary) {
    const named = { ',': 'commas', ';': 'semicolons', '\t': 'tabs', '|': 'pipes' }[delimiter];
    error(first.record.start, `no Summary (or title) column in the header row (columns separated by ${named}): ${header.join(', ')}`);
    return result;
  }

  /**
   * After a syntax error the parser resumes on the next line, which may be the middle of the broken
   * row: lines that do not parse as rows either are debris of the same error, so they extend it.
   */
  let region: { error: ReadError; message: string; start: number } | null = null;
  const extend = (end: number): void => {
    if (region) region.error.message = `${region.message} (lines ${region.start}-${end} skipped)`;
  };
  for (const event of events.slice(1)) {
    if (event.kind === 'error') {
      if (region) extend(event.line);
      else {
        error(event.line, event.message);
        region = { error: result.errors[result.errors.length - 1] as ReadError, message: event.message, start: event.line };
      }
      continue;
    }
    const { record } = event;
    let fields = record.fields;
    if (fields.every((f) => !f.trim())) continue; // a row of empty cells, as spreadsheets leave behind
    if (fields.length > header.length && fields.slice(header.length).every((f) => !f.trim())) {
      fields = fields.slice(0, header.length);
    }
    if (fields.length !== header.length) {
      if (region) extend(record.end);
      else error(record.start, `malformed CSV: expected ${header.length} columns, found ${fields.length}; row skipped`);
      continue;
    }
    region = null;
    const story = toStory(fields, columns, record.start, name, (message) => error(record.start, message));
    if (story) {
      result.stories.push(story);
      result.locations.push({ file, line: record.start });
    }
  }
  return result;
}

function toStory(
  fields: string[],
  columns: Columns,
  line: number,
  name: string,
  error: (message: string) => void,
): StoryInput | null {
  const values = (field: Field): string[] =>
    (columns.single[field] ?? []).map((i) => (fields[i] ?? '').trim()).filter((v) => v !== '');
  const one = (field: Field): string | undefined => values(field)[0];

  const summary = one('summary');
  if (!summary) {
    error('missing summary; row skipped');
    return null;
  }
  const story: StoryInput = { key: one('key') ?? `${name}:${line}`, summary, source: 'issue' };

  const description = (columns.single.description ?? []).map((i) => fields[i] ?? '').find((v) => v.trim() !== '');
  if (description !== undefined) {
    story.description = description;
    const format = guessTextFormat(description);
    if (format) story.descriptionFormat = format;
  }
  const issueType = one('issueType');
  if (issueType) story.issueType = issueType;

  if (columns.single.storyPoints) {
    const raw = one('storyPoints');
    if (raw === undefined) story.storyPoints = null;
    else {
      const n = Number(/^\d+,\d+$/.test(raw) ? raw.replace(',', '.') : raw);
      if (Number.isFinite(n)) story.storyPoints = n;
      else {
        story.storyPoints = null;
        error(`story points "${raw}" is not a number; read as empty`);
      }
    }
  }

  const ac = (columns.single.acceptanceCriteria ?? []).map((i) => fields[i] ?? '').find((v) => v.trim() !== '');
  if (ac !== undefined) story.acceptanceCriteria = ac;

  if (columns.single.labels) {
    // Jira repeats the Labels column, one label per cell; labels cannot contain spaces.
    story.labels = [...new Set(values('labels').flatMap((v) => v.split(/[\s,;]+/)).filter(Boolean))];
  }

  // Parent / Parent id / Epic Link: prefer something that looks like an issue key over a numeric id.
  const parents = values('parent');
  const parent = parents.find((p) => ISSUE_KEY.test(p)) ?? parents[0];
  if (parent) {
    story.parent = parent;
    const parentSummary = one('parentSummary');
    const parentType = one('parentType');
    if (parentSummary) story.parentSummary = parentSummary;
    if (parentType) story.parentType = parentType;
  }

  const status = one('status');
  if (status) story.status = status;

  if (columns.links.length) {
    // "Inward issue link (Blocks)" = X on this row: Jira shows "this issue is blocked by X" — an inward link.
    const links: StoryLink[] = [];
    for (const { index, type, direction } of columns.links) {
      for (const key of (fields[index] ?? '').split(/[\s,;]+/)) if (key) links.push({ type, direction, key });
    }
    story.links = links;
  }
  return story;
}
