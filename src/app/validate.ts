/** Payload validation for every resolver: zod, with the field at fault named. */
import type { z } from 'zod';
import { fail, type Envelope } from '../contract/envelope';

export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): { ok: true; value: z.output<S> } | Envelope<never> {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue && issue.path.length ? issue.path.join('.') : undefined;
  return fail('invalid-payload', `Invalid request${field ? ` (${field})` : ''}: ${issue?.message ?? 'unexpected shape'}.`, field);
}
