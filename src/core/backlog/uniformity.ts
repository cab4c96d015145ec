/**
 * Does the backlog follow one story template? The most common form is the convention; when it
 * covers a clear majority, stories written in another form stand out.
 */
import type { TemplateForm } from '../story';

/** The forms in the order of the `TemplateForm` union: the tie-break order (role-goal-benefit first). */
export const TEMPLATE_FORMS: readonly TemplateForm[] = ['role-goal-benefit', 'benefit-first', 'job-story', 'i-want', 'none'];

/** A form is a convention when it covers at least this share of the stories … */
export const CONVENTION_MIN_SHARE = 0.6;
/** … and at least this many stories. */
export const CONVENTION_MIN_COUNT = 3;

export function uniformity(items: { key: string; form: TemplateForm }[]): {
  dominantForm: TemplateForm;
  share: number;
  nonUniform: string[];
} {
  if (items.length === 0) return { dominantForm: 'none', share: 0, nonUniform: [] };
  const counts = new Map<TemplateForm, number>();
  for (const { form } of items) counts.set(form, (counts.get(form) ?? 0) + 1);
  let dominantForm: TemplateForm = 'none';
  let best = -1;
  // Known forms in union order first (strict > keeps the earlier one on ties), then any unknown value.
  const order = [...TEMPLATE_FORMS, ...[...counts.keys()].filter((f) => !TEMPLATE_FORMS.includes(f))];
  for (const form of order) {
    const n = counts.get(form) ?? 0;
    if (n > best) {
      best = n;
      dominantForm = form;
    }
  }
  const share = best / items.length;
  const isConvention = dominantForm !== 'none' && share >= CONVENTION_MIN_SHARE && best >= CONVENTION_MIN_COUNT;
  const nonUniform = isConvention ? items.filter((it) => it.form !== dominantForm).map((it) => it.key) : [];
  return { dominantForm, share, nonUniform };
}
