/** Entry points: any description value → plain text, sections and acceptance criteria. Never throws. */
import type { DescriptionFormat, Section } from '../story';
import { adfToLines } from './adf';
import { type Built, LineBuilder } from './builder';
import { findAcceptanceCriteria } from './acceptance';
import { resolve } from './detect';
import { htmlToLines } from './html';
import { markdownToLines } from './markdown';
import { findSections } from './sections';
import { wikiToLines } from './wiki';

export interface NormalizedText {
  /** Plain text: markup removed, blanks collapsed, lines trimmed, at most one blank line in a row. */
  text: string;
  /** Ranges index into `text`; see `findSections`. */
  sections: Section[];
  acceptanceCriteria: string[];
  /** Set when the field was longer than the engine analyzes: `text` is its first `analyzed` characters. */
  truncated?: { analyzed: number; total: number };
}

/**
 * The most characters of plain text analyzed per field: 1 Mi, thirty times Jira's 32,767-character
 * limit for a text field, so a real issue is always read whole (in about 0.1 s at most), and a hostile
 * one costs bounded time and memory.
 */
export const MAX_TEXT_CHARS = 1 << 20;
/** A string longer than this is cut before conversion (markup rarely takes three characters in four). */
export const MAX_INPUT_CHARS = 4 * MAX_TEXT_CHARS;

const CARRIAGE_RETURNS = /\r\n?/g;

interface Converted extends Built {
  /** Length of the string as given, when it was cut before conversion. */
  inputTotal?: number;
}

function convert(input: unknown, format: DescriptionFormat | undefined): Converted {
  const out = new LineBuilder(MAX_TEXT_CHARS);
  let inputTotal: number | undefined;
  try {
    const { format: resolved, value } = resolve(input, format);
    if (resolved === 'adf') adfToLines(value, out);
    else if (typeof value === 'string') {
      let cut = value;
      if (value.length > MAX_INPUT_CHARS) {
        inputTotal = value.length;
        cut = value.slice(0, MAX_INPUT_CHARS);
      }
      const src = cut.indexOf('\r') >= 0 ? cut.replace(CARRIAGE_RETURNS, '\n') : cut;
      if (resolved === 'wiki') wikiToLines(src, out);
      else if (resolved === 'html') htmlToLines(src, out);
      else if (resolved === 'markdown') markdownToLines(src, out);
      else out.add(src);
    }
  } catch {
    // Defensive only: keep whatever was converted before the failure.
  }
  const built = out.finish();
  return inputTotal === undefined ? built : { ...built, inputTotal };
}

function analyse(input: unknown, format: DescriptionFormat | undefined, allCriteria: boolean): NormalizedText {
  const { text, lines, dropped, inputTotal } = convert(input, format);
  let out: NormalizedText;
  try {
    const sections = findSections(text, lines);
    out = { text, sections, acceptanceCriteria: findAcceptanceCriteria(text, sections, allCriteria) };
  } catch {
    out = { text, sections: text === '' ? [] : [{ heading: null, text, start: 0, end: text.length }], acceptanceCriteria: [] };
  }
  if (inputTotal !== undefined || dropped > 0) out.truncated = { analyzed: text.length, total: inputTotal ?? text.length + dropped };
  return out;
}

/** Plain text, sections and acceptance-criteria items of a description in any supported format. */
export function normalizeDescription(input: unknown, format?: DescriptionFormat): NormalizedText {
  return analyse(input, format, false);
}

/** The same conversion as `normalizeDescription`, text only. */
export function toPlainText(input: unknown, format?: DescriptionFormat): string {
  return convert(input, format).text;
}

/**
 * For a dedicated acceptance-criteria field: like `normalizeDescription`, but text outside any heading
 * counts as criteria too, so every line or list item is an item.
 */
export function normalizeAcceptanceCriteria(input: unknown, format?: DescriptionFormat): NormalizedText {
  return analyse(input, format, true);
}
