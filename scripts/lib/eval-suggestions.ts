/**
 * Eval: the engine's suggestions (rewrites, splits, drafted acceptance criteria).
 * 1. Golden cases (test/eval/suggestions): original projects with what a coach accepts — kind,
 *    beneficiary, served key, required items per slice — graded automatically.
 * 2. Mechanical checks over every suggestion the engine makes on the public backlogs and the sample
 *    project: malformed, still technical, tautology, pasted criteria, "I want to" + a non-verb,
 *    placeholder lost, duplicate parts, lost enumerated items, layer parts. Public-backlog defects are listed by reference
 *    (file:line) only; examples are quoted from the sample project, whose text is ours.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeStory } from '../../src/core/analyze';
import { lexiconsFor } from '../../src/core/lexicons';
import { normalizePersona } from '../../src/core/backlog/personas';
import { parseTemplate } from '../../src/core/template';
import { infinitiveVerb, verbMissing } from '../../src/core/suggest/self-check';
import { tokenize } from '../../src/core/tokens';
import type { StoryInput, StoryReport } from '../../src/core/story';
import { loadSampleProject, sampleStoryInputs } from './sample-inputs';
import { datasetBacklog } from './labels';
import { listFiles } from './datasets';
import { enumerationsOf, lostItems } from './enumerations';
import { loadSuggestionCases, type CaseExpectation, type CaseSlicedSplit, type SuggestionProject } from './suggestion-cases';
import { cell, pct, table } from './markdown';

export const SUGGESTION_TARGETS = { golden: 0.9, mechanical: 0.95 };

// ---------------------------------------------------------------------------------------------
// Matching words loosely: "upload" matches "uploads", "uploaded"; "photo" matches "photos".

function stem(w: string): string {
  return w.length > 5 ? w.slice(0, Math.max(4, w.length - 3)) : w.replace(/(?:es|s|ed|ing)$/, '');
}

function textHas(text: string, phrase: string): boolean {
  const words = tokenize(text).words.map(stem);
  const want = phrase.toLowerCase().split(/\s+/).map(stem);
  return want.every((w) => words.some((x) => x === w || x.startsWith(w) || w.startsWith(x)));
}

// ---------------------------------------------------------------------------------------------
// 1. Golden cases

/** A case project's issues as Jira gives them: the parent field carries the parent's summary and type. */
function caseInputs(p: SuggestionProject): StoryInput[] {
  const byKey = new Map(p.issues.map((i) => [i.key, i]));
  return p.issues.map((i) => {
    const s: StoryInput = { key: i.key, summary: i.summary, issueType: i.type, source: 'issue' };
    if (i.description) s.description = i.description;
    if (i.storyPoints !== undefined) s.storyPoints = i.storyPoints;
    const parent = i.parent ? byKey.get(i.parent) : undefined;
    if (i.parent) s.parent = i.parent;
    if (parent) {
      s.parentSummary = parent.summary;
      s.parentType = parent.type;
    }
    if (i.links) s.links = i.links.map((l) => ({ type: l.type, direction: l.direction, key: l.key }));
    return s;
  });
}

function roleOf(summary: string): string | null {
  const t = parseTemplate(summary, '');
  return t.roleName ? normalizePersona(t.roleName) : null;
}

/** Why a report fails an expectation, or null when a coach would accept it. */
export function gradeExpectation(e: CaseExpectation, r: StoryReport): string | null {
  if (e.none) {
    if (r.rewrites.length) return `offered a ${r.rewrites[0]!.kind} rewrite to a good story`;
    if (r.splits.length) return `offered a ${r.splits[0]!.pattern} split to a good story`;
  }
  if (e.rewrite) {
    const want = e.rewrite;
    const got = r.rewrites.find((w) => w.kind === want.kind);
    if (!got) return `no ${want.kind} rewrite (got ${r.rewrites.map((w) => w.kind).join(', ') || 'none'})`;
    if (want.kind === 'task' && got.parentKey !== want.servedKey) return `task of ${got.parentKey ?? '?'}, not of ${want.servedKey}`;
    if (want.kind === 'user-story') {
      const role = roleOf(got.summary);
      if (role !== normalizePersona(want.beneficiary)) return `user story for "${role ?? 'no role'}", not for "${want.beneficiary}"`;
    }
    if ('mustMention' in want && want.mustMention) {
      const missing = want.mustMention.filter((w) => !textHas(got.summary, w));
      if (missing.length) return `the ${want.kind} does not mention ${missing.join(', ')}`;
    }
  }
  if (e.split === 'none' && r.splits.length) return `split (${r.splits[0]!.pattern}) a story a coach would not split`;
  if (e.split === 'epic') {
    if (r.splits.length) return `re-split an epic whose slices exist (${r.splits[0]!.pattern})`;
    if (!r.existingSlices?.length) return 'did not say the story is already split (existing slices)';
  }
  if (e.split && typeof e.split === 'object') {
    const problem = gradeSplit(e.split, r);
    if (problem) return problem;
  }
  if (e.acDraft && !r.acceptanceDraft?.length) return 'no drafted acceptance criteria';
  if (e.finding) {
    const f = r.findings.find((x) => x.ruleId === e.finding!.rule);
    if (!f) return `no ${e.finding.rule} finding`;
  }
  return null;
}

