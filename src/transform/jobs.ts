/**
 * The per-document work a build hands out: a stylesheet's transforms of a source, a document's
 * extract, a resource's DTS files (the last two TypeScript). Run alike on the worker pool and in
 * the build's own thread, with what every job reads of the published entries prepared once per thread.
 */
import type { Registry, ResourceRecord } from '../dts/library.js';
import { resourceFiles } from '../dts/static.js';
import { message } from '../messages.js';
import { configuredPrefixes } from '../pointers.js';
import { extractDocument, type PublishedEntries } from './extract.js';
import { authorityParams, transform, transformAll, type AuthorityParams, type TransformRequest, type TransformResult } from './transform.js';

/** The published entries, as they cross to a worker: their document, ids, identifier URLs (→ id) and the configured prefixes. */
export interface Published {
  text: string;
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

/** Transforms of one source (its outputs share one parse), a document's extract, a resource's DTS files. */
export type Job = { kind: 'transform'; requests: TransformRequest[] } | { kind: 'extract'; request: ExtractRequest } | { kind: 'dts'; request: DtsRequest };

/** What a thread prepares once: the stylesheets' authority parameters, the entries a pointer may name. */
export interface JobContext {
  authorities: AuthorityParams;
  entries: PublishedEntries;
}

export async function jobContext(published: Published): Promise<JobContext> {
  return {
    authorities: await authorityParams(published.text, published.identifiers),
    entries: { ids: new Set(published.ids), identifiers: new Map(Object.entries(published.identifiers)), prefixes: configuredPrefixes(published.prefixes) },
  };
}

/** A job's results: one for each transform, or the extract, or the DTS files as JSON. */
export async function runJob(job: Job, context: JobContext): Promise<TransformResult[]> {
  if (job.kind === 'dts') {
    const { parent, record, base, text } = job.request;
    const files = await resourceFiles(parent, record, base, text);
    return [{ output: files && JSON.stringify(files), messages: [] }];
  }
  if (job.kind === 'transform') {
    const requests = job.requests.map((r) => ({ ...r, params: { ...r.params, ...context.authorities } }));
    return requests.length === 1 ? [transform(requests[0]!)] : transformAll(requests);
  }
  const { sourceText, file, documentId } = job.request;
  const made = extractDocument(sourceText, documentId, context.entries);
  if ('json' in made) return [{ output: made.json, messages: [] }];
  return [{ output: undefined, messages: [message('error', 'transform', 'extract-failed', `its extract could not be made: ${made.error}`, { file })] }];
}
