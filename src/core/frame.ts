/**
 * The story frame: a story sentence parsed into the parts suggestions are generated from — the
 * role, the goal (head verb lemma and its object phrase with qualifiers, or a noun-phrase goal) and
 * the benefit (subject, grammatical person, predicate). Suggestions render a frame back to text
 * (suggest/generate.ts) with agreement instead of splicing raw strings. Pure and linear.
 */
import type { Facts } from './facts';
import type { Lexicons } from './lexicons';
import { lemma } from './lemma';
import type { TemplateParse } from './story';
import { tokenize } from './tokens';

export type Person = 'first-singular' | 'first-plural' | 'second' | 'third-singular' | 'third-plural';

export interface GoalFrame {
  /** The goal as written, without a leading "to" and trailing punctuation. */
  text: string;
  /** Lemma of the head verb ("store"), or null for a noun-phrase goal ("a weekly report"). */
  verb: string | null;
  /** The head verb as written ("Store"). */
  verbText: string;
  /** Everything after the head verb (or the whole goal when it has none): the object and its qualifiers. */
  rest: string;
}

export interface BenefitFrame {
  text: string;
  /** The subject as written ("other diners", "I"), or null when the benefit has none we can read. */
  subject: string | null;
  person: Person | null;
  /** The benefit after its subject ("can see what the dish looked like"). */
  predicate: string;
}

export interface StoryFrame {
  /** The role without its article, as written ("support agent"). */
  role: string | null;
  goal: GoalFrame | null;
  benefit: BenefitFrame | null;
}

/** Adverbs that may stand before the head verb ("also see", "easily find"). */
const LEADING_ADVERB = /^(?:also|just|only|really|easily|quickly|still|first|then|then,)$/i;
const ARTICLE = /^(?:an?|the|one)\s+/i;

export function trimEnd(s: string): string {
  let end = s.length;
  while (end > 0 && /[\s.,;:!?]/.test(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** A goal phrase parsed: "to store and retrieve images" -> verb store, rest "and retrieve images". */
export function parseGoal(text: string, lex: Lexicons, infinitive = true): GoalFrame {
  const raw = trimEnd(text.trim());
  const verbPhrase = infinitive || /^to\s/i.test(raw);
  let t = raw.replace(/^(?:to\s+)?(?:be\s+able\s+to\s+)?/i, '');
  if (!verbPhrase) return { text: t, verb: null, verbText: '', rest: t };
  const tokens = tokenize(t);
  let i = 0;
  while (i < tokens.words.length - 1 && LEADING_ADVERB.test(tokens.words[i]!)) i++;
  const first = tokens.words[i];
  if (first !== undefined) {
    const base = first.split('/')[0]!;
    const l = lemma(base);
    // After "to" the head is a verb even when the lexicon does not know it ("pre-fill", "geotag").
    const isVerb = true;
    if (isVerb && i === 0) {
      const end = tokens.ends[0]!;
      return { text: t, verb: verbLemma(base, l, lex), verbText: t.slice(0, end), rest: t.slice(end).trim() };
    }
    if (isVerb) {
      t = t.slice(tokens.starts[i]!);
      const end = tokens.ends[i]! - tokens.starts[i]!;
      return { text: t, verb: verbLemma(base, l, lex), verbText: t.slice(0, end), rest: t.slice(end).trim() };
    }
  }
  return { text: t, verb: null, verbText: '', rest: t };
}

function verbLemma(word: string, l: string, lex: Lexicons): string {
  if (lex.verbs.has(word)) return word;
  return lex.verbs.has(l) ? l : word;
}

const FIRST_SINGULAR = new Set(['i', 'me']);
const FIRST_PLURAL = new Set(['we', 'us']);
const THIRD_SINGULAR_PRONOUNS = new Set(['he', 'she', 'it', 'someone', 'somebody', 'everyone', 'everybody', 'nobody', 'anyone', 'anybody', 'each', 'no one', 'this', 'that']);
const PLURAL_WORDS = new Set(['people', 'staff', 'they', 'children', 'men', 'women', 'police', 'others', 'folks']);

/** The person of a subject: "I" first singular, "users" third plural, "the fleet manager" third singular. */
export function personOf(subject: string): Person {
  const words = tokenize(subject).words;
  const head = words[words.length - 1] ?? '';
  if (words.length === 1 && FIRST_SINGULAR.has(head)) return 'first-singular';
  if (words.length === 1 && FIRST_PLURAL.has(head)) return 'first-plural';
  if (head === 'you') return 'second';
  if (THIRD_SINGULAR_PRONOUNS.has(words.join(' ')) || THIRD_SINGULAR_PRONOUNS.has(head)) return 'third-singular';
  if (PLURAL_WORDS.has(head) || words.includes('and')) return 'third-plural';
  if (/(?:[^s]s|ies|ses|xes|ches|shes)$/.test(head) && !/(?:ss|us|is)$/.test(head)) return 'third-plural';
  return 'third-singular';
}

/** The benefit's subject as written: the first `n` words of the benefit, n from the facts. */
function subjectText(text: string, subjectWords: number): string | null {
  const t = tokenize(text);
  if (subjectWords <= 0 || subjectWords > t.words.length) return null;
  return text.slice(0, t.ends[subjectWords - 1]!);
}

export function parseBenefit(text: string, subjectLower: string | null): BenefitFrame {
  const clean = trimEnd(text.trim());
  const n = subjectLower ? tokenize(subjectLower).words.length : 0;
  const subject = subjectLower ? subjectText(clean, n) : null;
  if (!subject) return { text: clean, subject: null, person: null, predicate: clean };
  return { text: clean, subject, person: personOf(subject), predicate: clean.slice(subject.length).trim() };
}

export function roleOf(template: TemplateParse): string | null {
  const role = template.role?.text;
  return role ? trimEnd(role.replace(ARTICLE, '')) : null;
}

/** "I want to …", "I can …", "I need to …": the goal is a verb phrase; "I want a report": a noun phrase. */
export function goalIsVerbPhrase(template: TemplateParse): boolean {
  const indicator = template.goalIndicator?.text.toLowerCase().trim() ?? '';
  if (!indicator) return true;
  return /\bto$/.test(indicator) || /\b(?:can|could|should|must|shall|will|wanna)$/.test(indicator);
}

export function parseFrame(template: TemplateParse, facts: Facts, lex: Lexicons): StoryFrame {
  return {
    role: roleOf(template),
    goal: template.goal ? parseGoal(template.goal.text, lex, goalIsVerbPhrase(template)) : null,
    benefit: template.benefit ? parseBenefit(template.benefit.text, facts.benefitSubject) : null,
  };
}
