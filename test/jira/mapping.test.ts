/** Jira issue -> StoryInput, and the story fields found on the site. */
import { discoverFields, pickStoryFields } from '../../src/jira/fields';
import { issueToStory, linksOf, STORY_FIELDS } from '../../src/jira/mapping';
import type { JiraField, JiraIssue } from '../../src/jira/types';
import { clientAs, startEmulator } from '../preview/emulator/harness';

const blocks = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const adf = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] };
const fieldIds = { storyPoints: 'customfield_10016', acceptanceCriteria: 'customfield_10050' };

describe('linksOf: the issuelinks direction rule', () => {
  it.each([
    ['inwardIssue: this issue is blocked by it', { type: blocks, inwardIssue: { key: 'A-1' } }, [{ type: 'Blocks', direction: 'inward', key: 'A-1' }]],
    ['outwardIssue: this issue blocks it', { type: blocks, outwardIssue: { key: 'A-2' } }, [{ type: 'Blocks', direction: 'outward', key: 'A-2' }]],
    ['no type name: skipped', { type: {}, outwardIssue: { key: 'A-2' } }, []],
    ['no other issue: skipped', { type: blocks }, []],
    ['not an object: skipped', 'Blocks A-1', []],
  ])('%s', (_, link, expected) => {
    expect(linksOf([link])).toEqual(expected);
  });

  it('is empty for anything but an array', () => {
    expect(linksOf(undefined)).toEqual([]);
    expect(linksOf({})).toEqual([]);
  });
});

describe('issueToStory', () => {
  const issue: JiraIssue = {
    id: '10001',
    key: 'FOOD-2',
    fields: {
      summary: '  As a diner, I want to reorder  ',
      description: adf,
      issuetype: { name: 'Story' },
      labels: ['ordering', 3],
      parent: { key: 'FOOD-1' },
      status: { name: 'To Do' },
      issuelinks: [
        { type: blocks, outwardIssue: { key: 'FOOD-3' } },
        { type: blocks, inwardIssue: { key: 'FOOD-4' } },
      ],
      customfield_10016: 3,
      customfield_10050: 'Given a past order, when I tap it, then it is placed',
    },
  };

  it('maps every field', () => {
    expect(issueToStory(issue, fieldIds)).toEqual({
      key: 'FOOD-2',
      summary: 'As a diner, I want to reorder',
      description: adf,
      descriptionFormat: 'adf',
      storyPoints: 3,
      acceptanceCriteria: 'Given a past order, when I tap it, then it is placed',
      issueType: 'Story',
      labels: ['ordering'],
      parent: 'FOOD-1',
      status: 'To Do',
      links: [
        { type: 'Blocks', direction: 'outward', key: 'FOOD-3' },
        { type: 'Blocks', direction: 'inward', key: 'FOOD-4' },
      ],
      source: 'issue',
    });
  });

  it('tells an empty story points field (null) from a site without one (absent)', () => {
    const empty = { ...issue, fields: { ...issue.fields, customfield_10016: null } };
    expect(issueToStory(empty, fieldIds).storyPoints).toBeNull();
    expect(issueToStory(issue, {}).storyPoints).toBeUndefined();
    expect('storyPoints' in issueToStory(issue, {})).toBe(false);
  });

  it('survives a sparse issue', () => {
    expect(issueToStory({ id: '1', key: 'A-1', fields: {} }, fieldIds)).toEqual({ key: 'A-1', summary: '', storyPoints: null, source: 'issue' });
  });

  it('keeps what the parent field says of the parent: its summary and issue type (the epics, without another query)', () => {
    const withEpic = { ...issue, fields: { ...issue.fields, parent: { id: '10000', key: 'FOOD-1', fields: { summary: 'Reorders', issuetype: { name: 'Epic' }, status: { name: 'To Do' } } } } };
    expect(issueToStory(withEpic, fieldIds)).toMatchObject({ parent: 'FOOD-1', parentSummary: 'Reorders', parentType: 'Epic' });
    // Only the key: nothing else is made up.
    expect(issueToStory(issue, fieldIds)).not.toHaveProperty('parentSummary');
    const odd = { ...issue, fields: { ...issue.fields, parent: { key: 'FOOD-1', fields: { summary: 7, issuetype: 'Epic' } } } };
    expect(issueToStory(odd, fieldIds)).toMatchObject({ parent: 'FOOD-1' });
    expect(issueToStory(odd, fieldIds)).not.toHaveProperty('parentSummary');
    expect(issueToStory(odd, fieldIds)).not.toHaveProperty('parentType');
  });

  it('takes the epic link for the parent when an export names that field and parent is empty', () => {
    const legacy: JiraIssue = { id: '2', key: 'OLD-7', fields: { summary: 'As a user I want x', customfield_10014: 'OLD-1' } };
    expect(issueToStory(legacy, { epicLink: 'customfield_10014' }).parent).toBe('OLD-1');
    expect(issueToStory({ ...legacy, fields: { ...legacy.fields, parent: { key: 'OLD-2' } } }, { epicLink: 'customfield_10014' }).parent).toBe('OLD-2');
    expect(issueToStory(legacy, {}).parent).toBeUndefined();
  });

  it('reads a string description as plain text, or in the format the caller recognizes', () => {
    const wiki: JiraIssue = { id: '3', key: 'OLD-8', fields: { summary: 's', description: 'h3. Acceptance criteria\n* it works' } };
    expect(issueToStory(wiki, {}).descriptionFormat).toBe('text');
    expect(issueToStory(wiki, {}, { textFormat: () => 'wiki' }).descriptionFormat).toBe('wiki');
    expect('descriptionFormat' in issueToStory(wiki, {}, { textFormat: () => undefined })).toBe(false);
  });

  it('lists the fields to request', () => {
    expect(STORY_FIELDS(fieldIds)).toEqual(['summary', 'description', 'issuetype', 'labels', 'parent', 'status', 'issuelinks', 'customfield_10016', 'customfield_10050']);
    expect(STORY_FIELDS({})).not.toContain(undefined);
  });
});

