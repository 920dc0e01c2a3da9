/**
 * The facsimiles family: each published document's facsimile read from its TEI (src/model/facsimile.ts),
 * and each scan the edition keeps made a static IIIF image service (iiif/images/<name>/, src/iiif/tiles.ts)
 * on the workers, again only when its file changes. It gives the document pages their viewer's data
 * and the manifests, the print edition and the e-book their images.
 */
import { statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { message, type Message } from '../infra/messages.js';
import { checkImage, TILE_SETTINGS, tileImage, type TiledImage } from '../iiif/tiles.js';
import { tempDirOf } from '../incremental/state.js';
import { displayName, stampOf } from '../load/load.js';
import type { Stamp } from '../parse/source.js';
import type { Facsimile } from '../model/facsimile.js';
import { viewerData, type Canvas, type DocumentFacsimile } from '../iiif/viewer.js';
import type { ReadDoc } from '../parse/parse.js';
import { documentWork } from '../workers/jobs.js';
import type { BuildContext } from './context.js';
import { facsimileReadings } from './facsimile-readings.js';
import { family } from './family.js';

/** A scan's tile set: made from `file` into the work folder on a worker; answers the image's facts and files (JSON), or what is wrong with it. */
export const tileWork = documentWork<{
  file: string;
  /** The image as messages name it (relative to the working folder). */
  shown: string;
  name: string;
  line: number;
  work: string;
  serviceId: string;
  maxMegapixels: number;
  maxMegabytes: number;
}>(import.meta.url, 'tileWork', async ({ file, shown, name, line, work, serviceId, maxMegapixels, maxMegabytes }) => {
  const checked = await checkImage(file, statSync(file).size, { maxMegapixels, maxMegabytes });
  if ('problem' in checked)
    return { output: undefined, messages: [message('error', 'site', 'facsimile-image', `the page image ${shown} ${checked.problem}`, { file: name, line })] };
  try {
    return { output: JSON.stringify(await tileImage(file, work, checked, serviceId)), messages: [] };
  } catch (e) {
    return {
      output: undefined,
      messages: [
        message(
          'error',
          'site',
          'facsimile-image',
          `the page image ${shown} could not be tiled (${(e as Error).message}): save it again as JPEG, PNG or TIFF`,
          {
            file: name,
            line,
          },
        ),
      ],
    };
  }
});

/** A scan's folder under iiif/images: its path in the edition, in letters a URL keeps as they are. */
const folderName = (relative: string): string => relative.replace(/\.[^./]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');

/** Which scans the documents show, each once however many show it: by file, its folder and where it is first named. */
function scansOf(read: Map<ReadDoc, Facsimile>, root: string): Map<string, { folder: string; name: string; line: number }> {
  const scans = new Map<string, { folder: string; name: string; line: number }>();
  const taken = new Set<string>();
  for (const [doc, facsimile] of read) {
    for (const surface of facsimile.surfaces) {
      if (surface.image.kind !== 'local' || scans.has(surface.image.file)) continue;
      const base = folderName(path.relative(root, surface.image.file));
      let folder = base;
      for (let n = 2; taken.has(folder); n++) folder = `${base}-${n}`;
      taken.add(folder);
      scans.set(surface.image.file, { folder: `iiif/images/${folder}`, name: doc.source.name, line: surface.line });
    }
  }
  return scans;
}

/** A scan's tile set, made or kept; its facts, read from its info.json when kept. */
async function tiled(ctx: BuildContext, file: string, scan: { folder: string; name: string; line: number }, stamp: Stamp): Promise<TiledImage | undefined> {
  const { config, plan, xslt, outDir } = ctx;
  const serviceId = `${config.baseUrl}${scan.folder}`;
  // A scan is known unchanged by its stamp (size, times, inode), as a source is: reading every scan each build costs seconds.
  const inputs = { image: stamp.stamp, settings: TILE_SETTINGS, id: serviceId };
  let made: TiledImage | undefined;
  await plan.makeMany(scan.folder, inputs, async (sink: Message[]) => {
    const work = path.join(tempDirOf(outDir), scan.folder);
    const output = await xslt.work(sink, tileWork, {
      file,
      shown: displayName(file),
      name: scan.name,
      line: scan.line,
      work,
      serviceId,
      maxMegapixels: config.maxImageMegapixels,
      maxMegabytes: config.maxImageMegabytes,
    });
    if (output === undefined) return [];
    const result = JSON.parse(output) as { image: TiledImage; files: string[] };
    made = result.image;
    const outputs = await Promise.all(
      result.files.map(async (f) => ({ path: `${scan.folder}/${f}`, content: await readFile(path.join(work, ...f.split('/'))) })),
    );
    await rm(work, { recursive: true, force: true });
    return outputs;
  });
  if (made) return made;
  const info = await plan.content(`${scan.folder}/info.json`).catch(() => undefined);
  if (!info) return undefined;
  const read = JSON.parse(info.toString('utf8')) as { width: number; height: number; sizes: TiledImage['sizes']; tiles: { scaleFactors: number[] }[] };
  const plate = read.sizes.at(-1)!;
  return { width: read.width, height: read.height, sizes: read.sizes, scaleFactors: read.tiles[0]!.scaleFactors, plate };
}

export const facsimiles = family({
  name: 'facsimiles',
  stage: 'pages',
  needs: ['edition', 'extracts', 'last'],
  gives: 'facsimiles',
  async make(ctx, { edition, extracts, last }) {
    const { config } = ctx;
    const { read, looked } = await facsimileReadings(ctx, extracts.documents.keys(), (doc) => edition.relative(doc), last !== undefined);
    // Stamped before they are read: a scan changed, added or removed since makes the next build no no-op.
    const stamps = new Map<string, Stamp>();
    for (const file of [...looked].sort()) {
      const stamp = await stampOf(file);
      stamps.set(file, stamp);
      ctx.read.push({ path: file, stamp });
    }
    const scans = scansOf(read, config.root);
    const images = new Map<string, TiledImage | undefined>();
    for (const [file, scan] of scans) images.set(file, await tiled(ctx, file, scan, stamps.get(file)!));
    const documents = new Map<ReadDoc, DocumentFacsimile>();
    for (const [doc, facsimile] of read) {
      const canvases: Canvas[] = [];
      const canvasOf = new Map<number, number>();
      facsimile.surfaces.forEach((surface, i) => {
        if (surface.image.kind === 'local') {
          const image = images.get(surface.image.file);
          if (!image) return;
          canvasOf.set(i, canvases.push({ surface, place: i + 1, local: { folder: scans.get(surface.image.file)!.folder, image } }) - 1);
        } else canvasOf.set(i, canvases.push({ surface, place: i + 1 }) - 1);
      });
      if (canvases.length > 0) documents.set(doc, { facsimile, canvases, canvasOf });
    }
    return { documents, viewer: (doc: ReadDoc) => viewerData(documents.get(doc)) };
  },
});
