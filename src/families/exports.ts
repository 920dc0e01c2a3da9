/**
 * The exports family: the edition as data, for repositories. The TEI as published (byte for byte,
 * but without active content) with its schemas, Dublin Core per document, a teiCorpus, the tables,
 * CITATION.cff, the licence and the zip; and the static assets every edition ships.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Authorities } from '../model/authorities.js';
import { hashOf } from '../infra/hash.js';
import type { ReadDoc } from '../parse/parse.js';
import { corpusParts, documentRows, exchangeFiles, type DataFile } from '../exchange/export.js';
import type { Summary } from '../model/extracts.js';
import { bookFace, fontLicence } from '../site/fonts.js';
import { cmifXml } from '../exchange/cmif.js';
import { publishedOn } from '../model/header.js';
import { oaiRepository, staticRepository } from '../oai/repository.js';
import { inertDoc } from '../exchange/inert.js';
import { publishedPath, publishedSchemas } from '../exchange/sources.js';
import { GENRES_CSS, packageRoot } from '../infra/package.js';
import type { Output } from '../write/write.js';
import { documentId } from '../edition/names.js';
import { WINDOW, type BuildContext } from './context.js';
import { inOrder } from '../incremental/plan.js';
import { message } from '../infra/messages.js';

export interface ExportsInputs {
  intro: ReadDoc | undefined;
  /** The entries as published (tables), and the authority and index files (published as sources). */
  authorities: Authorities;
  authorityFiles: readonly ReadDoc[];
  /** The published documents, in date order, and their summaries, alike. */
  documents: readonly ReadDoc[];
  published: readonly Summary[];
  /** Whether a source holds active content (its check said so): then it is published without it. */
  hasActiveContent(doc: ReadDoc): boolean;
  /** What a document's record shows of the entries it points to. */
  entriesOf(doc: ReadDoc): string;
  /** What a kind of document (a class of its textClass) is called, wherever the edition declares it. */
  kindName(key: string): string;
}

/** The static files every edition ships: the stylesheet, the book face, the search scripts. */
async function assets(): Promise<Output[]> {
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

/** Makes the exports; returns every TEI file as published, by its path in the edition (the DTS answers hold them). */
export async function makeExports(ctx: BuildContext, inputs: ExportsInputs): Promise<Map<string, ReadDoc>> {
  const { config, outDir, plan, messages, hashOfDoc } = ctx;
  const { intro, authorities, authorityFiles, documents, published } = inputs;
  const members = [...(intro ? [intro] : []), ...authorityFiles, ...documents];
  const schemas = await publishedSchemas(config, members);
  for (const m of schemas.messages) messages.push(m);
  // A published source is the source's bytes (its hash is known), but for one with active content, published without it.
  const asPublished = new Map(
    members.map((doc) => [doc, inputs.hasActiveContent(doc) ? { doc: inertDoc(doc), hash: hashOf('inert', hashOfDoc(doc)) } : { doc, hash: hashOfDoc(doc) }]),
  );
  const sources: DataFile[] = [
    ...[...asPublished.values()].map(({ doc, hash }) => ({ path: publishedPath(config, doc), hash, content: async () => doc.source.bytes })),
    ...schemas.outputs.map(({ path, content }) => ({ path, hash: hashOf(content), content: async () => content })),
  ];
  for (const file of sources) await plan.make(file.path, { content: file.hash }, file.content);
  const recordJobs = documents.map((doc) => ({ doc, file: `metadata/${documentId(doc)}.dc.xml`, inputs: { source: hashOfDoc(doc), entries: inputs.entriesOf(doc) } }));
  // Data, not pages: made from the document's tree (on the workers, when the build has them).
  await inOrder(recordJobs, WINDOW, ({ doc, file, inputs: recordInputs }) => plan.start(file, recordInputs, (sink) => ctx.xslt.record(sink, doc, documentId(doc), config)));
  const records: DataFile[] = recordJobs
    .filter(({ file }) => plan.has(file))
    .map(({ file }) => ({ path: file, hash: plan.inputsOf(file), content: async () => (await plan.content(file)) as Uint8Array }));
  const rows = documentRows(config, published, authorities);
  const exchangeInputs = {
    members: hashOf(...members.map((d) => `${d.source.path}=${hashOfDoc(d)}`)),
    rows: hashOf(JSON.stringify(rows)),
    records: hashOf(...records.map((r) => `${r.path}=${r.hash}`)),
    sources: hashOf(...sources.map((f) => `${f.path}=${f.hash}`)),
  };
  // The letters for correspSearch, when the edition has any.
  const publication = publishedOn(intro?.text, published.map((e) => e.changed));
  const cmif = cmifXml(config, ctx.language.messages, published, authorities, publication);
  if (cmif !== undefined) await plan.make('cmif.xml', { content: hashOf(cmif) }, () => cmif);
  // The edition for OAI-PMH harvesters: what `editio serve` answers from, and a static repository.
  const teiOf = new Map(documents.map((doc) => [documentId(doc), publishedPath(config, doc)]));
  const repository = oaiRepository(config, published, (id) => teiOf.get(id)!, publication.slice(0, 10), inputs.kindName);
  const repositoryJson = JSON.stringify(repository, null, 2) + '\n';
  await plan.make('oai/repository.json', { content: hashOf(repositoryJson) }, () => repositoryJson);
  // Harvesters need the edition's public address: without it, CMIF's letters are linked relatively and OAI has no identifiers to give.
  if (!config.baseUrl) {
    const file = path.join(config.root, 'editio.config.json');
    ctx.messages.push(
      message('warning', 'site', 'base-url-missing', 'the edition has no public address ("baseUrl" in editio.config.json): cmif.xml links its letters relatively and the OAI-PMH static repository is not written, so neither can be harvested; give the address the edition will have', existsSync(file) ? { file } : {}),
    );
  }
  const dcOf = new Map(records.map((r) => [r.path, r]));
  if (config.baseUrl) await plan.make('oai/static-repository.xml', { repository: hashOf(repositoryJson), records: exchangeInputs.records, base: config.baseUrl }, async () => {
    const texts = new Map(await Promise.all(repository.records.map(async (r) => [r.dc, Buffer.from((await dcOf.get(r.dc)?.content()) ?? '').toString('utf8')] as const)));
    return staticRepository(repository, `${config.baseUrl}oai/static-repository.xml`, (r) => texts.get(r.dc)!);
  });
  const corpus = corpusParts(config, intro && asPublished.get(intro), [...authorityFiles, ...documents].map((doc) => asPublished.get(doc)!));
  await plan.makeMany('exchange', exchangeInputs, () => exchangeFiles(config, ctx.language.messages, outDir, corpus, rows, records, sources));
  const assetFiles = await assets();
  await plan.makeMany('assets', { content: hashOf(...assetFiles.flatMap((o) => [o.path, o.content])) }, () => assetFiles);
  return new Map([...asPublished.values()].map(({ doc }) => [publishedPath(config, doc), doc]));
}
