/**
 * Splits the plain text at headings. A heading is a line a converter marked as one (h3., <h2>, ##, ADF
 * heading) or a line that is only a label ("Acceptance criteria:", "Notes"). "AC: a; b" opens a section
 * whose body starts after the colon. Each section's `[start, end)` is its body (heading line excluded),
 * trimmed of blank lines, and `text === fullText.slice(start, end)`.
 */
import type { Section } from '../story';
import type { LineInfo } from './builder';
import { inlineLabel, isLabelLine, trimLabel } from './labels';

interface Heading {
  name: string;
  /** Where the body starts: the end of the line, or after the colon of an inline label. */
  bodyStart: number;
}

function headingOf(text: string, line: LineInfo): Heading | null {
  const content = text.slice(line.start, line.end);
  if (line.heading || isLabelLine(content)) return { name: trimLabel(content), bodyStart: line.end };
  const inline = inlineLabel(content);
  return inline ? { name: inline.label, bodyStart: line.start + inline.contentStart } : null;
}

export function findSections(text: string, lines: readonly LineInfo[]): Section[] {
  const sections: Section[] = [];
  let heading: string | null = null;
  let anchor = 0;
  let first = -1;
  let last = -1;
  const close = (): void => {
    if (heading === null && first < 0) return; // nothing before the first heading
    const start = first < 0 ? anchor : first;
    const end = first < 0 ? anchor : last;
    sections.push({ heading, text: text.slice(start, end), start, end });
  };
  for (const line of lines) {
    if (line.start === line.end) continue;
    const h = headingOf(text, line);
    if (h) {
      close();
      heading = h.name;
      anchor = line.end;
      first = h.bodyStart < line.end ? h.bodyStart : -1;
      last = line.end;
    } else {
      if (first < 0) first = line.start;
      last = line.end;
    }
  }
  close();
  return sections;
}
