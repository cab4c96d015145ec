/**
 * What every reader returns. Readers are pure functions over a file's text: they never throw for bad
 * content, they report it as `ReadError`s and keep going with whatever else they can read.
 */
import type { DescriptionFormat, StoryInput } from '../../core/story';

/** Something in an input file that could not be read. `line` is 1-based. */
export interface ReadError {
  file: string;
  line?: number;
  message: string;
}

/** Where a story came from, for SARIF and for error messages. */
export interface SourceLocation {
  file: string;
  /** 1-based line where the story starts, when known. */
  line?: number;
  /**
   * 0-based offset in the file's text of the first character of the summary, only when the summary is
   * verbatim file text (a .txt line). Lets SARIF turn a summary range into a file position.
   */
  summaryOffset?: number;
  /** 0-based column of that first character in its line (with `summaryOffset`). */
  summaryColumn?: number;
}

export interface ReadResult {
  stories: StoryInput[];
  errors: ReadError[];
  /** `locations[i]` is where `stories[i]` came from. */
  locations: SourceLocation[];
  /** Bytes of the file that was read (set by `readStoryFile`). */
  bytes?: number;
}

/** A reader: the text of one file (decoded, BOM still present or not) and its name as given. */
export type Reader = (text: string, file: string) => ReadResult;

export function emptyResult(): ReadResult {
  return { stories: [], errors: [], locations: [] };
}

/** The file's base name, for keys of stories that have none (`stories.txt:12`). */
export function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** 1-based line of a 0-based offset, given the sorted offsets where lines start. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Offsets where each line starts (`\n`, `\r\n` and lone `\r` all end a line). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

const HTML_TAG = /<\/?(?:p|div|br|span|a|ul|ol|li|h[1-6]|strong|em|b|i|u|code|pre|table|tr|td|th|blockquote)\b[^>]*>/i;
// Only signs that wiki markup never uses: `# item` is a wiki numbered list, so headings do not count.
const MARKDOWN = /(?:^|\n)\s{0,3}(?:[-*+]\s+\[[ xX]\]\s|```)|\*\*[^*\n]+\*\*|\[[^\]\n|]+\]\(https?:\/\/[^)\s]+\)/;

/**
 * Jira CSV exports and the v2 REST API carry descriptions as wiki markup. Say so, unless the text
 * plainly is something else (HTML, Markdown, ADF JSON): then leave the format for the engine to detect.
 */
export function guessTextFormat(text: string): DescriptionFormat | undefined {
  const t = text.trimStart();
  if (t.startsWith('{') && /"type"\s*:\s*"doc"/.test(t)) return undefined;
  if (HTML_TAG.test(text)) return undefined;
  if (MARKDOWN.test(text)) return undefined;
  return 'wiki';
}
