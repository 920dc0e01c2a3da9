/**
 * `serve --watch`: notices saved files in the edition's folder and rebuilds, one build at a
 * time; changes made during a build start another right after it.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

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
