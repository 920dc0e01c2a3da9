import type { EditionConfig } from '../model/config.js';
import type { LanguagePack } from '../i18n/catalogue.js';
import type { Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { jobContext, runJob, type DocumentWork, type Job, type JobContext, type Published } from './jobs.js';
import { TransformPool } from './pool.js';
import type { Format } from '../transform/stylesheets.js';
import { transform, type StylesheetParams, type TransformRequest } from '../transform/transform.js';

/** The parameters every stylesheet gets: what the configuration says of the edition, and its language. */
export function editionParams(config: EditionConfig, language: LanguagePack): StylesheetParams {
  const { title, subtitle, editors, licence, baseUrl, prefixes } = config;
  return {
    'edition-json': JSON.stringify({ title, subtitle, editors, licence, baseUrl, language: config.language, prefixes }),
    language: JSON.stringify(language),
  };
}

/**
 * Transforms with the edition's parameters, and runs the families' own work on documents; each call's messages
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
    const { params: authorities, faces } = this.context.authorities;
    const result = transform(this.request(doc, format, { ...params, ...authorities }, initialMode), faces);
    for (const m of result.messages) sink.push(m);
    return result.output;
  }

  /** One of many like it: on the pool if there is one. A pool that lost a worker hands the job back: it is run here instead, never lost. */
  private async job(sinks: Message[][], job: Job): Promise<(string | undefined)[]> {
    const results = (this.pool && (await this.pool.run(job))) ?? (await runJob(job, this.context));
    return results.map((result, i) => {
      for (const m of result.messages) sinks[i]!.push(m);
      return result.output;
    });
  }

  /** A document's page or text, an entry's page. */
  async document(sink: Message[], doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): Promise<string | undefined> {
    return (await this.job([sink], { kind: 'transform', requests: [this.request(doc, format, params, initialMode)] }))[0];
  }

  /** Several outputs of one document (its page and its text), from one parse of it; each output's messages go to its own sink. */
  documents(doc: ReadDoc, outputs: readonly { sink: Message[]; format: Format; params: StylesheetParams }[]): Promise<(string | undefined)[]> {
    return this.job(
      outputs.map((o) => o.sink),
      { kind: 'transform', requests: outputs.map((o) => this.request(doc, o.format, o.params)) },
    );
  }

  /** A family's own work on one document (a `documentWork`): on the pool if there is one. */
  async work<Request>(sink: Message[], work: DocumentWork<Request>, request: Request): Promise<string | undefined> {
    return (await this.job([sink], { kind: 'work', module: work.module, name: work.name, request }))[0];
  }

  /** The last call of expect: families made side by side must not open a pool each. */
  private expecting: Promise<void> = Promise.resolve();

  /** Starts workers when `documents` jobs are to come and they pay for themselves. */
  expect(documents: number): Promise<void> {
    const opened = this.expecting.then(async () => {
      this.pool ??= await TransformPool.open(this.published, documents);
    });
    this.expecting = opened.catch(() => undefined);
    return opened;
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
