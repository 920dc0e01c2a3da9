/**
 * `serve --watch`: notices saved files in the edition's folder and rebuilds, one build at a
 * time; changes made during a build start another right after it. Only a file a build reads
 * (a source, a schema, the configuration) is a change: a log the session writes into the
 * folder would otherwise start a build with every line it gets.
 */
import { existsSync, fstatSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { build, type BuildResult } from '../pipeline/build.js';
import { CONFIG_FILE, loadConfig } from '../model/config.js';
import { MESSAGES_FILE } from '../i18n/catalogue.js';
import { serve, type Server } from './serve.js';

export interface WatchOptions {
  /** The edition's folder (sources, schemas, configuration). */
  root: string;
  /** Folders whose changes are not edits: the output folder, node_modules, .git. */
  ignore: string[];
  /** Whether a file (relative to `root`) is one a build reads; by default, every file is. */
  isInput?: (file: string) => boolean;
  /** Waits this long after the last change before building (editors save in several steps). */
  quietMs?: number;
  rebuild(changed: string[]): Promise<void>;
}

export interface Watcher {
  close(): void;
  /** Resolves when no build is running or waiting. */
  idle(): Promise<void>;
}

export function watchEdition(options: WatchOptions): Watcher {
  const ignored = options.ignore.map((dir) => path.resolve(dir));
  const ours = ownOutputs();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let busy = false;

  const start = (): void => {
    timer = undefined;
    if (busy) return;
    busy = true;
    const changed = [...pending].sort();
    pending.clear();
    running = options.rebuild(changed).finally(() => {
      busy = false;
      if (pending.size > 0) start();
    });
  };
  const watcher: FSWatcher = watch(options.root, { recursive: true }, (_event, name) => {
    if (!name) return;
    const file = path.resolve(options.root, name.toString());
    if (ignored.some((dir) => file === dir || file.startsWith(dir + path.sep))) return;
    if (/(^|[\\/])\.|~$|\.tmp-\d+-[0-9a-f]+$/.test(name.toString())) return;
    const relative = path.relative(options.root, file);
    if (options.isInput && !options.isInput(relative)) return;
    if (ours.size > 0 && ours.has(identityOf(file))) return;
    pending.add(relative);
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, options.quietMs ?? 150);
  });
  return {
    close: () => {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
    idle: async () => {
      while (busy || timer || pending.size > 0) {
        await running;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

/** A file's device and inode, '' if it is gone. */
function identityOf(file: string): string {
  const info = statSync(file, { throwIfNoEntry: false });
  return info ? `${info.dev}:${info.ino}` : '';
}

/** The files this process's output and errors go to, when they are files (`serve --watch > serve.log`). */
function ownOutputs(): Set<string> {
  const own = new Set<string>();
  for (const fd of [1, 2]) {
    try {
      const info = fstatSync(fd);
      if (info.isFile()) own.add(`${info.dev}:${info.ino}`);
    } catch {
      // Closed: nothing written there.
    }
  }
  return own;
}

/** File names of schemas, which a document may name from anywhere in the edition's folder. */
const SCHEMA = /\.(rng|rnc|xsd|sch|odd|dtd)$/i;

/**
 * Which files of the edition's folder a build reads: the configuration, its own messages, the
 * schemas, and the TEI in its sources folder (the whole folder, for TEI without a configuration). Asked again
 * whenever the configuration changes, since it names the sources folder.
 */
export async function editionInputs(root: string): Promise<(file: string) => boolean> {
  // A configuration that does not load yet (being edited) leaves every TEI file of the folder an input.
  const sourcesOf = async (): Promise<string> =>
    existsSync(path.join(root, CONFIG_FILE))
      ? loadConfig(root).then(
          (config) => path.resolve(root, config.sources),
          () => root,
        )
      : root;
  let sources = await sourcesOf();
  return (file) => {
    if (file === CONFIG_FILE) {
      void sourcesOf().then((folder) => void (sources = folder));
      return true;
    }
    if (SCHEMA.test(file) || file === MESSAGES_FILE) return true;
    const absolute = path.resolve(root, file);
    const inSources = absolute === sources || absolute.startsWith(sources + path.sep);
    // A folder (no extension) may be one of sources moved or removed.
    return inSources && /(\.xml|^[^.]*)$/i.test(path.basename(file));
  };
}

export interface ServeEditionOptions {
  /** The edition's folder (default: the working folder). */
  root?: string;
  /** The built edition (default: the configuration's `out`). */
  out?: string;
  port?: number;
  /** Build first, rebuild on every save, and reload the open pages (`serve --watch`). */
  watch?: boolean;
  /** Told of every request that failed on the server's side. */
  log?: (line: string) => void;
  /** How each build runs (default: build() of `root` into `out`): the CLI reports each one. */
  build?: () => Promise<BuildResult>;
  /** Told what was saved, before each rebuild. */
  onChange?: (changed: string[]) => void;
  /** Told why a rebuild could not run (a broken configuration, say): the session goes on, and the next save tries again. */
  onError?: (err: unknown) => void;
}

/**
 * `editio serve [--watch]`: serves a built edition; watching, builds it first, then rebuilds on
 * every save in the edition's folder (one build at a time) and reloads the pages open in the browser.
 */
export async function serveEdition(options: ServeEditionOptions = {}): Promise<Server> {
  const root = path.resolve(options.root ?? '.');
  const rebuild = options.build ?? (() => build({ root, ...(options.out ? { out: options.out } : {}) }));
  const dir = options.watch ? (await rebuild()).outDir : path.resolve(options.out ?? (await outOf(root)));
  const server = await serve({
    dir,
    ...(options.port !== undefined ? { port: options.port } : {}),
    live: Boolean(options.watch),
    ...(options.log ? { log: options.log } : {}),
  });
  if (!options.watch) return server;
  const watcher = watchEdition({
    root,
    ignore: [dir, path.join(root, 'node_modules'), path.join(root, 'dist')],
    isInput: await editionInputs(root),
    rebuild: async (changed) => {
      options.onChange?.(changed);
      try {
        const result = await rebuild();
        // The pages open reload only when the build made or removed something.
        if (result.written > 0 || result.removed > 0) await server.changed();
      } catch (err) {
        options.onError?.(err);
      }
    },
  });
  return {
    ...server,
    close: async () => {
      watcher.close();
      await server.close();
    },
  };
}

async function outOf(root: string): Promise<string> {
  const config = await loadConfig(root);
  return path.resolve(config.root, config.out);
}
