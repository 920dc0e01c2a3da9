/**
 * The per-document work a build hands out: a stylesheet's transforms of a source, a document's
 * extract or Dublin Core record, a resource's DTS files (the last three TypeScript). Run alike on the worker pool and in
 * the build's own thread, with what every job reads of the published entries prepared once per thread.
 */
import type { Registry, ResourceRecord } from '../dts/library.js';
import { resourceFiles } from '../dts/static.js';
import { Authorities } from '../model/authorities.js';
import type { EditionConfig } from '../model/config.js';
import { message } from '../infra/messages.js';
import { parse } from '../parse/parse.js';
import { buildTree } from '../parse/tree.js';
import { dublinCore } from '../exchange/dublin-core.js';
import { configuredPrefixes } from '../model/pointers.js';
import type { PublishedEntries } from '../transform/entry-reader.js';
import { extractDocument } from '../transform/extract.js';
import type { LanguagePack } from '../i18n/catalogue.js';
import { authorityContext, transform, transformAll, type AuthorityContext, type TransformRequest, type TransformResult } from '../transform/transform.js';

/** The published entries, as they cross to a worker: their document, ids, identifier URLs (→ id) and the configured prefixes. */
export interface Published {
  text: string;
  /** The edition's language: its dates' words in extracts and records. */
  language: LanguagePack;
  ids: string[];
  identifiers: Record<string, string>;
  prefixes: Record<string, string>;
}

export interface ExtractRequest {
  sourceText: string;
  /** Name used in messages. */
  file: string;
  documentId: string;
}

/** A resource's own DTS files (src/dts/static.ts resourceFiles), from its text. */
export interface DtsRequest {
  parent: Registry['collection'];
  record: ResourceRecord;
  base: string;
  text: string;
}

/** A document's Dublin Core record (src/site/dublin-core.ts). */
export interface RecordRequest extends ExtractRequest {
  config: EditionConfig;
}

/** Transforms of one source (its outputs share one parse), a document's extract or record, a resource's DTS files. */
export type Job =
  | { kind: 'transform'; requests: TransformRequest[] }
  | { kind: 'extract'; request: ExtractRequest }
  | { kind: 'record'; request: RecordRequest }
  | { kind: 'dts'; request: DtsRequest };

/** What a thread prepares once: the stylesheets' authority parameters, the entries a pointer may name, the entries themselves (read when a record first needs them). */
export interface JobContext {
  authorities: AuthorityContext;
  language: LanguagePack;
  entries: PublishedEntries;
  published(): Authorities;
}

export async function jobContext(published: Published): Promise<JobContext> {
  let read: Authorities | undefined;
  const prefixes = configuredPrefixes(published.prefixes);
  return {
    authorities: await authorityContext(published.text, published.identifiers, prefixes),
    language: published.language,
    entries: { ids: new Set(published.ids), identifiers: new Map(Object.entries(published.identifiers)), prefixes },
    published: () => (read ??= new Authorities([parse({ path: 'published-entries.xml', name: 'the authority entries', bytes: Buffer.from(published.text), role: 'authorities' }).doc!])),
  };
}

/** A job's results: one for each transform, or the extract, or the DTS files as JSON. */
export async function runJob(job: Job, context: JobContext): Promise<TransformResult[]> {
  if (job.kind === 'dts') {
    const { parent, record, base, text } = job.request;
    const files = await resourceFiles(parent, record, base, text);
    return [{ output: files && JSON.stringify(files), messages: [] }];
  }
  if (job.kind === 'record') {
    const { sourceText, file, documentId, config } = job.request;
    const tree = buildTree(sourceText);
    if ('error' in tree) {
      return [{ output: undefined, messages: [message('error', 'site', 'record-failed', `its Dublin Core record could not be made: ${tree.error.reason}`, { file, line: tree.error.line })] }];
    }
    return [{ output: dublinCore({ tree: tree.root }, documentId, config, context.published(), context.language), messages: [] }];
  }
  if (job.kind === 'transform') {
    const { params, faces } = context.authorities;
    const requests = job.requests.map((r) => ({ ...r, params: { ...r.params, ...params } }));
    return requests.length === 1 ? [transform(requests[0]!, faces)] : transformAll(requests, faces);
  }
  const { sourceText, file, documentId } = job.request;
  const made = extractDocument(sourceText, documentId, context.entries, context.language);
  if ('json' in made) return [{ output: made.json, messages: [] }];
  return [{ output: undefined, messages: [message('error', 'transform', 'extract-failed', `its extract could not be made: ${made.error}`, { file })] }];
}
