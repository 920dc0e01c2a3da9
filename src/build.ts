import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig, type EditionConfig } from './config.js';
import { ConfigError, message, type Message } from './messages.js';
import { checkSources, roleFinder } from './check.js';
import { findXmlFiles, loadSources } from './load.js';
import type { ParsedDoc } from './parse.js';
import { compileStylesheets, packageRoot } from './stylesheets.js';
import { parseForStylesheets, transform, type StylesheetParams } from './transform.js';
import { isOutputFolder, writeOutputs, type Output } from './write.js';

export interface BuildOptions {
  /** The edition's folder, holding editio.config.json (default: the working folder). */
  root?: string;
  /** Output folder (default: the configuration's `out`, relative to the edition's folder). */
  out?: string;
}

/** What a document contributes to the edition-wide pages (xslt/extract/extract.xsl). */
export interface Extract {
  id: string;
  title: string;
  date?: { label: string; sort: string; when: string };
  summary: string;
  summaryOnly: boolean;
  mentions: string[];
}

export interface BuildResult {
  messages: Message[];
  outDir: string;
  /** Identifiers of the documents published, in date order. */
  published: string[];
  /** Files that were read (sources of every role). */
  fileCount: number;
}

const documentId = (doc: ParsedDoc): string => path.basename(doc.source.path).replace(/\.xml$/i, '');

function editionJson(config: EditionConfig): string {
  const { title, subtitle, editors, licence, baseUrl, language } = config;
  return JSON.stringify({ title, subtitle, editors, licence, baseUrl, language });
}

function byDate(a: Extract, b: Extract): number {
  const ka = a.date?.sort || '\uffff';
  const kb = b.date?.sort || '\uffff';
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Runs one transform and collects its messages; undefined output means it failed. */
function run(
  messages: Message[],
  doc: ParsedDoc,
  format: 'html' | 'text' | 'extract',
  params: StylesheetParams,
  initialMode?: string,
): string | undefined {
  const result = transform({ format, sourceText: doc.text, file: doc.source.name, params, ...(initialMode ? { initialMode } : {}) });
  for (const item of result.messages) messages.push(item);
  return result.output;
}

const EMPTY_TEI = '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>';
const REGISTER_LISTS = ['listPerson', 'listPlace', 'listOrg', 'listObject', 'listEvent'];

/**
 * Builds the edition: load → parse → validate → transform → write. A document that fails is
 * reported and left out; every other document is still published.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const config = await loadConfig(path.resolve(options.root ?? '.'));
  const outDir = path.resolve(options.out ?? path.resolve(config.root, config.out));
  if (!(await isOutputFolder(outDir))) {
    throw new ConfigError(
      message('error', 'config', 'out-not-editio', `${outDir} holds files editio did not write; choose an empty or new output folder`),
    );
  }
  await compileStylesheets();
  const messages: Message[] = [];

  const found = await findXmlFiles([path.resolve(config.root, config.sources)]);
  for (const item of found.messages) messages.push(item);
  const loaded = await loadSources(found.files, roleFinder(config));
  for (const item of loaded.messages) messages.push(item);
  for (const wanted of [config.introduction, ...config.authorities]) {
    if (wanted && !loaded.sources.some((s) => s.path === path.resolve(config.root, config.sources, wanted))) {
      throw new ConfigError(message('error', 'config', 'config-invalid', `the configuration names ${wanted}, which is not in ${config.sources}/`));
    }
  }

  const checked = await checkSources(loaded.sources, { edition: config });
  for (const item of checked.messages) messages.push(item);
  const parsed = checked.docs.map((c) => c.doc);
  const valid = checked.docs.filter((c) => c.valid).map((c) => c.doc);

  const authorityDocs = valid.filter((d) => d.source.role === 'authorities');
  const authorities = await Promise.all(authorityDocs.map((d) => parseForStylesheets(d.text)));
  const base: StylesheetParams = { 'edition-json': editionJson(config), authorities };

  const extracts = new Map<ParsedDoc, Extract>();
  for (const doc of valid.filter((d) => d.source.role === 'document')) {
    if (tooLarge(doc, config, messages)) continue;
    const json = run(messages, doc, 'extract', { ...base, 'document-id': documentId(doc) });
    if (json !== undefined) extracts.set(doc, JSON.parse(json) as Extract);
  }
  const ordered = [...extracts.values()].sort(byDate);
  const documentsJson = JSON.stringify(ordered);
  const params: StylesheetParams = { ...base, 'documents-json': documentsJson };

  const outputs: Output[] = [];
  const texts = new Map<string, string>();
  const published: string[] = [];
  const position = new Map(ordered.map((e, i) => [e.id, i]));
  for (const [doc, extract] of extracts) {
    // A page needs only its neighbours for previous/next, not the whole list (which grows with the edition).
    const i = position.get(extract.id)!;
    const neighbours = JSON.stringify(ordered.slice(Math.max(0, i - 1), i + 2));
    const pageParams = { ...base, 'documents-json': neighbours, 'document-id': extract.id, 'path-to-root': '../' };
    const html = run(messages, doc, 'html', pageParams);
    const text = run(messages, doc, 'text', pageParams);
    if (html === undefined || text === undefined) continue;
    outputs.push({ path: `documents/${extract.id}.html`, content: html });
    outputs.push({ path: `text/${extract.id}.txt`, content: text });
    texts.set(extract.id, text);
  }
  for (const extract of ordered) if (texts.has(extract.id)) published.push(extract.id);

  const intro = valid.find((d) => d.source.role === 'introduction');
  const introDoc: ParsedDoc = intro ?? { ...parsed[0]!, text: EMPTY_TEI };
  const index = parsed.length > 0 ? run(messages, introDoc, 'html', params, 'index') : undefined;
  if (index !== undefined) outputs.push({ path: 'index.html', content: index });
  const introText = parsed.length > 0 ? run(messages, introDoc, 'text', params, 'index') : undefined;
  const editionText = [introText ?? '', ...published.map((id) => texts.get(id)!)].join('\n\n');
  outputs.push({ path: 'text/edition.txt', content: editionText.replace(/\n{3,}/g, '\n\n\n').trimEnd() + '\n' });

  if (authorityDocs.length > 0) {
    const present = REGISTER_LISTS.filter((list) => authorityDocs.some((d) => d.text.includes(`<${list}`)));
    for (const list of present) {
      const html = run(messages, authorityDocs[0]!, 'html', { ...params, 'path-to-root': '../', 'register-list': list }, 'register');
      if (html !== undefined) outputs.push({ path: `registers/${registerPage(list)}.html`, content: html });
    }
  }
  outputs.push({ path: 'assets/edition.css', content: await readFile(path.join(packageRoot(), 'xslt', 'html', 'edition.css')) });

  await writeOutputs(outDir, outputs);
  return { messages, outDir, published, fileCount: loaded.sources.length };
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

function registerPage(list: string): string {
  return { listPerson: 'persons', listPlace: 'places', listOrg: 'organisations', listObject: 'objects', listEvent: 'events' }[list]!;
}

