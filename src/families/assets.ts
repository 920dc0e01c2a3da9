/** The assets family: the static files every edition ships: the stylesheets, the book face and its licence, the search scripts. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../infra/hash.js';
import { GENRES_CSS, packageRoot } from '../infra/package.js';
import { bookFace, fontLicence } from '../site/fonts.js';
import type { Output } from '../write/write.js';
import { family } from './family.js';

async function assetFiles(): Promise<Output[]> {
  const dir = path.join(packageRoot(), 'xslt', 'html', 'assets');
  const outputs: Output[] = [];
  for (const name of (await readdir(dir)).sort()) outputs.push({ path: `assets/${name}`, content: await readFile(path.join(dir, name)) });
  outputs.push({ path: 'assets/genres.css', content: await readFile(GENRES_CSS) });
  const face = await bookFace((file) => `fonts/${file.name}`);
  outputs.push({ path: 'assets/fonts.css', content: face.css });
  for (const file of face.files) outputs.push({ path: `assets/fonts/${file.name}`, content: file.content });
  outputs.push({ path: 'assets/fonts/LICENSE.txt', content: await fontLicence() });
  return outputs;
}

export const assets = family({
  name: 'assets',
  stage: 'exports',
  needs: [],
  async make({ plan }) {
    const files = await assetFiles();
    await plan.makeMany('assets', { content: hashOf(...files.flatMap((o) => [o.path, o.content])) }, () => files);
  },
});
