import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export async function writeFileAtomic(file: string, content: Output['content'] | Pieces['content']): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temp, content);
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
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

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const item of (await listFiles(full, base))) out.push(item);
    else out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

/** Whether `dir` may be written: it does not exist, is empty, or was written by editio. */
export async function isOutputFolder(dir: string): Promise<boolean> {
  try {
    const entries = await readdir(dir);
    return entries.length === 0 || entries.includes(OUTPUT_MARKER);
  } catch {
    return true;
  }
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
export async function removeStale(dir: string, outputs: Iterable<string>, lastWritten?: Iterable<string>): Promise<number> {
  const keep = new Set([OUTPUT_MARKER, ...outputs]);
  let removed = 0;
  for (const file of lastWritten ?? (await listFiles(dir))) {
    if (!keep.has(file)) {
      await rm(path.join(dir, ...file.split('/')), { force: true });
      removed++;
    }
  }
  return removed;
}