describe('pickStoryFields', () => {
  const f = (id: string, name: string, custom?: string, type = 'number'): JiraField => ({ id, name, custom: id.startsWith('customfield_'), schema: custom ? { type, custom } : { type } });
  const FLOAT = 'com.atlassian.jira.plugin.system.customfieldtypes:float';
  const JSW = 'com.pyxis.greenhopper.jira:jsw-story-points';

  it("prefers Jira Software's story point type over a number field of the usual name", () => {
    // The other one is kept: a company-managed project of the same site uses it.
    expect(pickStoryFields([f('customfield_10026', 'Story Points', FLOAT), f('customfield_10016', 'Story point estimate', JSW)])).toEqual({
      storyPoints: 'customfield_10016',
      otherStoryPoints: ['customfield_10026'],
    });
  });

  it('finds "Story Points" by name, case-insensitively', () => {
    expect(pickStoryFields([f('summary', 'Summary'), f('customfield_10002', ' story  POINTS ', FLOAT)])).toEqual({ storyPoints: 'customfield_10002' });
  });

  it('ignores text fields and system fields of that name', () => {
    expect(pickStoryFields([f('customfield_1', 'Story Points', 'x:textfield', 'string'), { id: 'sp', name: 'Story Points', custom: false }])).toEqual({});
  });

  it('finds the acceptance criteria field by name', () => {
    expect(pickStoryFields([f('customfield_10050', 'Acceptance Criteria', 'x:textarea', 'string')])).toEqual({ acceptanceCriteria: 'customfield_10050' });
  });
});

describe('against the emulator', () => {
  it('discovers the fields and maps issues with their links on both sides', async () => {
    const h = await startEmulator();
    try {
      const client = clientAs(h.emulator, 'alice');
      const fields = await discoverFields(client);
      expect(fields).toEqual(fieldIds);
      const story = issueToStory(await client.getIssue('FOOD-2', { fields: STORY_FIELDS(fields) }), fields);
      expect(story).toMatchObject({ key: 'FOOD-2', storyPoints: 3, descriptionFormat: 'adf', parent: 'FOOD-1', issueType: 'Story', status: 'To Do' });
      expect(story.links).toEqual(
        expect.arrayContaining([
          { type: 'Blocks', direction: 'outward', key: 'FOOD-3' },
          { type: 'Relates', direction: 'inward', key: 'FOOD-5' },
        ]),
      );
      // The fixture lists the FOOD-2 -> FOOD-3 link on FOOD-2 only; Jira shows it on both.
      const blocked = issueToStory(await client.getIssue('FOOD-3', { fields: STORY_FIELDS(fields) }), fields);
      expect(blocked.links).toEqual([{ type: 'Blocks', direction: 'inward', key: 'FOOD-2' }]);
      expect(blocked.storyPoints).toBeNull();
    } finally {
      await h.stop();
    }
  });
});
