/**
 * What the engine says when it fails on a story instead of throwing: one story's failure never
 * reaches the others. A failure is an `engine-error` finding (message id + data naming the story and
 * the error's message, never a stack); a story that could not be analyzed at all also gets `failed`
 * and placeholder scores that every surface and every backlog score leave out.
 */
import { ENGINE_ERROR_ID } from './rules/ids';
import { formatMessage } from './locales/en';
import { CRITERIA, type ActiveSeverity, type CriteriaScores, type EngineStage, type Finding, type StoryReport } from './story';

export { ENGINE_ERROR_ID };

/** Longest error message kept: enough to recognise the bug, small enough for a property or a record. */
const MAX_ERROR_TEXT = 200;

/** Never throws, whatever was thrown (a getter that throws, a Symbol, null …). */
function rawText(error: unknown): string {
  try {
    if (error instanceof Error) {
      const name = typeof error.name === 'string' && error.name ? error.name : 'Error';
      return error.message ? `${name}: ${String(error.message)}` : name;
    }
    if (typeof error === 'string') return error;
    if (error === null || error === undefined) return String(error);
    if (typeof error === 'object') return 'a non-Error value was thrown';
    return String(error);
  } catch {
    return 'an unreadable error';
  }
}

/** The error's message on one line, bounded: what a person can report. Never a stack. */
export function errorText(error: unknown): string {
  // eslint-disable-next-line no-control-regex
  const line = rawText(error).replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim() || 'unknown error';
  return line.length > MAX_ERROR_TEXT ? `${line.slice(0, MAX_ERROR_TEXT - 1)}…` : line;
}

function finding(messageId: string, severity: ActiveSeverity, data: Record<string, string>): Finding {
  return { ruleId: ENGINE_ERROR_ID, criterion: 'engine', severity, messageId, data, message: formatMessage(ENGINE_ERROR_ID, messageId, data) };
}

/** A rule's check threw on this story: its findings are missing and the score leaves it out. */
export function ruleFailure(key: string, ruleId: string, error: unknown): Finding {
  return finding('rule', 'warn', { key, rule: ruleId, error: errorText(error) });
}

/** A suggester threw on this story: no suggestions of that kind. */
export function suggestionFailure(key: string, suggestion: 'rewrites' | 'splits', error: unknown): Finding {
  return finding('suggestion', 'info', { key, suggestion, error: errorText(error) });
}

/** The set-level checks (duplicates, uniformity, personas, dependencies) had to leave this story out. */
export function backlogFailure(key: string, error: unknown): Finding {
  return finding('backlog', 'info', { key, error: errorText(error) });
}

const ZERO = (): CriteriaScores => Object.fromEntries(CRITERIA.map((c) => [c, 0])) as CriteriaScores;

/** The report of a story the engine could not analyze: well-formed, no verdict, the error named. */
export function failedStoryReport(key: string, summary: string, stage: EngineStage, error: unknown): StoryReport {
  const message = errorText(error);
  return {
    key,
    summary,
    score: 0,
    criteria: ZERO(),
    template: { form: 'none', role: null, goal: null, benefit: null },
    technical: false,
    kind: 'user',
    findings: [finding('story', 'error', { key, stage, error: message })],
    backlogFindings: [],
    rewrites: [],
    splits: [],
    failed: { stage, message },
  };
}

/**
 * Key and summary of an input the engine could not even read, taken as carefully as `toStory` would
 * (strings only; a getter that throws gives the fallback).
 */
export function inputIdentity(input: unknown, index: number): { key: string; summary: string } {
  let key = String(index + 1);
  let summary = '';
  try {
    if (input && typeof input === 'object') {
      const raw = input as { key?: unknown; summary?: unknown };
      if (typeof raw.key === 'string' && raw.key) key = raw.key;
      else if (typeof raw.key === 'number' && Number.isFinite(raw.key)) key = String(raw.key);
      if (typeof raw.summary === 'string') summary = raw.summary.slice(0, 255);
    } else if (typeof input === 'string') summary = input.slice(0, 255);
  } catch {
    // keep the fallbacks
  }
  return { key, summary };
}
