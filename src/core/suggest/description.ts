/**
 * The structure of a story's description, as splitting reads it: lists (bulleted or numbered) with
 * the heading or lead line that introduces them ("## Fee rules", "Needed on:", "Then:"), and the
 * cues in its prose — an explicit unknown ("never integrated", "could not estimate"), a performance
 * target ("under 200 ms", "60 fps"), a simplest case ("Start with exact email match"). Linear in the
 * description's length: one pass over its lines.
 */
import type { Story } from '../story';

export interface ListBlock {
  /** The section heading above the list, if any. */
  heading: string | null;
  /** The line that introduces the list ("Needed on:"), or null. */
  lead: string | null;
  /** Item texts without their markers and markup. */
  items: string[];
  ordered: boolean;
}

export interface DescriptionStructure {
  lists: ListBlock[];
  /** The sentence stating an unknown, or null. */
  unknown: string | null;
  /** The sentence stating a measured target, and the target phrase in it. */
  target: { sentence: string; phrase: string } | null;
  /** The simplest case the description starts with ("exact email match"), or null. */
  simplest: string | null;
}

const ITEM = /^\s*(?:[-*•+]|(\d{1,2})[.)])\s+(.*)$/;
const UNKNOWN =
  /\b(?:never (?:integrated|handled|shipped|worked|built|used|done)|nobody (?:knows|on the team)|no one knows|(?:could|couldn't|could not|can't|cannot) (?:estimate|tell)|unknowns?\s*:|unknown (?:whether|if|how|which|what)|not sure (?:whether|if|how)|no idea (?:whether|if|how))/i;
const QUESTION = /\b(?:unknowns?\s*:|unknown (?:whether|if|how|which|what))/i;
const TARGET =
  /\b(?:(?:in |within |under |below |less than |at least |at most |)(?:under |)[\d][\d,.]*\s*(?:ms|milliseconds?|s|sec|seconds?|minutes?|fps|mb|gb|items per second|requests per second|rps)\b|\d+(?:st|nd|rd|th) percentile|\d[\d,.]*\s*(?:million|thousand)\b)/i;
const TARGET_CUE = /\b(?:target|must (?:finish|return|load|respond|complete)|should (?:return|load|respond|finish)|performance|fps|percentile|latency|p9\d)\b/i;
const SIMPLEST = /^(?:start with|simple case first|basic [\w-]+ first|begin with|first,?)\s*:?\s*(.+?)\.?$/i;

/** Markdown emphasis and code marks out; runs of blanks collapsed. */
export function plainItem(s: string): string {
  return s
    .replace(/\*\*|__|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z*])/)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function descriptionStructure(story: Story): DescriptionStructure {
  const lists: ListBlock[] = [];
  let unknown: string | null = null;
  let target: DescriptionStructure['target'] = null;
  let simplest: string | null = null;
  for (const section of story.sections) {
    let lead: string | null = null;
    let current: ListBlock | null = null;
    for (const line of section.text.split('\n')) {
      const m = ITEM.exec(line);
      if (m) {
        if (!current) {
          current = { heading: section.heading, lead, items: [], ordered: m[1] !== undefined };
          lists.push(current);
        }
        current.items.push(plainItem(m[2]!));
        continue;
      }
      if (!line.trim()) continue;
      current = null;
      lead = plainItem(line);
      for (const s of sentences(lead)) {
        // An unknown stated as a question ("Unknown whether the canvas can …") beats "we have never …".
        if (UNKNOWN.test(s) && (!unknown || (QUESTION.test(s) && !QUESTION.test(unknown)))) unknown = s;
        const t = TARGET.exec(s);
        if (!target && t && (TARGET_CUE.test(s) || /\b(?:under|within|less than|at least)\b/i.test(t[0]))) target = { sentence: s, phrase: t[0].trim() };
        const simple = SIMPLEST.exec(s);
        if (!simplest && simple) simplest = simple[1]!.replace(/[()]/g, '').trim();
      }
    }
  }
  return { lists: lists.filter((l) => l.items.length >= 2), unknown, target, simplest };
}
