import type { InvalidCase, ValidCase } from '../rule-tester';

export const valid: ValidCase[] = [
  { story: 'As a reviewer, I want to upload photos of my meal, so that other diners see the dish.' },
  { story: 'When I arrive at a hotel, I want to see its reviews, so I can decide where to eat.', why: 'a job story names a situation' },
  { story: 'As an administrator I want to define zones on a picture so that uploads are cut consistently', why: 'no commas' },
];

export const invalid: InvalidCase[] = [
  { story: 'I want to upload photos of my meal so that other diners see the dish.', errors: [{ messageId: 'missing', field: 'summary', text: 'I want to upload photos of my meal so that other diners see the dish' }] },
  { story: 'As Mike, I want to see usage metrics, so that I know how much the site is used.', errors: [{ messageId: 'notARole', data: { role: 'Mike' }, field: 'summary', text: 'Mike' }] },
];
