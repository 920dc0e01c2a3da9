/**
 * The sources stage of a build: which files there are, which changed since the last build (their
 * stamps), and whether anything is to be done at all. A build that finds no file changed reads
 * neither sources nor state; one whose sources hash as last time reads the state but makes nothing.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import { hashOf } from '../infra/hash.js';
import { buildFingerprint, toolkitFingerprint } from '../incremental/fingerprint.js';
import { folderOf, lastBuild, saveStamps } from '../incremental/stamps.js';
import { commitOf, filesWritten, loadState, readLastResult, resultOf, saveResult, type BuildState } from '../incremental/state.js';
import { displayName, findXmlFiles, knownOf, loadSources, stampOf } from '../load/load.js';
import type { Source, Stamped } from '../parse/source.js';
import { ConfigError, message, type Message } from '../infra/messages.js';
import { chromiumIdentity } from '../infra/chromium.js';
import { roleFinder } from '../validate/check.js';
import type { BuildOptions } from './options.js';
import { nothingChanged, type BuildResult } from './result.js';

/** What a build that has something to do knows once the sources are loaded. */
export interface Sources {
  startedAt: number;
  /** The build's messages so far (the load stage's, which the state does not replay). */
  messages: Message[];
  sources: Source[];
  hashOf(source: Source): string;
  /** The settings (toolkit, configuration, --schema, print) and the schemas, as the stamps and the state name them. */
  settings: string;
  fingerprint: string;
  schemaFiles: Stamped[];
  /** A hash of everything the build reads: the state's `inputs`. */
  inputs: string;
  /** The last build's state, or why everything is built again. */
  previous: BuildState | undefined;
  fullReason: string | undefined;
  /** Output folders in which no file was added or removed since the last build. */
  untouched: Set<string>;
}

/** Every output a state names is still on disk (nobody deleted part of the edition by hand); `untouched` folders are not looked into. */
function onDisk(outDir: string, state: BuildState, untouched: ReadonlySet<string>): boolean {
  return filesWritten(state).every((f) => untouched.has(folderOf(f)) || existsSync(path.join(outDir, ...f.split('/'))));
}

export async function readSources(config: EditionConfig, outDir: string, options: BuildOptions): Promise<{ unchanged: BuildResult } | Sources> {
  const startedAt = Date.now();
  const messages: Message[] = [];
  const found = await findXmlFiles([path.resolve(config.root, config.sources)]);
  for (const m of found.messages) messages.push(m);
  // Everything but the sources and the schemas they name: those are stamped file by file.
  // The print edition depends on the paper and on which Chromium there is to print it; the EPUB, on being asked for.
  // A library user's own list of families (BuildOptions.families) is what the build is asked for too.
  const families = options.families ? ` families ${options.families.map((f) => f.name).join(' ')}` : '';
  const asked = `${options.pdf ? `pdf ${options.paper ?? 'a4'} ${chromiumIdentity()}` : ''}${options.epub ? ' epub' : ''}${options.plates ? ' plates' : ''}${families}`;
  const settings = hashOf(await toolkitFingerprint(config), options.schema ? path.resolve(options.schema) : '', asked);
  // What the last build knew of the files unchanged since: they are read only if needed (not at all if none changed).
  const last = options.full ? undefined : await lastBuild(outDir, settings, found.files);
  if (last?.unchanged && found.messages.length === 0) {
    const saved = await readLastResult(outDir, last.commit);
    if (saved) {
      options.log?.('nothing changed since the last build (no file changed)');
      return {
        unchanged: nothingChanged(
          saved,
          outDir,
          found.files.map((file) => ({ path: file, name: displayName(file) })),
          config,
        ),
      };
    }
  }
  const untouched = last?.untouched ?? new Set<string>();
  const loaded = await loadSources(found.files, roleFinder(config), last?.known);
  for (const m of loaded.messages) messages.push(m);
  for (const wanted of [config.introduction, ...config.authorities]) {
    if (wanted && !loaded.sources.some((s) => s.path === path.resolve(config.root, config.sources, wanted))) {
      throw new ConfigError(message('error', 'config', 'config-invalid', `the configuration names ${wanted}, which is not in ${config.sources}/`));
    }
  }
  const { fingerprint, schemaFiles } = await buildFingerprint(config, loaded.sources, options.schema);
  const prior = options.full ? { reason: 'a full build was asked for (--full)' } : await loadState(outDir, fingerprint);
  const previous = 'state' in prior ? prior.state : undefined;
  const hashes = new Map(loaded.sources.map((s) => [s.path, knownOf(s).hash]));
  const inputs = hashOf(fingerprint, asked, ...loaded.sources.flatMap((s) => [s.path, hashes.get(s.path)!]));
  // The other files the families read (a facsimile's scans) are as they were, if their stamps are.
  const alsoRead = previous ? await Promise.all(Object.keys(previous.read).map(async (file) => ({ path: file, stamp: await stampOf(file) }))) : [];
  const readUnchanged = alsoRead.every((f) => f.stamp.stamp === previous!.read[f.path]);
  if (previous && previous.inputs === inputs && readUnchanged && onDisk(outDir, previous, untouched)) {
    options.log?.('nothing changed since the last build');
    const result = nothingChanged(resultOf(previous), outDir, loaded.sources, config);
    if (messages.length === 0 && !options.dryRun) {
      // The result a later no-op build reports is this state's, whatever a killed build left.
      await saveResult(outDir, previous);
      await saveStamps(outDir, settings, loaded.sources, [...schemaFiles, ...alsoRead], startedAt, filesWritten(previous), commitOf(previous));
    }
    return { unchanged: { ...result, messages: [...messages, ...result.messages] } };
  }
  return {
    startedAt,
    messages,
    sources: loaded.sources,
    hashOf: (source) => hashes.get(source.path) ?? knownOf(source).hash,
    settings,
    fingerprint,
    schemaFiles,
    inputs,
    previous,
    fullReason: 'reason' in prior ? prior.reason : undefined,
    untouched,
  };
}
