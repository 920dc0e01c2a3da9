/**
 * The assets family: the static files every edition ships: the stylesheets, the book face and its
 * licence, the search scripts; and, for an edition with facsimiles, the viewer (OpenSeadragon, with its licence).
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { hashOf } from '../infra/hash.js';
import { GENRES_CSS, packageRoot } from '../infra/package.js';
import { bookFace, fontLicence } from '../site/fonts.js';
import type { Output } from '../write/write.js';
import { family } from './family.js';

const require = createRequire(import.meta.url);

async function assetFiles(withViewer: boolean): Promise<Output[]> {
  const dir = path.join(packageRoot(), 'xslt', 'html', 'assets');
  const outputs: Output[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name === 'facsimile.js' && !withViewer) continue;
    outputs.push({ path: `assets/${name}`, content: await readFile(path.join(dir, name)) });
  }
  if (withViewer) {
    const viewer = path.dirname(require.resolve('openseadragon/package.json'));
    // Without its source map's name: the edition does not ship the map.
    const script = (await readFile(path.join(viewer, 'build', 'openseadragon', 'openseadragon.min.js'), 'utf8')).replace(
      /\n\/\/# sourceMappingURL=\S+\s*$/,
      '\n',
    );
    outputs.push({ path: 'assets/openseadragon.min.js', content: script });
    outputs.push({ path: 'assets/openseadragon-LICENSE.txt', content: await readFile(path.join(viewer, 'LICENSE.txt')) });
  }
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
  needs: ['facsimiles'],
  async make({ plan }, { facsimiles }) {
    const files = await assetFiles(facsimiles.documents.size > 0);
    await plan.makeMany('assets', { content: hashOf(...files.flatMap((o) => [o.path, o.content])) }, () => files);
  },
});
