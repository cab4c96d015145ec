/** Eval part 2: template spans (role, benefit) against the hand-made doccano spans of user-stories-annotated. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTemplate } from '../../src/core/template';
import type { Span } from '../../src/core/story';
import { annotatedStory, listFiles, type AnnotatedSpan, type DoccanoRecord } from './datasets';
import { normalizeSpanText, tokenF1 } from './metrics';
import { details, fixed, mark, pct, table } from './markdown';
import { offsets } from './verdict';

export const TARGET_SPAN = 0.97;
const MAX_LISTED = 60;

export interface SpanScore {
  /** Stories that carry the annotation. */
  n: number;
  exact: number;
  lenient: number;
  f1Sum: number;
}

export interface Presence {
  both: number;
  annotatedOnly: number;
  oursOnly: number;
  neither: number;
}

function emptyScore(): SpanScore {
  return { n: 0, exact: 0, lenient: 0, f1Sum: 0 };
}

function emptyPresence(): Presence {
  return { both: 0, annotatedOnly: 0, oursOnly: 0, neither: 0 };
}

export interface SpanComparison {
  exact: boolean;
  lenient: boolean;
  f1: number;
}

/** Compares one annotated span with the parser's span (either may be missing). */
export function compareSpan(expected: { start: number; end: number; text: string }, got: Span | null): SpanComparison {
  if (!got) return { exact: false, lenient: false, f1: 0 };
  return {
    exact: got.range[0] === expected.start && got.range[1] === expected.end,
    lenient: normalizeSpanText(got.text) === normalizeSpanText(expected.text),
    f1: tokenF1(expected.text, got.text),
  };
}

function add(s: SpanScore, c: SpanComparison): void {
  s.n++;
  if (c.exact) s.exact++;
  if (c.lenient) s.lenient++;
  s.f1Sum += c.f1;
}

interface Miss {
  backlog: string;
  /** `g13_planning_poker.jsonl:12`: the record's file in user-stories-annotated and its 1-based line. */
  ref: string;
  /** Offsets in the story text after the `#Gxx# ` prefix is removed. */
  expected: { start: number; end: number } | null;
  got: Span | null;
  f1: number;
}

/** `[start, end)` of an annotated span, or — . */
function annotatedOffsets(s: { start: number; end: number } | null): string {
  return s ? offsets({ range: [s.start, s.end] }) : '—';
}

/** The records of a doccano JSONL file with their 1-based line numbers (blank lines skipped). */
function jsonlRecords(text: string): { line: number; rec: DoccanoRecord }[] {
  const out: { line: number; rec: DoccanoRecord }[] = [];
  text.split('\n').forEach((l, i) => {
    if (l.trim()) out.push({ line: i + 1, rec: JSON.parse(l) as DoccanoRecord });
  });
  return out;
}

interface Row {
  backlog: string;
  stories: number;
  persona: SpanScore;
  benefit: SpanScore;
  presence: Presence;
}

export interface SpansResult {
  md: string[];
  summary: string[];
  total: Row;
}

function ratio(a: number, n: number): number {
  return n === 0 ? NaN : a / n;
}

/**
 * At most `max` items, taking up to `perGroup` from each group first (in order) and then filling
 * with the rest, so one backlog with a systematic pattern does not hide all the others.
 */
export function spreadPick<T>(list: readonly T[], groupOf: (t: T) => string, max: number, perGroup: number): T[] {
  const taken = new Set<number>();
  const counts = new Map<string, number>();
  list.forEach((t, i) => {
    const g = groupOf(t);
    const n = counts.get(g) ?? 0;
    if (n < perGroup && taken.size < max) {
      taken.add(i);
      counts.set(g, n + 1);
    }
  });
  list.forEach((_t, i) => {
    if (taken.size < max) taken.add(i);
  });
  return list.filter((_t, i) => taken.has(i));
}

function missTable(list: readonly Miss[], max = MAX_LISTED): string[] {
  return table(
    ['backlog', 'story', 'expected span', 'got span', 'token F1'],
    spreadPick(list, (m) => m.backlog, max, 8).map((m) => [m.backlog, m.ref, annotatedOffsets(m.expected), offsets(m.got), fixed(m.f1)]),
  );
}

