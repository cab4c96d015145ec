/** The emulator's JQL aliases are the ones manifest.yml declares under jira:entityProperty. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST_PROPERTY_INDEXES } from '../../../src/preview/emulator/jql/aliases';

/** A small reader for the `jira:entityProperty` block: enough for its flat `values` lists. */
function manifestIndexes(): { propertyKey: string; path: string; type: string; searchAlias?: string }[] {
  const text = readFileSync(path.join(__dirname, '..', '..', '..', 'manifest.yml'), 'utf8');
  const block = /^ {2}jira:entityProperty:\n((?: {4}.*\n|\n)+)/m.exec(text)?.[1] ?? '';
  const result: { propertyKey: string; path: string; type: string; searchAlias?: string }[] = [];
  let propertyKey = '';
  let current: { propertyKey: string; path: string; type: string; searchAlias?: string } | undefined;
  for (const line of block.split('\n')) {
    const key = /propertyKey:\s*(\S+)/.exec(line);
    if (key) propertyKey = key[1] as string;
    const p = /-\s+path:\s*(\S+)/.exec(line);
    if (p) {
      current = { propertyKey, path: p[1] as string, type: '' };
      result.push(current);
    }
    const type = /^\s+type:\s*(\S+)/.exec(line);
    if (type && current) current.type = type[1] as string;
    const alias = /searchAlias:\s*(\S+)/.exec(line);
    if (alias && current) current.searchAlias = alias[1] as string;
  }
  return result;
}

it('mirrors manifest.yml', () => {
  const declared = manifestIndexes();
  expect(declared.length).toBeGreaterThan(0);
  expect([...MANIFEST_PROPERTY_INDEXES]).toEqual(declared);
});
