import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker running a module (its compiled `.js` URL, as the caller names it beside itself). Under
 * tsx (the tests) there is only the .ts source, which a worker can load once tsx is registered in it.
 */
export function startWorker(compiled: URL): Worker {
  if (existsSync(fileURLToPath(compiled))) return new Worker(compiled);
  const source = compiled.href.replace(/\.js$/, '.ts');
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source)}); })`, { eval: true });
}
