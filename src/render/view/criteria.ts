/** How every report names the INVEST criteria, the user-story template and the counts. */
import { CRITERIA, type Criterion, type TemplateForm } from '../../contract/ui';

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

/** The counts of "what needs work", named the same in every report. */
export const COUNT_ROWS = [
  { id: 'technical', label: 'Technical stories', hint: 'implementation work framed as a user story' },
  { id: 'oversized', label: 'Oversized', hint: 'too big for one iteration: split them' },
  { id: 'noAcceptanceCriteria', label: 'Without acceptance criteria', hint: 'nobody can say when they are done' },
  { id: 'noEstimate', label: 'Without an estimate', hint: 'no story points' },
  { id: 'notAtomic', label: 'More than one capability', hint: 'the goal joins two or more things' },
  { id: 'dependent', label: 'Waiting on other work', hint: 'blocked-by links or text that depends on other stories' },
] as const;
