/**
 * Transforms on worker threads, for editions large enough to pay for them: each worker costs
 * ~0.3 s and ~100 MB to start and warms up its own JIT, so on few documents the main thread
 * alone is faster (see the README's performance section).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { message } from './messages.js';
import type { TransformRequest, TransformResult } from './transform.js';
import type { WorkerRequest } from './transform-worker.js';

/** Fewer documents to render than this, and the build does not start workers (measured: 60 documents 7.5 s with two workers, 8.3 s without). */
export const POOL_THRESHOLD = 50;

type Reply = { kind: 'ready' } | { kind: 'result'; id: number; result: TransformResult };

export class TransformPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; message: WorkerRequest }[] = [];
  private readonly waiting = new Map<number, (result: TransformResult) => void>();
  private nextId = 0;

  private constructor(size: number) {
    // Compiled, the worker is a .js file beside this one; under tsx (the tests) it is the .ts
    // source, which a worker can load only once tsx is registered in it.
    const compiled = new URL('./transform-worker.js', import.meta.url);
    const source = new URL('./transform-worker.ts', import.meta.url).href;
    const viaTsx = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`;
    for (let i = 0; i < size; i++) {
      const worker = existsSync(fileURLToPath(compiled)) ? new Worker(compiled) : new Worker(viaTsx, { eval: true });
      worker.on('message', (reply: Reply) => this.answer(worker, reply));
      worker.on('error', (err) => this.fail(err));
      this.workers.push(worker);
    }
  }

  /** A pool with the authority lists parsed in every worker; undefined if one worker would do. */
  static async open(authorityTexts: string[], documents: number): Promise<TransformPool | undefined> {
    const size = Math.min(availableParallelism(), 4);
    if (size < 2 || documents < POOL_THRESHOLD) return undefined;
    const pool = new TransformPool(size);
    const started = await Promise.all(
      pool.workers.map(
        (worker) =>
          new Promise<boolean>((resolve) => {
            worker.once('message', () => resolve(true));
            worker.once('error', () => resolve(false));
            worker.postMessage({ kind: 'authorities', texts: authorityTexts } satisfies WorkerRequest);
          }),
      ),
    );
    // Workers that cannot start leave the work to this thread rather than fail the build.
    if (started.includes(false)) {
      await pool.close();
      return undefined;
    }
    pool.idle.push(...pool.workers);
    return pool;
  }

  run(request: TransformRequest, withAuthorities: boolean): Promise<TransformResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.queue.push({ id, message: { kind: 'transform', id, request, withAuthorities } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) this.idle.pop()!.postMessage(this.queue.shift()!.message);
  }

  private answer(worker: Worker, reply: Reply): void {
    if (reply.kind !== 'result') return;
    this.waiting.get(reply.id)?.(reply.result);
    this.waiting.delete(reply.id);
    this.idle.push(worker);
    this.dispatch();
  }

  /** A worker that dies takes no document with it silently: every waiting transform reports it. */
  private fail(err: Error): void {
    const failed = message('error', 'transform', 'xslt-error', `a transform worker failed: ${err.message}`);
    for (const resolve of this.waiting.values()) resolve({ output: undefined, messages: [failed] });
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
