/** `npm run docs:elements`: writes docs/elements.md, the table of element rules, from the stylesheets. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../infra/package.js';
import { elementRows, elementTable } from './element-table.js';

const root = packageRoot();
writeFileSync(path.join(root, 'docs', 'elements.md'), elementTable(elementRows(path.join(root, 'xslt'))));
process.stdout.write('editio: docs/elements.md written\n');
