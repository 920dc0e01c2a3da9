/** A worker of the transform pool (src/workers/pool.ts): runs jobs with the SEF and the published entries loaded once. */
import { parentPort } from 'node:worker_threads';
import { jobContext, runJob, type Job, type JobContext, type Published } from './jobs.js';

export type WorkerRequest = { kind: 'published'; published: Published } | { kind: 'job'; id: number; job: Job };

let context: JobContext | undefined;

parentPort!.on('message', (message: WorkerRequest) => {
  if (message.kind === 'published') {
    void jobContext(message.published).then((made) => {
      context = made;
      parentPort!.postMessage({ kind: 'ready' });
    });
    return;
  }
  void runJob(message.job, context!).then((result) => parentPort!.postMessage({ kind: 'result', id: message.id, result }));
});
