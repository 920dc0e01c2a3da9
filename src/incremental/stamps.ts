/**
 * A build that finds nothing changed without reading the sources: the size, times and inode
 * of every file the last build read, taken just before it read it, kept beside the state
 * (.editio/stamps.json). When none differs, no file has changed, as git's index assumes; a file
 * replaced after it was read stamps otherwise, whatever time it carries (`cp -p`, `rsync -t`).
 * A file modified within two seconds of the build's start (or after it) is not trusted, because
 * an edit to come may leave its time as it is on a file system with coarse times: the next
 * build then reads every source, as it would without stamps.
 *
 * The stamps record file system times, not content: they are the one file of an output folder
 * that two builds of the same sources may write differently.
 */
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { knownOf, stampOf } from '../load/load.js';
import type { Known, Source, Stamp, Stamped } from '../parse/source.js';
import { hashOf } from '../infra/hash.js';
import { STATE_DIR, tempDirOf } from './state.js';
import { writeFileAtomic } from '../write/write.js';

export const STAMPS_FILE = `${STATE_DIR}/stamps.json`;

/** Files changed this close to the build's start are read next time, whatever their stamps say. */
const UNTRUSTED_MS = 2000;

interface Stamps {
  /** Every file the build read, sources and schemas, relative to the output folder (no absolute path is published). */
  files: string[];
  /** A hash of the build's settings, the sources found and each file's stamp; empty if a file was too recent to trust. */
  key: string;
  /** Per source (relative, as `files`): its stamp then, and what the build knew of it: hash, size, schemas named (relative). */
  sources: Record<string, [stamp: string, hash: string, size: number, schemas: string[], index?: boolean]>;
  /**
   * The stamp of every folder of the output the build wrote into ("." the output folder), when
   * it ended: a file added to or removed from a folder changes the folder's times.
   */
  outputFolders: Record<string, string>;
  /** The build whose result these stamps vouch for (see commitOf). */
  commit: string;
}

/** The folder of an output, as outputFolders names it. */
export const folderOf = (file: string): string => path.posix.dirname(file);

/** Where the build state is written last, after the stamps are taken: never trusted. */
const STATE_FOLDER = folderOf(STAMPS_FILE);

const relativeTo = (outDir: string, files: readonly string[]): string[] => files.map((f) => path.relative(outDir, f).split(path.sep).join('/'));

/** Files stat'ed at once. */
const STAT_AHEAD = 256;

async function stampsOf(files: readonly string[]): Promise<Stamp[]> {
  const stamps: Stamp[] = [];
  for (let i = 0; i < files.length; i += STAT_AHEAD) stamps.push(...(await Promise.all(files.slice(i, i + STAT_AHEAD).map(stampOf))));
  return stamps;
}

const keyOf = (settings: string, sources: readonly string[], files: readonly string[], stamps: readonly { stamp: string }[]): string =>
  hashOf(settings, ...sources, '', ...files.flatMap((f, i) => [f, stamps[i]!.stamp]));

export interface LastBuild {
  /** The last build read exactly these sources with these settings, no file it read has changed since, nor any folder it wrote. */
  unchanged: boolean;
  /** What the last build knew of each source whose file has not changed since, and its stamp, by absolute path. */
  known: Map<string, Known & { stamp: Stamp }>;
  /** The output's folders in which no file was added or removed since the last build. */
  untouched: Set<string>;
  /** The build the stamps vouch for. */
  commit: string;
}

/** What the stamps of the last build in `outDir` say of these sources. `settings` must name everything else a build depends on. */
export async function lastBuild(outDir: string, settings: string, sources: readonly string[]): Promise<LastBuild> {
  const none: LastBuild = { unchanged: false, known: new Map(), untouched: new Set(), commit: '' };
  let saved: Stamps;
  try {
    saved = JSON.parse(await readFile(path.join(outDir, STAMPS_FILE), 'utf8')) as Stamps;
  } catch {
    return none;
  }
  if (
    !Array.isArray(saved.files) ||
    typeof saved.key !== 'string' ||
    typeof saved.sources !== 'object' ||
    typeof saved.outputFolders !== 'object' ||
    typeof saved.commit !== 'string'
  ) {
    return none;
  }
  const stamps = await stampsOf(saved.files.map((f) => path.resolve(outDir, f)));
  const known = new Map<string, Known & { stamp: Stamp }>();
  saved.files.forEach((file, i) => {
    const then = saved.sources[file];
    if (then && then[0] === stamps[i]!.stamp) {
      const [, hash, size, schemas, index] = then;
      known.set(path.resolve(outDir, file), {
        hash,
        size,
        schemaHrefs: schemas.map((s) => path.resolve(outDir, s)),
        ...(index === undefined ? {} : { index }),
        stamp: stamps[i]!,
      });
    }
  });
  const folders = Object.keys(saved.outputFolders);
  const now = await stampsOf(folders.map((f) => path.resolve(outDir, f)));
  const untouched = new Set(folders.filter((f, i) => now[i]!.stamp === saved.outputFolders[f]));
  const unchanged = saved.key !== '' && untouched.size === folders.length && keyOf(settings, relativeTo(outDir, sources), saved.files, stamps) === saved.key;
  return { unchanged, known, untouched, commit: saved.commit };
}

/**
 * Keeps the stamps of what a build read, taken when it read it, and what it knew of each
 * source; a file modified too recently to trust its stamp is left out, and then the next build
 * is no no-op.
 */
export async function saveStamps(
  outDir: string,
  settings: string,
  sources: readonly Source[],
  /** The schemas the build read, besides the sources. */
  schemas: readonly Stamped[],
  startedAt: number,
  /** The build's outputs, relative to `outDir`. */
  outputs: Iterable<string>,
  /** The build whose result the stamps vouch for. */
  commit: string,
): Promise<void> {
  const read: Stamped[] = [...sources.map((s) => ({ path: s.path, stamp: s.stamp ?? { stamp: 'unstamped', changedAt: Infinity } })), ...schemas];
  const relative = relativeTo(
    outDir,
    read.map((f) => f.path),
  );
  const trusted = (i: number): boolean => read[i]!.stamp.changedAt <= startedAt - UNTRUSTED_MS;
  const bySource = new Map(sources.map((s) => [s.path, s]));
  const folders = [...new Set([...outputs].map(folderOf))].filter((f) => f !== STATE_FOLDER).sort();
  const folderStamps = await stampsOf(folders.map((f) => path.resolve(outDir, f)));
  const stamps = read.map((f) => f.stamp);
  const saved: Stamps = {
    files: relative,
    key: relative.every((_, i) => trusted(i))
      ? keyOf(
          settings,
          relativeTo(
            outDir,
            sources.map((s) => s.path),
          ),
          relative,
          stamps,
        )
      : '',
    sources: {},
    outputFolders: Object.fromEntries(folders.map((f, i) => [f, folderStamps[i]!.stamp])),
    commit,
  };
  read.forEach(({ path: file }, i) => {
    const source = bySource.get(file);
    if (!source || !trusted(i)) return;
    const known = knownOf(source);
    saved.sources[relative[i]!] = [stamps[i]!.stamp, known.hash, known.size, relativeTo(outDir, known.schemaHrefs), Boolean(known.index)];
  });
  await writeFileAtomic(path.join(outDir, STAMPS_FILE), `${JSON.stringify(saved)}\n`, { tempDir: tempDirOf(outDir) });
}

export async function forgetStamps(outDir: string): Promise<void> {
  await rm(path.join(outDir, STAMPS_FILE), { force: true });
}
