import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkEdition } from './build/checks.js';
import { documentId, documentUrl } from './build/names.js';
import { printEdition } from './build/print.js';
import { Transformer } from './build/transformer.js';
import { buildFingerprint, toolkitFingerprint } from './build/fingerprint.js';
import { forgetStamps, saveStamps, STAMPS_FILE, unchangedSinceLastBuild } from './build/stamps.js';
import { roleFinder } from './check.js';
import { CONFIG_FILE, foreignConfig, loadConfig, type EditionConfig } from './config.js';
import { ENTITY_KINDS, KIND_OF_ENTRY } from './entities.js';
import { displayName, findXmlFiles, loadSources } from './load.js';
import { ConfigError, message, type Message } from './messages.js';
import type { ParsedDoc, ReadDoc } from './parse.js';
import { inOrder, OutputPlan } from './plan.js';
import { chronology, chronologyByYear, mentionsByEntry, searchDocuments, type Extract, type Page } from './site/extracts.js';
import type { Registry } from './dts/api.js';
import { staticDts } from './dts/static.js';
import type { Paper } from './print/book.js';
import { corpusXml, documentRows, entryIndex, exchangeFiles } from './site/export.js';
import { searchManifestScript, searchShardScript, shardCount, shardFile, shardOf } from './site/search-index.js';
import { publishedPath, publishedSources } from './site/sources.js';
import { emptyState, hashOf, loadState, readState, saveState, STATE_DIR, statePath, type BuildState } from './state.js';
import { compileStylesheets, packageRoot } from './stylesheets.js';
import { parseForStylesheets, type StylesheetParams } from './transform.js';
import { descendants } from './tree.js';
import { claimOutputFolder, isOutputFolder, removeStale, type Output } from './write.js';

export type { Extract } from './site/extracts.js';

export interface BuildOptions {
  /**
   * The edition's folder, holding editio.config.json (default: the working folder). A folder
   * without one is foreign TEI: every well-formed document is published; `out` is then required.
   */
  root?: string;
  /** Output folder (default: the configuration's `out`, relative to the edition's folder). */
  out?: string;
  /** A RelaxNG schema for every document instead of the one each names (e.g. tei_all). */
  schema?: string;
  /** Also write the print edition, print/edition.pdf (needs Chromium). */
  pdf?: boolean;
  /** Paper of the print edition (default A4). */
  paper?: Paper;
  /** Rebuild everything, whatever the build state says. */
  full?: boolean;
  /** Told, line by line, why each output is made (`--verbose`). */
  log?: (line: string) => void;
  /** Told how far the documents have got, for a progress bar. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  stage: 'extract' | 'render';
  done: number;
  total: number;
}

export interface BuildResult {
  messages: Message[];
  outDir: string;
  /** Identifiers of the documents published, in date order. */
  published: string[];
  /** Files that were read (sources of every role). */
  fileCount: number;
  /** Per source file, the elements rendered by the general rule, with how often. */
  unrendered: Record<string, Record<string, number>>;
  /** Outputs written, and outputs kept from the last build as they were. */
  written: number;
  kept: number;
  /** Sources checked now (the others' verdicts came from the build state). */
  checked: number;
  /** Why everything was built, if it was (no state, fingerprint changed, --full). */
  fullReason?: string;
}

/** What the HTML marks as rendered by the general rule (data-fallback, see xslt/html/html.xsl). */
function unrenderedIn(html: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, name] of html.matchAll(/data-fallback="([^"]+)"/g)) counts[name!] = (counts[name!] ?? 0) + 1;
  return counts;
}

async function configFor(options: BuildOptions): Promise<EditionConfig> {
  const root = path.resolve(options.root ?? '.');
  if (existsSync(path.join(root, CONFIG_FILE))) return loadConfig(root);
  if (!existsSync(root)) throw new ConfigError(message('error', 'config', 'config-missing', `${root} does not exist`));
  if (options.out === undefined) {
    throw new ConfigError(
      message('error', 'config', 'config-missing', `${root} has no ${CONFIG_FILE}; to publish the TEI in it as it is, name an output folder with --out`),
    );
  }
  return foreignConfig(root);
}


function editionJson(config: EditionConfig): string {
  const { title, subtitle, editors, licence, baseUrl, language } = config;
  return JSON.stringify({ title, subtitle, editors, licence, baseUrl, language });
}

