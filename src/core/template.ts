/**
 * The user-story template parser: finds the story sentence and its role, goal and benefit with
 * character ranges. Handles "As a/an/the …", "I want/need/would like/can/am able to …",
 * "so that / in order to / so …", benefit-first ("In order to …, as a …, I want …"),
 * job stories ("When …, I want to …, so I can …"), missing commas, odd casing and spacing.
 *
 * All regexes are anchored or bounded by a line, so parsing is linear in the text scanned.
 */
import type { Field, Span, TemplateParse } from './story';
import { findPurpose } from './purpose';

/** How far into a description we look for a story sentence. */
const DESCRIPTION_SCAN_LIMIT = 4000;
/** A story sentence longer than this is not a sentence we can parse; we look at its start only. */
const LINE_LIMIT = 2000;

const ARTICLE = /^(?:an?|the|one)\s+/i;

/** "As a", "As an", "As the", "As" — at the start of a line, optionally after a label or bullet. */
const ROLE_AT_START =
  /^[\s>*#•·\-–—]*(?:(?:user\s+)?story\s*[:\-–]\s*)?(as)(?:\s+|(?=[A-Z]))(?!(?:described|discussed|mentioned|shown|seen|noted|per|part|of|well|soon|long|far|much|many|such|if|though|expected|requested|agreed|defined|specified|stated|explained|above|below|follows|a\s+result|an\s+example|a\s+workaround|an\s+alternative)\b)(?:(an?|the|one)\s+)?/i;

/** The goal indicator: "I want (to) (be able to)", "I'd like to", "I need", "I can", "we want" … */
const GOAL_INDICATOR =
  /(?:^|[\s,;:(])((?:I|we)\s*(?:(?:really|also|only|just|would|'d|’d|should|must|will|do|does|don't|don’t|dont|not|never)\s+){0,2}(?:want(?:s|ed)?|wanna|need|wish|like|love|can|could|should|must|shall|will|am\s+able|'m\s+able|’m\s+able|are\s+able|be\s+able|expect|require|prefer|have\s+to|hope|would\s+like|'d\s+like|’d\s+like)(?:\s+(?:to|that))?(?:\s+be\s+able\s+to)?)(?=\s|$|[,.])/i;

/** "As a researcher, would like the ability …": the goal indicator without its "I", right after the role. */
const SUBJECTLESS_GOAL = /^[^,;:]{1,80}?,\s*((?:would\s+like|'d\s+like|want|need|wish)(?:\s+to)?(?:\s+be\s+able\s+to)?)(?=\s)/i;

/** "I want" with no role: the sentence starts with the goal. */
const GOAL_AT_START =
  /^[\s>*#•·\-–—]*((?:I|we)\s*(?:(?:really|also|would|'d|’d)\s+)?(?:want|need|wish|would\s+like|'d\s+like|’d\s+like|can|should\s+be\s+able\s+to|am\s+able\s+to)(?:\s+to)?(?:\s+be\s+able\s+to)?)\s/i;

const BENEFIT_FIRST = /^[\s>*#•·\-–—]*(in\s+order\s+(?:to|that)|so\s+that)\s+/i;
const JOB_STORY = /^[\s>*#•·\-–—]*(when)\s+/i;

/**
 * Benefit indicators. "so" alone counts only when a subject follows ("so I can", "so users see"),
 * "to ensure"/"because" only after a comma, so "I want to ensure …" stays a goal.
 * Linear: the separator before the indicator is a one-character lookbehind, and the look back for
 * a comma runs only where one of those words starts (a separator written as `(?:,\s*|\s+|^)` and
 * a look back from every blank made a run of blanks cost cubic time: 18 s for 2,000 spaces).
 */
const BENEFIT_INDICATOR =
  /(?<=^|[\s,])(so\s+that(?:\s+(?:so\s+that|that|so)(?=\s))?|in\s+order\s+(?:to|that)|so\s+as\s+to|such\s+that|so(?:\s+that)?(?=\s+(?:I|we|you|they|he|she|it|my|our|their|his|her|the|a|an|users?|people|others|everyone|customers?|visitors?|members?|staff|nobody|no\s+one)\b)|so(?=\s+(?:[\w'’-]+\s+){1,3}?(?:can|could|will|would|may|might|should|must|are|is|do|does|don't|doesn't|won't|can't|get|gets|have|has|know|knows)\b)|(?=[tbaw])(?<=,\s*)(?:to\s+ensure(?:\s+that)?|because|as\s+this\s+will|which\s+(?:will\s+)?(?:allows?|helps?|lets?|enables?)))(?=\s|$)/i;

/** Sentence end: ".", "!" or "?" followed by space and an upper-case letter, or a newline. */
const ABBREVIATIONS = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|esp|cf|ca|mr|mrs|ms|dr|st|no|fig)|\b[A-Za-z])$/i;
const SENTENCE_START = /["“(]?[A-Z0-9]/y;
const END_MARK = /[.!?]/g;

function span(text: string, start: number, end: number): Span | null {
  // Trim whitespace and edge punctuation that is not part of the phrase.
  while (start < end && /[\s,;:]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s,;:.!?]/.test(text[end - 1] ?? '')) end--;
  if (end <= start) return null;
  return { text: text.slice(start, end), range: [start, end] };
}

function isEndMark(code: number): boolean {
  return code === 46 /* . */ || code === 33 /* ! */ || code === 63; /* ? */
}

/**
 * End of the sentence that starts at `from`, bounded by the line: after a run of "." "!" "?" that is
 * followed by whitespace and a capital, a digit or an opening quote, unless it ends an abbreviation.
 * Each character of `[from, lineEnd)` is looked at a bounded number of times (a regex searched from
 * every dot of a long run of dots backtracked quadratically, and ran past the line).
 */
function sentenceEnd(text: string, from: number, lineEnd: number): number {
  // Offsets below are in `line` (a slice: the scan cannot run past the line).
  const line = text.slice(from, lineEnd);
  const n = line.length;
  let i = 0;
  while (i < n) {
    // Jump to the next end mark (one character class: no backtracking).
    END_MARK.lastIndex = i;
    const mark = END_MARK.exec(line);
    if (!mark) return lineEnd;
    i = mark.index;
    const runStart = i;
    while (i < n && isEndMark(line.charCodeAt(i))) i++;
    let j = i;
    while (j < n && /\s/.test(line[j]!)) j++;
    // Whitespace up to the end of the line: the sentence ends with the line either way.
    if (j >= n) return lineEnd;
    if (j === i) continue;
    SENTENCE_START.lastIndex = j;
    if (!SENTENCE_START.test(line)) continue;
    if (!ABBREVIATIONS.test(line.slice(Math.max(0, runStart - 8), runStart))) return from + i;
  }
  return lineEnd;
}

/**
 * Runs `re` on `text[from, to)` and returns the absolute span of its first group (the indicator
 * phrase without the separators around it), or null.
 */
function findGroup(re: RegExp, text: string, from: number, to: number): Span | null {
  const m = re.exec(text.slice(from, to));
  if (!m || m[1] === undefined) return null;
  const start = from + m.index + m[0].indexOf(m[1]);
  return { text: m[1], range: [start, start + m[1].length] };
}

function lineEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl === -1 ? text.length : nl;
  return Math.min(end, from + LINE_LIMIT);
}

/** A parse that found nothing in `field`: no sentence, no parts. */
export function emptyParse(field: Field): TemplateParse {
  return {
    form: 'none',
    field,
    sentence: null,
    role: null,
    roleName: null,
    roleIndicator: null,
    goal: null,
    goalIndicator: null,
    benefit: null,
    benefitIndicator: null,
    trailing: null,
    situation: null,
  };
}

/** "Researcher, working with data" -> "Researcher"; "site member who has read …" -> "site member". */
function trimRole(text: string, role: Span | null): Span | null {
  if (!role) return null;
  const cut = /,|\s+(?:who|which|that|whose)\s/.exec(role.text);
  return cut && cut.index > 0 ? span(text, role.range[0], role.range[0] + cut.index) : role;
}

function roleName(role: Span | null): string | null {
  if (!role) return null;
  const name = role.text.replace(ARTICLE, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return name || null;
}

/** The clause an indicator ending at `from` opens (up to the sentence end) and what the line holds after it. */
function clauseAfter(text: string, from: number, lineEnd: number): { clause: Span | null; trailing: Span | null } {
  const end = sentenceEnd(text, from, lineEnd);
  return { clause: span(text, from, end), trailing: span(text, end, lineEnd) };
}

/**
 * Nothing but blanks and punctuation between the goal indicator and a benefit indicator that cannot
 * start a goal ("I want, so that …", "I want so that …"): the goal is empty. "so" alone may ("I want so
 * many …"), so it counts only after a comma.
 */
function emptyGoalBefore(text: string, goalStart: number, indicator: Span): boolean {
  const gap = text.slice(goalStart, indicator.range[0]);
  if (!/^[\s,;:.!?—–-]*$/.test(gap)) return false;
  return /^(?:so\s+that|in\s+order|so\s+as|such\s+that)/i.test(indicator.text) || gap.includes(',');
}

/**
 * A "so that" (or "so") right before what looked like the goal indicator ("As a user, so that I can
 * sleep"): the indicator is the benefit's subject and modal, and the benefit follows the role directly.
 */
function benefitOpening(text: string, roleStart: number, goalIndicator: Span, lineEnd: number): Span | null {
  const benefit = findGroup(BENEFIT_INDICATOR, text, roleStart, lineEnd);
  if (!benefit || benefit.range[0] >= goalIndicator.range[0] || !/^so\b/i.test(benefit.text)) return null;
  return text.slice(benefit.range[1], goalIndicator.range[0]).trim() ? null : benefit;
}

/** Finds the benefit indicator in `[from, to)` and fills goal/benefit/trailing. */
function splitGoalAndBenefit(
  text: string,
  parse: TemplateParse,
  goalStart: number,
  sentenceStop: number,
  lineEnd: number,
): void {
  const indicator = findGroup(BENEFIT_INDICATOR, text, goalStart, lineEnd);
  // The benefit indicator must come after at least one word of goal.
  if (indicator && span(text, goalStart, indicator.range[0])) {
    const [indStart, indEnd] = indicator.range;
    parse.goal = span(text, goalStart, indStart);
    parse.benefitIndicator = indicator;
    ({ clause: parse.benefit, trailing: parse.trailing } = clauseAfter(text, indEnd, lineEnd));
  } else if (indicator && emptyGoalBefore(text, goalStart, indicator)) {
    // "I want, so that my deposit is returned": the goal was left out; the rest is still the benefit.
    parse.benefitIndicator = indicator;
    ({ clause: parse.benefit, trailing: parse.trailing } = clauseAfter(text, indicator.range[1], lineEnd));
  } else {
    // "… to locate needed files", "… for ease of browsing", "… because I travel": a purpose clause is the benefit.
    const goalIsInfinitive = /\bto$/i.test(parse.goalIndicator?.text ?? '');
    const purpose = findPurpose(text, goalStart, sentenceStop, goalIsInfinitive);
    if (purpose) {
      parse.goal = span(text, goalStart, purpose.range[0]);
      parse.benefitIndicator = purpose;
      parse.benefit = span(text, purpose.range[1], sentenceStop);
    } else parse.goal = span(text, goalStart, sentenceStop);
    parse.trailing = span(text, sentenceStop, lineEnd);
  }
}

function parseRoleFirst(text: string, lineStart: number, m: RegExpExecArray, field: Field): TemplateParse {
  const parse = emptyParse(field);
  parse.form = 'role-goal-benefit';
  const lineEnd = lineEndAt(text, lineStart);
  const asStart = lineStart + m[0].toLowerCase().lastIndexOf('as', m[0].length - (m[2]?.length ?? 0) - 1);
  const roleStart = lineStart + m[0].length;
  parse.roleIndicator = span(text, asStart, roleStart);
  const rest = text.slice(roleStart, lineEnd);
  const withSubject = findGroup(GOAL_INDICATOR, text, roleStart, lineEnd);
  const subjectless = findGroup(SUBJECTLESS_GOAL, text, roleStart, lineEnd);
  const goalIndicator = subjectless && (!withSubject || subjectless.range[0] < withSubject.range[0]) ? subjectless : withSubject;
  const benefitAhead = goalIndicator ? benefitOpening(text, roleStart, goalIndicator, lineEnd) : null;
  const goalAfterBenefit = benefitAhead && goalIndicator ? findGroup(GOAL_INDICATOR, text, goalIndicator.range[1], lineEnd) : null;
  if (benefitAhead && goalAfterBenefit) {
    // "As a systems developer, so that I can minimize downtime, I want to …": the benefit comes first.
    parse.role = trimRole(text, span(text, roleStart, benefitAhead.range[0]));
    parse.benefitIndicator = benefitAhead;
    parse.benefit = span(text, benefitAhead.range[1], goalAfterBenefit.range[0]);
    parse.goalIndicator = goalAfterBenefit;
    ({ clause: parse.goal, trailing: parse.trailing } = clauseAfter(text, goalAfterBenefit.range[1], lineEnd));
  } else if (benefitAhead) {
    // "As a user, so that I can sleep better": "I can" is the benefit's subject; no goal was written.
    parse.role = trimRole(text, span(text, roleStart, benefitAhead.range[0]));
    parse.benefitIndicator = benefitAhead;
    ({ clause: parse.benefit, trailing: parse.trailing } = clauseAfter(text, benefitAhead.range[1], lineEnd));
  } else if (goalIndicator) {
    const [indStart, indEnd] = goalIndicator.range;
    parse.role = trimRole(text, span(text, roleStart, indStart));
    parse.goalIndicator = goalIndicator;
    const stop = sentenceEnd(text, indEnd, lineEnd);
    splitGoalAndBenefit(text, parse, indEnd, stop, lineEnd);
  } else {
    // No "I want": the role runs to the first comma; what follows is not a recognizable goal.
    const comma = rest.search(/[,;:]/);
    const roleEnd = comma >= 0 && comma <= 80 ? roleStart + comma : -1;
    if (roleEnd >= 0) {
      parse.role = span(text, roleStart, roleEnd);
      const stop = sentenceEnd(text, roleEnd + 1, lineEnd);
      const benefitIndicator = findGroup(BENEFIT_INDICATOR, text, roleEnd + 1, lineEnd);
      if (benefitIndicator) {
        parse.benefitIndicator = benefitIndicator;
        parse.benefit = clauseAfter(text, benefitIndicator.range[1], lineEnd).clause;
      }
      parse.trailing = span(text, stop, lineEnd);
    } else {
      // "As a user I should see …" without an indicator we know: take the first word group as role.
      const words = /^\s*((?:[\w'’-]+\s+){0,2}?[\w'’-]+)(?=\s+(?:should|must|can|will|needs?|wants?|has|is|gets?)\b)/i.exec(rest);
      if (words && words[1]) parse.role = span(text, roleStart, roleStart + words[1].length);
    }
  }
  parse.roleName = roleName(parse.role);
  parse.sentence = span(text, lineStart, lineEnd);
  return parse;
}

function parseBenefitFirst(text: string, lineStart: number, m: RegExpExecArray, field: Field): TemplateParse | null {
  const lineEnd = lineEndAt(text, lineStart);
  const line = text.slice(lineStart, lineEnd);
  const role = /,\s*(as)\s+(?:(?:an?|the|one)\s+)?/i.exec(line);
  if (!role || role.index < m[0].length) return null;
  const parse = emptyParse(field);
  parse.form = 'benefit-first';
  const indStart = lineStart + m[0].length - (m[0].length - m[0].search(/\S/)) + m[0].search(/\S/);
  parse.benefitIndicator = span(text, lineStart + m[0].search(/\S/), lineStart + m[0].length);
  parse.benefit = span(text, indStart + (m[1]?.length ?? 0), lineStart + role.index);
  const roleStart = lineStart + role.index + role[0].length;
  parse.roleIndicator = span(text, lineStart + role.index + role[0].indexOf(role[1] ?? 'as'), roleStart);
  const goalIndicator = findGroup(GOAL_INDICATOR, text, roleStart, lineEnd);
  if (goalIndicator) {
    const [gStart, gEnd] = goalIndicator.range;
    parse.role = span(text, roleStart, gStart);
    parse.goalIndicator = goalIndicator;
    ({ clause: parse.goal, trailing: parse.trailing } = clauseAfter(text, gEnd, lineEnd));
  } else {
    const comma = text.slice(roleStart, lineEnd).search(/,/);
    parse.role = span(text, roleStart, comma >= 0 ? roleStart + comma : lineEnd);
  }
  parse.roleName = roleName(parse.role);
  parse.sentence = span(text, lineStart, lineEnd);
  return parse;
}

function parseJobStory(text: string, lineStart: number, m: RegExpExecArray, field: Field): TemplateParse | null {
  const lineEnd = lineEndAt(text, lineStart);
  const situationStart = lineStart + m[0].length;
  const rest = text.slice(situationStart, lineEnd);
  const g = /,\s*((?:I|we)\s+(?:want|need|would\s+like|'d\s+like)(?:\s+to)?)\s/i.exec(rest);
  if (!g || !g[1]) return null;
  const parse = emptyParse(field);
  parse.form = 'job-story';
  const gStart = situationStart + g.index + g[0].indexOf(g[1]);
  const gEnd = gStart + g[1].length;
  parse.roleIndicator = span(text, lineStart + m[0].search(/\S/), situationStart);
  parse.situation = span(text, situationStart, gStart);
  parse.goalIndicator = { text: text.slice(gStart, gEnd), range: [gStart, gEnd] };
  const stop = sentenceEnd(text, gEnd, lineEnd);
  splitGoalAndBenefit(text, parse, gEnd, stop, lineEnd);
  parse.sentence = span(text, lineStart, lineEnd);
  return parse;
}

function parseGoalOnly(text: string, lineStart: number, m: RegExpExecArray, field: Field): TemplateParse {
  const parse = emptyParse(field);
  parse.form = 'i-want';
  const lineEnd = lineEndAt(text, lineStart);
  const indStart = lineStart + m[0].indexOf(m[1] ?? '');
  const indEnd = indStart + (m[1]?.length ?? 0);
  parse.goalIndicator = { text: text.slice(indStart, indEnd), range: [indStart, indEnd] };
  const stop = sentenceEnd(text, indEnd, lineEnd);
  splitGoalAndBenefit(text, parse, indEnd, stop, lineEnd);
  parse.sentence = span(text, lineStart, lineEnd);
  return parse;
}

/**
 * A story sentence on a line longer than LINE_LIMIT was parsed on the line's start only: say so, so
 * that a part not found there counts as unknown rather than missing.
 */
function markCut(text: string, lineStart: number, parse: TemplateParse | null): TemplateParse | null {
  if (!parse || text.length - lineStart <= LINE_LIMIT) return parse;
  const nl = text.indexOf('\n', lineStart);
  const total = (nl === -1 ? text.length : nl) - lineStart;
  if (total > LINE_LIMIT) parse.cut = { analyzed: LINE_LIMIT, total };
  return parse;
}

/** Tries every template form on the line starting at `lineStart`. */
function parseLine(text: string, lineStart: number, field: Field): TemplateParse | null {
  return markCut(text, lineStart, parseLineForms(text, lineStart, field));
}

function parseLineForms(text: string, lineStart: number, field: Field): TemplateParse | null {
  const line = text.slice(lineStart, lineEndAt(text, lineStart));
  let m = ROLE_AT_START.exec(line);
  if (m) return parseRoleFirst(text, lineStart, m, field);
  m = BENEFIT_FIRST.exec(line);
  if (m) {
    const p = parseBenefitFirst(text, lineStart, m, field);
    if (p) return p;
  }
  m = JOB_STORY.exec(line);
  if (m) {
    const p = parseJobStory(text, lineStart, m, field);
    if (p) return p;
  }
  m = GOAL_AT_START.exec(line);
  if (m) return parseGoalOnly(text, lineStart, m, field);
  return null;
}

/** Parses the first story sentence found at the start of a line of `text`. */
export function parseTemplateIn(text: string, field: Field, scanLimit = DESCRIPTION_SCAN_LIMIT): TemplateParse | null {
  let lineStart = 0;
  const limit = Math.min(text.length, scanLimit);
  while (lineStart <= limit) {
    const p = parseLine(text, lineStart, field);
    if (p) return p;
    const nl = text.indexOf('\n', lineStart);
    if (nl === -1 || nl >= limit) break;
    lineStart = nl + 1;
  }
  return null;
}

/** "Ledger simple provenance: I want to see …", "[Ledger] As a consumer …": a short topic, then the story sentence. */
const TOPIC_PREFIX = /^(?:\[[^\]\n]{1,40}\]\s*)+|^([^:\n]{1,60}?):\s+/;
const TOPIC_WORDS = 6;

/** The story sentence after a topic prefix of the summary, or null. */
function parseAfterTopic(summary: string): TemplateParse | null {
  const m = TOPIC_PREFIX.exec(summary);
  if (!m || (m[1] !== undefined && m[1].trim().split(/\s+/).length > TOPIC_WORDS)) return null;
  return parseLine(summary, m[0].length, 'summary');
}

/**
 * The story's template: the summary if it holds a story sentence, else the first story sentence
 * in the description; a parse with `form: 'none'` (pointing at the summary) when neither has one.
 */
export function parseTemplate(summary: string, description = ''): TemplateParse {
  const inSummary = parseTemplateIn(summary, 'summary', LINE_LIMIT) ?? parseAfterTopic(summary);
  if (inSummary && inSummary.form !== 'i-want') return inSummary;
  const inDescription = description ? parseTemplateIn(description, 'description') : null;
  if (inDescription && (inDescription.form !== 'i-want' || !inSummary)) return inDescription;
  if (inSummary) return inSummary;
  const none = emptyParse('summary');
  none.sentence = span(summary, 0, Math.min(summary.length, LINE_LIMIT));
  return none;
}
