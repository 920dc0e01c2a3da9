import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import { HtmlValidate } from 'html-validate';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import type { Timeline, TimelinePoint } from '../src/site/timeline.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const teiDir = path.join(repoRoot, 'tei');
export const fixtures = path.join(repoRoot, 'test', 'fixtures');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const teiAllSchema = path.join(sharedDir, 'reference', 'tei_all.rng');
export const corpusDir = path.join(sharedDir, 'corpus');
export const seedFile = path.join(sharedDir, 'seed', 'north-korean-pilots.txt');
/** The compiled command line, as package.json's bin names it (npm test builds it first). */
export const cliPath = path.join(repoRoot, 'dist', 'lib', 'cli', 'main.js');

/** Debian's Chromium, as the browser tests launch it (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';
export { CHROMIUM_ARGS } from '../src/infra/chromium.js';

/** Skips the suite, with a one-line notice, when ../shared (absent in a user's clone) lacks `file`. */
export function requireShared(context: Mocha.Context, file: string): void {
  if (!existsSync(file)) {
    console.log(`      (skipped: ${path.relative(repoRoot, file)} is not here; it exists only beside the project's own checkout)`);
    context.skip();
  }
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled command line as a user would (npm test builds it first). */
export function runCli(args: string[], cwd = repoRoot): CliRun {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 180_000,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The same, not blocking this process: what it started meanwhile (a checker, a server) goes on. */
export function runCliLater(args: string[], cwd = repoRoot): Promise<CliRun> {
  return new Promise((resolve) => {
    const run = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: 180_000 });
    let stdout = '';
    let stderr = '';
    run.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    run.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    run.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

export function tempDir(prefix = 'editio-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A copy of the seed edition (configuration, tei/ and schemas/) that a test may change. */
export function copyEdition(): string {
  const dir = tempDir('editio-edition-');
  cpSync(path.join(repoRoot, 'editio.config.json'), path.join(dir, 'editio.config.json'));
  cpSync(teiDir, path.join(dir, 'tei'), { recursive: true });
  cpSync(path.join(repoRoot, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  return dir;
}

export function read(file: string): string {
  return readFileSync(file, 'utf8');
}

/** 1-based number of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`fixture does not contain ${needle}`);
  return text.slice(0, index).split('\n').length;
}

/** What html-validate (HTML5, accessibility, document rules) finds wrong in pages, one line each. */
export async function htmlProblems(files: readonly string[]): Promise<string[]> {
  const extend = ['html-validate:standard', 'html-validate:a11y', 'html-validate:document'];
  // Subresource integrity matters for files from other origins; an edition loads only its own.
  const validator = new HtmlValidate({ extends: extend, rules: { 'require-sri': ['error', { target: 'crossorigin' }] } });
  // The print edition is a book, not a page: each of its chapters is headed h1, as its PDF's outline has them.
  const book = new HtmlValidate({
    extends: extend,
    rules: { 'require-sri': ['error', { target: 'crossorigin' }], 'heading-level': ['error', { allowMultipleH1: true }] },
  });
  const problems: string[] = [];
  for (const file of files) {
    const report = await (file.endsWith(path.join('print', 'edition.html')) ? book : validator).validateFile(file);
    for (const r of report.results) for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return problems;
}

/** Debian's epubcheck (4.2.6), run with Java as its package's jar: /usr/bin/epubcheck needs binfmt to run a jar. */
export const EPUBCHECK = '/usr/share/java/epubcheck.jar';

export function requireEpubcheck(context: Mocha.Context): void {
  if (!existsSync(EPUBCHECK) || spawnSync('java', ['-version']).status !== 0) {
    console.log('      (skipped: epubcheck needs Debian’s epubcheck package and Java)');
    context.skip();
  }
}

/**
 * Java for a tool that runs a few seconds (epubcheck, Saxon-HE): the quick compiler only, one
 * garbage-collecting thread. One epubcheck took 3.2 s of CPU instead of 8.3 (2.6 s instead of 4.7).
 */
export const SHORT_JVM = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** epubcheck's verdict: its count of messages, and the messages themselves. */
export function epubcheck(file: string): { counts: string; messages: string[] } {
  const run = spawnSync('java', [...SHORT_JVM, '-jar', EPUBCHECK, file], { encoding: 'utf8' });
  return verdict(`${run.stdout}${run.stderr}`);
}

const verdict = (output: string): { counts: string; messages: string[] } => ({
  counts: /Messages: .*/.exec(output)?.[0] ?? output,
  messages: output.split('\n').filter((l) => /^(FATAL|ERROR|WARNING)/.test(l)),
});

/**
 * Runs `start` once fewer than two checkers of this process are running: a test that checks many
 * books starts them beside its builds, and a dozen JVMs and Chromiums at once on two cores only
 * took turns more slowly.
 */
const checkers = { running: 0, waiting: [] as (() => void)[] };
async function oneOfTwo<T>(start: () => Promise<T>): Promise<T> {
  if (checkers.running >= 2) await new Promise<void>((go) => checkers.waiting.push(go));
  checkers.running++;
  try {
    return await start();
  } finally {
    checkers.running--;
    checkers.waiting.shift()?.();
  }
}

/** epubcheck's verdict, run beside other work (its Java takes seconds to start). */
export function epubcheckLater(file: string): Promise<{ counts: string; messages: string[] }> {
  return oneOfTwo(() => epubcheckRun(file));
}

function epubcheckRun(file: string): Promise<{ counts: string; messages: string[] }> {
  return new Promise((resolve) => {
    const run = spawn('java', [...SHORT_JVM, '-jar', EPUBCHECK, file]);
    let output = '';
    run.stdout.on('data', (d: Buffer) => (output += d.toString()));
    run.stderr.on('data', (d: Buffer) => (output += d.toString()));
    run.on('close', () => resolve(verdict(output)));
  });
}

/**
 * What Ace by DAISY (the EPUB accessibility checker, run with Debian's Chromium) finds in a book:
 * each violation as "impact rule: file", of the impacts asked for. It runs beside the caller's
 * other work (a build, epubcheck), as epubcheckLater does.
 */
export function aceViolations(epub: string, impacts: readonly string[] = ['critical', 'serious', 'moderate']): Promise<string[]> {
  return oneOfTwo(() => aceRun(epub, impacts));
}

function aceRun(epub: string, impacts: readonly string[]): Promise<string[]> {
  const report = tempDir('editio-ace-');
  return new Promise<string[]>((resolve, reject) => {
    const run = spawn(path.join(repoRoot, 'node_modules', '.bin', 'ace-cli'), ['--silent', '-o', report, epub], {
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: CHROMIUM, PUPPETEER_SKIP_DOWNLOAD: '1' },
    });
    let output = '';
    run.stdout.on('data', (d: Buffer) => (output += d.toString()));
    run.stderr.on('data', (d: Buffer) => (output += d.toString()));
    run.on('close', () => {
      const file = path.join(report, 'report.json');
      if (!existsSync(file)) return reject(new Error(`Ace wrote no report: ${output}`));
      type Assertion = { 'earl:testSubject': { url: string }; assertions?: { 'earl:test': { 'earl:impact': string; 'dct:title': string } }[] };
      const { assertions } = JSON.parse(readFileSync(file, 'utf8')) as { assertions: Assertion[] };
      resolve(
        assertions.flatMap((a) =>
          (a.assertions ?? [])
            .filter((t) => impacts.includes(t['earl:test']['earl:impact']))
            .map((t) => `${t['earl:test']['earl:impact']} ${t['earl:test']['dct:title']}: ${a['earl:testSubject'].url}`),
        ),
      );
    });
  }).finally(() => removeDir(report));
}

/** A built edition's search index as the browser loads it: its scripts and every part of the index run in one context. */
function searchPage(out: string): { window: SearchWindow; lang: string } {
  const window = {} as SearchWindow;
  const context = createContext({ window, globalThis: window });
  const parts = readdirSync(path.join(out, 'search'))
    .filter((f) => /^(terms|pairs|places|texts)-\d+\.js$/.test(f))
    .map((f) => `search/${f}`);
  for (const file of ['assets/search-format.js', 'assets/search-lists.js', 'assets/search-options.js', 'assets/search-query.js', 'search/index.js', ...parts])
    runInContext(read(path.join(out, file)), context);
  const lang = /<html[^>]* lang="([^"]+)"/.exec(read(path.join(out, 'search.html')))?.[1] ?? 'en';
  return { window, lang };
}
type SearchWindow = {
  editioSearchIndex: { pages: string[]; texts: number[] };
  editioSearchParts: Record<string, Record<string, unknown>>;
  editioSearchOptionsFor: (lang: string) => unknown;
  editioSearchQuery: {
    find: (manifest: unknown, parts: unknown, query: string, options: unknown, typing: boolean) => { page: string; head: boolean }[];
    passagesOf: (manifest: unknown, parts: unknown, result: unknown) => { url: string; kind: string; lang: string; text: string }[];
  };
};

/** The passages a built edition's search index holds, each with its address, kind, language and text. */
export function searchPassages(out: string): { url: string; kind: string; lang: string; text: string }[] {
  const { window } = searchPage(out);
  const { pages, texts } = window.editioSearchIndex;
  return pages.flatMap((page, place) => {
    const passages = (window.editioSearchParts[`texts-${texts[place]}`]![page] ?? []) as unknown[];
    return window.editioSearchQuery.passagesOf(window.editioSearchIndex, window.editioSearchParts, { page, place, passages: passages.map((_, i) => i + 1) });
  });
}

/** What a built edition's search page finds for a query: its scripts and index run as the browser runs them (assets/search-query.js). */
export function searchFinds(out: string, query: string, typing = false): { page: string; passages: { url: string; kind: string }[]; head: boolean }[] {
  const { window, lang } = searchPage(out);
  const { editioSearchIndex: manifest, editioSearchParts: parts, editioSearchQuery: engine } = window;
  const options = window.editioSearchOptionsFor(lang);
  return engine.find(manifest, parts, query, options, typing).map((result) => ({
    page: result.page,
    passages: engine.passagesOf(manifest, parts, result).map(({ url, kind }) => ({ url, kind })),
    head: result.head,
  }));
}

/** A text's words, case and accents aside. */
const wordsOf = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** The passages of the search index whose link lands nowhere, or on an element without the passage's words. */
export function passagesNotOnTheirPage(out: string): string[] {
  const pages = new Map<string, HTMLElement>();
  const problems: string[] = [];
  for (const { url, text } of searchPassages(out)) {
    const [page, anchor] = url.split('#') as [string, string];
    if (!pages.has(page)) pages.set(page, parseHtml(read(path.join(out, page))));
    const element = pages.get(page)!.getElementById(decodeURIComponent(anchor));
    if (!element) {
      problems.push(`${url}: no element has this id`);
      continue;
    }
    // The page as read: its diplomatic view (struck-out words, errors as written) is hidden; a note's number and a line's are no words.
    for (const hidden of element.querySelectorAll('.diplomatic-only, .note-ref, .line-number')) hidden.remove();
    // Lines (of an address, a verse, an inscription) apart, as the page shows them.
    for (const line of element.querySelectorAll('div, p, li, br')) line.insertAdjacentHTML('afterend', ' ');
    // An editor's brackets within a word (Leiden: "[ἀ]πὸ") part nothing.
    const shown = new Set(wordsOf(element.text.replace(/[[\]⟨⟩]/g, '')));
    const missing = wordsOf(text).filter((w) => !shown.has(w));
    if (missing.length > 0) problems.push(`${url}: the element lacks ${missing.slice(0, 5).join(', ')}`);
  }
  return problems;
}

/** What a reader sees go wrong in a timeline: labels closer than a line or out of order, dots of different days on each other. */
export function timelineFaults(timeline: Timeline): string[] {
  const faults: string[] = [];
  const labelled = timeline.points.filter((p) => p.labelY !== undefined) as (TimelinePoint & { labelY: number })[];
  // Where every date is labelled, each day's dot stands apart (a thousand dates a year cannot).
  if (labelled.length === timeline.points.length) {
    timeline.points.forEach((p, i) => {
      const before = timeline.points[i - 1];
      if (before && p.label !== before.label && p.y - before.y < 10) faults.push(`${p.label}: its dot is ${p.y - before.y} px from ${before.label}'s`);
    });
  }
  labelled.forEach((p, i) => {
    const before = labelled[i - 1];
    if (p.labelY < p.y) faults.push(`${p.label}: its label stands above its dot`);
    if (before && p.labelY - before.labelY < 22) faults.push(`${p.label}: its label is ${p.labelY - before.labelY} px under ${before.label}'s`);
  });
  if (Math.max(...labelled.map((p) => p.labelY)) > timeline.height) faults.push('a label falls below the figure');
  return faults;
}
