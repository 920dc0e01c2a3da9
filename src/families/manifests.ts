/**
 * The manifests family: a IIIF Presentation 3.0 manifest for each published document with a
 * facsimile (iiif/<id>/manifest.json) and the edition's collection of them (iiif/collection.json),
 * which any IIIF viewer (Mirador, Tify, Universal Viewer) opens. The API wants every id to be a URL:
 * an edition without its address (baseUrl) gets none, and is told so once.
 */
import { fill } from '../i18n/catalogue.js';
import { hashOf } from '../infra/hash.js';
import { message } from '../infra/messages.js';
import { collection, manifest, rightsUrl, type PaintedSurface } from '../iiif/manifest.js';
import { publishedPath } from '../exchange/sources.js';
import { documentId } from '../edition/names.js';
import type { ReadDoc } from '../parse/parse.js';
import type { Canvas } from '../iiif/viewer.js';
import type { Results } from './results.js';
import { family } from './family.js';

/** Where an image URL's format shows in its name; a service's images are JPEG. */
const formatOf = (url: string): string => {
  const extension = /\.([a-z]+)$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return extension === 'png' ? 'image/png' : extension === 'gif' ? 'image/gif' : extension === 'webp' ? 'image/webp' : 'image/jpeg';
};

/** A canvas as the manifest paints it; undefined for a remote image whose size the encoding does not give (the API needs it, and it is never downloaded). */
function painted(base: string, { surface, place, local }: Canvas): PaintedSurface | undefined {
  const label = String(place);
  if (local) {
    const { image } = local;
    const service = `${base}${local.folder}`;
    const { plate } = image;
    const smallest = image.sizes[0]!;
    return {
      surface,
      label,
      width: image.width,
      height: image.height,
      thumbnail: { id: `${service}/full/${smallest.width},${smallest.height}/0/default.jpg`, ...smallest },
      body: { id: `${service}/full/${plate.width},${plate.height}/0/default.jpg`, ...plate, format: 'image/jpeg', service, level0: true },
    };
  }
  const { width, height } = surface;
  if (!width || !height) return undefined;
  const image = surface.image as { kind: 'service' | 'remote'; url: string };
  if (image.kind === 'remote') return { surface, label, width, height, body: { id: image.url, width, height, format: formatOf(image.url) } };
  return { surface, label, width, height, body: { id: `${image.url}/full/max/0/default.jpg`, width, height, format: 'image/jpeg', service: image.url } };
}

/** A document's manifest's URL: written for an edition with an address, for a document with a page image the manifest can show. */
export function manifestUrl(base: string, doc: ReadDoc, facsimiles: Results['facsimiles']): string | undefined {
  const facsimile = facsimiles.documents.get(doc);
  return base && facsimile?.canvases.some((c) => painted(base, c)) ? `${base}iiif/${encodeURIComponent(documentId(doc))}/manifest.json` : undefined;
}

export const manifests = family({
  name: 'manifests',
  stage: 'exports',
  needs: ['edition', 'documents', 'facsimiles'],
  async make(ctx, { documents, facsimiles }) {
    const { config, plan, language } = ctx;
    if (facsimiles.documents.size === 0) return;
    const base = config.baseUrl;
    if (!base) {
      ctx.messages.push(
        message(
          'info',
          'config',
          'iiif-needs-address',
          'the IIIF manifests of the documents with facsimiles are not written: the IIIF API names everything by URL; set "baseUrl" in editio.config.json to where the edition is published',
        ),
      );
      return;
    }
    const words = language.messages;
    const lang = config.language;
    const collectionId = `${base}iiif/collection.json`;
    const rights = rightsUrl(config.licence.url);
    const members: { id: string; title: string }[] = [];
    // Pages left out for want of their size: said once for the edition (an edition of thousands of letters has them in every one), where they begin.
    const left = { pages: 0, documents: 0, first: undefined as { file: string; line: number } | undefined };
    for (const [i, summary] of documents.published.entries()) {
      const doc = documents.sources[i]!;
      const facsimile = facsimiles.documents.get(doc);
      if (!facsimile) continue;
      const surfaces = facsimile.canvases.map((c) => painted(base, c));
      const unsized = facsimile.canvases.filter((_, n) => !surfaces[n]);
      if (unsized.length > 0) {
        left.pages += unsized.length;
        left.documents += 1;
        left.first ??= { file: doc.source.name, line: unsized[0]!.surface.line };
      }
      const shown = surfaces.filter((s) => s !== undefined);
      const id = manifestUrl(base, doc, facsimiles);
      if (!id) continue;
      const metadata: [string, string][] = [
        ...(summary.date?.label ? [[fill(words, 'field.date'), summary.date.label] as [string, string]] : []),
        ...(summary.place?.text ? [[fill(words, 'field.place'), summary.place.text] as [string, string]] : []),
      ];
      const content = `${JSON.stringify(
        manifest(
          {
            id,
            lang,
            textLang: summary.lang || lang,
            title: summary.title,
            metadata,
            ...(summary.summary ? { summary: summary.summary } : {}),
            page: `${base}documents/${encodeURIComponent(summary.id)}.html`,
            tei: `${base}${publishedPath(config, doc)}`,
            collection: collectionId,
            edition: config.title,
            ...(rights ? { rights } : {}),
            attribution: [fill(words, 'about.licence'), config.licence.url ? `${config.licence.name} (${config.licence.url})` : config.licence.name],
          },
          shown,
        ),
        null,
        2,
      )}\n`;
      const file = `iiif/${documentId(doc)}/manifest.json`;
      await plan.make(file, { content: hashOf(content) }, () => content);
      members.push({ id, title: summary.title });
    }
    if (left.first)
      ctx.messages.push(
        message(
          'info',
          'site',
          'iiif-canvas-size',
          `the IIIF manifests leave out ${left.pages} page ${left.pages === 1 ? 'image' : 'images'} of ${left.documents} ${left.documents === 1 ? 'document' : 'documents'}, on a remote server that the encoding does not give the size of (the first here): give the graphic @width and @height in px, or the surface @lrx and @lry`,
          left.first,
        ),
      );
    if (members.length === 0) return;
    const all = `${JSON.stringify(collection(collectionId, lang, config.title, members), null, 2)}\n`;
    await plan.make('iiif/collection.json', { content: hashOf(all) }, () => all);
  },
});
