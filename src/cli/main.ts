#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { build, type BuildOptions, type BuildResult, type Progress } from '../build/build.js';
import { validateFiles } from '../validate/check.js';
import { ConfigError, hasErrors, type Message } from '../messages.js';
import { report, type ReportFormat } from '../report.js';
import { init } from '../tagging/init.js';
import { serveEdition } from '../serve/watch.js';
import { importFiles, tag, type FileTags } from '../tagging/index.js';
import { packageRoot } from '../transform/stylesheets.js';

const USAGE = `editio — scholarly digital editions from TEI P5

Usage:
  editio build [folder] [--out dir] [--pdf] [--paper a4|letter] [--schema s.rng] [--report]
               [--full] [--verbose] [--format human|json] [--strict]
  editio validate <file|folder>… [--schema s.rng] [--format human|json] [--strict]
  editio export [folder] [--out dir]            the same as build (which always exports)
  editio serve [folder] [--out dir] [--port 8080] [--watch]
  editio init <folder>
  editio import <file.txt>… [--out tei/] [--force]
  editio tag <file|folder>… [--write]
  editio --help | --version

build     validates every TEI file of the edition in folder (default: .), then writes
          the HTML and plain-text editions. A folder without editio.config.json is
          foreign TEI: give --out; every well-formed file is published, schema problems
          are warnings (against --schema if given); --report lists, per file, the
          elements that had no specific rendering; --pdf also writes the print
          edition, print/edition.pdf (A4, or --paper letter), with Debian's Chromium
          (default output: the configuration's "out", usually dist/edition/).
          Builds are incremental: only what changed since the last build is made
          again; --verbose says why each output is made, --full rebuilds everything
validate  checks well-formedness and RelaxNG validity; the schema is the one each file
          names in its xml-model processing instruction, or --schema for all. In an
          edition's folder (with editio.config.json) the edition rules apply too.

export    writes the edition as data too (part of every build): tei/, corpus.xml,
          metadata/ (Dublin Core, CSV, JSON), CITATION.cff, editio-edition.zip, dts/
serve     serves the built edition (the configuration's "out", or --out) on
          127.0.0.1, with the DTS 1.0 API at /api/dts; Ctrl+C stops it. --watch
          builds first, rebuilds on every save and reloads the open pages

init      starts a new edition in an empty folder: configuration, schemas, an example
          document, authority lists and a README; "editio build" works on it at once
import    turns plain-text documents (title line, date line, paragraphs) into TEI in
          the edition's sources, with names and dates tagged; an existing document
          is never overwritten, unless --force
tag       tags dates and the authority lists' names in TEI, showing what it would add;
          --write writes it. The text is never changed; a second run adds nothing

--format json  print the messages as JSON
--strict       warnings fail too (exit 1)

Exit codes: 0 no errors, 1 a document has errors, 2 usage or configuration error.`;

class UsageError extends Error {}

interface Parsed {
  command: string;
  positionals: string[];
  values: {
    out?: string;
    schema?: string;
    format?: string;
    strict?: boolean;
    port?: string;
    report?: boolean;
    write?: boolean;
    pdf?: boolean;
    paper?: string;
    full?: boolean;
    verbose?: boolean;
    watch?: boolean;
    force?: boolean;
    help?: boolean;
    version?: boolean;
  };
}

function parseCommandLine(argv: string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        schema: { type: 'string' },
        format: { type: 'string' },
        strict: { type: 'boolean' },
        port: { type: 'string' },
        report: { type: 'boolean' },
        write: { type: 'boolean' },
        pdf: { type: 'boolean' },
        paper: { type: 'string' },
        full: { type: 'boolean' },
        verbose: { type: 'boolean' },
        watch: { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    const [command = '', ...rest] = positionals;
    return { command, positionals: rest, values };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function reportFormat(value: string | undefined): ReportFormat {
  if (value === undefined || value === 'human') return 'human';
  if (value === 'json') return 'json';
  throw new UsageError(`--format must be "human" or "json", not "${value}"`);
}

const MAX_EXCERPT_FILE = 8 * 1024 * 1024;

/** Reads source lines for the excerpts under messages, each file once. */
function sourceLines(): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) {
      try {
        const full = path.resolve(file);
        cache.set(file, statSync(full).size <= MAX_EXCERPT_FILE ? readFileSync(full, 'utf8').split('\n') : undefined);
      } catch {
        cache.set(file, undefined);
      }
    }
    const text = cache.get(file)?.[line - 1];
    return text !== undefined && !text.includes('\u0000') ? text : undefined;
  };
}

const useColor = (): boolean => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

