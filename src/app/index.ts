/**
 * The resolver table: namespaced keys -> handlers. Every handler validates its payload with zod and
 * returns one envelope; anything thrown becomes an envelope error here.
 */
import type { Envelope } from '../contract/envelope';
import { RESOLVER_KEYS, type ResolverKey } from '../contract/keys';
import type { CallContext, Deps } from './ports';
import { toEnvelopeError } from './errors';
import { panelAnalyze, panelDraft } from './panel-analyze';
import { settingsGet, settingsReset, settingsSet } from './settings';
import { panelApply, panelUndo } from './panel-actions';
import { panelAiAssist } from './ai-assist';
import { panelCreateSplit, panelMakeTask } from './panel-create';
import { panelMarkSplit } from './panel-mark-split';
import { reportCancel, reportIssues, reportSnapshot, reportStart, reportStatus } from './report-page';

export type Handler = (payload: unknown, ctx: CallContext, deps: Deps) => Promise<Envelope<unknown>>;

export const HANDLERS: Record<ResolverKey, Handler> = {
  [RESOLVER_KEYS.panelAnalyze]: panelAnalyze,
  [RESOLVER_KEYS.panelDraft]: panelDraft,
  [RESOLVER_KEYS.settingsGet]: settingsGet,
  [RESOLVER_KEYS.settingsSet]: settingsSet,
  [RESOLVER_KEYS.settingsReset]: settingsReset,
  [RESOLVER_KEYS.panelApply]: panelApply,
  [RESOLVER_KEYS.panelAiAssist]: panelAiAssist,
  [RESOLVER_KEYS.panelUndo]: panelUndo,
  [RESOLVER_KEYS.panelCreateSplit]: panelCreateSplit,
  [RESOLVER_KEYS.panelMakeTask]: panelMakeTask,
  [RESOLVER_KEYS.panelMarkSplit]: panelMarkSplit,
  [RESOLVER_KEYS.reportStart]: reportStart,
  [RESOLVER_KEYS.reportStatus]: reportStatus,
  [RESOLVER_KEYS.reportSnapshot]: reportSnapshot,
  [RESOLVER_KEYS.reportIssues]: reportIssues,
  [RESOLVER_KEYS.reportCancel]: reportCancel,
};

/** Runs a handler and guarantees an envelope back, whatever happens inside. */
export async function callHandler(key: string, payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<unknown>> {
  const handler = HANDLERS[key as ResolverKey];
  if (!handler) return { ok: false, error: { code: 'invalid-payload', message: `Unknown resolver "${key}".` } };
  try {
    return await handler(payload, ctx, deps);
  } catch (error) {
    return toEnvelopeError(error);
  }
}
