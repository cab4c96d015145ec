/**
 * Entry points of the engine: `analyze()` for a set of stories (with backlog-level checks) and
 * `analyzeStory()` for one. Pure: runs in Forge functions, the CLI and the browser.
 *
 * One story, one score: a story's score and criteria count its story-level findings only, and
 * those read nothing but the story, the settings and the project context (`ProjectContext`).
 * Backlog findings (duplicate, non-uniform) come from comparing the set and are reported beside
 * the story in `backlogFindings`.
 */
import { parseSettings, severityFor, type Settings, type SettingsInput } from './config';
import { lexiconsFor, type Lexicons } from './lexicons';
import { formatMessage } from './locales/en';
import { RULES, RULES_BY_ID } from './rules';
import type { ProjectLookups, RuleContext } from './rules';
import { scoreFindings } from './score';
import type { AnalysisReport, Finding, StoryInput, StoryReport } from './story';
import { prepare, type Prepared } from './prepare';
import { suggestRewrites } from './suggest/rewrite';
import { suggestSplits } from './suggest/split';
import { assessWork, projectKeyOf } from './work-kind';
import type { BacklogContext } from './backlog/context';
import { backlogFeatures, buildBacklogContext, summarizeBacklog } from './backlog/summary';
import { buildProjectContext, EMPTY_PROJECT_CONTEXT, type ProjectContext } from './backlog/project-context';
import { contextReader, type ContextReader } from './backlog/context-reads';
import { uniqueKeys } from './unique-keys';

export const ENGINE_VERSION = '1.0.0';
export const TOOL = { name: 'story-health', version: ENGINE_VERSION, engineVersion: ENGINE_VERSION };

/** Accepts validated settings or raw input; raw input that fails the schema throws a clear error. */
const resolved = new WeakMap<object, Settings>();

export function resolveSettings(settings?: SettingsInput | Settings): Settings {
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

/**
 * One story: its score from the story, the settings and the project context (read through
 * `context`, which remembers what was read); `backlog`, when given, adds backlog findings and lets
 * a technical story's rewrite name the story it serves.
 */
export function analyzePrepared(p: Prepared, settings: Settings, lex: Lexicons, context: ContextReader, backlog: BacklogContext | null): StoryReport {
  const { story, template, facts } = p;
  // Who the product serves: the project context (every lookup remembered), unless the settings say.
  const project: ProjectLookups = {
    userWord: (word) => context.has('userVocabulary', word),
    userRole: (role) => context.has('userRoles', role),
    builderProduct: () => (settings.productUsers === 'auto' ? context.has('traits', 'builder-product') : settings.productUsers === 'builders'),
  };
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
  for (const rule of RULES) {
    const severity = severityFor(rule.meta.id, settings, rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    const into = rule.meta.scoreAs === null ? backlogFindings : findings;
    for (const r of rule.check(story, ctx)) {
      const data = r.data ?? {};
      into.push({
        ruleId: rule.meta.id,
        criterion: rule.meta.criterion,
        severity,
        messageId: r.messageId,
        data,
        message: formatMessage(rule.meta.id, r.messageId, data),
        ...(r.field ? { field: r.field } : {}),
        ...(r.range ? { range: r.range } : {}),
        ...(r.kind ? { kind: r.kind } : {}),
      });
    }
  }
  const { criteria, score } = scoreFindings(findings, RULES_BY_ID);
  const ruleIds = new Set(findings.map((f) => f.ruleId));
  return {
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
    findings,
    backlogFindings,
    rewrites: ruleIds.has('technical-story') ? suggestRewrites(story, template, facts, technical, lex, backlog) : [],
    splits: suggestSplits(story, template, facts, lex, ruleIds),
  };
}

/**
 * Analyzes a set of stories: every per-story rule, plus duplicates, uniformity, personas and the
 * dependency graph across the set. Each story is scored with the project context built from the
 * whole set (or `context`, when the caller has the project's). Never throws for any story input;
 * invalid settings throw a TypeError naming the field.
 */
export function analyze(inputs: readonly (StoryInput | unknown)[], settingsInput?: SettingsInput | Settings, context?: ProjectContext): AnalysisReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const list = Array.isArray(inputs) ? inputs : [];
  const prepared = list.map((input, i) => prepare(input, i, lex));
  uniqueKeys(prepared.map((p) => p.story.key)).forEach((key, i) => (prepared[i]!.story.key = key));
  const project = context ?? buildProjectContext(prepared, lex);
  const backlog = buildBacklogContext(prepared, lex, project);
  const summaryInput = prepared.map(backlogFeatures);
  // Each prepared story is released once its report is made, so peak memory stays near one copy.
  const slots: (Prepared | null)[] = prepared;
  const stories = slots.map((p, i) => {
    const report = analyzePrepared(p!, settings, lex, contextReader(project), backlog);
    slots[i] = null;
    return report;
  });
  return { tool: TOOL, stories, backlog: summarizeBacklog(summaryInput, stories, backlog) };
}

/** Analyzes one story on its own: no backlog findings; scored with the project context given (default: none yet). */
export function analyzeStory(input: StoryInput | unknown, settingsInput?: SettingsInput | Settings, context: ProjectContext = EMPTY_PROJECT_CONTEXT): StoryReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  return analyzePrepared(prepare(input, 0, lex), settings, lex, contextReader(context), null);
}
