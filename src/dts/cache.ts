import { answer, type Answer, type Library } from './api.js';

/** Characters of answers kept at most: the root collection alone is 260 KB at 100 documents. */
const MAX_CHARS = 64 * 1024 * 1024;

/**
 * The DTS answers of one build, each made once per request (its path and query, which DTS
 * identifiers echo): they change only when the edition is built again, and then the server
 * makes a new cache. The oldest answers go when the cache is full.
 */
export class AnswerCache {
  private readonly answers = new Map<string, Promise<Answer>>();
  private readonly sizes = new Map<string, number>();
  private chars = 0;

  constructor(
    readonly library: Library,
    private readonly maxChars = MAX_CHARS,
  ) {}

  get(url: URL): Promise<Answer> {
    const key = url.pathname + url.search;
    const cached = this.answers.get(key);
    if (cached) return cached;
    const made = answer(this.library, url);
    this.answers.set(key, made);
    made.then(
      (reply) => this.keep(key, reply.body.length),
      () => this.answers.delete(key),
    );
    return made;
  }

  private keep(key: string, size: number): void {
    this.sizes.set(key, size);
    this.chars += size;
    for (const [oldest, oldSize] of this.sizes) {
      if (this.chars <= this.maxChars) break;
      this.sizes.delete(oldest);
      this.answers.delete(oldest);
      this.chars -= oldSize;
    }
  }

  /** How many answers are kept. */
  get size(): number {
    return this.answers.size;
  }
}
