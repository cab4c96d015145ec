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
  /** Characters of text the builder was given but did not keep (past its limit); 0 when all fit. */
  dropped: number;
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export class LineBuilder {
  private readonly parts: string[] = [];
  private readonly lines: LineInfo[] = [];
  private pos = 0;
  private blankPending = false;
  private dropped = 0;

  /** `limit`: the most characters of text kept; the rest is only counted (`dropped`). */
  constructor(private readonly limit = Infinity) {}

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
    return { text: this.parts.join('\n'), lines: this.lines, dropped: this.dropped };
  }

  private addLine(full: string, heading: boolean): void {
    if (full === '') {
      this.blank();
      return;
    }
    // Past the limit, text is counted, not kept; the line that crosses it is cut.
    const room = this.limit - this.pos - (this.parts.length > 0 ? 1 + (this.blankPending ? 1 : 0) : 0);
    if (this.dropped > 0 || room <= 0) {
      this.dropped += full.length + (this.parts.length > 0 ? 1 : 0); // with its line break
      return;
    }
    let text = full.length > room ? full.slice(0, room) : full;
    // Never keep half of a surrogate pair.
    if (text.length < full.length && isHighSurrogate(text.charCodeAt(text.length - 1))) text = text.slice(0, -1);
    if (text.length < full.length) this.dropped += full.length - text.length;
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
