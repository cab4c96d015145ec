/**
 * Acceptance criteria items, in text order:
 * - every item (list item or line) of a section headed "Acceptance criteria" / "AC" / "Definition of done";
 *   "Acceptance criteria: a; b" on one line gives "a" and "b";
 * - Given/When/Then scenarios anywhere: "Given" plus the following When/Then/And/But lines is one item;
 * - checklist items (`[ ]`, `[x]`, ADF task items) anywhere.
 * Bullets, numbers, checkboxes and "AC1:" prefixes are trimmed; empty items are ignored.
 */
import type { Section } from '../story';
import { isAcceptanceHeading } from './labels';

const BULLET = /^(?:[-*+•‣◦▪–]|\d{1,3}[.)]|[a-z]\)|\(\d{1,3}\))[ \t]+/;
const CHECKBOX = /^(?:\[[ xX✓✔]\]|[☐☑☒✅⬜])[ \t]*/; // all BMP: no `u` flag, which is much slower
const AC_NUMBER = /^AC[ -]?\d{1,3}[ \t]*[:.)\-–][ \t]*/i;
const GIVEN = /^given\b/i;
const STEP = /^(?:when|then|and|but)\b/i;
const SCENARIO = /^scenario(?: outline)?\b/i;
const THEN = /\bthen\b/i;
/** Outside AC sections only checklists and scenarios count: skip sections that cannot have one. */
const MAY_HAVE_ITEMS = /\[[ xX✓✔]\]|[☐☑☒✅⬜]|\b(?:given|scenario)\b/i;

interface Item {
  text: string;
  listed: boolean;
  checkbox: boolean;
}

function parseItem(line: string): Item {
  let s = line;
  const bullet = BULLET.exec(s);
  if (bullet) s = s.slice(bullet[0].length);
  const box = CHECKBOX.exec(s);
  if (box) s = s.slice(box[0].length);
  const number = AC_NUMBER.exec(s);
  if (number) s = s.slice(number[0].length);
  return { text: s.trim(), listed: bullet !== null || box !== null, checkbox: box !== null };
}

/** Collects the items of one section. */
class Collector {
  private scenario: string[] = [];
  private hasGiven = false;

  /**
   * `acSection`: every item counts. `listMode`: the section has a list, so only its list items count
   * (not the sentence that introduces the list, a table below it, or "Thanks, Bob").
   */
  constructor(
    private readonly items: string[],
    private readonly acSection: boolean,
    private readonly listMode: boolean,
  ) {}

  line(item: Item | null, inlineFirst: boolean): void {
    if (item === null) return this.endScenario();
    if (item.text === '') return;
    if (this.scenario.length > 0) {
      if (STEP.test(item.text) || (GIVEN.test(item.text) && !this.hasGiven)) {
        this.scenario.push(item.text);
        this.hasGiven ||= GIVEN.test(item.text);
        return;
      }
      this.endScenario();
    }
    if (GIVEN.test(item.text) || SCENARIO.test(item.text)) {
      this.scenario.push(item.text);
      this.hasGiven = GIVEN.test(item.text);
    } else if (item.checkbox) this.add(item.text);
    else if (inlineFirst) {
      for (const part of item.text.split(';')) this.add(parseItem(part.trim()).text);
    } else if (this.acSection && (item.listed || !this.listMode)) this.add(item.text);
  }

  endScenario(): void {
    const steps = this.scenario;
    if (steps.length === 0) return;
    this.scenario = [];
    // Outside an AC section a lone "Given …" line is prose unless it reads as a whole scenario.
    const isScenario = this.hasGiven && (steps.length > 1 || THEN.test(steps[0] ?? ''));
    if (this.acSection || isScenario) this.add(steps.join(' '));
  }

  private add(text: string): void {
    if (text !== '') this.items.push(text);
  }
}

/**
 * `allCriteria`: sections without a heading count as criteria too (for a dedicated acceptance-criteria
 * field, where every line is an item).
 */
export function findAcceptanceCriteria(text: string, sections: readonly Section[], allCriteria = false): string[] {
  const items: string[] = [];
  for (const section of sections) {
    if (section.start === section.end) continue;
    const ac = isAcceptanceHeading(section.heading) || (allCriteria && section.heading === null);
    if (!ac && !MAY_HAVE_ITEMS.test(section.text)) continue;
    const inline = ac && section.start > 0 && text.charCodeAt(section.start - 1) !== 10;
    const lines = section.text.split('\n').map((line) => (line === '' ? null : parseItem(line)));
    const listMode = lines.some((item, i) => item !== null && item.listed && !(inline && i === 0));
    const collector = new Collector(items, ac, listMode);
    for (let i = 0; i < lines.length; i++) collector.line(lines[i] ?? null, inline && i === 0);
    collector.endScenario();
  }
  return items;
}
