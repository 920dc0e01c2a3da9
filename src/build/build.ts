import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Authorities } from '../authorities.js';
import { checkEdition } from './checks.js';
import { StageClock } from './clock.js';
import { documentId, documentUrl, withPublishableIds } from './names.js';
import { printEdition } from './print.js';
import { Transformer } from './transformer.js';
import { buildFingerprint, toolkitFingerprint } from '../incremental/fingerprint.js';
import { lockOutputFolder, LOCK_FILE } from '../incremental/lock.js';
import { folderOf, forgetStamps, lastBuild, saveStamps, STAMPS_FILE } from '../incremental/stamps.js';
import { roleFinder } from '../validate/check.js';
import { CONFIG_FILE, foreignConfig, loadConfig, type EditionConfig } from '../config.js';
import { displayName, findXmlFiles, knownOf, loadSources } from '../load/load.js';
import { ConfigError, message, type Message } from '../messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { inOrder, OutputPlan } from '../incremental/plan.js';
import { chronology, chronologyByYear, listing, mentionsByEntry, mentionsOf, searchDocuments, summaryOf, type ChronologyItem, type Extract, type Listing, type Page, type PageSummary, type Summary } from '../site/extracts.js';
import type { Registry } from '../dts/api.js';
import { staticDts } from '../dts/static.js';
import type { Paper } from '../print/book.js';
import { chromiumIdentity } from '../print/pdf.js';
import { corpusParts, documentRows, exchangeFiles, type DataFile } from '../site/export.js';
import { searchManifestScript, searchShardScript, shardCount, shardFile, shardOf } from '../site/search-index.js';
import { joinParts, type Part } from '../incremental/parts.js';
import { inertDoc } from '../site/inert.js';
import { publishedPath, publishedSchemas } from '../site/sources.js';
import { hashOf } from '../hash.js';
import { commitOf, emptyState, filesWritten, loadState, readLastResult, resultOf, saveResult, saveState, STATE_DIR, statePath, type BuildState, type LastResult } from '../incremental/state.js';
import { compileStylesheets, packageRoot } from '../transform/stylesheets.js';
import { parseForStylesheets, type StylesheetParams } from '../transform/transform.js';
import { outputFolderProblem, removeStale, type Output } from '../write/write.js';

export type { Extract } from '../site/extracts.js';

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

