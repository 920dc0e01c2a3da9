/**
 * `npm run bench:search [-- --docs 10000 --dir DIR]`: builds a synthetic dossier (or uses one
 * already built in DIR), then prints what its search costs a reader: the index's size a document,
 * and, in Debian's headless Chromium, from file:// and from a local server, how long the search
 * page takes to load its index and answer a query from its address, and how long each of a set of
 * queries takes once it has (the search and the results drawn, as the reader waits for them).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '../../src/serve/serve.js';
import { writeDossier } from './dossier.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const CHROMIUM = '/usr/bin/chromium';
/** Words of the synthetic dossier's texts and names: common, rarer, a phrase, a typed start. */
const QUERIES = ['Vietnam', 'pilots', 'Korean air', '"air force"', 'Nguyen -Korea', 'specialists'];

const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, dir: { type: 'string' } } });
const docs = Number(values.docs);
const dir = values.dir ?? path.join(tmpdir(), `editio-bench-search-${docs}`);
const out = path.join(dir, 'dist', 'edition');
if (!existsSync(path.join(out, 'search.html'))) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`Generating ${docs} documents in ${dir} and building them …`);
  writeDossier({ dir, docs });
  const run = spawnSync(process.execPath, [CLI, 'build'], { cwd: dir, stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 1);
}

const shards = readdirSync(path.join(out, 'search')).filter((f) => f.startsWith('shard-'));
const bytes = shards.reduce((n, f) => n + statSync(path.join(out, 'search', f)).size, 0);
const pages = readdirSync(path.join(out, 'documents')).filter((f) => f.endsWith('.html')).length;
console.log(`\nindex: ${(bytes / 2 ** 20).toFixed(1)} MB in ${shards.length} parts for ${pages} documents, ${(bytes / pages / 1024).toFixed(1)} KB a document`);

if (!existsSync(CHROMIUM)) {
  console.log('(no timings in a browser: they need Debian’s chromium)');
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const server = await serve({ dir: out, port: 0 });
try {
  for (const [where, base] of [['file://', pathToFileURL(out).href + '/'], ['server', server.url]] as const) {
    const page = await browser.newPage();
    const started = Date.now();
    // Not waiting for the load event, which waits for every part of the index: the answer is what is timed.
    await page.goto(`${base}search.html?q=${encodeURIComponent(QUERIES[0]!)}`, { waitUntil: 'commit', timeout: 600_000 });
    await page.waitForFunction(() => /found|Nothing/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 600_000 });
    console.log(`${where}: the page, its index and the first answer ("${QUERIES[0]}") in ${Date.now() - started} ms`);
    for (const query of QUERIES) {
      // The search and its results drawn happen at once on submit: timed around it, three times, the best kept.
      const ms = await page.evaluate((q) => {
        const input = document.getElementById('search-q') as HTMLInputElement;
        const form = document.getElementById('search-form') as HTMLFormElement;
        const times: number[] = [];
        for (let i = 0; i < 3; i++) {
          input.value = q;
          const t = performance.now();
          form.requestSubmit();
          times.push(performance.now() - t);
        }
        return Math.min(...times);
      }, query);
      const status = await page.textContent('#search-status');
      console.log(`  ${query.padEnd(16)} ${ms.toFixed(1).padStart(7)} ms   ${status}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
