import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkSources, roleFinder } from './check.js';
import { existsSync } from 'node:fs';
import { CONFIG_FILE, foreignConfig, loadConfig, type EditionConfig } from './config.js';
import { ENTITY_KINDS } from './entities.js';
import { findXmlFiles, loadSources } from './load.js';
import { ConfigError, message, type Message } from './messages.js';
import type { ParsedDoc } from './parse.js';
import { chronology, mentionsByEntry, searchDocuments, type Extract, type Page } from './site/extracts.js';
import type { Registry } from './dts/api.js';
import { staticDts } from './dts/static.js';
import { bookHtml, indexEntries, type Chapter, type Paper } from './print/book.js';
import { chromiumAvailable, CHROMIUM, renderPdf } from './print/pdf.js';
import { corpusXml, documentRows, entryIndex, exchangeFiles } from './site/export.js';
import { searchIndexScript } from './site/search-index.js';
import { publishedPath, publishedSources } from './site/sources.js';
import { compileStylesheets, packageRoot, type Format } from './stylesheets.js';
import { parseForStylesheets, transform, type StylesheetParams } from './transform.js';
import { isOutputFolder, writeOutputs, type Output } from './write.js';

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

const documentId = (doc: ParsedDoc): string => path.basename(doc.source.path).replace(/\.xml$/i, '');
const documentUrl = (id: string): string => `documents/${encodeURIComponent(id)}.html`;

function editionJson(config: EditionConfig): string {
  const { title, subtitle, editors, licence, baseUrl, language } = config;
  return JSON.stringify({ title, subtitle, editors, licence, baseUrl, language });
}

