/**
 * The per-document work a build hands out: a stylesheet's transforms of a source, or a family's
 * own work in TypeScript (a document's extract, its Dublin Core record, a resource's DTS files, …),
 * named by its module and export so that a worker can find it. Run alike on the worker pool and
 * in the build's own thread, with what every job reads of the published entries prepared once
 * per thread.
 */
import { Authorities } from '../model/authorities.js';
import { message, type Message } from '../infra/messages.js';
import { parse } from '../parse/parse.js';
import { configuredPrefixes } from '../model/pointers.js';
import type { PublishedEntries } from '../transform/entry-reader.js';
import type { LanguagePack } from '../i18n/catalogue.js';
import { authorityContext, transform, transformAll, type AuthorityContext, type TransformRequest } from '../transform/transform.js';

/** The published entries, as they cross to a worker: their document, ids, identifier URLs (→ id) and the configured prefixes. */
export interface Published {
  text: string;
  /** The edition's language: its dates' words in extracts and records. */
  language: LanguagePack;
  ids: string[];
  identifiers: Record<string, string>;
  prefixes: Record<string, string>;
}

/** What one output of a job comes to: its text (undefined if it could not be made), and what was said while making it. */
export interface JobResult {
  output: string | undefined;
  messages: Message[];
}

/**
 * A family's work on one document, in TypeScript: made with `documentWork` and exported from its
 * module under `name`, where a worker finds it (the request must cross to a worker: plain data).
 */
export interface DocumentWork<Request> {
  module: string;
  name: string;
  run(request: Request, context: JobContext): JobResult | Promise<JobResult>;
}

/** Declares a family's per-document work; `module` is the declaring module's import.meta.url and `name` its export. */
export function documentWork<Request>(module: string, name: string, run: DocumentWork<Request>['run']): DocumentWork<Request> {
  return { module, name, run };
}

/** Transforms of one source (its outputs share one parse), or a family's work on one document. */
export type Job = { kind: 'transform'; requests: TransformRequest[] } | { kind: 'work'; module: string; name: string; request: unknown };

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
    published: () =>
      (read ??= new Authorities([
        parse({ path: 'published-entries.xml', name: 'the authority entries', bytes: Buffer.from(published.text), role: 'authorities' }).doc!,
      ])),
  };
}

/** The work a job names, from its module (loaded once per thread). */
async function workOf(module: string, name: string): Promise<DocumentWork<unknown> | undefined> {
  const exported = ((await import(module)) as Record<string, unknown>)[name] as Partial<DocumentWork<unknown>> | undefined;
  return typeof exported?.run === 'function' ? (exported as DocumentWork<unknown>) : undefined;
}

/** A job's results: one for each transform, or the one of a family's work. */
export async function runJob(job: Job, context: JobContext): Promise<JobResult[]> {
  if (job.kind === 'transform') {
    const { params, faces } = context.authorities;
    const requests = job.requests.map((r) => ({ ...r, params: { ...r.params, ...params } }));
    return requests.length === 1 ? [transform(requests[0]!, faces)] : transformAll(requests, faces);
  }
  const work = await workOf(job.module, job.name);
  if (!work)
    return [{ output: undefined, messages: [message('error', 'transform', 'work-missing', `editio's own work ${job.name} is not exported by ${job.module}`)] }];
  return [await work.run(job.request, context)];
}