function gradeSplit(want: CaseSlicedSplit, r: StoryReport): string | null {
  const candidates = r.splits.filter((s) => s.pattern === want.pattern);
  if (!candidates.length) return `no ${want.pattern} split (got ${r.splits.map((s) => s.pattern).join(', ') || 'none'})`;
  let best: string | null = null;
  for (const split of candidates) {
    const parts = split.stories.map((s) => s.summary);
    const used = new Set<number>();
    const order: number[] = [];
    let problem: string | null = null;
    for (const words of want.slices) {
      const i = parts.findIndex((p, k) => !used.has(k) && words.every((w) => textHas(p, w)));
      if (i < 0) {
        problem = `no slice with ${words.join(' + ')}`;
        break;
      }
      used.add(i);
      order.push(i);
    }
    if (!problem && want.ordered && order.some((v, k) => k > 0 && v < order[k - 1]!)) problem = 'slices out of order';
    if (!problem && want.forbidden) {
      const bad = parts.find((p) => want.forbidden!.some((w) => textHas(p, w)));
      if (bad) problem = `a slice the role would not do: "${bad}"`;
    }
    if (!problem) return null;
    best ??= problem;
  }
  return best;
}

interface GoldenRow {
  file: string;
  key: string;
  kind: string;
  problem: string | null;
}

function expectationKind(e: CaseExpectation): string {
  if (e.none) return 'none (good story)';
  if (e.rewrite) return `rewrite: ${e.rewrite.kind}`;
  if (e.split === 'epic') return 'split: epic';
  if (e.split === 'none') return 'split: none';
  if (e.split) return `split: ${e.split.pattern}`;
  if (e.acDraft) return 'acceptance draft';
  if (e.finding) return `finding: ${e.finding.rule}`;
  return 'other';
}

interface LostItems {
  lost: { ref: string; items: string[] }[];
  /** Splits of stories that enumerate items, checked for lost ones. */
  checked: number;
}

/** The golden cases graded, and their projects' splits that lose an item their story enumerates (the mechanical check). */
/** A story the engine found already sliced under epics its goal spans, and whether its case expects "split: epic". */
interface SlicedUnderRow {
  ref: string;
  epics: string[];
  expected: boolean;
}

function runGolden(): { rows: GoldenRow[]; goldenLost: LostItems; slicedUnder: SlicedUnderRow[] } {
  const rows: GoldenRow[] = [];
  const goldenLost: LostItems = { lost: [], checked: 0 };
  const slicedUnder: SlicedUnderRow[] = [];
  for (const { file, project } of loadSuggestionCases()) {
    const inputs = caseInputs(project);
    const report = analyze(inputs);
    const inputOf = new Map(inputs.map((i) => [i.key, i]));
    for (const r of report.stories) recordLostItems(r, inputOf.get(r.key), `${file.replace(/\.json$/, '')}/${r.key}`, goldenLost);
    const byKey = new Map(report.stories.map((s) => [s.key, s]));
    for (const e of project.expect) {
      const r = byKey.get(e.key);
      rows.push({ file, key: e.key, kind: expectationKind(e), problem: r ? gradeExpectation(e, r) : 'story not analyzed' });
    }
    for (const r of report.stories) {
      if (!r.slicesUnder?.length) continue;
      const expected = project.expect.some((e) => e.key === r.key && e.split === 'epic');
      slicedUnder.push({ ref: `${file.replace(/\.json$/, '')}/${r.key}`, epics: r.slicesUnder.map((e) => e.key), expected });
    }
  }
  return { rows, goldenLost, slicedUnder };
}

// ---------------------------------------------------------------------------------------------
// 2. Mechanical checks

