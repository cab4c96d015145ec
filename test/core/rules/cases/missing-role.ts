import { passes, reports, type InvalidCase, type ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  passes('As a reviewer, I want to upload photos of my meal, so that other diners see the dish.'),
  passes('When I arrive at a hotel, I want to see its reviews, so I can decide where to eat.', 'a job story names a situation'),
  passes('As an administrator I want to define zones on a picture so that uploads are cut consistently', 'no commas'),
];

export const invalid: InvalidCase[] = [
  reports('I want to upload photos of my meal so that other diners see the dish.', 'missing', { field: 'summary', text: 'I want to upload photos of my meal so that other diners see the dish' }),
  reports('As Mike, I want to see usage metrics, so that I know how much the site is used.', 'notARole', { data: { role: 'Mike' }, field: 'summary', text: 'Mike' }),
];
