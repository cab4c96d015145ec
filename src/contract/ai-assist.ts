/** panel/ai-assist: the model's suggestions for one story, after the engine checked them. */
import { z } from 'zod';
import type { Rewrite, Split } from '../core/story';
import { issueKeySchema } from './panel';

export const aiAssistRequest = z.object({ issueKey: issueKeySchema }).strict();
export type AiAssistRequest = z.infer<typeof aiAssistRequest>;

/**
 * `off`: not enabled for the project; `ok`: the model answered (its suggestions that passed the
 * engine's check are here, possibly none); `nothing-to-do`: the engine finds nothing the model could
 * help with, so no call was made; `capped`: the project's daily number of calls is used up;
 * `unavailable`: the model failed, was slow, or answered something unusable.
 */
export type AiAssistStatus = 'off' | 'ok' | 'nothing-to-do' | 'capped' | 'unavailable';

export interface AiAssistResult {
  status: AiAssistStatus;
  /** One plain sentence for the panel: what happened. */
  note: string;
  /** Suggestions written by the model and checked by the engine (each with `appliable` and `checks`). */
  rewrites: Rewrite[];
  splits: Split[];
  /** Drafted acceptance criteria (never applied as is). */
  acceptanceDraft: string[];
  /** How many of the model's suggestions the engine's check dropped. */
  dropped: number;
  /** True when this answer was stored from an earlier call for the same text (no new call). */
  cached: boolean;
}
