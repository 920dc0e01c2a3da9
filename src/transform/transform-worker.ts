/** A worker of the transform pool (src/pool.ts): runs transforms with the SEF loaded once. */
import { parentPort } from 'node:worker_threads';
import { parseForStylesheets, transform, type TransformRequest } from './transform.js';

export type WorkerRequest =
  | { kind: 'authorities'; texts: string[] }
  | { kind: 'transform'; id: number; request: TransformRequest };

let authorities: unknown[] = [];

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.kind === 'authorities') {
    void Promise.all(message.texts.map(parseForStylesheets)).then((parsed) => {
      authorities = parsed;
      parentPort!.postMessage({ kind: 'ready' });
    });
    return;
  }
  const { request } = message;
  parentPort!.postMessage({ kind: 'result', id: message.id, result: transform({ ...request, params: { ...request.params, authorities } }) });
});
