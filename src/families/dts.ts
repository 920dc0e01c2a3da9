/**
 * The DTS family: the API as static files (dts/), for hosting without a server and for
 * `editio serve`. The edition-wide files (entry, collections, resources.json) are one group; each
 * resource's own files (its collection, navigation and document) another, made again only when its
 * source or its record changes; the root collection lists unchanged resources as the last build did.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Registry, ResourceRecord } from '../dts/api.js';
import { resourceFiles, staticDts } from '../dts/static.js';
import { hashOf } from '../infra/hash.js';
import type { ReadDoc } from '../parse/parse.js';
import type { Summary } from '../model/extract-types.js';
import { publishedPath } from '../exchange/sources.js';
import type { Output } from '../write/write.js';
import { documentId } from '../edition/names.js';
import type { BuildContext } from './context.js';
import { documentWork } from '../workers/jobs.js';
import { family } from './family.js';
import { manifestUrl } from './manifests.js';

/** A resource's own DTS files (src/dts/static.ts), made from its text on a worker: as JSON, none if its text cannot be read. */
export const dtsWork = documentWork<{ parent: Registry['collection']; record: ResourceRecord; base: string; text: string }>(
  import.meta.url,
  'dtsWork',
  async ({ parent, record, base, text }) => {
    const files = await resourceFiles(parent, record, base, text);
    return { output: files && JSON.stringify(files), messages: [] };
  },
);

interface DtsInputs {
  /** The published documents' summaries, in date order, and their sources, alike. */
  published: readonly Summary[];
  documents: readonly ReadDoc[];
  /** Every TEI file as published, by its path in the edition: what the document answers hold. */
  publishedFiles: ReadonlyMap<string, ReadDoc>;
  /** A document's IIIF manifest's URL, if it has one. */
  manifestOf(doc: ReadDoc): string | undefined;
}

async function makeDts(ctx: BuildContext, { published, documents, publishedFiles, manifestOf }: DtsInputs): Promise<void> {
  const { config, outDir, plan, hashOfDoc } = ctx;
  const registry: Registry = {
    collection: { id: config.baseUrl || 'edition', title: config.title, description: config.subtitle ?? '' },
    resources: published.map((e, i) => ({
      id: e.id,
      title: e.title,
      description: e.summary,
      date: e.date?.edtf || e.date?.when || e.date?.sort || '',
      // Each document's own language, else the edition's.
      language: e.lang || config.language,
      tei: publishedPath(config, documents[i]!),
      ...(manifestOf(documents[i]!) ? { manifest: manifestOf(documents[i]!)! } : {}),
    })),
  };
  const dtsBase = config.baseUrl ? `${config.baseUrl}dts` : 'dts';
  const registryHash = hashOf(JSON.stringify(registry), dtsBase);
  // Read only for the resources whose DTS files are made again.
  const sourceFiles = { get: (file: string): Uint8Array | undefined => publishedFiles.get(file)?.source.bytes };
  // A resource's own files show its record and the collection it belongs to, not the other resources.
  const resourceRecord = new Map(registry.resources.map((r) => [r.id, hashOf(JSON.stringify(r), JSON.stringify(registry.collection), dtsBase)]));
  const dtsInputs = (doc: ReadDoc): Record<string, string> => ({ source: hashOfDoc(doc), resource: resourceRecord.get(documentId(doc))! });
  const stale = new Set(documents.filter((d) => !plan.isCurrent(`dts:${documentId(d)}`, dtsInputs(d))).map(documentId));
  // The last root collection's members, read once: the unchanged resources are listed as they were.
  let lastMembers: Promise<Map<string, object>> | undefined;
  const keptMember = async (id: string): Promise<object | undefined> => {
    lastMembers ??= readFile(path.join(outDir, 'dts', 'collection.json'), 'utf8').then(
      (json) => new Map(((JSON.parse(json) as { member?: { '@id': string }[] }).member ?? []).map((m) => [m['@id'], m])),
      () => new Map(),
    );
    return (await lastMembers).get(id);
  };
  // A dry run says what would be made without making it.
  const current = plan.isCurrent('dts', { registry: registryHash }) && stale.size === 0;
  const filesOf = async (record: ResourceRecord, text: string): Promise<Output[] | undefined> => {
    const json = await ctx.xslt.work([], dtsWork, { parent: registry.collection, record, base: dtsBase, text });
    return json === undefined ? undefined : (JSON.parse(json) as Output[]);
  };
  const dts = current || plan.dryRun ? [] : await staticDts(registry, dtsBase, sourceFiles, stale, keptMember, filesOf);
  // dts/<kind>/<id>.<ext> belongs to resource <id>; dts/<file> to the edition.
  const ofResource = new Map<string, Output[]>();
  for (const o of dts) {
    const id = o.path.split('/')[2]?.replace(/\.\w+$/, '') ?? '';
    ofResource.set(id, [...(ofResource.get(id) ?? []), o]);
  }
  await plan.makeMany('dts', { registry: registryHash }, () => ofResource.get('') ?? []);
  for (const doc of documents) await plan.makeMany(`dts:${documentId(doc)}`, dtsInputs(doc), () => ofResource.get(documentId(doc)) ?? []);
}

export const dts = family({
  name: 'dts',
  stage: 'dts',
  needs: ['documents', 'publishedTei', 'facsimiles'],
  make: (ctx, { documents: { published, sources }, publishedTei, facsimiles }) =>
    makeDts(ctx, { published, documents: sources, publishedFiles: publishedTei.byPath, manifestOf: (doc) => manifestUrl(ctx.config.baseUrl, doc, facsimiles) }),
});