export function runSpans(dataDir: string): SpansResult {
  const dir = join(dataDir, 'user-stories-annotated');
  const rows: Row[] = [];
  const personaMiss: Miss[] = [];
  const benefitMiss: Miss[] = [];
  const personaExactOnly: Miss[] = [];
  const benefitExactOnly: Miss[] = [];
  const oursOnly: Miss[] = [];
  let merged = 0;

  for (const file of listFiles(dir, '.jsonl')) {
    const backlog = file.slice(0, 3).toLowerCase();
    const row: Row = { backlog, stories: 0, persona: emptyScore(), benefit: emptyScore(), presence: emptyPresence() };
    for (const { line, rec } of jsonlRecords(readFileSync(join(dir, file), 'utf8'))) {
      const a = annotatedStory(rec);
      const ref = `${file}:${line}`;
      row.stories++;
      const parse = parseTemplate(a.text);
      const check = (label: string, got: Span | null, score: SpanScore, misses: Miss[], exactOnly: Miss[]) => {
        const exp = a.spans.get(label) as AnnotatedSpan | undefined;
        if (!exp) return;
        if (exp.parts > 1) merged++;
        const c = compareSpan(exp, got);
        add(score, c);
        const miss = { backlog, ref, expected: exp, got, f1: c.f1 };
        if (!c.lenient) misses.push(miss);
        else if (!c.exact) exactOnly.push(miss);
      };
      check('Persona', parse.role, row.persona, personaMiss, personaExactOnly);
      check('Benefit', parse.benefit, row.benefit, benefitMiss, benefitExactOnly);
      const annotated = a.spans.has('Benefit');
      const ours = parse.benefit != null;
      if (annotated && ours) row.presence.both++;
      else if (annotated) row.presence.annotatedOnly++;
      else if (ours) {
        row.presence.oursOnly++;
        oursOnly.push({ backlog, ref, expected: null, got: parse.benefit, f1: 0 });
      } else row.presence.neither++;
    }
    rows.push(row);
  }

  const total: Row = { backlog: '**total**', stories: 0, persona: emptyScore(), benefit: emptyScore(), presence: emptyPresence() };
  for (const r of rows) {
    total.stories += r.stories;
    for (const k of ['persona', 'benefit'] as const) {
      total[k].n += r[k].n;
      total[k].exact += r[k].exact;
      total[k].lenient += r[k].lenient;
      total[k].f1Sum += r[k].f1Sum;
    }
    for (const k of ['both', 'annotatedOnly', 'oursOnly', 'neither'] as const) total.presence[k] += r.presence[k];
  }

  const md: string[] = [];
  md.push('## 2. Template spans against hand-made annotations (user-stories-annotated)', '');
  md.push(
    `${total.stories} stories from ${rows.length} backlogs with Persona and Benefit spans marked by people (doccano JSONL, ace-design/nlp-stories). For each story the \`#Gxx# \` prefix is removed and every offset shifted by its length (6), then \`parseTemplate(text)\` runs and its \`role\` span is compared with the Persona span, its \`benefit\` span with the Benefit span.`,
    '',
    '- **exact**: identical `[start, end)` offsets. The annotations usually include the sentence\'s final period in the Benefit while the parser trims it, so exact benefit matches are rare by convention, not by error.',
    '- **lenient**: the same text after lower-casing, collapsing whitespace and trimming punctuation and whitespace at both ends.',
    '- **token F1**: bag-of-words overlap F1 of the two spans, averaged (a missing span scores 0).',
    `- Scores are over the stories that carry the annotation (Persona: ${total.persona.n}, Benefit: ${total.benefit.n}). Where a story has two spans of one label (${merged} cases, e.g. two roles joined by "or", or two "so that" clauses) they are merged into one span from the first start to the last end. Whitespace at the edge of an annotated span is trimmed.`,
    `- Target from the spec: persona and benefit spans ≥ ${TARGET_SPAN}; judged on the lenient match (✅/❌), exact shown for reference.`,
    '',
  );
  const line = (r: Row) => [
    r.backlog,
    r.stories,
    r.persona.n,
    pct(ratio(r.persona.exact, r.persona.n)),
    pct(ratio(r.persona.lenient, r.persona.n)),
    fixed(ratio(r.persona.f1Sum, r.persona.n), 3),
    r.benefit.n,
    pct(ratio(r.benefit.exact, r.benefit.n)),
    pct(ratio(r.benefit.lenient, r.benefit.n)),
    fixed(ratio(r.benefit.f1Sum, r.benefit.n), 3),
    `${r.presence.both} / ${r.presence.annotatedOnly} / ${r.presence.oursOnly} / ${r.presence.neither}`,
  ];
  md.push(
    ...table(
      ['backlog', 'stories', 'Persona n', 'exact', 'lenient', 'token F1', 'Benefit n', 'exact', 'lenient', 'token F1', 'benefit presence: both / only annotated / only ours / neither'],
      [...rows.map(line), line(total)],
    ),
    '',
  );
  const pl = ratio(total.persona.lenient, total.persona.n);
  const bl = ratio(total.benefit.lenient, total.benefit.n);
  const presenceAgree = ratio(total.presence.both + total.presence.neither, total.stories);
  md.push(
    ...table(
      ['span', 'exact', 'lenient', 'token F1', 'target ≥ 0.97 (lenient)'],
      [
        ['Persona → role', pct(ratio(total.persona.exact, total.persona.n)), pct(pl), fixed(ratio(total.persona.f1Sum, total.persona.n), 3), mark(pl >= TARGET_SPAN)],
        ['Benefit → benefit', pct(ratio(total.benefit.exact, total.benefit.n)), pct(bl), fixed(ratio(total.benefit.f1Sum, total.benefit.n), 3), mark(bl >= TARGET_SPAN)],
      ],
    ),
    '',
    `Benefit presence agreement (annotated Benefit ⇔ parser found a benefit): ${pct(presenceAgree)} of ${total.stories} stories; the annotation has a Benefit we did not find in ${total.presence.annotatedOnly}, we found a benefit the annotation lacks in ${total.presence.oursOnly}.`,
    '',
  );
  md.push(`### Disagreements (lenient mismatches; at most ${MAX_LISTED} listed per kind, at most 8 per backlog before the rest fill up)`, '');
  const byBacklog = (list: readonly Miss[]) => {
    const c = new Map<string, number>();
    for (const m of list) c.set(m.backlog, (c.get(m.backlog) ?? 0) + 1);
    return [...c.entries()].map(([b, n]) => `${b} ${n}`).join(', ');
  };
  md.push(`Lenient mismatches per backlog: Persona: ${byBacklog(personaMiss) || 'none'}; Benefit: ${byBacklog(benefitMiss) || 'none'}.`, '');
  md.push(
    '*story* = `<file>:<line>`: the record on that 1-based line of user-stories-annotated/<file> (the text stays in the data set). Spans are `[start, end)` character offsets into the story text after the `#Gxx# ` prefix is removed (the annotation\'s offsets minus 6); *expected* is the annotated span, *got* the parser\'s, — for none.',
    '',
  );
  md.push(...details(`Persona vs role: ${personaMiss.length} lenient mismatches`, missTable(personaMiss)));
  md.push(...details(`Benefit vs benefit: ${benefitMiss.length} lenient mismatches (including ${total.presence.annotatedOnly} where we found no benefit)`, missTable(benefitMiss)));
  md.push(...details(`Benefit found where the annotation has none: ${oursOnly.length}`, missTable(oursOnly)));
  md.push(
    ...details(
      `Lenient match but not exact: Persona ${personaExactOnly.length}, Benefit ${benefitExactOnly.length} (first 15 of each)`,
      [...missTable(personaExactOnly, 15), '', ...missTable(benefitExactOnly, 15)],
    ),
  );

  const summary = [
    `  persona  exact ${pct(ratio(total.persona.exact, total.persona.n))}  lenient ${pct(pl)}  F1 ${fixed(ratio(total.persona.f1Sum, total.persona.n), 3)}  (n ${total.persona.n}) ${pl >= TARGET_SPAN ? 'meets' : 'misses'} target`,
    `  benefit  exact ${pct(ratio(total.benefit.exact, total.benefit.n))}  lenient ${pct(bl)}  F1 ${fixed(ratio(total.benefit.f1Sum, total.benefit.n), 3)}  (n ${total.benefit.n}) ${bl >= TARGET_SPAN ? 'meets' : 'misses'} target`,
    `  benefit presence agreement ${pct(presenceAgree)} (only annotated ${total.presence.annotatedOnly}, only ours ${total.presence.oursOnly})`,
  ];
  return { md, summary, total };
}
