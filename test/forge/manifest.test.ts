/**
 * manifest.yml is valid (offline `validate()` from @forge/manifest), every handler it names is
 * exported by src/forge/index.ts, and every Custom UI resource it names has been built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '@forge/manifest';
import * as forgeIndex from '../../src/forge/index';
import { RESOLVER_KEYS } from '../../src/contract/keys';
import { HANDLERS } from '../../src/app';

const ROOT = join(__dirname, '..', '..');
const manifestText = readFileSync(join(ROOT, 'manifest.yml'), 'utf8');

test('manifest.yml passes @forge/manifest validation', async () => {
  const result = await validate(false, join(ROOT, 'manifest.yml'));
  expect(result.errors ?? []).toEqual([]);
  expect(result.success).toBe(true);
});

test('every function handler is exported by src/forge/index.ts', () => {
  const handlers = [...manifestText.matchAll(/handler:\s*forge\/index\.(\w+)/g)].map((m) => m[1]!);
  expect(handlers.sort()).toEqual(['backlogHealthAction', 'checkStoryAction', 'issueContextStatus', 'onIssueSaved', 'resolver', 'scanConsumer', 'suggestRewriteAction', 'suggestSplitAction']);
  const mod = forgeIndex as Record<string, unknown>;
  for (const name of handlers) expect(mod[name]).toBeDefined();
});

test('every resource path is built (run `npm run build:static`)', () => {
  const paths = [...manifestText.matchAll(/path:\s*(static\/\S+)/g)].map((m) => m[1]!);
  expect(paths.length).toBe(4);
  for (const p of paths) expect(existsSync(join(ROOT, p, 'index.html'))).toBe(true);
});

test('the fewest scopes that work, no egress, nodejs22.x', () => {
  expect(manifestText).toMatch(/scopes:\s*\n\s*- read:jira-work\s*\n\s*- write:jira-work\s*\n\s*- storage:app\s*\n/);
  // Atlaskit injects <style> elements at run time; Custom UI's CSP needs this, and nothing more.
  expect(manifestText).toMatch(/content:\s*\n\s*styles:\s*\n\s*- unsafe-inline\s*\n/);
  expect(manifestText).not.toMatch(/scripts:/);
  expect(manifestText).not.toMatch(/external:|fetch:|egress/);
  expect(manifestText).toMatch(/name: nodejs22\.x/);
  expect(manifestText).toMatch(/ignoreSelf: true/);
});

test('every resolver key the UI may call has a backend handler', () => {
  for (const key of Object.values(RESOLVER_KEYS)) expect(typeof HANDLERS[key]).toBe('function');
});

test('every function a module names is a declared function module', () => {
  const declared = new Set([...manifestText.matchAll(/- key: ([\w-]+)\n\s+handler:/g)].map((m) => m[1]!));
  const named = [...manifestText.matchAll(/^\s+(?:- )?function: ([\w-]+)$/gm)].map((m) => m[1]!);
  expect(named.length).toBeGreaterThan(0);
  for (const name of named) expect([name, declared.has(name)]).toEqual([name, true]);
  // The collapsed issue view's lozenge comes from the stored property through dynamicProperties.
  expect(manifestText).toMatch(/jira:issueContext:[\s\S]*?dynamicProperties:\n\s+function: issue-context-status\n/);
});
