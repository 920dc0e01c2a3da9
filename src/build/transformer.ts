import type { EditionConfig } from '../config.js';
import type { Message } from '../messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { jobContext, runJob, type Job, type JobContext, type Published } from '../transform/jobs.js';
import { TransformPool } from '../transform/pool.js';
import type { Format } from '../transform/stylesheets.js';
import { transform, type StylesheetParams, type TransformRequest } from '../transform/transform.js';

/** The parameters every stylesheet gets: what the configuration says of the edition. */
export function editionParams(config: EditionConfig): StylesheetParams {
  const { title, subtitle, editors, licence, baseUrl, language, prefixes } = config;
  return { 'edition-json': JSON.stringify({ title, subtitle, editors, licence, baseUrl, language, prefixes }) };
}

/**
 * Transforms with the edition's parameters, and makes documents' extracts; each call's messages
 * go to the sink it is given. Per-document work goes to the worker pool once the build has opened one.
 */
export class Transformer {
  private pool: TransformPool | undefined;

  private constructor(
    private readonly base: StylesheetParams,
    private readonly context: JobContext,
    private readonly published: Published,
  ) {}

  /** A transformer showing the published entries. */
  static async open(base: StylesheetParams, published: Published): Promise<Transformer> {
    return new Transformer(base, await jobContext(published), published);
  }

  private request(doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): TransformRequest {
    return { format, sourceText: doc.text, file: doc.source.name, params: { ...this.base, ...params }, ...(initialMode ? { initialMode } : {}) };
  }

  /** A transform in this thread, with the authority lists (site pages, registers, print). */
  run(sink: Message[], doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): string | undefined {
    const result = transform(this.request(doc, format, { ...params, ...this.context.authorities }, initialMode));
    for (const m of result.messages) sink.push(m);
    return result.output;
  }

  /** One of many like it: on the pool if there is one. A pool that lost a worker hands the job back: it is run here instead, never lost. */
  private async job(sink: Message[], job: Job): Promise<string | undefined> {
    const result = (this.pool && (await this.pool.run(job))) ?? runJob(job, this.context);
    for (const m of result.messages) sink.push(m);
    return result.output;
  }

  /** A document's page or text, an entry's page. */
  document(sink: Message[], doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): Promise<string | undefined> {
    return this.job(sink, { kind: 'transform', request: this.request(doc, format, params, initialMode) });
  }

  /** A document's extract, as JSON (src/site/extracts.ts). */
  extract(sink: Message[], doc: ReadDoc, documentId: string): Promise<string | undefined> {
    return this.job(sink, { kind: 'extract', request: { sourceText: doc.text, file: doc.source.name, documentId } });
  }

  /** Starts workers when `documents` jobs are to come and they pay for themselves. */
  async expect(documents: number): Promise<void> {
    this.pool ??= await TransformPool.open(this.published, documents);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