function byDate(a: Extract, b: Extract): number {
  const ka = a.date?.sort || '\uffff';
  const kb = b.date?.sort || '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const EMPTY_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>';

/** One transform of one document; its messages join the build's. Undefined output: it failed. */
class Transformer {
  constructor(
    readonly messages: Message[],
    readonly base: StylesheetParams,
  ) {}

  run(doc: ParsedDoc, format: Format, params: StylesheetParams, initialMode?: string): string | undefined {
    const result = transform({
      format,
      sourceText: doc.text,
      file: doc.source.name,
      params: { ...this.base, ...params },
      ...(initialMode ? { initialMode } : {}),
    });
    for (const m of result.messages) this.messages.push(m);
    return result.output;
  }

  extract(doc: ParsedDoc, id: string): Extract | undefined {
    const json = this.run(doc, 'extract', { 'document-id': id });
    return json === undefined ? undefined : (JSON.parse(json) as Extract);
  }
}

/** The print edition: the book's parts from print.xsl, laid out and printed by Chromium. */
async function printEdition(
  config: EditionConfig,
  xslt: Transformer,
  parts: {
    intro: ParsedDoc | undefined;
    introDoc: ParsedDoc | undefined;
    documents: readonly ParsedDoc[];
    mentions: ReturnType<typeof mentionsByEntry>;
    entries: ReturnType<typeof entryIndex>;
    paper: Paper;
  },
): Promise<{ outputs: Output[] } | { message: Message }> {
  if (!chromiumAvailable()) {
    return { message: message('info', 'site', 'pdf-skipped', `no PDF: Chromium is not at ${CHROMIUM} (install Debian's chromium, or set EDITIO_CHROMIUM)`) };
  }
  const chapters: Chapter[] = [];
  const prefixOf = new Map<string, string>();
  const introHtml = parts.intro ? xslt.run(parts.intro, 'print', { 'anchor-prefix': 'intro-' }, 'index') : undefined;
  if (introHtml) {
    chapters.push({ prefix: 'intro-', title: 'Introduction', html: introHtml });
    prefixOf.set('index.html', 'intro-');
  }
  parts.documents.forEach((doc, i) => {
    const prefix = `doc${i + 1}-`;
    const html = xslt.run(doc, 'print', { 'anchor-prefix': prefix, 'document-id': String(i + 1) });
    if (html === undefined) return;
    const title = /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? documentId(doc);
    chapters.push({ prefix, title: `${i + 1}. ${title}`, html });
    prefixOf.set(documentUrl(documentId(doc)), prefix);
  });
  const titlePage = parts.introDoc ? (xslt.run(parts.introDoc, 'print', {}, 'title-page') ?? '') : '';
  const html = await bookHtml(config, parts.paper, titlePage, chapters, indexEntries(parts.mentions, parts.entries, prefixOf));
  try {
    const pdf = await renderPdf(html, { title: config.title, author: config.editors.join(', '), subject: config.subtitle ?? config.title }, parts.paper);
    return { outputs: [{ path: 'print/edition.pdf', content: pdf }, { path: 'print/edition.html', content: html }] };
  } catch (err) {
    return { message: message('error', 'site', 'pdf-failed', `the PDF could not be made: ${(err as Error).message.split('\n')[0]}`) };
  }
}

function tooLarge(doc: ParsedDoc, config: EditionConfig, messages: Message[]): boolean {
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

/**
 * Builds the edition: load → parse → validate → transform → write. A document that fails is
 * reported and left out; every other document is still published.
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
  const messages: Message[] = [];

  const found = await findXmlFiles([path.resolve(config.root, config.sources)]);
  for (const m of found.messages) messages.push(m);
  const loaded = await loadSources(found.files, roleFinder(config));
  for (const m of loaded.messages) messages.push(m);
  for (const wanted of [config.introduction, ...config.authorities]) {
    if (wanted && !loaded.sources.some((s) => s.path === path.resolve(config.root, config.sources, wanted))) {
      throw new ConfigError(message('error', 'config', 'config-invalid', `the configuration names ${wanted}, which is not in ${config.sources}/`));
    }
  }

  const checked = await checkSources(loaded.sources, {
    ...(config.foreign ? { lenient: true } : { edition: config }),
    ...(options.schema ? { schema: options.schema } : {}),
  });
  for (const m of checked.messages) messages.push(m);
  const valid = checked.docs.filter((c) => c.valid).map((c) => c.doc);
  const authorityDocs = valid.filter((d) => d.source.role === 'authorities');
  const authorities = await Promise.all(authorityDocs.map((d) => parseForStylesheets(d.text)));
  const xslt = new Transformer(messages, { 'edition-json': editionJson(config), authorities });

  // Extracts first: the edition-wide pages are made from them, never from the documents again.
  const documents = new Map<ParsedDoc, Extract>();
  for (const doc of valid.filter((d) => d.source.role === 'document')) {
    if (tooLarge(doc, config, messages)) continue;
    const extract = xslt.extract(doc, documentId(doc));
    if (extract) documents.set(doc, extract);
  }
  const ordered = [...documents.values()].sort(byDate);
  const intro = valid.find((d) => d.source.role === 'introduction');
  const introExtract = intro ? xslt.extract(intro, 'index') : undefined;
  // Registers, chronology and search name the home page's text as what it is.
  if (introExtract) introExtract.title = 'Introduction';

  const outputs: Output[] = [];
  const unrendered: BuildResult['unrendered'] = {};
  const texts = new Map<string, string>();
  const position = new Map(ordered.map((e, i) => [e.id, i]));
  for (const [doc, extract] of documents) {
    // A page needs only its neighbours for previous/next, not the whole list (which grows with the edition).
    const i = position.get(extract.id)!;
    const params: StylesheetParams = {
      'documents-json': JSON.stringify(ordered.slice(Math.max(0, i - 1), i + 2)),
      'document-id': extract.id,
      'path-to-root': '../',
      'source-path': publishedPath(config, doc),
    };
    const html = xslt.run(doc, 'html', params);
    const text = xslt.run(doc, 'text', params);
    if (html === undefined || text === undefined) continue;
    unrendered[doc.source.name] = unrenderedIn(html);
    outputs.push({ path: `documents/${extract.id}.html`, content: html });
    outputs.push({ path: `text/${extract.id}.txt`, content: text });
    texts.set(extract.id, text);
  }
  const published = ordered.filter((e) => texts.has(e.id));
  const pages: Page[] = [
    ...(introExtract ? [{ url: 'index.html', extract: introExtract }] : []),
    ...published.map((extract) => ({ url: documentUrl(extract.id), extract })),
  ];

  const introDoc: ParsedDoc | undefined = intro ?? (checked.docs[0] ? { ...checked.docs[0].doc, text: EMPTY_TEI } : undefined);
  if (introDoc) {
    const all = { 'documents-json': JSON.stringify(published) };
    const site = (mode: string, file: string, params: StylesheetParams = {}): void => {
      const html = xslt.run(introDoc, 'html', { ...all, ...params }, mode);
      if (html !== undefined) outputs.push({ path: file, content: html });
    };
    site('index', 'index.html');
    site('chronology', 'chronology.html', { 'chronology-json': JSON.stringify(chronology(pages)) });
    site('search', 'search.html');
    const introText = xslt.run(introDoc, 'text', all, 'index') ?? '';
    const editionText = [introText, ...published.map((e) => texts.get(e.id)!)].join('\n\n');
    outputs.push({ path: 'text/edition.txt', content: editionText.replace(/\n{3,}/g, '\n\n\n').trimEnd() + '\n' });
  }
  if (authorityDocs.length > 0) {
    const mentionsJson = JSON.stringify(mentionsByEntry(pages));
    for (const { list, register: page } of ENTITY_KINDS) {
      if (!authorityDocs.some((d) => d.text.includes(`<${list}`))) continue;
      const params = { 'path-to-root': '../', 'register-list': list, 'mentions-json': mentionsJson };
      const html = xslt.run(authorityDocs[0]!, 'html', params, 'register');
      if (html !== undefined) outputs.push({ path: `registers/${page}.html`, content: html });
    }
  }
  outputs.push({ path: 'search/index.js', content: await searchIndexScript(searchDocuments(pages)) });

  // The edition as data, for repositories: TEI as published, a teiCorpus, Dublin Core, tables, a zip.
  const byId = new Map([...documents.keys()].map((d) => [documentId(d), d]));
  const publishedDocs = published.map((e) => byId.get(e.id)!);
  const sources = await publishedSources(config, [...(intro ? [intro] : []), ...authorityDocs, ...publishedDocs]);
  const dublinCore = new Map<string, string>();
  for (const doc of publishedDocs) {
    const xml = xslt.run(doc, 'dc', { 'document-id': documentId(doc) });
    if (xml !== undefined) dublinCore.set(documentId(doc), xml);
  }
  const rows = documentRows(config, published, entryIndex(authorityDocs));
  const corpus = corpusXml(config, intro, [...authorityDocs, ...publishedDocs]);
  for (const o of [...sources, ...exchangeFiles(config, corpus, rows, dublinCore, sources), ...(await assets())]) outputs.push(o);
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
  for (const o of await staticDts(registry, dtsBase, new Map(sources.map((o) => [o.path, o.content])))) outputs.push(o);

  if (options.pdf) {
    const pdf = await printEdition(config, xslt, {
      intro,
      introDoc,
      documents: publishedDocs,
      mentions: mentionsByEntry(pages),
      entries: entryIndex(authorityDocs),
      paper: options.paper ?? 'a4',
    });
    if ('message' in pdf) messages.push(pdf.message);
    else for (const o of pdf.outputs) outputs.push(o);
  }

  await writeOutputs(outDir, outputs);
  return { messages, outDir, published: published.map((e) => e.id), fileCount: loaded.sources.length, unrendered };
}
