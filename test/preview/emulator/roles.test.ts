/** A viewer (browse-only role) sees issues but may not edit, create, link, comment or set properties: Jira's 403s. */
import path from 'node:path';
import type { JiraError } from '../../../src/jira/errors';
import { clientAs, startEmulator, type Harness } from './harness';

const SAMPLE = path.join(__dirname, '..', '..', '..', 'src', 'preview', 'sample', 'project.json');
const DAN = '64a2c7e90b1d3f0071c8e4a2';

let h: Harness;
beforeAll(async () => {
  h = await startEmulator({ projectFile: SAMPLE, fresh: true });
});
afterAll(() => h.stop());

const rejection = (p: Promise<unknown>) => p.then(() => new Error('resolved'), (e: unknown) => e);

test('dan browses FOOD but holds no write permission', async () => {
  const dan = clientAs(h.emulator, DAN);
  expect((await dan.getIssue('FOOD-8', { fields: ['summary'] })).key).toBe('FOOD-8');
  expect(await dan.myPermissions({ issueKey: 'FOOD-8', permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'CREATE_ISSUES', 'LINK_ISSUES', 'ADD_COMMENTS'] })).toEqual({
    BROWSE_PROJECTS: true,
    EDIT_ISSUES: false,
    CREATE_ISSUES: false,
    LINK_ISSUES: false,
    ADD_COMMENTS: false,
  });
  expect(await rejection(dan.editIssue('FOOD-8', { fields: { summary: 'Dan was here' } }))).toMatchObject<Partial<JiraError>>({ code: 'bad-request' }); // Jira answers an edit without permission with 400
  expect(await rejection(dan.setIssueProperty('FOOD-8', 'storyHealthUndo', { summary: 'forged' }))).toMatchObject<Partial<JiraError>>({ code: 'forbidden' });
  expect(await rejection(dan.createIssue({ fields: { project: { key: 'FOOD' }, issuetype: { name: 'Story' }, summary: 'x' } }))).toMatchObject<Partial<JiraError>>({ code: 'bad-request' });
  expect((await clientAs(h.emulator, 'app').getIssue('FOOD-8', { fields: ['summary'] })).fields.summary).not.toBe('Dan was here');
});
