/**
 * xmllint-wasm on one long-lived worker. The package starts a worker for every call and
 * terminates it afterwards; terminating workers that ran WebAssembly crashed Node now and then
 * (a segmentation fault in CI; nodejs/node#47748, #56312). Here the worker stays, idle and not
 * keeping the process alive, and is terminated only when a run overruns its time.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../infra/workers.js';
import type { XmllintReply, XmllintRequest } from './xmllint-worker.js';

export type XmllintRun = Omit<XmllintReply, 'id'>;

let current: Worker | undefined;
const pending = new Map<number, (outcome: XmllintRun | Error) => void>();
let nextId = 0;

/** Stops using a worker: what it was running fails with `err`, and the next call starts a fresh one. */
function retire(worker: Worker, err: Error): void {
  if (current !== worker) return;
  current = undefined;
  for (const settle of pending.values()) settle(err);
  pending.clear();
}

function worker(): Worker {
  if (current) return current;
  // Messages wait in the worker's port until its script listens.
  const started = startWorker(new URL('./xmllint-worker.js', import.meta.url));
  started.on('message', (reply: XmllintReply) => {
    pending.get(reply.id)?.(reply);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
  });
  started.on('error', (err) => retire(started, err));
  started.on('exit', (code) => retire(started, new Error(`the xmllint worker stopped (exit code ${code})`)));
  started.unref();
  current = started;
  return current;
}

/**
 * Runs xmllint with these arguments over these in-memory files; 'timeout' if it has not
 * finished in `timeoutMs` (the run is then stopped). Rejects if the worker fails.
 */
export async function runXmllint(request: Omit<XmllintRequest, 'id'>, timeoutMs: number): Promise<XmllintRun | 'timeout'> {
  const running = worker();
  const id = nextId++;
  const outcome = new Promise<XmllintRun | Error>((resolve) => pending.set(id, resolve));
  running.ref();
  running.postMessage({ ...request, id } satisfies XmllintRequest);
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const result = await Promise.race([outcome, overrun]).finally(() => clearTimeout(timer));
  if (result === 'timeout') {
    pending.delete(id);
    retire(running, new Error('xmllint was stopped: another run overran its time'));
    await running.terminate();
    return 'timeout';
  }
  if (result instanceof Error) throw result;
  return result;
}
