import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Authorities } from '../authorities.js';
import { checkEdition } from './checks.js';
import { StageClock } from './clock.js';
import { documentId, documentUrl, withPublishableIds } from './names.js';
import { makePrint } from './families/print.js';
import { Transformer } from './transformer.js';
import { buildFingerprint, toolkitFingerprint } from '../incremental/fingerprint.js';
import { lockOutputFolder, LOCK_FILE } from '../incremental/lock.js';
import { folderOf, forgetStamps, lastBuild, saveStamps, STAMPS_FILE } from '../incremental/stamps.js';
import { roleFinder } from '../validate/check.js';
import { CONFIG_FILE, foreignConfig, loadConfig, type EditionConfig } from '../config.js';
import { displayName, findXmlFiles, knownOf, loadSources } from '../load/load.js';
import { ConfigError, message, type Message } from '../messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { OutputPlan } from '../incremental/plan.js';
import type { Listing, PageSummary } from '../site/extracts.js';
import type { BuildContext } from './families/context.js';
import { makeDocuments } from './families/documents.js';
import { makeDts } from './families/dts.js';
import { extractOfId, INTRODUCTION_EXTRACT, makeExtracts } from './families/extracts.js';
import { makeRegisters } from './families/registers.js';
import { makeSearch } from './families/search.js';
import { makeSite } from './families/site.js';
import { EditionPages } from './pages.js';
import { makeExports } from './families/exports.js';
import type { Paper } from '../print/book.js';
import { chromiumIdentity } from '../print/pdf.js';
import { hashOf } from '../hash.js';
import { commitOf, emptyState, filesWritten, loadState, readLastResult, resultOf, saveResult, saveState, STATE_DIR, statePath, type BuildState, type LastResult } from '../incremental/state.js';
import { compileStylesheets } from '../transform/stylesheets.js';
import { parseForStylesheets } from '../transform/transform.js';
import { outputFolderProblem, removeStale } from '../write/write.js';

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
    const ctx: BuildContext = { config, outDir, plan, xslt, messages, hashOfDoc };
    // What a document's page and record show of the entries it points to: their faces, not their notes.
    const entriesHash = new Map<ReadDoc, string>();
    const entriesOf = (doc: ReadDoc): string => {
      if (!entriesHash.has(doc)) entriesHash.set(doc, hashOf(...check.records[relative(doc)]!.pointsTo.map((id) => `${id}=${lists.face(id) ?? ''}`)));
      return entriesHash.get(doc)!;
    };

    clock.lap('extracts');
    const candidates = withPublishableIds(check.valid.filter((d) => d.source.role === 'document'), messages);
    const progress = (stage: Progress['stage']) => (done: number): void => options.onProgress?.({ stage, done, total: candidates.length });
    const intro = check.valid.find((d) => d.source.role === 'introduction');
    const introHash = intro ? hashOfDoc(intro) : 'none';
    const extractable = candidates.filter((doc) => !tooLarge(doc, config, messages));
    const { documents, introduction, summaries } = await makeExtracts(ctx, extractable, intro, previous?.summaries, progress('extract'));
    const ordered = [...documents.values()].sort(byDate);

    clock.lap('pages');
    const { published, unrendered } = await makeDocuments(ctx, { documents, ordered, entriesOf, listsHash, relative, previous: previous?.unrendered, onProgress: progress('render') });
    const byId = new Map([...documents.keys()].map((d) => [documentId(d), d]));
    // Registers, chronology and search name the home page's text as what it is.
    const introTitled = <T extends Listing>(e: T): T => ({ ...e, title: 'Introduction' });
    const pages: PageSummary[] = [
      ...(introduction ? [{ url: 'index.html', summary: introTitled(introduction) }] : []),
      ...published.map((summary) => ({ url: documentUrl(summary.id), summary })),
    ];
    const edition = new EditionPages(
      pages,
      plan,
      ({ url, summary }) => (url === 'index.html' ? INTRODUCTION_EXTRACT : extractOfId(summary.id)),
      ({ url }, extract) => (url === 'index.html' ? introTitled(extract) : extract),
    );

    clock.lap('site');
    const firstChecked = check.valid[0];
    const introDoc: ReadDoc | undefined = intro ?? (firstChecked ? { ...firstChecked, text: EMPTY_TEI } : undefined);
    if (introDoc) {
      const entryFaces = hashOf(listsHash, ...[...lists.entries.keys()].map((id) => `${id}=${lists.face(id)}`));
      await makeSite(ctx, edition, { introDoc, introHash, entryFaces, listsHash, published });
    }
    edition.forget();
    clock.lap('registers');
    await makeRegisters(ctx, edition, { authorities: lists, kinds, listsHash, authorityHash });
    edition.forget();
    clock.lap('search');
    await makeSearch(ctx, edition);
    edition.forget();
    clock.lap('exports');
    const publishedDocs = published.map((e) => byId.get(e.id)!);
    const publishedFiles = await makeExports(ctx, {
      intro,
      authorities: lists,
      documents: publishedDocs,
      published,
      hasActiveContent: (doc) => check.records[relative(doc)]!.messages.some((m) => m.ruleId === 'active-content'),
      entriesOf,
    });

    clock.lap('dts');
    await makeDts(ctx, { published, documents: publishedDocs, publishedFiles });

    clock.lap('print');
    if (options.pdf) {
      await makePrint(ctx, { paper: options.paper ?? 'a4', intro, introDoc, documents: publishedDocs, published, authorities: lists, introHash, authorityHash, pages: () => edition.withExtracts(pages) });
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
