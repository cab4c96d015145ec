/**
 * panel/ai-assist: Atlassian's hosted model may reword the engine's suggestions, propose a split of
 * a big story or draft acceptance criteria. The engine stays the judge: it decides whether there is
 * anything to ask, and every answer is validated (ai-prompt.ts) and checked like any story
 * (`checkSuggestions`: the self-check of the engine's own suggestions); what fails is dropped. Off by default (settings `aiAssist`).
 * Bounded: at most one model call per panel view, none for a text it answered before (the answer
 * is kept per issue and content), a timeout, and a daily number of calls per project.
 */
import { analyzeStory, checkSuggestions } from '../core/analyze';
import type { ProjectContext } from '../core/backlog/project-context';
import type { Settings } from '../core/config';
import { normalizeDescription } from '../core/text';
import type { Rewrite, Split, StoryInput, StoryReport } from '../core/story';
import { aiAssistRequest, type AiAssistResult, type AiAssistStatus } from '../contract/ai-assist';
import { ok, type Envelope } from '../contract/envelope';
import { AI_DAILY_CALLS } from '../contract/ui';
import { MAX_ANSWER_TOKENS, parseAnswer, SYSTEM_PROMPT, userMessage, type AiAnswer, type AiWants } from './ai-prompt';
import { contentHash } from './content-hash';
import { scoringSettings } from './health-property';
import { loadProjectContext } from './context-store';
import { readRequested } from './issue-reader';
import type { CallContext, Deps, LlmPort } from './ports';
import { loadSettings } from './settings-store';
import { parsePayload } from './validate';

/** How long the panel waits for the model (Forge ends a resolver call at 25 s). */
export const AI_TIMEOUT_MS = 12_000;
/** Drafted criteria kept at most. */
const MAX_CRITERIA = 6;

const answerKey = (issueKey: string) => `ai:answer:${issueKey}`;
const usageKey = (projectKey: string, day: string) => `ai:calls:${projectKey}:${day}`;

export const AI_RATIONALE = "Worded by AI assist (Atlassian's hosted model) from the story and the engine's findings, then checked by the engine like any story.";

function result(status: AiAssistStatus, note: string, rest: Partial<AiAssistResult> = {}): AiAssistResult {
  return { status, note, rewrites: [], splits: [], acceptanceDraft: [], dropped: 0, cached: false, ...rest };
}

/** What the engine wants help with: nothing when the story has no problem the model could address. */
export function aiWants(report: StoryReport): AiWants {
  const ids = new Set(report.findings.map((f) => f.ruleId));
  const rewrite =
    report.kind !== 'user' || report.rewrites.length > 0 || ['missing-role', 'missing-benefit', 'weak-benefit', 'vague-term', 'implementation-detail', 'not-minimal'].some((id) => ids.has(id));
  const split = report.kind === 'user' && !report.existingSlices?.length && (ids.has('oversized') || ids.has('not-atomic') || report.splits.length > 0);
  return { rewrite, split, acceptanceCriteria: ids.has('missing-acceptance-criteria') };
}