export const DEFECTS = ['malformed', 'still technical', 'tautology', 'pasted criteria', 'not a verb after "I want to"', 'subject and verb disagree', 'placeholder lost', 'duplicate parts', 'lost enumerated items', 'layer part'] as const;
export type Defect = (typeof DEFECTS)[number];

interface Candidate {
  ref: string;
  /** Quotable: our own text (the sample project), not a public data set's. */
  quotable: boolean;
  what: string;
  summary: string;
  /** Summary and description: where placeholders may stand. */
  full: string;
  placeholders: string[];
  appliable: boolean;
}

const PLACEHOLDER = /<[^<>]{1,60}>/g;
/** A pronoun and the form of "be" after it that disagree ("we am", "I are", "they is"). */
const DISAGREEMENT = /\b(?:[Ww]e|[Tt]hey|[Yy]ou) (?:am|is|was)\b|\bI (?:are|is|were)\b|\b(?:[Hh]e|[Ss]he) (?:am|are|were)\b/;

function stripPlaceholders(s: string): string {
  return s.replace(PLACEHOLDER, 'something');
}

/** Defects of one suggested story sentence, judged by running the engine on it. */
export function defectsOf(c: Candidate, criteria: readonly string[]): Defect[] {
  const out: Defect[] = [];
  const lex = lexiconsFor(null);
  const text = c.summary;
  const found = new Set(c.full.match(PLACEHOLDER) ?? []);
  if (c.placeholders.some((p) => !c.full.includes(p)) || [...found].some((p) => !c.placeholders.includes(p))) out.push('placeholder lost');
  // Every kind of suggestion, summary and description: "we am", "I are", "they is".
  if (DISAGREEMENT.test(c.full)) out.push('subject and verb disagree');
  if (c.what.startsWith('rewrite: task') || c.what.startsWith('rewrite: enabler') || c.what.startsWith('rewrite: team-task') || c.what.startsWith('rewrite: spike') || c.what.startsWith('split: spike question')) return out;
  const plain = stripPlaceholders(text);
  const t = parseTemplate(plain, '');
  if (!t.role || !t.goal) {
    out.push('malformed');
    return out;
  }
  const r = analyzeStory({ summary: plain, source: 'line' });
  if (r.kind !== 'user') out.push('still technical');
  if (r.findings.some((f) => f.ruleId === 'weak-benefit' && f.messageId === 'restates')) out.push('tautology');
  if (r.findings.some((f) => f.ruleId === 'horizontal-slice')) out.push('layer part');
  // A placeholder stands where the verb will be ("I want to <other operations> zones"): not a defect here.
  if (verbMissing(t, lex) && infinitiveVerb(t) !== 'something') out.push('not a verb after "I want to"');
  const goalWords = new Set(tokenize(t.goal.text).words);
  for (const ac of criteria) {
    const w = tokenize(ac).words.filter((x) => x.length > 3);
    if (w.length >= 4 && w.filter((x) => goalWords.has(x)).length >= Math.max(4, Math.ceil(w.length * 0.8))) {
      out.push('pasted criteria');
      break;
    }
  }
  return out;
}

function candidatesOf(ref: (r: StoryReport) => string, quotable: boolean, r: StoryReport): Candidate[] {
  const out: Candidate[] = [];
  for (const w of r.rewrites) out.push({ ref: ref(r), quotable, what: `rewrite: ${w.kind}`, summary: w.summary, full: `${w.summary}\n${w.description ?? ''}`, placeholders: w.placeholders, appliable: w.appliable ?? false });
  for (const s of r.splits) {
    s.stories.forEach((p, i) => {
      const what = s.pattern === 'spike' && i === 0 ? 'split: spike question' : `split: ${s.pattern}`;
      const full = `${p.summary}\n${p.description ?? ''}`;
      out.push({ ref: ref(r), quotable, what, summary: p.summary, full, placeholders: s.placeholders.filter((x) => full.includes(x)), appliable: s.appliable ?? false });
    });
  }
  return out;
}

interface MechanicalResult extends LostItems {
  candidates: number;
  appliable: number;
  defective: { c: Candidate; defects: Defect[] }[];
  duplicates: { ref: string; pattern: string }[];
  /** Stories whose goal spans epics that already hold their slices (no split offered): reference and the epics. */
  slicedUnder: { ref: string; epics: string[] }[];
}

