/** Small helpers the handlers share. */
import type { SampleProjectFile } from '../../sample/schema';
import type { RenderContext } from '../render';
import type { RequestContext } from '../router';

/** A query parameter that may repeat and may hold a comma-separated list; `undefined` when absent. */
export function listParam(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name);
  return values.length ? values : undefined;
}

export function renderContext(ctx: RequestContext, data: Readonly<SampleProjectFile> = ctx.store.current): RenderContext {
  return { data, caller: ctx.caller, baseUrl: ctx.baseUrl, idOf: (issue) => ctx.store.idOf(issue, data) };
}

export function nowIso(ctx: RequestContext): string {
  return new Date(ctx.now()).toISOString();
}