export async function panelAiAssist(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<AiAssistResult>> {
  const req = parsePayload(aiAssistRequest, payload);
  if (!('value' in req)) return req;
  const { issue, story, projectKey } = await readRequested(deps, req.value.issueKey);
  const settings = await loadSettings(deps.store, projectKey);
  if (!settings.aiAssist) return ok(result('off', 'AI assist is off for this project (a project admin can turn it on in the Story Health settings).'));
  const context = await loadProjectContext(deps.store, projectKey);
  const input = { ...story, key: issue.key };
  const report = analyzeStory(input, settings, context);
  if (report.failed) return ok(result('unavailable', 'AI assist needs the engine\'s analysis of the story, which failed.'));
  const wants = aiWants(report);
  if (!wants.rewrite && !wants.split && !wants.acceptanceCriteria) return ok(result('nothing-to-do', 'The engine finds nothing for AI assist to improve in this story.'));

  const hash = contentHash(input, scoringSettings(settings), wants, SYSTEM_PROMPT);
  const kept = await deps.store.get<{ hash: string; result: AiAssistResult }>(answerKey(issue.key));
  if (kept?.hash === hash) return ok({ ...kept.result, cached: true });

  if (!deps.llm) return ok(result('unavailable', 'No model is available here: the engine\'s own suggestions are shown.'));
  const day = deps.now().toISOString().slice(0, 10);
  const calls = (await deps.store.get<number>(usageKey(projectKey, day))) ?? 0;
  if (calls >= AI_DAILY_CALLS) return ok(result('capped', `AI assist has made its ${AI_DAILY_CALLS} calls for ${projectKey} today: the engine's own suggestions are shown. It resumes tomorrow (UTC).`));
  // Counted before the call: a failing or slow model costs a call too.
  await deps.store.set(usageKey(projectKey, day), calls + 1);

  let text: string;
  try {
    text = await withTimeout(askModel(deps.llm, input.summary, storyText(input), report, wants), AI_TIMEOUT_MS);
  } catch (error) {
    const timedOut = error instanceof TimeoutError;
    return ok(result('unavailable', timedOut ? `The model did not answer within ${AI_TIMEOUT_MS / 1000} s: the engine's own suggestions are shown.` : "The model could not be reached: the engine's own suggestions are shown."));
  }
  const answer = parseAnswer(text);
  if (!answer) return ok(result('unavailable', "The model's answer could not be used: the engine's own suggestions are shown."));

  const checked = checkedAnswer(answer, wants, input, report, settings, context);
  const done = result('ok', checked.note, checked);
  try {
    await deps.store.set(answerKey(issue.key), { hash, result: done });
  } catch {
    // Keeping the answer only saves a call next time.
  }
  return ok(done);
}

function storyText(input: { description?: unknown; acceptanceCriteria?: unknown }): { description: string; acceptanceCriteria: string[] } {
  const criteria = Array.isArray(input.acceptanceCriteria) ? input.acceptanceCriteria.filter((c): c is string => typeof c === 'string') : typeof input.acceptanceCriteria === 'string' ? [input.acceptanceCriteria] : [];
  return { description: normalizeDescription(input.description).text, acceptanceCriteria: criteria };
}

function askModel(llm: LlmPort, summary: string, text: { description: string; acceptanceCriteria: string[] }, report: StoryReport, wants: AiWants): Promise<string> {
  return llm.chat({ system: SYSTEM_PROMPT, user: userMessage({ summary, ...text }, report, wants), maxTokens: MAX_ANSWER_TOKENS });
}

/** The model's suggestions that the engine confirms, and how many it dropped. */
function checkedAnswer(
  answer: AiAnswer,
  wants: AiWants,
  input: StoryInput,
  report: StoryReport,
  settings: Settings,
  context: ProjectContext,
): Pick<AiAssistResult, 'rewrites' | 'splits' | 'acceptanceDraft' | 'dropped' | 'note'> {
  const rewrites: Rewrite[] = wants.rewrite && answer.rewrite ? [{ kind: 'user-story', summary: answer.rewrite, rationale: AI_RATIONALE, placeholders: [] }] : [];
  const splits: Split[] =
    wants.split && answer.split.length && answer.splitPattern
      ? [{ pattern: answer.splitPattern, rationale: AI_RATIONALE, stories: answer.split.map((summary) => ({ summary })), placeholders: [] }]
      : [];
  // A split without a known pattern cannot be labelled truthfully: it is dropped.
  let dropped = wants.split && answer.split.length && !answer.splitPattern ? 1 : 0;
  const checked = checkSuggestions(input, settings, context, { rewrites, splits });
  const goodRewrites = checked.rewrites.filter((r) => r.appliable);
  const goodSplits = checked.splits.filter((s) => s.appliable);
  dropped += checked.rewrites.length - goodRewrites.length + checked.splits.length - goodSplits.length;
  const criteria = wants.acceptanceCriteria ? answer.acceptanceCriteria : [];
  const draft = criteria.filter(isGivenWhenThen).slice(0, MAX_CRITERIA);
  dropped += criteria.length - draft.length;
  const shown = goodRewrites.length + goodSplits.length + (draft.length ? 1 : 0);
  const note = shown
    ? `AI assist suggests ${[goodRewrites.length ? 'a rewrite' : '', goodSplits.length ? 'a split' : '', draft.length ? 'acceptance criteria' : ''].filter(Boolean).join(', ')}${dropped ? `; the engine dropped ${dropped} of its suggestions that failed its check` : ''}.`
    : `The engine's check dropped everything the model suggested (${dropped}): its own suggestions are shown.`;
  return { rewrites: goodRewrites, splits: goodSplits, acceptanceDraft: draft, dropped, note };
}

/** "Given …, when …, then …" with something after each word. */
function isGivenWhenThen(line: string): boolean {
  return /^given\s+\S.*\bwhen\s+\S.*\bthen\s+\S/i.test(line);
}

class TimeoutError extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError('timeout')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
