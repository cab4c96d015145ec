/** How the report names the INVEST criteria and the user-story template. */
import { CRITERIA, type Criterion, type TemplateForm } from '../core/story';

export { CRITERIA, type Criterion };

export const CRITERION_NAMES: Readonly<Record<Criterion, string>> = {
  independent: 'Independent',
  negotiable: 'Negotiable',
  valuable: 'Valuable',
  estimable: 'Estimable',
  small: 'Small',
  testable: 'Testable',
  template: 'Story template',
};

/** The INVEST letter; the template has none. */
export const CRITERION_SHORT: Readonly<Record<Criterion, string>> = {
  independent: 'I',
  negotiable: 'N',
  valuable: 'V',
  estimable: 'E',
  small: 'S',
  testable: 'T',
  template: '',
};

export const FORM_NAMES: Readonly<Record<TemplateForm, string>> = {
  'role-goal-benefit': 'As a …, I want …, so that …',
  'benefit-first': 'In order to …, as a …, I want …',
  'job-story': 'When …, I want to …, so I can …',
  'i-want': 'I want … (no role)',
  none: 'no template',
};

/** The in-page anchor of the list of stories failing a criterion. */
export function failingAnchor(criterion: Criterion): string {
  return `failing-${criterion}`;
}
