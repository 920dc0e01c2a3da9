/**
 * A build that finds nothing changed without reading the sources: the size, times and inode
 * of every file the last build read, kept beside the state (.editio/stamps.json). When none
 * differs, no file has changed, as git's index assumes. A file modified within two seconds of
 * the build's start (or after it) is not trusted, because an edit to come may leave its time as
 * it is on a file system with coarse times: the next build then reads every source, as it would
 * without stamps.
 *
 * The stamps record file system times, not content: they are the one file of an output folder
 * that two builds of the same sources may write differently.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hashOf, STATE_DIR } from '../state.js';
import { writeFileAtomic } from '../write.js';

export const STAMPS_FILE = `${STATE_DIR}/stamps.json`;

/** Files changed this close to the build's start are read next time, whatever their stamps say. */
const UNTRUSTED_MS = 2000;

interface Stamps {
  /** Every file the build read, sources and schemas, relative to the output folder (no absolute path is published). */
  files: string[];
  /** A hash of the build's settings, the sources found and each file's stamp. */
  key: string;
}

async function stampOf(file: string): Promise<{ stamp: string; changedAt: number }> {
  try {
    const s = await stat(file);
    return { stamp: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, changedAt: s.mtimeMs };
  } catch {
    return { stamp: 'missing', changedAt: 0 };
  }
}

const relativeTo = (outDir: string, files: readonly string[]): string[] => files.map((f) => path.relative(outDir, f).split(path.sep).join('/'));

/** `sources` and `files` relative to `outDir`. */
async function keyOf(outDir: string, settings: string, sources: readonly string[], files: readonly string[]): Promise<{ key: string; changedAt: number }> {
  const stamps = await Promise.all(files.map((f) => stampOf(path.resolve(outDir, f))));
  return {
    key: hashOf(settings, ...sources, '', ...files.flatMap((f, i) => [f, stamps[i]!.stamp])),
    changedAt: stamps.reduce((latest, s) => Math.max(latest, s.changedAt), 0),
  };
}

/**
 * True when the last build read exactly these sources with these settings, and no file it read
 * has changed since. `settings` must name everything else a build depends on.
 */
export async function unchangedSinceLastBuild(outDir: string, settings: string, sources: readonly string[]): Promise<boolean> {
  let saved: Stamps;
  try {
    saved = JSON.parse(await readFile(path.join(outDir, STAMPS_FILE), 'utf8')) as Stamps;
  } catch {
    return false;
  }
  if (!Array.isArray(saved.files) || typeof saved.key !== 'string') return false;
  return (await keyOf(outDir, settings, relativeTo(outDir, sources), saved.files)).key === saved.key;
}

/** Keeps the stamps of what a build read, unless a file changed too recently to trust them. */
export async function saveStamps(outDir: string, settings: string, sources: readonly string[], files: readonly string[], startedAt: number): Promise<void> {
  const relative = relativeTo(outDir, files);
  const { key, changedAt } = await keyOf(outDir, settings, relativeTo(outDir, sources), relative);
  if (changedAt > startedAt - UNTRUSTED_MS) return forgetStamps(outDir);
  await writeFileAtomic(path.join(outDir, STAMPS_FILE), JSON.stringify({ files: relative, key } satisfies Stamps) + '\n');
}

export async function forgetStamps(outDir: string): Promise<void> {
  await rm(path.join(outDir, STAMPS_FILE), { force: true });
}