/** Split patterns made from a list in the description: every item of that list must reach a part. */
const LIST_PATTERNS: ReadonlySet<string> = new Set(['workflow-steps', 'operations', 'business-rules', 'data-variations', 'interface-variations', 'simple-complex']);
/** How a split says it shows only the first parts of a longer list. */
const SHOWN_FIRST = /The first \d+ of \d+ are shown/;

/**
 * Checks a story's splits for items the story enumerates and a split loses, records them in `into`
 * under `ref`, and answers the parts (by summary) of such splits: each part of one counts as defective.
 */
function recordLostItems(r: StoryReport, input: StoryInput | undefined, ref: string, into: LostItems): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!input) return out;
  const e = enumerationsOf(input.summary, typeof input.description === 'string' ? input.description : '');
  if (!e.goal.length && !e.description.length) return out;
  for (const s of r.splits) {
    if (SHOWN_FIRST.test(s.rationale)) continue;
    if (e.goal.length || LIST_PATTERNS.has(s.pattern)) into.checked++;
    const text = s.stories.map((p) => `${p.summary}\n${p.description ?? ''}`).join('\n');
    const lost = lostItems(e, text, LIST_PATTERNS.has(s.pattern));
    if (!lost.length) continue;
    into.lost.push({ ref, items: lost });
    for (const p of s.stories) out.set(p.summary, lost);
  }
  return out;
}

