/**
 * `npm run bench:search [-- --docs 10000 --dir DIR]`: builds a synthetic dossier (or uses one
 * already built in DIR), then prints what its search costs a reader: the index's size a document,
 * and, in Debian's headless Chromium, from file:// and from a local server, how long the search
 * page takes to load and answer a query from its address, and how long each of a set of queries
 * takes on an open search page (the parts of the index it needs loaded, the results drawn, as the
 * reader waits for them), the first time and again (medians of five pages).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { serve } from '../../src/serve/serve.js';
import { writeDossier } from './dossier.js';
import { measuredOn, record } from './record.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'lib', 'cli', 'main.js');
const CHROMIUM = '/usr/bin/chromium';
/** Words of the synthetic dossier's texts and names: common, rarer, phrases of two and three words, a word left out. */
const QUERIES = ['Vietnam', 'pilots', 'Korean air', '"air force"', '"Korean air force"', 'Nguyen -Korea', 'specialists'];

const { values } = parseArgs({ options: { docs: { type: 'string', default: '1000' }, dir: { type: 'string' } } });
const docs = Number(values.docs);
const dir = values.dir ?? path.join(tmpdir(), `editio-bench-search-${docs}`);
const out = path.join(dir, 'dist', 'edition');
/** What this run measured, as printed: recorded in docs/benchmarks/search-<docs>.md at the end. */
const report: string[] = [];
const say = (line: string): void => {
  console.log(line);
  report.push(line);
};
const recordReport = (): void =>
  record(
    `search-${docs}`,
    `Search, ${docs.toLocaleString('en')} documents`,
    `npm run bench:search -- --docs ${docs}`,
    `${measuredOn()}; first times until drawn and shown, and again (medians of five pages).\n\n\`\`\`\n${report.join('\n').trim()}\n\`\`\``,
  );
if (!existsSync(path.join(out, 'search.html'))) {
  rmSync(dir, { recursive: true, force: true });
  console.log(`Generating ${docs} documents in ${dir} and building them …`);
  writeDossier({ dir, docs });
  const run = spawnSync(process.execPath, [CLI, 'build'], { cwd: dir, stdio: 'inherit' });
  if (run.status !== 0 && run.status !== 1) process.exit(run.status ?? 1);
}

// The index: its manifest, the parts of its terms and of their places, the parts of its texts.
const searchFiles = readdirSync(path.join(out, 'search')).filter((f) => f !== 'facets.js');
const sizeOf = (kind: RegExp): number => searchFiles.filter((f) => kind.test(f)).reduce((n, f) => n + statSync(path.join(out, 'search', f)).size, 0);
const pages = readdirSync(path.join(out, 'documents')).filter((f) => f.endsWith('.html')).length;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const total = sizeOf(/./);
say(`\nindex: ${mb(total)} for ${pages} documents, ${(total / pages / 1024).toFixed(1)} KB a document`);
for (const [kind, pattern] of [
  ['terms', /^terms-/],
  ['pairs (phrases)', /^pairs-/],
  ['places (phrases)', /^places-/],
  ['texts', /^texts-/],
  ['manifest', /^index\.js$/],
] as const) {
  const files = searchFiles.filter((f) => pattern.test(f));
  const bytes = sizeOf(pattern);
  const largest = Math.max(...files.map((f) => statSync(path.join(out, 'search', f)).size));
  say(`  ${kind.padEnd(17)} ${mb(bytes).padStart(9)} in ${String(files.length).padStart(5)} parts, the largest ${(largest / 1024).toFixed(0)} KB`);
}

if (!existsSync(CHROMIUM)) {
  say('(no timings in a browser: they need Debian’s chromium)');
  recordReport();
  process.exit(0);
}
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const server = await serve({ dir: out, port: 0 });
/** Submits a query on an open search page; the milliseconds until its results are drawn (the list no longer busy) and until the frame that shows them. */
const timed = (page: import('playwright-core').Page, query: string): Promise<[number, number]> =>
  page.evaluate(async (q) => {
    const input = document.getElementById('search-q') as HTMLInputElement;
    const form = document.getElementById('search-form') as HTMLFormElement;
    const list = document.getElementById('search-results')!;
    input.value = q;
    const t = performance.now();
    form.requestSubmit();
    await new Promise<void>((resolve) => {
      if (!list.hasAttribute('aria-busy')) return resolve();
      new MutationObserver((_, observer) => {
        if (list.hasAttribute('aria-busy')) return;
        observer.disconnect();
        resolve();
      }).observe(list, { attributes: true });
    });
    const drawn = performance.now() - t;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return [drawn, performance.now() - t] as [number, number];
  }, query);
try {
  for (const [where, base] of [
    ['file://', `${pathToFileURL(out).href}/`],
    ['server', server.url],
  ] as const) {
    const page = await browser.newPage();
    const started = Date.now();
    await page.goto(`${base}search.html?q=${encodeURIComponent(QUERIES[0]!)}`, { waitUntil: 'commit', timeout: 600_000 });
    await page.waitForFunction(() => /found|Nothing/.test(document.getElementById('search-status')?.textContent ?? ''), undefined, { timeout: 600_000 });
    say(`${where}: the page, the parts of the index it needs and the first answer ("${QUERIES[0]}") in ${Date.now() - started} ms`);
    await page.close();
    say(`  ${'query'.padEnd(16)} ${'first'.padStart(9)} ${'shown'.padStart(9)} ${'again'.padStart(9)}  parts loaded`);
    for (const query of QUERIES) {
      // Each query on a page of its own: "first" loads the parts it needs, "again" has them; "shown"
      // is the first time until the frame that shows the results is painted. The median of five
      // pages (a shared machine's timings vary by a third from one run to the next).
      const firsts: number[] = [];
      const shown: number[] = [];
      const agains: number[] = [];
      let loaded = 0;
      let status = '';
      for (let run = 0; run < 5; run++) {
        const fresh = await browser.newPage();
        await fresh.goto(`${base}search.html`, { timeout: 600_000 });
        const [drawn, painted] = await timed(fresh, query);
        firsts.push(drawn);
        shown.push(painted);
        agains.push((await timed(fresh, query))[0]);
        loaded = await fresh.$$eval('script[src^="search/"]', (scripts) => scripts.length);
        status = (await fresh.textContent('#search-status')) ?? '';
        await fresh.close();
      }
      const median = (xs: number[]): string =>
        [...xs]
          .sort((a, b) => a - b)[2]!
          .toFixed(0)
          .padStart(6);
      say(`  ${query.padEnd(16)} ${median(firsts)} ms ${median(shown)} ms ${median(agains)} ms  ${String(loaded).padStart(3)}   ${status}`);
    }
  }
} finally {
  await browser.close();
  await server.close();
}
recordReport();
