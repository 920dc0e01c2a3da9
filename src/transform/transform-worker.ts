/** A worker of the transform pool (src/pool.ts): runs transforms with the SEF loaded once. */
import { parentPort } from 'node:worker_threads';
import { authorityParams, transform, type AuthorityParams, type TransformRequest } from './transform.js';

export type WorkerRequest =
  | { kind: 'authorities'; text: string; identifiers: Record<string, string> }
  | { kind: 'transform'; id: number; request: TransformRequest };

let authorities: AuthorityParams | undefined;

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.kind === 'authorities') {
    void authorityParams(message.text, message.identifiers).then((made) => {
      authorities = made;
      parentPort!.postMessage({ kind: 'ready' });
    });
    return;
  }
  const { request } = message;
  parentPort!.postMessage({ kind: 'result', id: message.id, result: transform({ ...request, params: { ...request.params, ...authorities } }) });
});
