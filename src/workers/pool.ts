/**
 * Transforms on worker threads, for editions large enough to pay for them: each worker costs
 * ~0.3 s and ~100 MB to start and warms up its own JIT, so on few documents the main thread
 * alone is faster (docs/contributing/architecture.md, "Workers").
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Job, Published } from './jobs.js';
import type { TransformResult } from '../transform/transform.js';
import type { WorkerRequest } from './worker.js';
import { startWorker } from '../infra/workers.js';

/** Fewer documents to render than this, and the build does not start workers (measured: 60 documents 7.5 s with two workers, 8.3 s without). */
export const POOL_THRESHOLD = 50;

/**
 * Transforms a worker runs before it is replaced by a fresh one: a safety net only. A worker's
 * heap grew while the stylesheets used key() over the shared authorities (SaxonJS indexed them
 * again in every transform and kept each index on the long-lived document); with maps made once
 * per worker it stays flat (39 MB over 900 html transforms), so replacing one (~0.5 s to start,
 * ~2 s of cold JIT) is no longer worth doing every 500.
 */
const TRANSFORMS_PER_WORKER = 10_000;

type Reply = { kind: 'ready' } | { kind: 'result'; id: number; result: TransformResult[] };
type Task = { id: number; message: WorkerRequest };

export class TransformPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  /** What each working worker is doing, and how many transforms it has done. */
  private readonly busy = new Map<Worker, number>();
  private readonly done = new Map<Worker, number>();
  private readonly waiting = new Map<number, (result: TransformResult[] | undefined) => void>();
  private readonly retiring = new Set<Worker>();
  private broken = false;
  private nextId = 0;

  private constructor(
    private readonly published: Published,
    private readonly transformsPerWorker: number,
  ) {}

  /** A worker with the published entries read, or undefined if it could not start. */
  private start(): Promise<Worker | undefined> {
    const worker = startWorker(new URL('./worker.js', import.meta.url));
    return new Promise((resolve) => {
      worker.once('message', () => {
        worker.on('message', (reply: Reply) => this.answer(worker, reply));
        worker.on('error', () => this.fail());
        worker.on('exit', () => this.retiring.delete(worker) || this.fail());
        this.done.set(worker, 0);
        resolve(worker);
      });
      worker.once('error', () => resolve(undefined));
      worker.postMessage({ kind: 'published', published: this.published } satisfies WorkerRequest);
    });
  }

  /** A pool with the published entries read in every worker; undefined if one thread would do. */
  static async open(published: Published, documents: number, transformsPerWorker = TRANSFORMS_PER_WORKER): Promise<TransformPool | undefined> {
    const size = Math.min(availableParallelism(), 4);
    if (size < 2 || documents < POOL_THRESHOLD) return undefined;
    const pool = new TransformPool(published, transformsPerWorker);
    const workers = await Promise.all(Array.from({ length: size }, () => pool.start()));
    pool.idle.push(...workers.filter((w): w is Worker => w !== undefined));
    // Workers that cannot start leave the work to this thread rather than fail the build.
    if (pool.idle.length < size) {
      await pool.close();
      return undefined;
    }
    return pool;
  }

  /** The job's results, or undefined if the pool cannot run it: the caller then runs it itself. */
  run(job: Job): Promise<TransformResult[] | undefined> {
    if (this.broken) return Promise.resolve(undefined);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.queue.push({ id, message: { kind: 'job', id, job } });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const task = this.queue.shift()!;
      this.busy.set(worker, task.id);
      worker.postMessage(task.message);
    }
  }

  private answer(worker: Worker, reply: Reply): void {
    if (reply.kind !== 'result') return;
    this.busy.delete(worker);
    this.waiting.get(reply.id)?.(reply.result);
    this.waiting.delete(reply.id);
    const done = this.done.get(worker)! + 1;
    this.done.set(worker, done);
    if (done < this.transformsPerWorker) this.idle.push(worker);
    else this.replace(worker);
    this.dispatch();
  }

  private replace(worker: Worker): void {
    this.retiring.add(worker);
    // The fresh worker starts once the old one is gone: a worker starting while another
    // terminates can crash Node (nodejs/node#56312).
    void worker
      .terminate()
      .then(() => this.start())
      .then((fresh) => {
        if (fresh && !this.broken) {
          this.idle.push(fresh);
          this.dispatch();
        } else {
          void fresh?.terminate();
          if (!fresh) this.fail();
        }
      });
  }

  /** A worker died: nothing waits for it, every transform not yet done goes back to the caller. */
  private fail(): void {
    this.broken = true;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    this.queue.length = 0;
  }

  async close(): Promise<void> {
    this.broken = true;
    const workers = [...this.idle, ...this.busy.keys()];
    for (const w of workers) this.retiring.add(w);
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
