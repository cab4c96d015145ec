/**
 * Entry points of the engine: `analyze()` for a set of stories (with backlog-level checks) and
 * `analyzeStory()` for one. Pure: runs in Forge functions, the CLI and the browser.
 *
 * One story, one score: a story's score and criteria count its story-level findings only, and
 * those read nothing but the story, the settings and the project context (`ProjectContext`).
 * Backlog findings (duplicate, non-uniform) come from comparing the set and are reported beside
 * the story in `backlogFindings`.
 *
 * One odd story never breaks the others: a story the engine cannot analyze gets an `engine-error`
 * report naming it, a rule that throws costs only its own findings, a suggester only its
 * suggestions, and the set-level context leaves out the story that breaks it.
 */
import { parseSettings, severityFor, type Settings, type SettingsInput } from './config';
import { lexiconsFor, type Lexicons } from './lexicons';
import { formatMessage } from './locales/en';
import type { ProjectLookups, RuleContext } from './rules';
import { scoreFindings } from './score';
import { CRITERIA, type AnalysisReport, type Finding, type Rewrite, type Split, type StoryInput, type StoryReport, type Truncation } from './story';
import { checkRewrite, checkSentence, checkSplit, criteriaWords, type Original, type Scored, type Scorer } from './suggest/self-check';

/** How many acceptance criteria the self-check compares a suggestion with (a story with more is split first). */
const MAX_CRITERIA_READ = 50;
import { alreadySliced, type AlreadySliced } from './suggest/spanned-epics';
import { draftCriteria } from './suggest/acceptance-draft';
import type { Prepared } from './prepare';
import { assessWork, projectKeyOf } from './work-kind';
import type { BacklogContext } from './backlog/context';
import { backlogFeatures, summarizeBacklog, type BacklogFeatures } from './backlog/summary';
import { buildProjectContext, EMPTY_PROJECT_CONTEXT, type ProjectContext } from './backlog/project-context';
import { contextReader, type ContextReader } from './backlog/context-reads';
import { backlogFailure, errorText, failedStoryReport, inputIdentity, ruleFailure, suggestionFailure } from './engine-error';
import { ENGINE_PARTS, rulesById, type EngineParts } from './engine-parts';
import { uniqueKeys } from './unique-keys';

export const ENGINE_VERSION = '1.0.0';
export const TOOL = { name: 'story-health', version: ENGINE_VERSION, engineVersion: ENGINE_VERSION };

/** Accepts validated settings or raw input; raw input that fails the schema throws a clear error. */
const resolved = new WeakMap<object, Settings>();

/** Settings when none are given: parsed once. */
let defaultSettings: Settings | undefined;

