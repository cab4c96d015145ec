import type { Rule } from './types';
import { sentenceRange } from './util';

export const missingRole: Rule = {
  meta: {
    id: 'missing-role',
    criterion: 'template',
    scoreAs: 'template',
    description: 'The story names who wants it ("As a <role>").',
    rationale: 'A story told from a user\'s point of view keeps the team on the user\'s problem. Without a role nobody can judge whether the story is valuable. Job stories ("When …, I want …, so I can …") describe a situation instead and pass.',
    defaultSeverity: { recommended: 'error', strict: 'error' },
    messages: ['missing', 'notARole'],
    weight: 1,
    examples: {
      valid: [
        { summary: 'As a reviewer, I want to upload photos of my meal, so that other diners see the dish.' },
        { summary: 'When I arrive at a hotel, I want to see its reviews, so I can decide where to eat.' },
        { summary: 'As an administrator I want to define zones on a picture so that uploads are cut consistently' },
      ],
      invalid: [
        { summary: 'I want to upload photos of my meal so that other diners see the dish.' },
        { summary: 'Photo upload for reviews' },
        { summary: 'As Mike, I want to see usage metrics, so that I know how much the site is used.' },
      ],
    },
  },
  check(story, { template, lexicons }) {
    if (template.form === 'job-story') return [];
    if (!template.role) {
      return [{ messageId: 'missing', field: template.field, range: sentenceRange(template) }];
    }
    const name = template.roleName ?? '';
    if (lexicons.givenNames.has(name)) {
      return [{ messageId: 'notARole', data: { role: template.role.text }, field: template.field, range: template.role.range }];
    }
    return [];
  },
};
