import type { EditionConfig } from '../config.js';
import type { Message } from '../messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { TransformPool } from '../transform/pool.js';
import type { Format } from '../transform/stylesheets.js';
import { completeExtract } from '../site/extracts.js';
import { authorityParams, transform, type AuthorityParams, type StylesheetParams, type TransformRequest } from '../transform/transform.js';

/** The parameters every stylesheet gets: what the configuration says of the edition. */
export function editionParams(config: EditionConfig): StylesheetParams {
  const { title, subtitle, editors, licence, baseUrl, language, prefixes } = config;
  return { 'edition-json': JSON.stringify({ title, subtitle, editors, licence, baseUrl, language, prefixes }) };
}

/**
 * Transforms with the edition's parameters; each call's messages go to the sink it is given.
 * Per-document transforms go to the worker pool once the build has opened one.
 */
export class Transformer {
  private pool: TransformPool | undefined;

  private constructor(
    private readonly base: StylesheetParams,
    private readonly authorities: AuthorityParams,
    private readonly published: { text: string; identifiers: Record<string, string> },
  ) {}

  /** A transformer showing the published entries (their document's text, and identifier URL → id). */
  static async open(base: StylesheetParams, published: { text: string; identifiers: Record<string, string> }): Promise<Transformer> {
    return new Transformer(base, await authorityParams(published.text, published.identifiers), published);
  }

  private request(doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): TransformRequest {
    return { format, sourceText: doc.text, file: doc.source.name, params: { ...this.base, ...params }, ...(initialMode ? { initialMode } : {}) };
  }

  /** A transform in this thread, with the authority lists (site pages, registers, print). */
  run(sink: Message[], doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): string | undefined {
    const result = transform(this.request(doc, format, { ...params, ...this.authorities }, initialMode));
    for (const m of result.messages) sink.push(m);
    return result.output;
  }

  /** One of many like it (a document's page, an entry's page): on the pool if there is one. */
  async document(sink: Message[], doc: ReadDoc, format: Format, params: StylesheetParams, initialMode?: string): Promise<string | undefined> {
    const request = this.request(doc, format, params, initialMode);
    // A pool that lost a worker hands the transform back: it is run here instead, never lost.
    const result = (this.pool && (await this.pool.run(request))) ?? transform({ ...request, params: { ...request.params, ...this.authorities } });
    for (const m of result.messages) sink.push(m);
    return format === 'extract' && result.output !== undefined ? completeExtract(result.output) : result.output;
  }

  /** Starts workers when `documents` transforms are to come and they pay for themselves. */
  async expect(documents: number): Promise<void> {
    this.pool ??= await TransformPool.open(this.published, documents);
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }
}
