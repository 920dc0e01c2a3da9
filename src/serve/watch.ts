/**
 * `serve --watch`: notices saved files in the edition's folder and rebuilds, one build at a
 * time; changes made during a build start another right after it.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { build, type BuildResult } from '../build/build.js';
import { loadConfig } from '../config.js';
import { serve, type Server } from './serve.js';

export interface WatchOptions {
  /** The edition's folder (sources, schemas, configuration). */
  root: string;
  /** Folders whose changes are not edits: the output folder, node_modules, .git. */
  ignore: string[];
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
    pending.add(path.relative(options.root, file));
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
  const server = await serve({ dir, ...(options.port !== undefined ? { port: options.port } : {}), live: Boolean(options.watch), ...(options.log ? { log: options.log } : {}) });
  if (!options.watch) return server;
  const watcher = watchEdition({
    root,
    ignore: [dir, path.join(root, 'node_modules'), path.join(root, 'dist')],
    rebuild: async (changed) => {
      options.onChange?.(changed);
      try {
        await rebuild();
        await server.changed();
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