export function resolveSettings(settings?: SettingsInput | Settings): Settings {
  if (settings === undefined) return (defaultSettings ??= resolveSettings({}));
  const key = settings && typeof settings === 'object' ? settings : null;
  const cached = key ? resolved.get(key) : undefined;
  if (cached) return cached;
  const parsed = parseSettings(settings ?? {});
  if (!parsed.ok) {
    throw new TypeError(`Invalid settings: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  }
  if (key) resolved.set(key, parsed.settings);
  return parsed.settings;
}

/** Options of one story's analysis. */
export interface StoryOptions {
  /** The engine's parts (tests replace one with a part that throws). */
  parts?: EngineParts;
  /** Findings the set-level analysis adds to this story (it had to leave the story out). */
  notes?: readonly Finding[];
  /**
   * Build rewrites, splits, existing slices and drafted criteria (default true). Scans and the save
   * trigger only need the score: `false` skips the suggestions and their self-check.
   */
  suggestions?: boolean;
  /**
   * Suggestions written elsewhere (AI assist) to check instead of making the engine's own: each
   * goes through the same self-check and comes back with `appliable` and `checks`. A rewrite must
   * score higher than the story on its weakest criterion; a split's parts on small.
   */
  candidates?: { rewrites: readonly Rewrite[]; splits: readonly Split[] };
}

/** What the self-check reads of a suggestion: the criteria suggestions fix, and the rules it names. */
const CHECKED_CRITERIA = new Set(['valuable', 'small']);
const CHECKED_RULES = new Set(['missing-role', 'missing-goal', 'missing-benefit', 'not-atomic', 'weak-benefit', 'technical-story', 'horizontal-slice']);
const checkingCache = new WeakMap<EngineParts, EngineParts>();

/** The engine's parts with only the rules the self-check reads: a suggestion costs a fraction of a story. */
function checkingParts(parts: EngineParts): EngineParts {
  let checking = checkingCache.get(parts);
  if (!checking) {
    checking = { ...parts, rules: parts.rules.filter((r) => CHECKED_RULES.has(r.meta.id) || (r.meta.scoreAs !== null && CHECKED_CRITERIA.has(r.meta.scoreAs))) };
    checkingCache.set(parts, checking);
  }
  return checking;
}

function truncationsOf(p: Prepared): Truncation[] | null {
  const cut = p.template.cut;
  if (!cut) return p.story.truncated ?? null;
  return [...(p.story.truncated ?? []), { field: p.template.field, part: 'sentence', analyzed: cut.analyzed, total: cut.total }];
}

function analyzeParts(
  p: Prepared,
  settings: Settings,
  lex: Lexicons,
  context: ContextReader,
  backlog: BacklogContext | null,
  parts: EngineParts,
  notes: readonly Finding[],
  withSuggestions = true,
  candidates?: StoryOptions['candidates'],
): StoryReport {
  const { story, template, facts } = p;
  // Who the product serves: the project context (every lookup remembered), unless the settings say.
  const project: ProjectLookups = {
    userWord: (word) => context.has('userVocabulary', word),
    userRole: (role) => context.has('userRoles', role),
    builderProduct: () => (settings.productUsers === 'auto' ? context.has('traits', 'builder-product') : settings.productUsers === 'builders'),
  };
  // Every rule and suggestion needs the assessment: when it fails, the story cannot be analyzed.
  const technical = assessWork(
    story.summary,
    template,
    facts,
    lex,
    {
      userRoles: { has: project.userRole },
      personas: { has: (name) => context.has('personaNames', name) },
      userVocabulary: { has: project.userWord },
      userCoreVocabulary: { has: (word) => context.has('userCoreVocabulary', word) },
      builderProduct: project.builderProduct,
      projectKey: projectKeyOf(story.key),
    },
    story.description,
  );
  const ctx: RuleContext = { settings, template, lexicons: lex, facts, technical, project, backlog };
  const findings: Finding[] = [];
  const backlogFindings: Finding[] = [];
  for (const rule of parts.rules) {
    const severity = severityFor(rule.meta.id, settings, rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    const into = rule.meta.scoreAs === null ? backlogFindings : findings;
    // A rule that throws costs only its own findings (any it added are dropped): the others' verdicts stand.
    const before = into.length;
    try {
      for (const r of rule.check(story, ctx)) {
        const data = r.data ?? {};
        const finding: Finding = { ruleId: rule.meta.id, criterion: rule.meta.criterion, severity, messageId: r.messageId, data, message: formatMessage(rule.meta.id, r.messageId, data) };
        if (r.field) finding.field = r.field;
        if (r.range) finding.range = r.range;
        if (r.kind) finding.kind = r.kind;
        into.push(finding);
      }
    } catch (error) {
      into.length = before;
      findings.push(ruleFailure(story.key, rule.meta.id, error));
    }
  }
  const { criteria, score } = scoreFindings(findings, rulesById(parts.rules));
  const ruleIds = new Set(findings.map((f) => f.ruleId));
  const suggest = <T>(kind: 'rewrites' | 'splits', make: () => T[]): T[] => {
    try {
      return make();
    } catch (error) {
      findings.push(suggestionFailure(story.key, kind, error));
      return [];
    }
  };
  let rewrites: Rewrite[] = [];
  let splits: Split[] = [];
  let sliced: AlreadySliced | undefined;
  let draft: string[] = [];
  if (withSuggestions) {
    // The self-check scores each suggested sentence like a story of its own: rules only, no suggestions.
    const checking = checkingParts(parts);
    // A suggestion's score decides nothing about this story's: its context lookups are not recorded.
    const unrecorded: ContextReader = { has: context.peek, peek: context.peek, reads: () => [] };
    const scored = new Map<string, Scored>();
    const score: Scorer = (summary) => {
      let known = scored.get(summary);
      if (!known) {
        const q = parts.prepare({ summary, source: 'line' }, 0, lex);
        const r = analyzeParts(q, settings, lex, unrecorded, null, checking, [], false);
        known = { kind: r.kind, criteria: r.criteria, findings: r.findings, template: q.template };
        scored.set(summary, known);
      }
      return known;
    };
    const original: Original = { criteria, domainWords: facts.domainWords, criteriaWords: criteriaWords(story.acceptanceCriteria.slice(0, MAX_CRITERIA_READ)) };
    if (candidates) {
      const weakest = CRITERIA.reduce((a, b) => (criteria[b] < criteria[a] ? b : a));
      rewrites = suggest('rewrites', () => candidates.rewrites.map((w) => checkRewrite(w, original, score, lex, weakest)));
      splits = suggest('splits', () => candidates.splits.map((x) => checkSplit(x, original, score, lex)));
    } else {
    sliced = suggest('splits', () => [alreadySliced(story, facts, lex, backlog, ruleIds)])[0];
    const existing = sliced?.slices ?? [];
    rewrites = suggest('rewrites', () =>
      ruleIds.has('technical-story') ? parts
            .suggestRewrites(story, template, facts, technical, lex, backlog, (summary) => checkSentence(summary, original, 'valuable', score, lex).problems.length === 0)
            .map((w) => checkRewrite(w, original, score, lex)) : [],
    );
    splits = existing.length || ruleIds.has('technical-story') ? [] : suggest('splits', () => parts.suggestSplits(story, template, facts, lex, ruleIds).map((x) => checkSplit(x, original, score, lex)));
    // Criteria are drafted for user stories only: for other work the rewrite is the fix.
    // ... and not for a story that asks for several things: its slices get criteria, not the whole.
    draft = ruleIds.has('missing-acceptance-criteria') && !ruleIds.has('technical-story') && !ruleIds.has('not-atomic') ? suggest('splits', () => [draftCriteria(template, facts, lex)])[0] ?? [] : [];
    }
  }
  const truncated = truncationsOf(p);
  const report: StoryReport = {
    key: story.key,
    summary: story.summary,
    score,
    criteria,
    template: {
      form: template.form,
      role: template.role?.text ?? null,
      goal: template.goal?.text ?? null,
      benefit: template.benefit?.text ?? null,
    },
    technical: technical.technical && ruleIds.has('technical-story'),
    kind: ruleIds.has('technical-story') ? technical.kind : 'user',
    findings: notes.length ? [...findings, ...notes] : findings,
    backlogFindings,
    rewrites,
    splits,
  };
  if (sliced?.slices.length) report.existingSlices = sliced.slices;
  if (sliced?.under.length) report.slicesUnder = sliced.under;
  if (draft.length) report.acceptanceDraft = draft;
  if (truncated) report.truncated = truncated;
  return report;
}

/**
 * One story: its score from the story, the settings and the project context (read through
 * `context`, which remembers what was read); `backlog`, when given, adds backlog findings and lets
 * a technical story's rewrite name the story it serves. Never throws: a failure becomes an
 * `engine-error` report of this story.
 */
export function analyzePrepared(p: Prepared, settings: Settings, lex: Lexicons, context: ContextReader, backlog: BacklogContext | null, options: StoryOptions = {}): StoryReport {
  try {
    return analyzeParts(p, settings, lex, context, backlog, options.parts ?? ENGINE_PARTS, options.notes ?? [], options.suggestions ?? true, options.candidates);
  } catch (error) {
    return failedStoryReport(p.story.key, p.story.summary, 'analyze', error);
  }
}

/** A story prepared, or the reason it could not be. */
export type PreparedSlot = { ok: true; p: Prepared } | { ok: false; key: string; summary: string; error: unknown };

/** Prepares one input; a failure is returned (with the key and summary the input gives), never thrown. */
export function prepareSafely(input: unknown, index: number, lex: Lexicons, parts: EngineParts = ENGINE_PARTS): PreparedSlot {
  try {
    return { ok: true, p: parts.prepare(input, index, lex) };
  } catch (error) {
    return { ok: false, ...inputIdentity(input, index), error };
  }
}

function slotKey(slot: PreparedSlot): string {
  return slot.ok ? slot.p.story.key : slot.key;
}

/** Gives every story a unique key (a repeated key gets "#2", "#3" …) so set-level results stay unambiguous. */
function makeKeysUnique(slots: PreparedSlot[]): void {
  uniqueKeys(slots.map(slotKey)).forEach((key, i) => {
    const slot = slots[i]!;
    if (slot.ok) slot.p.story.key = key;
    else slot.key = key;
  });
}

interface SetContext {
  context: BacklogContext | null;
  /** Stories the set-level context had to leave out, with the error each caused. */
  leftOut: Map<string, unknown>;
  failedCheck?: string;
}

/**
 * The set-level context, built so that one story cannot take it down: when building it throws, the
 * stories that make it throw on their own are left out and it is built again; when it still fails,
 * the stories are analyzed without it and the summary says the set-level checks could not run.
 */
function backlogContextSafely(prepared: readonly Prepared[], lex: Lexicons, project: ProjectContext, parts: EngineParts): SetContext {
  const leftOut = new Map<string, unknown>();
  try {
    return { context: parts.buildBacklogContext(prepared, lex, project), leftOut };
  } catch (error) {
    const rest = prepared.filter((p) => {
      try {
        parts.buildBacklogContext([p], lex, project);
        return true;
      } catch (alone) {
        leftOut.set(p.story.key, alone);
        return false;
      }
    });
    if (leftOut.size) {
      try {
        return { context: parts.buildBacklogContext(rest, lex, project), leftOut };
      } catch {
        // fall through: the failure is not one story's
      }
    }
    return { context: null, leftOut, failedCheck: errorText(error) };
  }
}

/** The project context of the set; a failure leaves every story to the settings (and the summary says so). */
function projectContextSafely(prepared: readonly Prepared[], lex: Lexicons): { project: ProjectContext; failedCheck?: string } {
  try {
    return { project: buildProjectContext(prepared, lex) };
  } catch (error) {
    return { project: EMPTY_PROJECT_CONTEXT, failedCheck: errorText(error) };
  }
}

function featuresSafely(p: Prepared, notes: Map<string, Finding[]>): BacklogFeatures {
  try {
    return backlogFeatures(p);
  } catch (error) {
    notes.set(p.story.key, [...(notes.get(p.story.key) ?? []), backlogFailure(p.story.key, error)]);
    return { key: p.story.key, links: [], mentions: [] };
  }
}

/**
 * Analyzes a set of stories: every per-story rule, plus duplicates, uniformity, personas and the
 * dependency graph across the set. Each story is scored with the project context built from the
 * whole set (or `context`, when the caller has the project's). Never throws for any story input,
 * and one story's failure never affects another: a story the engine cannot analyze gets an
 * `engine-error` report naming it, the others are analyzed, and `backlog.failed` lists it. Invalid
 * settings throw a TypeError naming the field.
 */
export function analyze(inputs: readonly (StoryInput | unknown)[], settingsInput?: SettingsInput | Settings, context?: ProjectContext): AnalysisReport {
  return analyzeSet(inputs, settingsInput, ENGINE_PARTS, context);
}

/** `analyze` with the engine's parts given (tests pass a part that throws). */
export function analyzeSet(inputs: readonly (StoryInput | unknown)[], settingsInput: SettingsInput | Settings | undefined, parts: EngineParts, context?: ProjectContext): AnalysisReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const list = Array.isArray(inputs) ? inputs : [];
  const slots: (PreparedSlot | null)[] = list.map((input, i) => prepareSafely(input, i, lex, parts));
  makeKeysUnique(slots as PreparedSlot[]);
  const prepared = (slots as PreparedSlot[]).flatMap((s) => (s.ok ? [s.p] : []));
  const projectContext = context ? { project: context } : projectContextSafely(prepared, lex);
  const set = backlogContextSafely(prepared, lex, projectContext.project, parts);
  const notes = new Map<string, Finding[]>();
  for (const [key, error] of set.leftOut) notes.set(key, [backlogFailure(key, error)]);
  const summaryInput = prepared.map((p) => featuresSafely(p, notes));
  // Each prepared story is released once its report is made, so peak memory stays near one copy.
  const stories = slots.map((slot, i) => {
    const s = slot!;
    const report = s.ok
      ? analyzePrepared(s.p, settings, lex, contextReader(projectContext.project), set.context, { parts, notes: notes.get(s.p.story.key) ?? [] })
      : failedStoryReport(s.key, s.summary, 'prepare', s.error);
    slots[i] = null;
    return report;
  });
  return { tool: TOOL, stories, backlog: summarizeBacklog(summaryInput, stories, set.context, set.failedCheck ?? projectContext.failedCheck) };
}

/** Analyzes one story on its own: no backlog findings; scored with the project context given (default: none yet). Never throws for any story input. */
export function analyzeStory(
  input: StoryInput | unknown,
  settingsInput?: SettingsInput | Settings,
  context: ProjectContext = EMPTY_PROJECT_CONTEXT,
  parts: EngineParts = ENGINE_PARTS,
  options: Pick<StoryOptions, 'suggestions'> = {},
): StoryReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const slot = prepareSafely(input, 0, lex, parts);
  return slot.ok ? analyzePrepared(slot.p, settings, lex, contextReader(context), null, { parts, ...options }) : failedStoryReport(slot.key, slot.summary, 'prepare', slot.error);
}

/**
 * Checks suggestions written elsewhere (AI assist's model) for one story with the engine's own
 * self-check, in the story's project context: the story's report with these candidates, each with
 * `appliable` and `checks`, in place of the engine's suggestions. Never throws for any story input.
 */
export function checkSuggestions(
  input: StoryInput | unknown,
  settingsInput: SettingsInput | Settings | undefined,
  context: ProjectContext,
  candidates: NonNullable<StoryOptions['candidates']>,
): StoryReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const slot = prepareSafely(input, 0, lex);
  return slot.ok ? analyzePrepared(slot.p, settings, lex, contextReader(context), null, { candidates }) : failedStoryReport(slot.key, slot.summary, 'prepare', slot.error);
}
