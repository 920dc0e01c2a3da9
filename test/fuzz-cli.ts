/**
 * `npm run fuzz -- [--cases N] [--seed S] [--save dir]`: a longer fuzz run than the test suite's.
 * `npm run fuzz -- --server [--cases N] [--seed S]`: random requests against `editio serve` on the edition of tei/, OAI-PMH among them.
 * `npm run fuzz -- --import [--cases N] [--seed S]`: mutated spreadsheets, text and Word files through `editio import`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../src/pipeline/build.js';
import { serve } from '../src/serve/serve.js';
import { compileStylesheets } from '../src/transform/stylesheets.js';
import { runFuzz } from './fuzz.js';
import { runImportFuzz } from './fuzz-import.js';
import { runServerFuzz } from './fuzz-serve.js';
import { repoRoot } from './helpers.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '20000' },
    seed: { type: 'string' },
    save: { type: 'string' },
    server: { type: 'boolean' },
    import: { type: 'boolean' },
  },
});
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
await compileStylesheets();
let failures: string[];
if (values.server) {
  const out = mkdtempSync(path.join(tmpdir(), 'editio-fuzz-serve-'));
  try {
    await build({ root: repoRoot, out });
    const server = await serve({ dir: out, port: 0 });
    const report = await runServerFuzz(seed, Number(values.cases), Number(new URL(server.url).port), ['"fingerprint"', '"checks"']);
    await server.close();
    console.log(`${report.requests} requests, ${report.seconds.toFixed(1)} s, answers ${JSON.stringify(report.byStatus)}, seed ${seed}`);
    failures = report.failures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
} else if (values.import) {
  const report = await runImportFuzz(seed, Number(values.cases));
  console.log(`${report.cases} imports, ${report.written} files written, ${report.refused} with an error, ${report.seconds.toFixed(1)} s, seed ${seed}`);
  failures = report.failures;
} else {
  const report = await runFuzz(seed, Number(values.cases), values.save ? { saveTo: values.save } : {});
  console.log(`${report.cases} cases, ${report.rejected} rejected, ${report.transformed} transformed, ${report.seconds.toFixed(1)} s, seed ${seed}`);
  failures = report.failures;
}
for (const failure of failures) console.log(failure);
process.exit(failures.length > 0 ? 1 : 0);
