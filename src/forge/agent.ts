/**
 * Forge glue of the Rovo agent's actions: the payload as Rovo sends it, the asking user from
 * Forge's context (`principal.accountId`), the same dependencies as the resolvers.
 */
import { backlogHealth, checkStory, suggestRewrite, suggestSplit, type ActionContext } from '../app/agent-actions';
import { forgeDeps } from './runtime';

interface ForgeActionContext {
  principal?: { accountId?: string };
  accountId?: string;
}

function asker(context: ForgeActionContext | undefined): ActionContext {
  return { accountId: context?.principal?.accountId ?? context?.accountId ?? null };
}

export const checkStoryAction = (payload: unknown, context?: ForgeActionContext) => checkStory(payload, asker(context), forgeDeps());
export const suggestRewriteAction = (payload: unknown, context?: ForgeActionContext) => suggestRewrite(payload, asker(context), forgeDeps());
export const suggestSplitAction = (payload: unknown, context?: ForgeActionContext) => suggestSplit(payload, asker(context), forgeDeps());
export const backlogHealthAction = (payload: unknown, context?: ForgeActionContext) => backlogHealth(payload, asker(context), forgeDeps());