/**
 * The messages, and in JSON what the command did (`result`): every command's output goes through
 * here. A command with a result says what it did in its own lines for people, so without a
 * message nothing is printed for them.
 */
function print(messages: Message[], format: ReportFormat, fileCount: number, result?: object): void {
  if (format === 'human' && messages.length === 0 && result) return;
  process.stdout.write(report(messages, { format, fileCount, sourceLine: sourceLines(), color: useColor(), ...(result ? { result } : {}) }));
}

/** `--report`: per file, the elements editio rendered by its general rule. */
function unrenderedReport(unrendered: Record<string, Record<string, number>>): string {
  const lines = ['Elements without a specific rendering (shown by the general rule):'];
  for (const [file, counts] of Object.entries(unrendered).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const entries = Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(`  ${file}: ${entries.length === 0 ? 'none' : entries.map(([name, n]) => `${name} ×${n}`).join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

/** What `editio tag` adds, per file: each new tag at its line and column, then a count. */
function tagReport(files: FileTags[], write: boolean): string {
  const lines: string[] = [];
  let total = 0;
  for (const { file, insertions, written } of files) {
    if (insertions.length === 0) continue;
    total += insertions.length;
    lines.push(`${file}${written ? '  (written)' : ''}`);
    for (const i of insertions) lines.push(`  ${i.line}:${i.column}  + ${i.open}${i.words}${i.close}`);
    lines.push('');
  }
  const kinds = new Map<string, number>();
  for (const i of files.flatMap((f) => f.insertions)) kinds.set(i.element, (kinds.get(i.element) ?? 0) + 1);
  const summary = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
  lines.push(
    total === 0
      ? 'Nothing to tag: every name of the authority lists and every date is tagged already.'
      : `${total} tags ${write ? 'written' : 'to add'} (${summary})${write ? '' : '; run with --write to write them'}.`,
  );
  return lines.join('\n') + '\n';
}

/** A progress bar on a terminal (stderr), nothing otherwise: logs and pipes stay clean. */
function progressBar(format: ReportFormat): { update(p: Progress): void; stop(): void } | undefined {
  if (!process.stderr.isTTY || format !== 'human') return undefined;
  const bar = new cliProgress.SingleBar(
    { format: '{stage} [{bar}] {value}/{total} documents', stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update({ stage, done, total }) {
      if (!started) bar.start(total, done, { stage });
      started = true;
      bar.setTotal(total);
      bar.update(done, { stage: stage === 'extract' ? 'Reading   ' : 'Rendering ' });
    },
    stop: () => bar.stop(),
  };
}

/** `build`, and every rebuild of `serve --watch`: messages, then one summary line. */
async function buildAndReport(options: BuildOptions, values: Parsed['values'], format: ReportFormat): Promise<{ code: number; result: BuildResult }> {
  const started = performance.now();
  const bar = progressBar(format);
  let result: BuildResult;
  try {
    result = await build({
      ...options,
      ...(values.full ? { full: true } : {}),
      ...(values.verbose ? { log: (line: string) => process.stderr.write(`editio: ${line}\n`) } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    });
  } finally {
    bar?.stop();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { outDir, published, written, kept, checked, unrendered } = result;
  print(result.messages, format, result.fileCount, { outDir, published, written, kept, checked, seconds: Number(seconds), ...(values.report ? { unrendered } : {}) });
  if (format === 'human') {
    if (values.report) process.stdout.write(unrenderedReport(result.unrendered));
    const what = result.written === 0 ? 'nothing changed' : `${result.written} files written, ${result.kept} kept, ${result.checked} of ${result.fileCount} sources checked`;
    process.stdout.write(`Built ${result.published.length} documents into ${result.outDir} in ${seconds} s (${what})\n`);
  }
  return { code: exitCode(result.messages, values.strict), result };
}

function buildOptions(positionals: string[], values: Parsed['values']): BuildOptions {
  if (values.paper !== undefined && !['a4', 'letter'].includes(values.paper)) throw new UsageError('--paper must be "a4" or "letter"');
  return {
    root: positionals[0] ?? '.',
    ...(values.pdf ? { pdf: true } : {}),
    ...(values.paper ? { paper: values.paper as 'a4' | 'letter' } : {}),
    ...(values.out ? { out: values.out } : {}),
    ...(values.schema ? { schema: values.schema } : {}),
  };
}

/** Exit code: 1 for errors, and for warnings too under --strict. */
function exitCode(messages: Message[], strict: boolean | undefined): number {
  return hasErrors(messages) || (strict && messages.some((m) => m.severity === 'warning')) ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const { command, positionals, values } = parseCommandLine(argv);
  if (values.version) {
    process.stdout.write(JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version + '\n');
    return 0;
  }
  if (values.help || command === '' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command === '' && !values.help ? 2 : 0;
  }
  const format = reportFormat(values.format);
  switch (command) {
    case 'validate': {
      if (positionals.length === 0) throw new UsageError('validate needs at least one file or folder');
      if (values.out) throw new UsageError('--out is an option of build, not of validate');
      const result = await validateFiles(positionals, values.schema ? { schema: values.schema } : {});
      print(result.messages, format, result.fileCount, format === 'json' ? { files: result.fileCount } : undefined);
      return exitCode(result.messages, values.strict);
    }
    case 'export':
    case 'build': {
      if (positionals.length > 1) throw new UsageError('build takes one edition folder');
      const { code, result } = await buildAndReport(buildOptions(positionals, values), values, format);
      if (format === 'human') process.stdout.write(`Open ${pathToFileURL(path.join(result.outDir, 'index.html')).href}\n`);
      return code;
    }
    case 'serve': {
      if (positionals.length > 1) throw new UsageError('serve takes one edition folder');
      const port = Number(values.port ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`);
      const server = await serveEdition({
        root: positionals[0] ?? '.',
        ...(values.out ? { out: values.out } : {}),
        port,
        watch: Boolean(values.watch),
        log: (line) => void process.stderr.write(`editio serve: ${line}\n`),
        build: async () => (await buildAndReport(buildOptions(positionals, values), values, format)).result,
        onChange: (changed) => void process.stdout.write(`Changed: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ` and ${changed.length - 5} more` : ''}\n`),
        // A broken configuration must not end the session: the editor fixes it and saves again.
        onError: (err) => void process.stdout.write(err instanceof ConfigError ? report([err.diagnostic], { format: 'human' }) : `editio: ${(err as Error).message}\n`),
      }).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; choose another with --port`);
        throw err;
      });
      process.stdout.write(`Serving ${server.dir} at ${server.url}${values.watch ? ', rebuilding on every save' : ''} (Ctrl+C to stop)\n`);
      return new Promise<number>(() => undefined);
    }
    case 'init': {
      if (positionals.length !== 1) throw new UsageError('init takes the folder to create the edition in');
      const written = await init(positionals[0]!);
      print([], format, 0, { folder: path.resolve(positionals[0]!), written });
      if (format === 'human') process.stdout.write(`Created a new edition in ${positionals[0]} (${written.length} files). Next: read its README.md, then run "editio build" there.\n`);
      return 0;
    }
    case 'import': {
      if (positionals.length === 0) throw new UsageError('import needs at least one text file');
      const result = await importFiles(positionals, { ...(values.out ? { out: values.out } : {}), ...(values.force ? { force: true } : {}) });
      const written = result.written.map((file) => path.relative(process.cwd(), file));
      print(result.messages, format, positionals.length, format === 'json' ? { written } : undefined);
      if (format === 'human') for (const file of written) process.stdout.write(`Wrote ${file}\n`);
      return exitCode(result.messages, values.strict);
    }
    case 'tag': {
      if (positionals.length === 0) throw new UsageError('tag needs at least one file or folder');
      const result = await tag(positionals, { write: Boolean(values.write) });
      if (format === 'human') process.stdout.write(tagReport(result.files, Boolean(values.write)));
      print(result.messages, format, result.files.length, { files: result.files });
      return exitCode(result.messages, values.strict);
    }
    default:
      throw new UsageError(`unknown command "${command}"; commands: build, export, validate, serve, init, import, tag`);
  }
}

/**
 * Ends the process once all it wrote has been handed on: through a pipe, stdout is written
 * asynchronously, and process.exit at once would cut off what the reader had not yet taken.
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const flushed = (): void => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', flushed);
}

// A reader that stops reading (`editio validate … | head`) is no failure of the command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// The event loop emptied with the command unfinished (a promise that never settled): never exit 0 then.
let settled = false;
process.on('beforeExit', () => {
  if (settled) return;
  process.stderr.write('editio: internal error, please report it: the command stopped before it finished\n');
  settled = true;
  exitWhenFlushed(2);
});

main(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
    exitWhenFlushed(code);
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`editio: ${err.message}\nRun "editio --help" for usage.\n`);
    } else if (err instanceof ConfigError) {
      process.stderr.write(report([err.diagnostic], { format: 'human', sourceLine: sourceLines() }));
    } else {
      process.stderr.write(`editio: internal error, please report it: ${(err as Error).stack ?? String(err)}\n`);
    }
    settled = true;
    process.exitCode = 2;
    exitWhenFlushed(2);
  },
);
