#!/usr/bin/env node
/** The command line: parses the arguments, calls the library's verb of the same name, prints, sets the exit code. */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { build, type BuildOptions, type BuildResult } from '../pipeline/build.js';
import { toolkitVersion } from '../incremental/fingerprint.js';
import type { Decision } from '../incremental/plan.js';
import { ConfigError, hasErrors, type Message } from '../infra/messages.js';
import { report, type ReportFormat } from '../infra/report.js';
import { serveEdition } from '../serve/watch.js';
import { importAuthorityFiles, importFiles, tag } from '../tagging/index.js';
import { init } from '../tagging/init.js';
import { validateFiles } from '../validate/check.js';
import { parseCommandLine, reportFormat, USAGE, UsageError, type Parsed } from './args.js';
import { planReport, print, progressBar, sourceLines, tagReport, tagReview, unrenderedReport } from './output.js';

/** `build`, and every rebuild of `serve --watch`: messages, then one summary line. */
async function buildAndReport(options: BuildOptions, values: Parsed['values'], format: ReportFormat): Promise<{ code: number; result: BuildResult }> {
  const started = performance.now();
  const bar = progressBar(format);
  let result: BuildResult & { plan?: Decision[] };
  try {
    result = await build({
      ...options,
      ...(values.full ? { full: true } : {}),
      ...(values['dry-run'] ? { dryRun: true } : {}),
      ...(values.verbose ? { log: (line: string) => process.stderr.write(`editio: ${line}\n`) } : {}),
      ...(bar ? { onProgress: bar.update } : {}),
    });
  } finally {
    bar?.stop();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { outDir, published, written, kept, checked, unrendered, plan } = result;
  print(result.messages, format, result.fileCount, {
    outDir,
    published,
    written,
    kept,
    checked,
    seconds: Number(seconds),
    ...(values.report ? { unrendered } : {}),
    ...(plan ? { plan } : {}),
  });
  if (format === 'human' && plan) {
    process.stdout.write(planReport(plan, Boolean(values.verbose)));
  } else if (format === 'human') {
    if (values.report) process.stdout.write(unrenderedReport(result.unrendered));
    const what =
      result.written === 0
        ? 'nothing changed'
        : `${result.written} files written, ${result.kept} kept, ${result.checked} of ${result.fileCount} sources checked`;
    process.stdout.write(`Built ${result.published.length} documents into ${result.outDir} in ${seconds} s (${what})\n`);
  }
  return { code: exitCode(result.messages, values.strict), result };
}

function buildOptions(positionals: string[], values: Parsed['values']): BuildOptions {
  if (values.paper !== undefined && !['a4', 'letter'].includes(values.paper)) throw new UsageError('--paper must be "a4" or "letter"');
  return {
    root: positionals[0] ?? '.',
    ...(values.pdf ? { pdf: true } : {}),
    ...(values.epub ? { epub: true } : {}),
    ...(values.plates ? { plates: true } : {}),
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
    process.stdout.write(`${toolkitVersion()}\n`);
    return 0;
  }
  if (values.help || command === '' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
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
      if (format === 'human' && !values['dry-run']) process.stdout.write(`Open ${pathToFileURL(path.join(result.outDir, 'index.html')).href}\n`);
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
        onChange: (changed) =>
          void process.stdout.write(`Changed: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ` and ${changed.length - 5} more` : ''}\n`),
        // A broken configuration must not end the session: the editor fixes it and saves again.
        onError: (err) =>
          void process.stdout.write(err instanceof ConfigError ? report([err.diagnostic], { format: 'human' }) : `editio: ${(err as Error).message}\n`),
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
      if (format === 'human')
        process.stdout.write(
          `Created a new edition in ${positionals[0]} (${written.length} files). Next: read its README.md, then run "editio build" there.\n`,
        );
      return 0;
    }
    case 'import': {
      if (positionals.length === 0) throw new UsageError('import needs at least one text file, Word file or (with --authorities) spreadsheet');
      const force = values.force ? { force: true } : {};
      const result = values.authorities
        ? await importAuthorityFiles(positionals, { ...force, ...(values.kind ? { kind: values.kind } : {}) })
        : await importFiles(positionals, { ...(values.out ? { out: values.out } : {}), ...force });
      const written = result.written.map((file) => path.relative(process.cwd(), file));
      print(result.messages, format, positionals.length, format === 'json' ? { written } : undefined);
      if (format === 'human') for (const file of written) process.stdout.write(`Wrote ${file}\n`);
      return exitCode(result.messages, values.strict);
    }
    case 'tag': {
      if (positionals.length === 0) throw new UsageError('tag needs at least one file or folder');
      const result = await tag(positionals, { write: Boolean(values.write) });
      if (format === 'human') process.stdout.write(values.report ? tagReview(result.files) : tagReport(result.files, Boolean(values.write)));
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

// V8 lets a heap grow to up to four times what is live before collecting it where memory allows:
// a 3,000-document build peaked at 1.9 GB, most of it garbage. At one and a half times it peaks at
// 1.06 GB, for ~13% more time (docs/contributing/performance-notes.md): memory, not time, is what stops a large build
// on a small machine. The limit is not lowered: a very large document still gets what it needs.
setFlagsFromString('--heap-growing-percent=50');

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
