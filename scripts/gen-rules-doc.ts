import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesMarkdown } from './lib/rules-doc';

const out = join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(out, rulesMarkdown());
console.log(`wrote ${out}`);