function byDate(a: Listing, b: Listing): number {
  const ka = a.date?.sort || '\uffff';
  const kb = b.date?.sort || '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Documents in the making at once: enough to keep every worker busy, few enough to hold. */
const WINDOW = 32;

const EMPTY_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>';

function tooLarge(doc: ReadDoc, config: EditionConfig, messages: Message[]): boolean {
  const megabytes = knownOf(doc.source).size / (1024 * 1024);
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

/** Every output a state names is still on disk (nobody deleted part of the edition by hand); `untouched` folders are not looked into. */
function onDisk(outDir: string, state: BuildState, untouched: ReadonlySet<string>): boolean {
  return filesWritten(state).every((f) => untouched.has(folderOf(f)) || existsSync(path.join(outDir, ...f.split('/'))));
}

/**
 * Builds the edition: load → parse → validate → transform → write. A document that fails is
 * reported and left out; every other document is still published. Incremental: the build state
 * of the output folder (.editio/) says what each output was made from, and only outputs whose
 * inputs changed are made again.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const config = await configFor(options);
  const outDir = path.resolve(options.out ?? path.resolve(config.root, config.out));
  const problem = await outputFolderProblem(outDir);
  if (problem) throw new ConfigError(message('error', 'config', 'out-not-editio', problem));
  refuseOutputInSources(config, outDir);
  await compileStylesheets();
  const unlock = await lockOutputFolder(outDir);
  try {
    return await buildInto(outDir, config, options);
  } finally {
    await unlock();
  }
}

/** An output folder inside the sources would be read as sources by the next build. */
function refuseOutputInSources(config: EditionConfig, outDir: string): void {
  const sources = path.resolve(config.root, config.sources);
  const relative = path.relative(sources, outDir);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    const reason = `the output folder ${outDir} is inside the sources folder ${sources}, whose files are all read as the edition's; choose an output folder outside it`;
    throw new ConfigError(message('error', 'config', 'out-in-sources', reason));
  }
}

async function buildInto(outDir: string, config: EditionConfig, options: BuildOptions): Promise<BuildResult> {
  const startedAt = Date.now();
  const messages: Message[] = [];

  const found = await findXmlFiles([path.resolve(config.root, config.sources)]);
  for (const m of found.messages) messages.push(m);
  // Everything but the sources and the schemas they name: those are stamped file by file.
  // The print edition depends on the paper and on which Chromium there is to print it.
  const print = options.pdf ? `pdf ${options.paper ?? 'a4'} ${chromiumIdentity()}` : '';
  const settings = hashOf(await toolkitFingerprint(config), options.schema ? path.resolve(options.schema) : '', print);
  // What the last build knew of the files unchanged since: they are read only if needed (not at all if none changed).
  const last = options.full ? undefined : await lastBuild(outDir, settings, found.files);
  if (last?.unchanged && found.messages.length === 0) {
    const saved = await readLastResult(outDir, last.commit);
    if (saved) {
      options.log?.('nothing changed since the last build (no file changed)');
      return nothingChanged(saved, outDir, found.files.map((file) => ({ path: file, name: displayName(file) })), config);
    }
  }
  const untouched = last?.untouched ?? new Set<string>();
  const loaded = await loadSources(found.files, roleFinder(config), last?.known);
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
  const sourceHash = new Map(loaded.sources.map((s) => [s.path, knownOf(s).hash]));
  const inputs = hashOf(fingerprint, print, ...loaded.sources.flatMap((s) => [s.path, sourceHash.get(s.path)!]));
  if (previous && previous.inputs === inputs && onDisk(outDir, previous, untouched)) {
    options.log?.('nothing changed since the last build');
    const result = nothingChanged(resultOf(previous), outDir, loaded.sources, config);
    if (loadMessages === 0) {
      // The result a later no-op build reports is this state's, whatever a killed build left.
      await saveResult(outDir, previous);
      await saveStamps(outDir, settings, loaded.sources, schemaFiles, startedAt, filesWritten(previous), commitOf(previous));
    }
    return { ...result, messages: [...messages, ...result.messages] };
  }
  if (fullReason) options.log?.(`full build: ${fullReason}`);
  const clock = new StageClock(options.log);
  // A build that stops half-way must not leave a state that vouches for outputs it did not finish.
  await rm(statePath(outDir), { force: true });
  await forgetStamps(outDir);

  clock.lap('validate');
  const check = await checkEdition(config, loaded.sources, { fingerprint, ...(previous ? { previous } : {}), ...(options.schema ? { schema: options.schema } : {}) });
  for (const m of check.messages) messages.push(m);
  const plan = new OutputPlan(outDir, previous, messages, fullReason, options.log, untouched);
  const relative = (doc: ReadDoc): string => path.relative(config.root, doc.source.path).split(path.sep).join('/');
  const isValid = new Set(check.valid.map((d) => d.source.path));
  // The authority lists as published: the files that passed their check (all, as a rule: then the check's own reading).
  const lists = check.authorities.docs.every((d) => isValid.has(d.source.path)) ? check.authorities : new Authorities(check.authorities.docs.filter((d) => isValid.has(d.source.path)));
  const authorityDocs = lists.docs;
  const authorityTrees = await Promise.all(authorityDocs.map((d) => parseForStylesheets(d.text)));
  const authorityHash = hashOf(...authorityDocs.flatMap((d) => [d.source.path, sourceHash.get(d.source.path)!]));
  const kinds = lists.kinds();
  const listsHash = hashOf(...kinds.map((k) => k.list));
  const xslt = new Transformer({ 'edition-json': editionJson(config) }, authorityTrees, authorityDocs.map((d) => d.text));
  try {
    const hashOfDoc = (doc: ReadDoc): string => sourceHash.get(doc.source.path)!;
    /** Makes each job's file that changed, on the worker pool when there are enough of them, finished in order. */
    const makeEach = async <J extends { file: string; inputs: Record<string, string> }>(jobs: readonly J[], produce: (job: J, sink: Message[]) => Promise<string | undefined>): Promise<void> => {
      await xslt.expect(jobs.filter((job) => !plan.isCurrent(job.file, job.inputs)).length);
      await inOrder(jobs, WINDOW, (job) => plan.start(job.file, job.inputs, (sink) => produce(job, sink)));
    };
    // What a document's page and record show of the entries it points to: their faces, not their notes.
    const entriesHash = new Map<ReadDoc, string>();
    const entriesOf = (doc: ReadDoc): string => {
      if (!entriesHash.has(doc)) entriesHash.set(doc, hashOf(...check.records[relative(doc)]!.pointsTo.map((id) => `${id}=${lists.face(id) ?? ''}`)));
      return entriesHash.get(doc)!;
    };

    clock.lap('extracts');
    // Extracts first: the edition-wide pages are made from them, never from the documents again.
    // Each extract's summary goes into the state; its words in context are read only when a page needs them.
    const summaries: Record<string, Summary> = {};
    const extracting = (file: string, doc: ReadDoc, id: string) => async (sink: Message[]): Promise<string | undefined> => {
      const json = await xslt.document(sink, doc, 'extract', { 'document-id': id });
      if (json !== undefined) summaries[file] = summaryOf(JSON.parse(json) as Extract);
      return json;
    };
    // A kept extract's summary is the last build's.
    const summaryIn = async (file: string): Promise<Summary | undefined> => {
      if (!plan.has(file)) return undefined;
      return (summaries[file] ??= previous?.summaries[file] ?? summaryOf(JSON.parse((await plan.text(file))!) as Extract));
    };
    const documents = new Map<ReadDoc, Summary>();
    const candidates = withPublishableIds(check.valid.filter((d) => d.source.role === 'document'), messages);
    const progress = (stage: Progress['stage'], done: number): void => options.onProgress?.({ stage, done, total: candidates.length });
    const extractOfId = (id: string): string => `${STATE_DIR}/extracts/${id}.json`;
    const extractFile = (doc: ReadDoc): string => extractOfId(documentId(doc));
    const extractable = candidates.filter((doc) => !tooLarge(doc, config, messages));
    await xslt.expect(extractable.filter((doc) => !plan.isCurrent(extractFile(doc), { source: hashOfDoc(doc) })).length);
    await inOrder(extractable, WINDOW, (doc, n) => {
      progress('extract', n);
      return plan.start(extractFile(doc), { source: hashOfDoc(doc) }, extracting(extractFile(doc), doc, documentId(doc)));
    });
    for (const doc of extractable) {
      const summary = await summaryIn(extractFile(doc));
      if (summary) documents.set(doc, summary);
    }
    const ordered = [...documents.values()].sort(byDate);
    const intro = check.valid.find((d) => d.source.role === 'introduction');
    const introHash = intro ? hashOfDoc(intro) : 'none';
    const introFile = `${STATE_DIR}/introduction.json`;
    let introSummary: Summary | undefined;
    if (intro) {
      await plan.make(introFile, { source: introHash }, extracting(introFile, intro, 'index'));
      introSummary = await summaryIn(introFile);
    }
    // Registers, chronology and search name the home page's text as what it is.
    const introTitled = <T extends Listing>(e: T): T => ({ ...e, title: 'Introduction' });

    clock.lap('pages');
    const unrendered: Record<string, Record<string, number>> = {};
    const position = new Map(ordered.map((e, i) => [e.id, i]));
    const pageJobs = [...documents].map(([doc, { id }]) => {
      // A page needs only its neighbours' ids and titles for previous/next, not the whole list.
      const i = position.get(id)!;
      const neighbours = JSON.stringify(ordered.slice(Math.max(0, i - 1), i + 2).map(({ id, title }) => ({ id, title })));
      const params: StylesheetParams = {
        'documents-json': neighbours,
        'document-id': id,
        'path-to-root': '../',
        'source-path': publishedPath(config, doc),
      };
      const inputs = { source: hashOfDoc(doc), neighbours: hashOf(neighbours), entries: entriesOf(doc), lists: listsHash, path: params['source-path']! };
      return { doc, html: `documents/${id}.html`, text: `text/${id}.txt`, params, inputs };
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
    const pages: PageSummary[] = [
      ...(introSummary ? [{ url: 'index.html', summary: introTitled(introSummary) }] : []),
      ...published.map((summary) => ({ url: documentUrl(summary.id), summary })),
    ];
    // The words in context of the pages an edition-wide page to be made shows, read once each.
    const extractsRead = new Map<string, Promise<Page>>();
    const extractOf = ({ url, summary }: PageSummary): string => (url === 'index.html' ? introFile : extractOfId(summary.id));
    const readExtract = async (page: PageSummary): Promise<Page> => {
      const extract = JSON.parse((await plan.text(extractOf(page)))!) as Extract;
      return { url: page.url, extract: page.url === 'index.html' ? introTitled(extract) : extract };
    };
    const withExtracts = async (wanted: readonly PageSummary[]): Promise<Page[]> => {
      const read: Page[] = [];
      // A few files at a time: thousands of open files at once would run out of file handles.
      for (let i = 0; i < wanted.length; i += WINDOW) {
        const batch = wanted.slice(i, i + WINDOW);
        for (const page of batch) if (!extractsRead.has(page.url)) extractsRead.set(page.url, readExtract(page));
        read.push(...(await Promise.all(batch.map((page) => extractsRead.get(page.url)!))));
      }
      return read;
    };
    // What an edition-wide page shows of a page comes from its extract: digests of the extract
    // stand for it, so that nothing large is hashed (or read) to find what changed.
    const pagesBy = (kind: keyof Summary['digests']): Map<string, PageSummary[]> => {
      const byKey = new Map<string, PageSummary[]>();
      for (const page of pages) {
        for (const key of Object.keys(page.summary.digests[kind])) {
          if (!byKey.has(key)) byKey.set(key, []);
          byKey.get(key)!.push(page);
        }
      }
      return byKey;
    };
    // The parts as one string (hashOf's separators): spreading thousands of them into a call was slow.
    const digestOf = (kind: keyof Summary['digests'], key: string, showing: readonly PageSummary[] = []): string =>
      showing.length === 0 ? hashOf() : hashOf(showing.map(({ url, summary }) => `${url}=${summary.digests[kind][key]}`).join('\0'));

    clock.lap('site');
    const firstChecked = check.valid[0];
    const introDoc: ReadDoc | undefined = intro ?? (firstChecked ? { ...firstChecked, text: EMPTY_TEI } : undefined);
    const byYear = pagesBy('years');
    if (introDoc) {
      // What these pages show of the authority lists: which lists there are, and the entries' faces (a note edit changes none).
      const entryFaces = hashOf(listsHash, ...[...lists.entries.keys()].map((id) => `${id}=${lists.face(id)}`));
      const siteInputs = (params: StylesheetParams): Record<string, string> => ({ intro: introHash, entries: entryFaces, params: hashOf(JSON.stringify(params)) });
      const site = async (mode: string, file: string, params: StylesheetParams = {}): Promise<void> => {
        await plan.make(file, siteInputs(params), (sink) => xslt.run(sink, introDoc, 'html', params, mode));
      };
      // The documents in date order, listed on the home page and, past listPageDocuments, on list/2.html, …:
      // a changed title or summary remakes the page that lists it.
      const perList = config.listPageDocuments;
      const parts = Math.max(1, Math.ceil(published.length / perList));
      for (let part = 1; part <= parts; part++) {
        const listed = published.slice((part - 1) * perList, part * perList);
        const params = { 'documents-json': JSON.stringify(listed.map(listing)), part, parts, 'first-number': (part - 1) * perList + 1 };
        if (part === 1) await site('index', 'index.html', params);
        else await site('document-list', `list/${part}.html`, { ...params, 'path-to-root': '../' });
      }
      const years = [...byYear.keys()].map((year) => {
        let count = 0;
        let first = '\uffff';
        for (const { summary } of byYear.get(year)!) {
          const [, n, sort] = summary.years.find(([y]) => y === year)!;
          count += n;
          if (sort < first) first = sort;
        }
        return { year, count, first };
      });
      // Years in the order of their first dates, as the chronology lists them.
      years.sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
      const datesOf = async (year: string): Promise<ChronologyItem[]> => chronologyByYear(chronology(await withExtracts(byYear.get(year)!))).get(year)!;
      if (years.reduce((n, { count }) => n + count, 0) <= config.chronologyPageDates) {
        const dates = hashOf(...years.map(({ year }) => `${year}:${digestOf('years', year, byYear.get(year))}`));
        await plan.make('chronology.html', { ...siteInputs({}), dates }, async (sink) => {
          const dated = pages.filter(({ summary }) => summary.years.length > 0);
          return xslt.run(sink, introDoc, 'html', { 'chronology-json': JSON.stringify(chronology(await withExtracts(dated))) }, 'chronology');
        });
      } else {
        // Too many dates for one page: a page per year, each made again only when its own dates change.
        const yearList = years.map(({ year, count }) => ({ label: year, url: `chronology/${year}.html`, count }));
        await site('chronology', 'chronology.html', { 'chronology-years-json': JSON.stringify(yearList) });
        const yearJobs = years.map(({ year }) => ({
          file: `chronology/${year}.html`,
          inputs: { dates: digestOf('years', year, byYear.get(year)), intro: introHash, lists: listsHash },
          year,
        }));
        await makeEach(yearJobs, async ({ year }, sink) => {
          const params = { 'path-to-root': '../', 'chronology-json': JSON.stringify(await datesOf(year)), 'chronology-years-json': JSON.stringify([{ label: year }]) };
          return xslt.document(sink, introDoc, 'html', params, 'chronology-year');
        });
      }
      await site('search', 'search.html');
      // The whole edition as text, one part per text: an edit remakes the parts it changed.
      const textPart = (key: string, hash: string, text: () => Promise<string>): Part => ({
        key,
        hash: hashOf(hash, key === 'index' ? 'first' : 'next'),
        content: async () => (key === 'index' ? '' : '\n\n\n') + (await text()).replace(/^\n+/, '').replace(/\n{3,}/g, '\n\n\n').trimEnd(),
      });
      const textParts = (sink: Message[]): Part[] => [
        textPart('index', hashOf(introHash, entryFaces), async () => xslt.run(sink, introDoc, 'text', {}, 'index') ?? ''),
        ...published.map((e) => textPart(e.id, plan.inputsOf(`text/${e.id}.txt`), async () => (await plan.text(`text/${e.id}.txt`)) ?? '')),
        { key: 'end', hash: 'end', content: () => '\n' },
      ];
      const texts = hashOf(...textParts([]).map((part) => `${part.key}=${part.hash}`));
      await plan.makeMany('edition-text', { texts }, (sink) => joinParts(outDir, 'text/edition.txt', textParts(sink)));
    }
    // Each stage reads the extracts it needs, and holds none for the next: a full build would hold them all.
    extractsRead.clear();
    clock.lap('registers');
    const counts: Record<string, { mentions: number; pages: number }> = {};
    for (const { summary } of pages) {
      for (const [entry, n] of summary.mentioned) {
        const count = (counts[entry] ??= { mentions: 0, pages: 0 });
        count.mentions += n;
        count.pages++;
      }
    }
    for (const { list, register } of kinds) {
      const ofRegister = Object.fromEntries(Object.entries(counts).filter(([id]) => lists.get(id)?.kind.register === register));
      const params = { 'path-to-root': '../', 'register-list': list, 'counts-json': JSON.stringify(ofRegister) };
      await plan.make(`registers/${register}.html`, { authorities: authorityHash, counts: hashOf(params['counts-json']) }, (sink) =>
        xslt.run(sink, authorityDocs[0]!, 'html', params, 'register'),
      );
    }
    // Each page of an entry is made again only when its entry, the lists of registers, or the mentions it lists change.
    const byEntry = pagesBy('mentions');
    const entrySource = { ...authorityDocs[0]!, text: EMPTY_TEI };
    const entryJobs = [...lists.entries.values()]
      .filter((e) => kinds.includes(e.kind))
      .flatMap(({ id, kind: { register: kind } }) => {
        // An entry's notes may name other entries, shown by their standard names: their texts count too.
        const own = lists.text(id) ?? '';
        const named = [...own.matchAll(/\bref="[^"#]*#([^"\s]+)"/g)].map(([, ref]) => `${ref}=${lists.text(ref!) ?? ''}`);
        const entry = hashOf(own, ...named);
        // An entry named in very many documents lists their mentions on several pages: <id>.html, then <id>/2.html, …
        const showing = byEntry.get(id) ?? [];
        const parts = Math.max(1, Math.ceil(showing.length / config.entryPageDocuments));
        const total = counts[id] ?? { mentions: 0, pages: 0 };
        return Array.from({ length: parts }, (_, i) => {
          const part = i + 1;
          const listed = showing.slice(i * config.entryPageDocuments, part * config.entryPageDocuments);
          // Only the first page says how often the entry is mentioned in all.
          const params = { 'entry-id': id, part, parts, 'entry-mentions': part === 1 ? total.mentions : 0, 'entry-pages': part === 1 ? total.pages : 0 };
          const inputs = { entry, mentions: digestOf('mentions', id, listed), lists: listsHash, part: JSON.stringify(params) };
          return { file: part === 1 ? `registers/${kind}/${id}.html` : `registers/${kind}/${id}/${part}.html`, inputs, listed, params };
        });
      });
    await makeEach(entryJobs, async ({ file, listed, params }, sink) => {
      const mentions = JSON.stringify(mentionsOf(await withExtracts(listed), params['entry-id']));
      const pathToRoot = '../'.repeat(file.split('/').length - 1);
      return xslt.document(sink, entrySource, 'html', { ...params, 'path-to-root': pathToRoot, 'mentions-json': mentions }, 'register-entry');
    });
    extractsRead.clear();
    clock.lap('search');
    // The index in parts, each made again only when one of its pages' extracts changes.
    const shards = shardCount(pages.length, config.searchShardPages);
    const pagesOf = new Map<number, PageSummary[]>();
    for (const page of pages) {
      const shard = shardOf(page.url, shards);
      if (!pagesOf.has(shard)) pagesOf.set(shard, []);
      pagesOf.get(shard)!.push(page);
    }
    for (let shard = 1; shard <= shards; shard++) {
      const members = pagesOf.get(shard) ?? [];
      const inputs = { pages: hashOf(...members.map((page) => `${page.url}=${plan.inputsOf(extractOf(page))}`)) };
      await plan.make(shardFile(shard), inputs, async () => searchShardScript(searchDocuments(await withExtracts(members))));
    }
    await plan.make('search/index.js', { shards: String(shards) }, () => searchManifestScript(shards));

    extractsRead.clear();
    clock.lap('exports');
    // The edition as data, for repositories: TEI as published, a teiCorpus, Dublin Core, tables, a zip.
    const publishedDocs = published.map((e) => byId.get(e.id)!);
    const members = [...(intro ? [intro] : []), ...authorityDocs, ...publishedDocs];
    const schemas = await publishedSchemas(config, members);
    for (const m of schemas.messages) messages.push(m);
    // A published source is the source's bytes (its hash is known), but for one with active content, published without it.
    const asPublished = new Map(
      members.map((doc) => {
        const active = check.records[relative(doc)]!.messages.some((m) => m.ruleId === 'active-content');
        return [doc, active ? { doc: inertDoc(doc), hash: hashOf('inert', hashOfDoc(doc)) } : { doc, hash: hashOfDoc(doc) }];
      }),
    );
    const sources: DataFile[] = [
      ...[...asPublished.values()].map(({ doc, hash }) => ({ path: publishedPath(config, doc), hash, content: async () => doc.source.bytes })),
      ...schemas.outputs.map(({ path, content }) => ({ path, hash: hashOf(content), content: async () => content })),
    ];
    for (const file of sources) await plan.make(file.path, { content: file.hash }, file.content);
    const recordFile = (doc: ReadDoc): string => `metadata/${documentId(doc)}.dc.xml`;
    const recordJobs = publishedDocs.map((doc) => ({ doc, file: recordFile(doc), inputs: { source: hashOfDoc(doc), entries: entriesOf(doc) } }));
    await makeEach(recordJobs, ({ doc }, sink) => xslt.document(sink, doc, 'dc', { 'document-id': documentId(doc) }));
    const records: DataFile[] = recordJobs
      .filter(({ file }) => plan.has(file))
      .map(({ file }) => ({ path: file, hash: plan.inputsOf(file), content: async () => (await plan.content(file)) as Uint8Array }));
    const rows = documentRows(config, published, lists);
    const exchangeInputs = {
      members: hashOf(...members.map((d) => `${d.source.path}=${hashOfDoc(d)}`)),
      rows: hashOf(JSON.stringify(rows)),
      records: hashOf(...records.map((r) => `${r.path}=${r.hash}`)),
      sources: hashOf(...sources.map((f) => `${f.path}=${f.hash}`)),
    };
    const corpus = corpusParts(config, intro && asPublished.get(intro), [...authorityDocs, ...publishedDocs].map((doc) => asPublished.get(doc)!));
    await plan.makeMany('exchange', exchangeInputs, () => exchangeFiles(config, outDir, corpus, rows, records, sources));
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
    const sourceOf = new Map([...asPublished.values()].map(({ doc }) => [publishedPath(config, doc), doc]));
    // Read only for the resources whose DTS files are made again.
    const sourceFiles = { get: (file: string): Uint8Array | undefined => sourceOf.get(file)?.source.bytes };
    // A resource's own files show its record and the collection it belongs to, not the other resources.
    const resourceRecord = new Map(registry.resources.map((r) => [r.id, hashOf(JSON.stringify(r), JSON.stringify(registry.collection), dtsBase)]));
    const dtsInputs = (doc: ReadDoc): Record<string, string> => ({ source: hashOfDoc(doc), resource: resourceRecord.get(documentId(doc))! });
    const stale = new Set(publishedDocs.filter((d) => !plan.isCurrent(`dts:${documentId(d)}`, dtsInputs(d))).map(documentId));
    // The last root collection's members, read once: the unchanged resources are listed as they were.
    let lastMembers: Promise<Map<string, object>> | undefined;
    const keptMember = async (id: string): Promise<object | undefined> => {
      lastMembers ??= readFile(path.join(outDir, 'dts', 'collection.json'), 'utf8').then(
        (json) => new Map(((JSON.parse(json) as { member?: { '@id': string }[] }).member ?? []).map((m) => [m['@id'], m])),
        () => new Map(),
      );
      return (await lastMembers).get(id);
    };
    const dts = plan.isCurrent('dts', { registry: registryHash }) && stale.size === 0 ? [] : await staticDts(registry, dtsBase, sourceFiles, stale, keptMember);
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
      const printInputs = { paper, chromium: chromiumIdentity(), intro: introHash, authorities: authorityHash, documents: hashOf(...publishedDocs.map(hashOfDoc)) };
      await plan.makeMany('print', printInputs, async (sink) => {
        const mentions = mentionsByEntry(await withExtracts(pages));
        const pdf = await printEdition(config, xslt, sink, { intro, introDoc, documents: publishedDocs, titles: published.map((e) => e.title), mentions, entries: lists, paper });
        if ('message' in pdf) {
          sink.push(pdf.message);
          return [];
        }
        return pdf.outputs;
      });
    }

    clock.lap('write');
    await removeStale(outDir, [...plan.files(), `${STATE_DIR}/state.json`, STAMPS_FILE, LOCK_FILE], plan.lastWritten());
    const state: BuildState = {
      ...emptyState(fingerprint),
      inputs,
      checks: check.records,
      outputs: plan.records,
      unrendered,
      messages: messages.slice(loadMessages),
      published: published.map((e) => e.id),
      summaries,
    };
    await saveState(outDir, state);
    // Load messages are not replayed from the state: a build that had some must read the sources again.
    if (loadMessages === 0) await saveStamps(outDir, settings, loaded.sources, schemaFiles, startedAt, plan.files(), commitOf(state));
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
function nothingChanged(previous: LastResult, outDir: string, sources: readonly { path: string; name: string }[], config: EditionConfig): BuildResult {
  return {
    messages: previous.messages,
    outDir,
    published: previous.published,
    fileCount: sources.length,
    unrendered: unrenderedByName(previous, sources, config),
    written: 0,
    kept: previous.outputs,
    checked: 0,
  };
}

function unrenderedByName(state: Pick<BuildState, 'unrendered'>, sources: readonly { path: string; name: string }[], config: EditionConfig): BuildResult['unrendered'] {
  const out: BuildResult['unrendered'] = {};
  for (const s of sources) {
    const counts = state.unrendered[path.relative(config.root, s.path).split(path.sep).join('/')];
    if (counts) out[s.name] = counts;
  }
  return out;
}
