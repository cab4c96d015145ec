/**
 * Collects converted lines into the final plain text, normalizing whitespace on the way:
 * runs of spaces/tabs/NBSP become one space, lines are trimmed, at most one blank line in a row,
 * no blank line at either end. Records where each line sits in the returned text.
 */

/** One line of the returned text: `[start, end)` offsets; `heading` when a converter marked it as a heading. */
export interface LineInfo {
  start: number;
  end: number;
  heading: boolean;
}

export interface Built {
  text: string;
  lines: LineInfo[];
}

const BREAK = /\r\n?|\n/;
/** Only what needs changing: a run of 2+ blanks, or a single blank that is not a plain space. */
const BLANKS = /[ \t\f\v\u00a0]{2,}|[\t\f\v\u00a0]/g;
const NEEDS_CLEANING = /[\t\f\v\u00a0]| {2}/;

/** Collapses blanks and trims one line (no line breaks inside). */
export function cleanLine(raw: string): string {
  let s = raw;
  if (NEEDS_CLEANING.test(s)) s = s.replace(BLANKS, ' ');
  // Edges lose every kind of whitespace JavaScript knows (ideographic, ogham, line separators …).
  return s.trim();
}

export class LineBuilder {
  private readonly parts: string[] = [];
  private readonly lines: LineInfo[] = [];
  private pos = 0;
  private blankPending = false;

  /**
   * Adds text as one line, or several if it contains line breaks. A line that is empty after cleaning
   * is dropped when it is all there is (markup that left nothing, such as a `{quote}` tag), and is a
   * blank line when it sits between other lines of the same text.
   */
  add(raw: string, heading = false): void {
    if (raw.indexOf('\n') < 0 && raw.indexOf('\r') < 0) {
      const text = cleanLine(raw);
      if (text !== '') this.addLine(text, heading);
      return;
    }
    for (const line of raw.indexOf('\r') < 0 ? raw.split('\n') : raw.split(BREAK)) this.addLine(cleanLine(line), heading);
  }

  /** Requests a blank line before the next non-empty line (ignored at the start). */
  blank(): void {
    if (this.parts.length > 0) this.blankPending = true;
  }

  finish(): Built {
    return { text: this.parts.join('\n'), lines: this.lines };
  }

  private addLine(text: string, heading: boolean): void {
    if (text === '') {
      this.blank();
      return;
    }
    if (this.parts.length > 0) {
      this.pos += 1;
      if (this.blankPending) {
        this.parts.push('');
        this.lines.push({ start: this.pos, end: this.pos, heading: false });
        this.pos += 1;
      }
    }
    this.blankPending = false;
    this.parts.push(text);
    this.lines.push({ start: this.pos, end: this.pos + text.length, heading });
    this.pos += text.length;
  }
}
