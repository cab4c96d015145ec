/**
 * The save trigger's filter expression: the manifest's text is the app's constant, it drops only
 * edits of types the project names as unchecked, and saving the settings publishes the types it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SettingsView } from '../../src/contract/settings';
import { passesTriggerFilter, TRIGGER_FILTER_EXPRESSION, TYPES_PROPERTY, typesProperty } from '../../src/app/trigger-filter';
import { callHandler } from '../../src/app';
import { JiraError } from '../../src/jira/errors';
import { ALICE, BOB, startHarness, type Harness } from './harness';

const manifest = readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8');

/** The trigger's `filter.expression` as written in manifest.yml (a double-quoted YAML scalar, JSON-compatible here). */
function manifestExpression(): string {
  const line = /\n\s+expression: ("(?:[^"\\]|\\.)*")\n/.exec(manifest.slice(manifest.indexOf('trigger:')));
  if (!line) throw new Error('manifest.yml has no trigger filter expression');
  return JSON.parse(line[1]!) as string;
}

/**
 * Evaluates the manifest's expression as JavaScript: the operators it uses (`?.`, `==`, `||`,
 * `.includes`, `.toLowerCase`) mean the same in both languages, and a missing map key is null in
 * Jira and undefined here (`== null` holds for both).
 */
function evaluate(expression: string, event: unknown): unknown {
  return new Function('event', `return (${expression});`)(event) as unknown;
}

/**
 * The event as the filter sees it. Forge resolves each `event.runtime` path before evaluating: to
 * the stored primitive or array of primitives, or to null when it cannot (no property, no such key,
 * an object).
 */
function event(type: string | null, stored: unknown) {
  const names = (stored as { names?: unknown } | undefined)?.names;
  return {
    issue: { id: '10001', key: 'FOOD-1', fields: type === null ? {} : { issuetype: { id: '10001', name: type } } },
    runtime: { project: { properties: { [TYPES_PROPERTY]: { names: Array.isArray(names) ? names : null } } } },
  };
}

test('manifest.yml carries the app\'s expression, and it reads one entity property path (Forge allows 5)', () => {
  expect(manifestExpression()).toBe(TRIGGER_FILTER_EXPRESSION);
  expect(manifest).toMatch(/filter:\n\s+ignoreSelf: true\n\s+expression: .*\n\s+onError: RECEIVE_AND_LOG\n/);
  const paths = new Set(TRIGGER_FILTER_EXPRESSION.match(/event\.runtime\.[\w.]+\['[^']+'\](?:\.\w+)*/g));
  expect([...paths]).toEqual([`event.runtime.project.properties['${TYPES_PROPERTY}'].names`]);
});

const CASES: { why: string; type: string | null; stored: unknown; delivered: boolean }[] = [
  { why: 'a checked type', type: 'Story', stored: { names: ['story'] }, delivered: true },
  { why: 'a checked type, any case', type: 'STORY', stored: { names: ['story', 'task'] }, delivered: true },
  { why: 'a type the project does not check', type: 'Subtask', stored: { names: ['story'] }, delivered: false },
  { why: 'a bug in a project that checks stories and tasks', type: 'Bug', stored: { names: ['story', 'task'] }, delivered: false },
  { why: 'a project that never saved its settings (no property)', type: 'Subtask', stored: undefined, delivered: true },
  { why: 'a property without names', type: 'Subtask', stored: {}, delivered: true },
  { why: 'an event without an issue type', type: null, stored: { names: ['story'] }, delivered: true },
];

test.each(CASES)('$why: delivered $delivered (the manifest expression and the preview agree)', ({ type, stored, delivered }) => {
  expect(evaluate(manifestExpression(), event(type, stored))).toBe(delivered);
  expect(passesTriggerFilter(type, stored)).toBe(delivered);
});

describe('saving the settings publishes the checked types', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('settings/set and settings/reset write storyHealthTypes as the admin', async () => {
    const app = h.deps().asApp();
    expect(await app.getProjectProperty('FOOD', TYPES_PROPERTY)).toBeNull();
    const set = await h.call<SettingsView>('settings/set', { projectKey: 'FOOD', settings: { issueTypes: ['Story', 'Task', ' story'] } }, ALICE);
    expect(set.ok).toBe(true);
    expect(await app.getProjectProperty('FOOD', TYPES_PROPERTY)).toEqual({ names: ['story', 'task'] });
    expect(await h.call('settings/reset', { projectKey: 'FOOD', preset: 'recommended' }, ALICE)).toMatchObject({ ok: true });
    expect(await app.getProjectProperty('FOOD', TYPES_PROPERTY)).toEqual(typesProperty({ issueTypes: ['Story'] }));
  });

  test('a member is refused before anything is written', async () => {
    const before = await h.deps().asApp().getProjectProperty('ZONE', TYPES_PROPERTY);
    const r = await h.call('settings/set', { projectKey: 'ZONE', settings: { issueTypes: ['Bug'] } }, BOB);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await h.deps().asApp().getProjectProperty('ZONE', TYPES_PROPERTY)).toEqual(before);
  });

  test('Jira refusing the property keeps the old settings: the filter never drops a type the settings check', async () => {
    const before = await h.call<SettingsView>('settings/get', { projectKey: 'FOOD' });
    const deps = h.deps(ALICE);
    const refused = new JiraError('Could not set property storyHealthTypes of project FOOD: Jira answered 500.', { status: 500, code: 'server' });
    const refusing = { ...deps, asUser: () => ({ ...deps.asUser(), setProjectProperty: () => Promise.reject(refused) }) };
    const r = await callHandler('settings/set', { projectKey: 'FOOD', settings: { issueTypes: ['Story', 'Bug'] } }, { accountId: ALICE }, refusing);
    expect(r.ok).toBe(false);
    expect(await h.call<SettingsView>('settings/get', { projectKey: 'FOOD' })).toEqual(before);
  });

  test('the project property reads null for a project without it, and 404 for a project the user cannot see', async () => {
    expect(await h.deps().asApp().getProjectProperty('ZONE', 'noSuchProperty')).toBeNull();
    await expect(h.deps(BOB).asUser().getProjectProperty('NOPE', TYPES_PROPERTY)).rejects.toMatchObject({ code: 'not-found' });
  });
});
