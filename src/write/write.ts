import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readdir, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicOptions {
  /** Where the temporary file goes (on the same file system): by default beside the file. */
  tempDir?: string;
  /** Permissions and owner to give the file: those of the file it replaces. */
  mode?: number;
  owner?: { uid: number; gid: number };
}

/** A temporary file's name: short, so that it fits wherever the file's own name does, and naming its writer's pid. */
const tempName = (): string => `.editio-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
const TEMP = /^(?:\.editio-(\d+)-[0-9a-f]{8}\.tmp|.+\.tmp-(\d+)-[0-9a-f]{8})$/;

/** Pieces joined into chunks of about a megabyte: writeFile makes a system call per piece, and a zip has six per entry. */
function* coalesced(pieces: Pieces['content'], size = 1 << 20): Generator<Uint8Array> {
  let batch: Uint8Array[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= size) {
      yield batch.length === 1 ? batch[0]! : Buffer.concat(batch);
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield Buffer.concat(batch);
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(file: string, content: Output['content'] | Pieces['content'], options: AtomicOptions = {}): Promise<void> {
  const tempDir = options.tempDir ?? path.dirname(file);
  const temp = path.join(tempDir, tempName());
  const whole = typeof content === 'string' || content instanceof Uint8Array;
  const write = (): Promise<void> => writeFile(temp, whole ? content : coalesced(content), options.mode === undefined ? {} : { mode: options.mode });
  try {
    // Pieces can be written once only: their folder is made first. Other writes make it only when it is missing.
    if (!whole) await mkdir(tempDir, { recursive: true });
    await inFolder(tempDir, write);
    if (options.mode !== undefined) await chmod(temp, options.mode);
    if (options.owner) await chown(temp, options.owner.uid, options.owner.gid).catch(() => undefined);
    await inFolder(path.dirname(file), () => rename(temp, file));
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Does something in a folder, making the folder if it turns out to be missing (most writes go where others went before: no mkdir each time). */
async function inFolder(dir: string, act: () => Promise<void>): Promise<void> {
  try {
    await act();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(dir, { recursive: true });
    await act();
  }
}

/**
 * Writes a file in place of itself, as an editor would: through a symbolic link to the file it
 * names, with its permissions and owner kept.
 */
export async function rewriteFile(file: string, content: Output['content']): Promise<void> {
  const target = await realpath(file);
  const { mode, uid, gid } = await stat(target);
  await writeFileAtomic(target, content, { mode: mode & 0o7777, owner: { uid, gid } });
}

/** Whether a process of this machine has this pid (EPERM: it does, under another user). */
export const isProcessRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the temporary files that writers killed half-way left in `dir` (never one of a process still running). */
export async function removeStaleTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = TEMP.exec(name);
    const pid = Number(match?.[1] ?? match?.[2]);
    if (match && pid !== process.pid && !isProcessRunning(pid)) await rm(path.join(dir, name), { force: true });
  }
}

export interface Output {
  /** Path inside the output folder, with `/` separators. */
  path: string;
  content: string | Uint8Array;
}

/** An output written in pieces, one after another: a large file is not first copied into one buffer. */
export interface Pieces {
  path: string;
  content: readonly Uint8Array[];
}

/** Marks a folder as editio's own, so that a rebuild may delete what it no longer produces. */
export const OUTPUT_MARKER = '.editio-output';

/** Every file below `dir`, relative to it, with `/` separators. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => !e.isDirectory()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Why `dir` may not be written as an output folder, if it may not: it must not exist, be empty, or have been written by editio. */
export async function outputFolderProblem(dir: string): Promise<string | undefined> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    return code === 'ENOTDIR'
      ? `${dir} is a file, not a folder; name a folder to write the edition into`
      : `${dir} cannot be read (${code}); choose another output folder`;
  }
  return entries.length === 0 || entries.includes(OUTPUT_MARKER) ? undefined : `${dir} holds files editio did not write; choose an empty or new output folder`;
}

/** Whether `dir` is an edition editio built (it holds editio's marker). */
export async function isBuiltEdition(dir: string): Promise<boolean> {
  return (await stat(path.join(dir, OUTPUT_MARKER)).catch(() => undefined))?.isFile() ?? false;
}

/** Marks `dir` as an output folder, creating it if need be: before anything is written into it. */
export async function claimOutputFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(path.join(dir, OUTPUT_MARKER), 'Written by editio; files here are replaced on every build.\n');
}

/**
 * Removes the files in `dir` that are not `outputs` of this build (nor the marker). Given the
 * files the last build wrote, looks only at those rather than walk the folder: a finished build
 * leaves nothing else (one that stopped half-way leaves no state, and the next walks).
 */
export async function removeStale(
  dir: string,
  outputs: Iterable<string>,
  lastWritten?: Iterable<string>,
  beforeRemoving: (files: string[]) => Promise<void> = async () => undefined,
): Promise<number> {
  const keep = new Set([OUTPUT_MARKER, ...outputs]);
  const stale = [...(lastWritten ?? (await listFiles(dir)))].filter((file) => !keep.has(file));
  await beforeRemoving(stale);
  for (const file of stale) await rm(path.join(dir, ...file.split('/')), { force: true });
  // A folder left empty (the outputs of a family no longer made, a year's pages) goes with them.
  const folders = new Set(
    stale.flatMap((file) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
    ),
  );
  for (const folder of [...folders].sort((a, b) => b.split('/').length - a.split('/').length))
    await rmdir(path.join(dir, ...folder.split('/'))).catch(() => undefined);
  return stale.length;
}
