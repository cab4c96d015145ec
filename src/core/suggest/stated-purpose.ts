/**
 * What a piece of work says it is for: "Needed for the appointment reminders", "Required by the
 * checkout story", "This enables …", "For the gift voucher feature: …" (lexicon
 * statedPurposeMarkers). Read in the description's opening only, each purpose running from its
 * marker to the end of its sentence. The story graph ranks the stories that offer that purpose above
 * stories that merely share the title's words, and a purpose that names an issue key names the story.
 */
import { topicalConcepts } from '../backlog/topics';
import type { Lexicons } from '../lexicons';
import { phraseWords, tokenize } from '../tokens';
import { isIssueKey } from '../backlog/keys';

export interface StatedPurpose {
  /** The purposes as written ("Needed for the appointment reminders"), in text order. */
  texts: string[];
  /** Their topical concepts, the markers' own words left out ("appointment", "reminder"). */
  concepts: Set<string>;
  /** Issue keys the purposes name ("Needed for CLINIC-8"), as written. */
  keys: string[];
}

/** Where a sentence, or the clause a purpose stands in, ends. */
const CLAUSE_END = /[.!?;:\n]/;

export function statedPurpose(opening: string, lex: Lexicons): StatedPurpose {
  const out: StatedPurpose = { texts: [], concepts: new Set(), keys: [] };
  if (!opening) return out;
  const t = tokenize(opening);
  const words: string[] = [];
  for (const m of lex.statedPurposeMarkers.find(t)) {
    // The sentence goes on past the marker ("For the gift voucher feature: buyers pay by card" ends at the colon).
    const rest = opening.slice(m.end);
    const stop = rest.search(CLAUSE_END);
    const end = stop < 0 ? opening.length : m.end + stop;
    const marker = new Set(phraseWords(m.entry));
    for (let i = m.first; i < t.words.length && t.starts[i]! < end; i++) {
      // Inside the marker only what its gap holds ("gift voucher" in "for the … feature").
      if (i <= m.last && marker.has(t.words[i]!)) continue;
      words.push(t.words[i]!);
      const raw = opening.slice(t.starts[i]!, t.ends[i]!);
      if (isIssueKey(raw) && !out.keys.includes(raw)) out.keys.push(raw);
    }
    out.texts.push(opening.slice(m.start, end).trim());
  }
  for (const c of topicalConcepts(words, lex)) out.concepts.add(c);
  return out;
}
