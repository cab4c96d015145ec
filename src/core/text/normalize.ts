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
}

const CARRIAGE_RETURNS = /\r\n?/g;

function convert(input: unknown, format: DescriptionFormat | undefined): Built {
  const out = new LineBuilder();
  try {
    const { format: resolved, value } = resolve(input, format);
    if (resolved === 'adf') adfToLines(value, out);
    else if (typeof value === 'string') {
      const src = value.indexOf('\r') >= 0 ? value.replace(CARRIAGE_RETURNS, '\n') : value;
      if (resolved === 'wiki') wikiToLines(src, out);
      else if (resolved === 'html') htmlToLines(src, out);
      else if (resolved === 'markdown') markdownToLines(src, out);
      else out.add(src);
    }
  } catch {
    // Defensive only: keep whatever was converted before the failure.
  }
  return out.finish();
}

function analyse(input: unknown, format: DescriptionFormat | undefined, allCriteria: boolean): NormalizedText {
  const { text, lines } = convert(input, format);
  try {
    const sections = findSections(text, lines);
    return { text, sections, acceptanceCriteria: findAcceptanceCriteria(text, sections, allCriteria) };
  } catch {
    return { text, sections: text === '' ? [] : [{ heading: null, text, start: 0, end: text.length }], acceptanceCriteria: [] };
  }
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