function byDate(a: Extract, b: Extract): number {
  const ka = a.date?.sort || '\uffff';
  const kb = b.date?.sort || '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Documents in the making at once: enough to keep every worker busy, few enough to hold. */
const WINDOW = 32;

const EMPTY_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>';

function tooLarge(doc: ReadDoc, config: EditionConfig, messages: Message[]): boolean {
  const megabytes = doc.source.bytes.length / (1024 * 1024);
  if (megabytes <= config.maxDocumentMegabytes) return false;
  messages.push(
    message(
      'error',
      'transform',
      'too-large',
      `the document is ${megabytes.toFixed(1)} MB, more than the ${config.maxDocumentMegabytes} MB editio publishes per document; split it into documents (or raise "maxDocumentMegabytes")`,
      { file: doc.source.name, line: 1 },
    ),
  );
  return true;
}

/** The static files every edition ships: the stylesheet, the search scripts, MiniSearch. */
async function assets(): Promise<Output[]> {
  const dir = path.join(packageRoot(), 'xslt', 'html', 'assets');
  const outputs: Output[] = [];
  for (const name of (await readdir(dir)).sort()) outputs.push({ path: `assets/${name}`, content: await readFile(path.join(dir, name)) });
  // The browser build, which the package does not export: found beside its CommonJS entry.
  const minisearch = path.resolve(path.dirname(createRequire(import.meta.url).resolve('minisearch')), '..', 'umd', 'index.js');
  outputs.push({ path: 'assets/minisearch.js', content: await readFile(minisearch) });
  return outputs;
}

/** Says, with --verbose, how long each stage of a build took and how much memory is in use. */
class StageClock {
  private stage = 'state';
  private since = performance.now();
  constructor(private readonly log?: (line: string) => void) {}

  lap(next: string): void {
    const now = performance.now();
    const rss = Math.round(process.memoryUsage.rss() / 2 ** 20);
    this.log?.(`${this.stage} took ${((now - this.since) / 1000).toFixed(2)} s (memory in use ${rss} MB)`);
    this.stage = next;
    this.since = now;
  }
}

/** Every output a state names is still on disk (nobody deleted part of the edition by hand). */
function onDisk(outDir: string, state: BuildState): boolean {
  return Object.entries(state.outputs).every(([file, record]) =>
    (record.inputs['files'] !== undefined ? record.inputs['files'].split('\n').filter(Boolean) : [file]).every((f) => existsSync(path.join(outDir, ...f.split('/')))),
  );
}

/** An authority entry's own text, by id: what a page that points to it shows of it. */
function entryTexts(authorities: readonly ParsedDoc[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const doc of authorities) {
    for (const e of descendants(doc.tree)) {
      const id = e.attrs.get('xml:id');
      if (id && KIND_OF_ENTRY.has(e.name) && !texts.has(id)) texts.set(id, doc.text.slice(e.start, e.end));
    }
  }
  return texts;
}

/** What the site pages read of an extract: not its mentions, dates and passages, which are large. */
const listed = ({ mentions: _m, dates: _d, passages: _p, digests: _g, ...rest }: Extract): Omit<Extract, 'mentions' | 'dates' | 'passages' | 'digests'> => rest;

/**
 * Builds the edition: load → parse → validate → transform → write. A document that fails is
 * reported and left out; every other document is still published. Incremental: the build state
 * of the output folder (.editio/) says what each output was made from, and only outputs whose
 * inputs changed are made again.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const config = await configFor(options);
  const outDir = path.resolve(options.out ?? path.resolve(config.root, config.out));
  if (!(await isOutputFolder(outDir))) {
    throw new ConfigError(
      message('error', 'config', 'out-not-editio', `${outDir} holds files editio did not write; choose an empty or new output folder`),
    );
  }
  await compileStylesheets();
  const startedAt = Date.now();
  const messages: Message[] = [];

  const found = await findXmlFiles([path.resolve(config.root, config.sources)]);
  for (const m of found.messages) messages.push(m);
  // Everything but the sources and the schemas they name: those are stamped file by file.
  const settings = hashOf(await toolkitFingerprint(config), options.schema ? path.resolve(options.schema) : '', options.pdf ? `pdf ${options.paper ?? 'a4'}` : '');
  if (!options.full && found.messages.length === 0 && (await unchangedSinceLastBuild(outDir, settings, found.files))) {
    const saved = await readState(outDir);
    if ('state' in saved && onDisk(outDir, saved.state)) {
      options.log?.('nothing changed since the last build (no file changed)');
      return nothingChanged(saved.state, outDir, found.files.map((file) => ({ path: file, name: displayName(file) })), config);
    }
  }
  const loaded = await loadSources(found.files, roleFinder(config));
  for (const m of loaded.messages) messages.push(m);
  for (const wanted of [config.introduction, ...config.authorities]) {
    if (wanted && !loaded.sources.some((s) => s.path === path.resolve(config.root, config.sources, wanted))) {
      throw new ConfigError(message('error', 'config', 'config-invalid', `the configuration names ${wanted}, which is not in ${config.sources}/`));
    }
  }
  const loadMessages = messages.length;

  const { fingerprint, schemaFiles } = await buildFingerprint(config, loaded.sources, options.schema);
  const prior = options.full ? { reason: 'a full build was asked for (--full)' } : await loadState(outDir, fingerprint);
  const previous = 'state' in prior ? prior.state : undefined;
  const fullReason = 'reason' in prior ? prior.reason : undefined;
  const sourceHash = new Map(loaded.sources.map((s) => [s.path, hashOf(s.bytes)]));
  const inputs = hashOf(fingerprint, options.pdf ? `pdf ${options.paper ?? 'a4'}` : '', ...loaded.sources.flatMap((s) => [s.path, sourceHash.get(s.path)!]));
  if (previous && previous.inputs === inputs && onDisk(outDir, previous)) {
    options.log?.('nothing changed since the last build');
    const result = nothingChanged(previous, outDir, loaded.sources, config);
    if (loadMessages === 0) await saveStamps(outDir, settings, found.files, [...found.files, ...schemaFiles], startedAt);
    return { ...result, messages: [...messages, ...result.messages] };
  }
  if (fullReason) options.log?.(`full build: ${fullReason}`);
  const clock = new StageClock(options.log);
  // A build that stops half-way must not leave a state that vouches for outputs it did not finish.
  await claimOutputFolder(outDir);
  await rm(statePath(outDir), { force: true });
  await forgetStamps(outDir);

  clock.lap('validate');
  const check = await checkEdition(config, loaded.sources, { fingerprint, ...(previous ? { previous } : {}), ...(options.schema ? { schema: options.schema } : {}) });
  for (const m of check.messages) messages.push(m);
  const plan = new OutputPlan(outDir, previous, messages, fullReason, options.log);
  const relative = (doc: ReadDoc): string => path.relative(config.root, doc.source.path).split(path.sep).join('/');
  const isValid = new Set(check.valid.map((d) => d.source.path));
  const authorityDocs = check.authorities.filter((d) => isValid.has(d.source.path));
  const authorities = await Promise.all(authorityDocs.map((d) => parseForStylesheets(d.text)));
  const authorityHash = hashOf(...authorityDocs.flatMap((d) => [d.source.path, sourceHash.get(d.source.path)!]));
  const entries = entryTexts(authorityDocs);
  const lists = ENTITY_KINDS.filter(({ list }) => authorityDocs.some((d) => d.text.includes(`<${list}`)));
  const listsHash = hashOf(...lists.map((k) => k.list));
  const xslt = new Transformer({ 'edition-json': editionJson(config) }, authorities, authorityDocs.map((d) => d.text));
  try {
    const hashOfDoc = (doc: ReadDoc): string => sourceHash.get(doc.source.path)!;
    // What a document shows of the authority lists: the entries it points to.
    /** Makes each job's file that changed, on the worker pool when there are enough of them, finished in order. */
    const makeEach = async <J extends { file: string; inputs: Record<string, string> }>(jobs: readonly J[], produce: (job: J, sink: Message[]) => Promise<string | undefined>): Promise<void> => {
      await xslt.expect(jobs.filter((job) => !plan.isCurrent(job.file, job.inputs)).length);
      await inOrder(jobs, WINDOW, (job) => plan.start(job.file, job.inputs, (sink) => produce(job, sink)));
    };
    const entriesOf = (doc: ReadDoc): string => hashOf(...check.records[relative(doc)]!.pointsTo.map((id) => `${id}=${entries.get(id) ?? ''}`));

    clock.lap('extracts');
    // Extracts first: the edition-wide pages are made from them, never from the documents again.
    const documents = new Map<ReadDoc, Extract>();
    const candidates = check.valid.filter((d) => d.source.role === 'document');
    const progress = (stage: Progress['stage'], done: number): void => options.onProgress?.({ stage, done, total: candidates.length });
    const extractFile = (doc: ReadDoc): string => `${STATE_DIR}/extracts/${documentId(doc)}.json`;
    const extractable = candidates.filter((doc) => !tooLarge(doc, config, messages));
    await xslt.expect(extractable.filter((doc) => !plan.isCurrent(extractFile(doc), { source: hashOfDoc(doc) })).length);
    await inOrder(extractable, WINDOW, (doc, n) => {
      progress('extract', n);
      return plan.start(extractFile(doc), { source: hashOfDoc(doc) }, (sink) => xslt.document(sink, doc, 'extract', { 'document-id': documentId(doc) }));
    });
    for (const doc of extractable) {
      const json = await plan.text(extractFile(doc));
      if (json !== undefined) documents.set(doc, JSON.parse(json) as Extract);
    }
    const ordered = [...documents.values()].sort(byDate);
    const intro = check.valid.find((d) => d.source.role === 'introduction');
    const introHash = intro ? hashOfDoc(intro) : 'none';
    let introExtract: Extract | undefined;
    if (intro) {
      const file = `${STATE_DIR}/introduction.json`;
      await plan.make(file, { source: introHash }, (sink) => xslt.document(sink, intro, 'extract', { 'document-id': 'index' }));
      const json = await plan.text(file);
      introExtract = json === undefined ? undefined : (JSON.parse(json) as Extract);
    }
    // Registers, chronology and search name the home page's text as what it is.
    if (introExtract) introExtract.title = 'Introduction';

    clock.lap('pages');
    const unrendered: Record<string, Record<string, number>> = {};
    const position = new Map(ordered.map((e, i) => [e.id, i]));
    const pageJobs = [...documents].map(([doc, extract]) => {
      // A page needs only its neighbours' ids and titles for previous/next, not the whole list.
      const i = position.get(extract.id)!;
      const neighbours = JSON.stringify(ordered.slice(Math.max(0, i - 1), i + 2).map(({ id, title }) => ({ id, title })));
      const params: StylesheetParams = {
        'documents-json': neighbours,
        'document-id': extract.id,
        'path-to-root': '../',
        'source-path': publishedPath(config, doc),
      };
      const inputs = { source: hashOfDoc(doc), neighbours: hashOf(neighbours), entries: entriesOf(doc), lists: listsHash, path: params['source-path']! };
      return { doc, html: `documents/${extract.id}.html`, text: `text/${extract.id}.txt`, params, inputs };
    });
    await xslt.expect(pageJobs.filter((job) => !plan.isCurrent(job.html, job.inputs) || !plan.isCurrent(job.text, job.inputs)).length);
    await inOrder(pageJobs, WINDOW, ({ doc, html, text, params, inputs }, n) => {
      progress('render', n);
      const page = plan.start(html, inputs, async (sink) => {
        const made = await xslt.document(sink, doc, 'html', params);
        if (made !== undefined) unrendered[relative(doc)] = unrenderedIn(made);
        return made;
      });
      const plain = plan.start(text, inputs, (sink) => xslt.document(sink, doc, 'text', params));
      return async () => {
        await page();
        await plain();
        if (!plan.written.has(html) && previous?.unrendered[relative(doc)]) unrendered[relative(doc)] = previous.unrendered[relative(doc)]!;
      };
    });
    progress('render', documents.size);
    const published = ordered.filter((e) => plan.has(`documents/${e.id}.html`) && plan.has(`text/${e.id}.txt`));
    const byId = new Map([...documents.keys()].map((d) => [documentId(d), d]));
    const pages: Page[] = [
      ...(introExtract ? [{ url: 'index.html', extract: introExtract }] : []),
      ...published.map((extract) => ({ url: documentUrl(extract.id), extract })),
    ];
    // What an edition-wide page shows of a page comes from its extract: digests of the extract
    // stand for it, so that nothing large is hashed to find what changed.
    const digestsOf = (kind: keyof Extract['digests']): Map<string, string[]> => {
      const byKey = new Map<string, string[]>();
      for (const { url, extract } of pages) {
        for (const [key, digest] of Object.entries(extract.digests[kind])) {
          if (!byKey.has(key)) byKey.set(key, []);
          byKey.get(key)!.push(`${url}=${digest}`);
        }
      }
      return byKey;
    };

    clock.lap('site');
    const firstChecked = check.valid[0];
    const introDoc: ReadDoc | undefined = intro ?? (firstChecked ? { ...firstChecked, text: EMPTY_TEI } : undefined);
    if (introDoc) {
      const all = { 'documents-json': JSON.stringify(published.map(listed)) };
      const siteInputs = (params: StylesheetParams): Record<string, string> => ({ intro: introHash, authorities: authorityHash, params: hashOf(JSON.stringify(params)) });
      const site = async (mode: string, file: string, extra: StylesheetParams = {}): Promise<void> => {
        const params = { ...all, ...extra };
        await plan.make(file, siteInputs(params), (sink) => xslt.run(sink, introDoc, 'html', params, mode));
      };
      await site('index', 'index.html');
      const dates = chronology(pages);
      if (dates.length <= config.chronologyPageDates) {
        await site('chronology', 'chronology.html', { 'chronology-json': JSON.stringify(dates) });
      } else {
        // Too many dates for one page: a page per year, each made again only when its own dates change.
        const years = [...chronologyByYear(dates)];
        const listing = years.map(([label, items]) => ({ label, url: `chronology/${label}.html`, count: items.length }));
        await site('chronology', 'chronology.html', { 'chronology-years-json': JSON.stringify(listing) });
        const yearDigests = digestsOf('years');
        const yearJobs = years.map(([label, items]) => ({
          file: `chronology/${label}.html`,
          inputs: { dates: hashOf(...(yearDigests.get(label) ?? [])), intro: introHash, lists: listsHash },
          label,
          items,
        }));
        await makeEach(yearJobs, ({ label, items }, sink) => {
          const params = { 'path-to-root': '../', 'chronology-json': JSON.stringify(items), 'chronology-years-json': JSON.stringify([{ label }]) };
          return xslt.document(sink, introDoc, 'html', params, 'chronology-year');
        });
      }
      await site('search', 'search.html');
      const texts = hashOf(...published.map((e) => plan.inputsOf(`text/${e.id}.txt`)));
      await plan.make('text/edition.txt', { ...siteInputs(all), texts }, async (sink) => {
        const introText = xslt.run(sink, introDoc, 'text', all, 'index') ?? '';
        const parts = [introText];
        for (const e of published) parts.push((await plan.text(`text/${e.id}.txt`)) ?? '');
        return parts.join('\n\n').replace(/\n{3,}/g, '\n\n\n').trimEnd() + '\n';
      });
    }
    clock.lap('registers');
    const entryKinds = entryIndex(authorityDocs);
    const mentions = mentionsByEntry(pages);
    const kindOf = (id: string): string | undefined => entryKinds.get(id)?.kind;
    for (const { list, register } of lists) {
      const counts = Object.fromEntries(
        Object.entries(mentions)
          .filter(([id]) => kindOf(id) === register)
          .map(([id, links]) => [id, { mentions: links.length, pages: new Set(links.map((l) => l.url)).size }]),
      );
      const params = { 'path-to-root': '../', 'register-list': list, 'counts-json': JSON.stringify(counts) };
      await plan.make(`registers/${register}.html`, { authorities: authorityHash, counts: hashOf(params['counts-json']) }, (sink) =>
        xslt.run(sink, authorityDocs[0]!, 'html', params, 'register'),
      );
    }
    // Each entry's page is made again only when its entry, the lists of registers, or its mentions change.
    const mentionDigests = digestsOf('mentions');
    const entrySource = { ...authorityDocs[0]!, text: EMPTY_TEI };
    const entryJobs = [...entryKinds]
      .filter(([, e]) => lists.some((l) => l.register === e.kind))
      .map(([id, { kind }]) => {
        // An entry's notes may name other entries, shown by their standard names: their texts count too.
        const own = entries.get(id) ?? '';
        const named = [...own.matchAll(/\bref="[^"#]*#([^"\s]+)"/g)].map(([, ref]) => `${ref}=${entries.get(ref!) ?? ''}`);
        const inputs = { entry: hashOf(own, ...named), mentions: hashOf(...(mentionDigests.get(id) ?? [])), lists: listsHash };
        return { id, file: `registers/${kind}/${id}.html`, inputs };
      });
    await makeEach(entryJobs, ({ id }, sink) => {
      const params = { 'path-to-root': '../../', 'entry-id': id, 'mentions-json': JSON.stringify(mentions[id] ?? []) };
      return xslt.document(sink, entrySource, 'html', params, 'register-entry');
    });
    clock.lap('search');
    // The index in parts, each made again only when one of its pages' extracts changes.
    const shards = shardCount(pages.length, config.searchShardPages);
    const extractOf = (page: Page): string => (page.url === 'index.html' ? `${STATE_DIR}/introduction.json` : extractFile(byId.get(page.extract.id)!));
    const pagesOf = new Map<number, Page[]>();
    for (const page of pages) {
      const shard = shardOf(page.url, shards);
      if (!pagesOf.has(shard)) pagesOf.set(shard, []);
      pagesOf.get(shard)!.push(page);
    }
    for (let shard = 1; shard <= shards; shard++) {
      const members = pagesOf.get(shard) ?? [];
      const inputs = { pages: hashOf(...members.map((page) => `${page.url}=${plan.inputsOf(extractOf(page))}`)) };
      await plan.make(shardFile(shard), inputs, () => searchShardScript(searchDocuments(members)));
    }
    await plan.make('search/index.js', { shards: String(shards) }, () => searchManifestScript(shards));

    clock.lap('exports');
    // The edition as data, for repositories: TEI as published, a teiCorpus, Dublin Core, tables, a zip.
    const publishedDocs = published.map((e) => byId.get(e.id)!);
    const members = [...(intro ? [intro] : []), ...authorityDocs, ...publishedDocs];
    const sources = await publishedSources(config, members);
    // A published source is the source's bytes: its hash is known (the same as hashOf its content).
    const hashOfPublished = new Map(members.map((d) => [publishedPath(config, d), hashOfDoc(d)]));
    for (const o of sources) await plan.make(o.path, { content: hashOfPublished.get(o.path) ?? hashOf(o.content) }, () => o.content);
    const dublinCore = new Map<string, string>();
    const recordFile = (doc: ReadDoc): string => `metadata/${documentId(doc)}.dc.xml`;
    const recordJobs = publishedDocs.map((doc) => ({ doc, file: recordFile(doc), inputs: { source: hashOfDoc(doc), entries: entriesOf(doc) } }));
    await makeEach(recordJobs, ({ doc }, sink) => xslt.document(sink, doc, 'dc', { 'document-id': documentId(doc) }));
    for (const doc of publishedDocs) {
      const xml = await plan.text(recordFile(doc));
      if (xml !== undefined) dublinCore.set(documentId(doc), xml);
    }
    const rows = documentRows(config, published, entryKinds);
    const exchangeInputs = {
      members: hashOf(...members.map((d) => `${d.source.path}=${hashOfDoc(d)}`)),
      rows: hashOf(JSON.stringify(rows)),
      records: hashOf(...[...dublinCore.keys()].map((id) => plan.inputsOf(`metadata/${id}.dc.xml`))),
      sources: hashOf(...sources.map((o) => plan.inputsOf(o.path))),
    };
    await plan.makeMany('exchange', exchangeInputs, async () => {
      const zip = path.join(outDir, 'editio-edition.zip');
      const previousZip = existsSync(zip) ? await readFile(zip) : undefined;
      return exchangeFiles(config, corpusXml(config, intro, [...authorityDocs, ...publishedDocs]), rows, dublinCore, sources, previousZip);
    });
    const assetFiles = await assets();
    await plan.makeMany('assets', { content: hashOf(...assetFiles.flatMap((o) => [o.path, o.content])) }, () => assetFiles);

    clock.lap('dts');
    const registry: Registry = {
      collection: { id: config.baseUrl || 'edition', title: config.title, description: config.subtitle ?? '' },
      resources: published.map((e, i) => ({
        id: e.id,
        title: e.title,
        description: e.summary,
        date: e.date?.when || e.date?.sort || '',
        language: config.language,
        tei: publishedPath(config, publishedDocs[i]!),
      })),
    };
    const dtsBase = config.baseUrl ? `${config.baseUrl}dts` : 'dts';
    const registryHash = hashOf(JSON.stringify(registry), dtsBase);
    const sourceFiles = new Map(sources.map((o) => [o.path, o.content]));
    // A resource's own files show its record and the collection it belongs to, not the other resources.
    const resourceRecord = new Map(registry.resources.map((r) => [r.id, hashOf(JSON.stringify(r), JSON.stringify(registry.collection), dtsBase)]));
    const dtsInputs = (doc: ReadDoc): Record<string, string> => ({ source: hashOfDoc(doc), resource: resourceRecord.get(documentId(doc))! });
    const stale = new Set(publishedDocs.filter((d) => !plan.isCurrent(`dts:${documentId(d)}`, dtsInputs(d))).map(documentId));
    const keptCollection = (id: string): Promise<string | undefined> => readFile(path.join(outDir, 'dts', 'collection', `${id}.json`), 'utf8').catch(() => undefined);
    const dts = plan.isCurrent('dts', { registry: registryHash }) && stale.size === 0 ? [] : await staticDts(registry, dtsBase, sourceFiles, stale, keptCollection);
    // dts/<kind>/<id>.<ext> belongs to resource <id>; dts/<file> to the edition.
    const ofResource = new Map<string, Output[]>();
    for (const o of dts) {
      const id = o.path.split('/')[2]?.replace(/\.\w+$/, '') ?? '';
      ofResource.set(id, [...(ofResource.get(id) ?? []), o]);
    }
    await plan.makeMany('dts', { registry: registryHash }, () => ofResource.get('') ?? []);
    for (const doc of publishedDocs) await plan.makeMany(`dts:${documentId(doc)}`, dtsInputs(doc), () => ofResource.get(documentId(doc)) ?? []);

    clock.lap('print');
    if (options.pdf) {
      const paper = options.paper ?? 'a4';
      const printInputs = { paper, intro: introHash, authorities: authorityHash, documents: hashOf(...publishedDocs.map(hashOfDoc)) };
      await plan.makeMany('print', printInputs, async (sink) => {
        const pdf = await printEdition(config, xslt, sink, { intro, introDoc, documents: publishedDocs, mentions, entries: entryKinds, paper });
        if ('message' in pdf) {
          sink.push(pdf.message);
          return [];
        }
        return pdf.outputs;
      });
    }

    clock.lap('write');
    await removeStale(outDir, [...plan.files(), `${STATE_DIR}/state.json`, STAMPS_FILE]);
    const state: BuildState = {
      ...emptyState(fingerprint),
      inputs,
      checks: check.records,
      outputs: plan.records,
      unrendered,
      messages: messages.slice(loadMessages),
      published: published.map((e) => e.id),
    };
    await saveState(outDir, state);
    // Load messages are not replayed from the state: a build that had some must read the sources again.
    if (loadMessages === 0) await saveStamps(outDir, settings, found.files, [...found.files, ...schemaFiles], startedAt);
    clock.lap('done');
    return {
      messages,
      outDir,
      published: state.published,
      fileCount: loaded.sources.length,
      unrendered: unrenderedByName(state, loaded.sources, config),
      written: plan.written.size,
      kept: plan.kept.size,
      checked: check.checked,
      ...(fullReason ? { fullReason } : {}),
    };
  } finally {
    await xslt.close();
  }
}

/** The result of a build that finds the same inputs as the last one, and writes nothing. */
function nothingChanged(previous: BuildState, outDir: string, sources: readonly { path: string; name: string }[], config: EditionConfig): BuildResult {
  return {
    messages: previous.messages,
    outDir,
    published: previous.published,
    fileCount: sources.length,
    unrendered: unrenderedByName(previous, sources, config),
    written: 0,
    kept: Object.keys(previous.outputs).length,
    checked: 0,
  };
}

function unrenderedByName(state: BuildState, sources: readonly { path: string; name: string }[], config: EditionConfig): BuildResult['unrendered'] {
  const out: BuildResult['unrendered'] = {};
  for (const s of sources) {
    const counts = state.unrendered[path.relative(config.root, s.path).split(path.sep).join('/')];
    if (counts) out[s.name] = counts;
  }
  return out;
}
