/** The golden suggestion cases (test/eval/suggestions) parse, hang together and cover what the issue asks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CASE_SPLIT_PATTERNS,
  SUGGESTION_CASES_DIR,
  loadSuggestionCases,
  parseSuggestionProject,
  type SuggestionProject,
} from '../../scripts/lib/suggestion-cases';
import { checkSuggestionProject, countSuggestionCases, countsMarkdown, coverageGaps } from '../../scripts/lib/suggestion-cases-check';

const projects = loadSuggestionCases();

describe('golden suggestion cases', () => {
  it.each(projects.map((p) => [p.file, p.project] as const))('%s is consistent', (_file, project) => {
    expect(checkSuggestionProject(project)).toEqual([]);
  });

  it('meet the minimums of the issue', () => {
    const c = countSuggestionCases(projects);
    expect(coverageGaps(c)).toEqual([]);
    for (const p of CASE_SPLIT_PATTERNS) expect(c.split[p]).toBeGreaterThanOrEqual(3);
  });

  it('are counted in the README as they are', () => {
    const readme = readFileSync(join(SUGGESTION_CASES_DIR, 'README.md'), 'utf8');
    const block = /<!-- counts:[^\n]*-->\n([\s\S]*?)\n<!-- \/counts -->/.exec(readme)?.[1];
    expect(block).toBe(countsMarkdown(countSuggestionCases(projects)).join('\n'));
  });

  it('have unique project names', () => {
    const names = projects.map((p) => p.project.project);
    expect(new Set(names).size).toBe(names.length);
  });
});

/** A small, consistent project to break one way at a time. */
function tiny(): SuggestionProject {
  return {
    project: 'T',
    product: 'a tiny test product',
    issues: [
      { key: 'T-1', type: 'Story', summary: 'As a cook, I want to print a recipe, so that I can read it in the kitchen' },
      {
        key: 'T-2',
        type: 'Story',
        summary: 'Add print stylesheet',
        links: [{ type: 'Blocks', direction: 'outward', key: 'T-1' }],
      },
      { key: 'T-3', type: 'Story', summary: 'As a cook, I want to share a recipe', description: 'By email, SMS or link. Wording TBD.' },
    ],
    expect: [
      { key: 'T-2', rewrite: { kind: 'task', servedKey: 'T-1' } },
      { key: 'T-3', split: { pattern: 'interface-variations', slices: [['email'], ['sms'], ['link']] }, finding: { rule: 'open-question', evidence: 'TBD' } },
    ],
  };
}

describe('checkSuggestionProject', () => {
  it('accepts a consistent project once the link has its twin', () => {
    const p = tiny();
    p.issues[0]!.links = [{ type: 'Blocks', direction: 'inward', key: 'T-2' }];
    expect(checkSuggestionProject(p)).toEqual([]);
  });

  it('names every kind of inconsistency', () => {
    const p = tiny();
    p.issues.push({ key: 'T-1', type: 'Story', summary: 'again' });
    p.issues.push({ key: 'X-9', type: 'Story', summary: 'elsewhere', parent: 'T-99' });
    p.expect.push({ key: 'T-1', rewrite: { kind: 'task', servedKey: 'T-42' } });
    p.expect.push({ key: 'T-1', none: true, acDraft: true });
    p.expect.push({ key: 'T-3', rewrite: { kind: 'user-story', beneficiary: 'baker', mustMention: ['oven'] } });
    p.expect.push({ key: 'T-77', none: true });
    p.expect[1] = {
      key: 'T-3',
      split: { pattern: 'operations', ordered: true, slices: [['email'], ['fax']], forbidden: ['email'] },
      finding: { rule: 'open-question', evidence: 'to be decided' },
    };
    expect(checkSuggestionProject(p)).toEqual([
      'T-1: duplicate issue key',
      'X-9: key is not in project T',
      'T-2: link "Blocks" outward T-1 has no inward twin on T-1',
      'X-9: parent T-99 is not in the project',
      'T-3: "ordered" is only for workflow steps',
      'T-3: slice word "fax" is not in the story',
      'T-3: "email" is both required and forbidden',
      'T-3: evidence "to be decided" is not in the story',
      'T-1: served story T-42 is not in the project',
      'T-1: more than one expectation entry (combine them in one)',
      'T-1: "none" cannot be combined with other expectations',
      'T-3: more than one expectation entry (combine them in one)',
      'T-3: beneficiary "baker" is not named in the story',
      'T-3: must-mention word "oven" is not in the story',
      'T-77: expectation for an issue that is not in the project',
    ]);
  });

  it('refuses a split next to a rewrite, and a task serving itself', () => {
    const p = tiny();
    p.issues[0]!.links = [{ type: 'Blocks', direction: 'inward', key: 'T-2' }];
    p.expect[0] = { key: 'T-2', rewrite: { kind: 'task', servedKey: 'T-2' }, split: 'epic' };
    expect(checkSuggestionProject(p)).toEqual(['T-2: serves itself', 'T-2: a story with a rewrite gets no split (only "none")']);
  });
});

describe('parseSuggestionProject', () => {
  it('names the file and the field of a schema error', () => {
    const bad = { ...tiny(), expect: [{ key: 'T-3', split: { pattern: 'layers', slices: [['ui'], ['db']] } }] };
    expect(() => parseSuggestionProject('t.json', JSON.stringify(bad))).toThrow(/^t\.json: expect\.0\.split/);
  });

  it('refuses unknown fields and text that is not JSON', () => {
    expect(() => parseSuggestionProject('t.json', JSON.stringify({ ...tiny(), extra: 1 }))).toThrow(/t\.json/);
    expect(() => parseSuggestionProject('t.json', '{ nope')).toThrow(/^t\.json: not JSON/);
  });
});

describe('countSuggestionCases', () => {
  it('counts each expectation once and tells linked tasks from obvious ones', () => {
    const p = tiny();
    p.issues.push({ key: 'T-4', type: 'Sub-task', summary: 'Recipe print table', parent: 'T-1' });
    p.issues.push({ key: 'T-5', type: 'Story', summary: 'Recipe PDF renderer' });
    p.expect.push({ key: 'T-4', rewrite: { kind: 'task', servedKey: 'T-1' } });
    p.expect.push({ key: 'T-5', rewrite: { kind: 'task', servedKey: 'T-1' }, split: 'none' });
    p.issues.push({ key: 'T-6', type: 'Story', summary: 'Recipe print fonts', description: 'Needed for T-1.' });
    p.expect.push({ key: 'T-6', rewrite: { kind: 'task', servedKey: 'T-1' } });
    const c = countSuggestionCases([{ file: 't.json', project: p }]);
    expect(c).toMatchObject({ projects: 1, issues: 6, stories: 5, expectations: 7, finding: 1, none: 0 });
    expect(c.rewrite.task).toBe(4);
    expect(c.taskServedBy).toEqual({ link: 1, parent: 1, described: 1, obvious: 1 });
    expect(c.split['interface-variations']).toBe(1);
    expect(c.split.none).toBe(1);
    expect(coverageGaps(c)).toContain('expectations: 7, want at least 80');
  });
});
