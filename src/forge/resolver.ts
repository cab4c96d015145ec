/** The Custom UI resolver: every namespaced key of the handler table, with the caller's context. */
import Resolver from '@forge/resolver';
import { HANDLERS, callHandler } from '../app';
import type { CallContext } from '../app/ports';
import { forgeDeps } from './runtime';

interface ForgeContext {
  accountId?: string;
  extension?: { issue?: { key?: string }; project?: { key?: string } };
}

export function toCallContext(context: unknown): CallContext {
  const c = (context ?? {}) as ForgeContext;
  const ctx: CallContext = { accountId: c.accountId ?? null };
  if (c.extension?.issue?.key) ctx.issueKey = c.extension.issue.key;
  if (c.extension?.project?.key) ctx.projectKey = c.extension.project.key;
  return ctx;
}

const resolver = new Resolver();
for (const key of Object.keys(HANDLERS)) {
  resolver.define(key, ({ payload, context }) => callHandler(key, payload, toCallContext(context), forgeDeps()));
}

export const handler = resolver.getDefinitions();
