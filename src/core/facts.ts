/**
 * Facts derived once per story and shared by rules and suggestions: the goal's actions (verbs joined
 * by conjunctions), the benefit's subject, domain words. Keeps every rule a small pure function.
 */
import type { Lexicons } from './lexicons';
import type { Span, TemplateParse } from './story';
import { tokenize, type Tokens } from './tokens';
import { goalActions, type GoalAction } from './goal-actions';

export type { GoalAction } from './goal-actions';

export interface Facts {
  /** Text of the field the story sentence was found in. */
  fieldText: string;
  goalTokens: Tokens;
  benefitTokens: Tokens;
  actions: GoalAction[];
  /** True when two actions are joined by "then"/"after that" (a workflow, not a list). */
  sequential: boolean;
  /** Words of the benefit's subject ("users", "other reviewers", "I"), or null. */
  benefitSubject: string | null;
  /** Content words of the goal and benefit (lower-case, stopwords removed), for relatedness. */
  domainWords: string[];
}

function tokensOf(span: Span | null): Tokens {
  return span ? tokenize(span.text, span.range[0]) : { words: [], starts: [], ends: [] };
}

/** The subject of the benefit clause: "users can view" -> "users"; "I can" -> "i". */
function benefitSubject(t: Tokens, lex: Lexicons): string | null {
  const words: string[] = [];
  for (let i = 0; i < t.words.length && i < 5; i++) {
    const w = t.words[i]!;
    if (['can', 'could', 'will', 'would', 'may', 'might', 'should', 'must', 'are', 'is', 'get', 'gets', 'have', 'has', 'do', 'does', "don't", "doesn't", "won't", "can't"].includes(w)) {
      return words.length ? words.join(' ') : null;
    }
    // "nobody is stuck …": no one to voice; "no one" is two words.
    if (i === 0 && (lex.negativeSubjects.has(w) || (w === 'no' && t.words[1] === 'one'))) return null;
    if (i === 0 && lex.pronouns.has(w)) return w;
    // "nothing waits while someone is off sick": a clause opens before any auxiliary, so no subject was read.
    if (lex.subordinators.has(w)) return null;
    words.push(w);
  }
  return null;
}

export function deriveFacts(fieldText: string, template: TemplateParse, lex: Lexicons): Facts {
  const goalTokens = tokensOf(template.goal);
  const benefitTokens = tokensOf(template.benefit);
  const goalIsInfinitive = /\bto$/i.test(template.goalIndicator?.text ?? '');
  const { actions, sequential } = goalActions(goalTokens, template.goal?.text ?? '', lex, goalIsInfinitive);
  const seen = new Set<string>();
  const domainWords: string[] = [];
  for (const token of [...goalTokens.words, ...benefitTokens.words]) {
    for (const w of token.split('/')) {
      if (w.length < 3 || lex.stopwords.has(w) || seen.has(w)) continue;
      seen.add(w);
      domainWords.push(w);
    }
  }
  return {
    fieldText,
    goalTokens,
    benefitTokens,
    actions,
    sequential,
    benefitSubject: benefitSubject(benefitTokens, lex),
    domainWords,
  };
}