function runMechanical(dataDir: string): MechanicalResult {
  const result: MechanicalResult = { candidates: 0, appliable: 0, defective: [], duplicates: [], lost: [], checked: 0, slicedUnder: [] };
  const visit = (reports: readonly StoryReport[], inputs: readonly StoryInput[], ref: (r: StoryReport) => string, quotable: boolean, criteriaOf: (r: StoryReport) => string[]) => {
    const inputOf = new Map(inputs.map((i) => [i.key, i]));
    for (const r of reports) {
      for (const s of r.splits) {
        const seen = new Set(s.stories.map((p) => p.summary.toLowerCase()));
        if (seen.size < s.stories.length) result.duplicates.push({ ref: ref(r), pattern: s.pattern });
      }
      if (r.slicesUnder?.length) result.slicedUnder.push({ ref: ref(r), epics: r.slicesUnder.map((e) => e.key) });
      const lost = recordLostItems(r, inputOf.get(r.key), ref(r), result);
      for (const c of candidatesOf(ref, quotable, r)) {
        result.candidates++;
        if (c.appliable) result.appliable++;
        const defects = defectsOf(c, criteriaOf(r));
        if (c.what.startsWith('split') && lost.has(c.summary)) defects.push('lost enumerated items');
        if (defects.length) result.defective.push({ c, defects });
      }
    }
  };
  const sample = sampleStoryInputs(loadSampleProject());
  const sampleReport = analyze(sample.inputs);
  visit(sampleReport.stories, sample.inputs, (r) => r.key, true, (r) => sample.criteria.get(r.key) ?? []);
  for (const f of listFiles(join(dataDir, 'user-stories'), '.txt')) {
    const b = datasetBacklog(dataDir, `user-stories/${f}`);
    visit(analyze(b.inputs).stories, b.inputs, (r) => r.key, false, () => []);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

export interface SuggestionsResult {
  md: string[];
  summary: string[];
}

export function runSuggestions(dataDir: string): SuggestionsResult {
  const { rows: golden, goldenLost, slicedUnder } = runGolden();
  const accepted = golden.filter((g) => !g.problem).length;
  const kinds = [...new Set(golden.map((g) => g.kind))].sort();
  const mech = runMechanical(dataDir);
  const clean = mech.candidates - new Set(mech.defective.map((d) => d.c)).size;
  const byDefect = new Map<Defect, { c: Candidate; defects: Defect[] }[]>();
  for (const d of mech.defective) for (const k of d.defects) byDefect.set(k, [...(byDefect.get(k) ?? []), d]);
  const appliableDefective = mech.defective.filter((d) => d.c.appliable).length;

  const md: string[] = [
    '## 6. Suggestions: rewrites, splits and drafted criteria',
    '',
    `**Golden cases** (test/eval/suggestions: ${new Set(golden.map((g) => g.file)).size} original projects, ${golden.length} expectations a coach wrote: kind, beneficiary, served story, required items per slice). ` +
      `Accepted: **${accepted} of ${golden.length} (${pct(golden.length ? accepted / golden.length : 1)})**, target ≥ ${pct(SUGGESTION_TARGETS.golden, 0)}.`,
    '',
    ...table(
      ['expectation', 'cases', 'accepted'],
      kinds.map((k) => {
        const rows = golden.filter((g) => g.kind === k);
        const ok = rows.filter((g) => !g.problem).length;
        return [k, rows.length, `${ok} (${pct(rows.length ? ok / rows.length : 1, 0)})`];
      }),
    ),
    '',
    '<details><summary>Every golden case the engine fails, and why</summary>',
    '',
    ...table(
      ['project', 'story', 'expected', 'what the engine did'],
      golden.filter((g) => g.problem).map((g) => [g.file.replace(/\.json$/, ''), g.key, g.kind, cell(g.problem, 160)]),
    ),
    '',
    '</details>',
    '',
    `**Mechanical checks** over every suggested story sentence on the 22 public backlogs (user-stories) and the sample project: ${mech.candidates} suggested stories, ` +
      `${clean} (${pct(mech.candidates ? clean / mech.candidates : 1)}) free of mechanical defects (target ≥ ${pct(SUGGESTION_TARGETS.mechanical, 0)}); ` +
      `${mech.appliable} offered as appliable, of which ${appliableDefective} have a defect (target 0). Splits with two identical parts: ${mech.duplicates.length}. Splits that lose an item the story enumerates (a list in its goal, or the description list a list-made split follows; read with plain patterns, not the engine's): ${mech.lost.length} of ${mech.checked} splits of stories that enumerate items${mech.lost.length ? ` (${mech.lost.slice(0, 6).map((l) => l.ref).join(', ')})` : ''}; the same check over the golden projects' splits: ${goldenLost.lost.length} of ${goldenLost.checked}${goldenLost.lost.length ? ` (${goldenLost.lost.slice(0, 6).map((l) => `${l.ref}: ${l.items.join(', ')}`).join('; ')})` : ''}.`,
    '',
    ...table(
      ['defect', 'suggestions', 'examples (sample project quoted; public backlogs by reference)'],
      DEFECTS.map((d) => {
        const list = byDefect.get(d) ?? [];
        const quoted = list.filter((x) => x.c.quotable).slice(0, 2).map((x) => `${x.c.ref}: “${cell(x.c.summary, 90)}”`);
        const refs = list.filter((x) => !x.c.quotable).slice(0, 6).map((x) => x.c.ref);
        return [d, list.length, [...quoted, refs.join(', ')].filter(Boolean).join('<br>')];
      }),
    ),
    '',
    `**Already sliced under epics** (a story whose goal's parts each name a different epic holding two or more stories gets no split; the epics are named instead): ` +
      `sample project ${mech.slicedUnder.length}${mech.slicedUnder.length ? ` (${mech.slicedUnder.map((x) => `${x.ref} under ${x.epics.join(', ')}`).join('; ')})` : ''}; ` +
      `golden projects ${slicedUnder.length}, of which ${slicedUnder.filter((x) => x.expected).length} expected as "split: epic"${slicedUnder.some((x) => !x.expected) ? ` (not expected: ${slicedUnder.filter((x) => !x.expected).map((x) => x.ref).join(', ')})` : ''}. ` +
      'The public backlogs carry no parent or epic field, so it cannot mark a story there.',
    '',
  ];
  const summary = [
    `  golden: ${accepted}/${golden.length} accepted (${pct(golden.length ? accepted / golden.length : 1)})`,
    ...kinds.map((k) => {
      const rows = golden.filter((g) => g.kind === k);
      return `    ${k.padEnd(28)} ${rows.filter((g) => !g.problem).length}/${rows.length}`;
    }),
    `  mechanical: ${clean}/${mech.candidates} clean (${pct(mech.candidates ? clean / mech.candidates : 1)}); appliable ${mech.appliable}, of which defective ${appliableDefective}; duplicate-part splits ${mech.duplicates.length}; splits losing enumerated items ${mech.lost.length} of ${mech.checked} (golden projects ${goldenLost.lost.length} of ${goldenLost.checked})`,
    ...DEFECTS.map((d) => `    ${d.padEnd(28)} ${(byDefect.get(d) ?? []).length}`),
    `  already sliced under epics: sample ${mech.slicedUnder.map((x) => `${x.ref} (${x.epics.join(', ')})`).join(', ') || 'none'}; golden ${slicedUnder.length}, expected ${slicedUnder.filter((x) => x.expected).length}`,
  ];
  return { md, summary };
}

/** For scripts that print a project's suggestions while developing. */
export function readProject(file: string): SuggestionProject {
  return JSON.parse(readFileSync(file, 'utf8')) as SuggestionProject;
}
