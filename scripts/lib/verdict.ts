/**
 * The engine's verdict on a story, written without the story's words: rule and message ids, the data
 * values that are not text from the story (signal kinds, keys, counts, form names), and where in the
 * text a finding or span sits as `[start, end)` offsets. docs/quality.md never copies data set text.
 */
import type { Finding, Span, StoryInput, TemplateParse } from '../../src/core/story';
import { parseTemplate } from '../../src/core/template';

/**
 * Finding data keys whose values never quote the story: signal kinds (technical-story), issue keys
 * and a percentage (duplicate), counts, template form names (non-uniform).
 */
const SAFE_DATA = ['signals', 'others', 'similarity', 'count', 'form', 'dominant'] as const;

/** `[5, 14)`, or `—` for no span. */
export function offsets(span: { range: readonly [number, number] } | null | undefined): string {
  return span ? `[${span.range[0]}, ${span.range[1]})` : '—';
}

/** `technical-story/technical: builder role, implementation act at [5, 14)`. */
export function findingVerdict(f: Pick<Finding, 'ruleId' | 'messageId' | 'data' | 'field' | 'range'>): string {
  const data = SAFE_DATA.filter((k) => f.data?.[k] !== undefined && f.data[k] !== '').map((k) =>
    k === 'signals' ? String(f.data[k]) : `${k} ${String(f.data[k])}`,
  );
  const where = f.range ? ` at ${f.field && f.field !== 'summary' ? `${f.field} ` : ''}${offsets({ range: f.range })}` : '';
  return `${f.ruleId}/${f.messageId}${data.length ? `: ${data.join('; ')}` : ''}${where}`;
}

/** How the parser read a story: `role-goal-benefit; role [5, 14); goal [22, 60); benefit —` (offsets in the field named, else the summary). */
export function templateVerdict(
  t: Pick<TemplateParse, 'form' | 'field' | 'role' | 'goal' | 'benefit'>,
  parts: readonly ('role' | 'goal' | 'benefit')[] = ['role', 'goal', 'benefit'],
): string {
  const form = t.field === 'summary' ? t.form : `${t.form} in ${t.field}`;
  return [form, ...parts.map((p) => `${p} ${offsets(t[p] as Span | null)}`)].join('; ');
}

/**
 * How the engine parsed a story input, as offsets: the same `parseTemplate(summary, description)` the
 * engine runs (StoryReport.template keeps the words, not the offsets).
 */
export function inputVerdict(input: Pick<StoryInput, 'summary' | 'description'>, parts?: readonly ('role' | 'goal' | 'benefit')[]): string {
  return templateVerdict(parseTemplate(input.summary ?? '', typeof input.description === 'string' ? input.description : ''), parts);
}
