import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesMarkdown } from '../../scripts/lib/rules-doc';

test('docs/rules.md is generated from rule meta and up to date (run `npm run docs`)', () => {
  const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  expect(onDisk).toBe(rulesMarkdown());
});
