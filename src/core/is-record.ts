/** The one test for "a plain JSON object" (not null, not an array) that every layer uses on untrusted input. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
