/**
 * The build state: what the last build of an output folder read and wrote, so that the next
 * one redoes only what changed. It lives in the output folder (.editio/state.json) with the
 * documents' extracts beside it; anything unexpected in it means a full build, never a wrong one.
 */
import { readFile } from 'node:fs/promises';
import type { VolumeLayout } from '../load/volumes.js';
import path from 'node:path';
import type { Message } from '../infra/messages.js';
import type { Summary } from '../model/extract-types.js';
import type { DocumentRecord } from '../model/records.js';
import type { DocumentIdentity } from '../model/identity.js';
import { writeFileAtomic } from '../write/write.js';
import { touchedOutputs } from './journal.js';

/** Raised whenever the state's shape changes: an old state is then ignored. */
export const STATE_VERSION = 12;
export const STATE_DIR = '.editio';

/** A source's check: its verdict and messages, the authority ids it points to, and the records it carries (with the hash of the bytes they were read from). */
export interface CheckRecord {
  key: string;
  valid: boolean;
  messages: Message[];
  pointsTo: string[];
  hash: string;
  records: DocumentRecord[];
  /** What the document says of the edition it belongs to (a folder without a configuration is named from it). */
  identity: DocumentIdentity;
  /** Whether it names entries in ways only the entries resolve (a key, a prefixed pointer): its extract depends on them. */
  looksUp: boolean;
  /** For a file of many documents, where they stand in it (src/load/volumes.ts). */
  volume?: VolumeLayout;
}

/**
 * An output and the inputs it was made from, each hashed on its own so that a rebuild can say
 * which one changed. `messages` are those the transform raised, replayed when it is kept.
 */
export interface OutputRecord {
  inputs: Record<string, string>;
  messages: Message[];
}

export interface BuildState {
  version: number;
  /** Toolkit version, stylesheets, schemas and configuration: when it changes, all is rebuilt. */
  fingerprint: string;
  /** By source path relative to the edition's folder. */
  checks: Record<string, CheckRecord>;
  /** By output path. */
  outputs: Record<string, OutputRecord>;
  /** Per published document: what its HTML marked as rendered by the general rule. */
  unrendered: Record<string, Record<string, number>>;
  /** All the build read: when it is the same again, nothing is done at all. */
  inputs: string;
  /** The edition's title and editors as its pages show them: when they change, every page is made again. */
  identity: string;
  /** The build's messages (after loading), replayed by a build that does nothing. */
  messages: Message[];
  published: string[];
  /** By extract file: what the edition-wide pages need of each page without reading its extract. */
  summaries: Record<string, Summary>;
  /** The entries' names as the checks read them: a document is checked again only if it holds one that changed. */
  names: Record<string, string>;
  /** Files besides the sources the families read (a facsimile's scans), by absolute path, with their stamps: if one changed, the build is no no-op. */
  read: Record<string, string>;
}

/** The files an output record stands for: a group of outputs lists them as its input "files". */
export const filesOf = (output: string, record: OutputRecord): string[] =>
  record.inputs.files !== undefined ? record.inputs.files.split('\n').filter(Boolean) : [output];

/** Every file the build of a state wrote. */
export const filesWritten = (state: BuildState): string[] => Object.entries(state.outputs).flatMap(([output, record]) => filesOf(output, record));

export const emptyState = (fingerprint: string): BuildState => ({
  version: STATE_VERSION,
  fingerprint,
  checks: {},
  outputs: {},
  unrendered: {},
  inputs: '',
  identity: '',
  messages: [],
  published: [],
  summaries: {},
  names: {},
  read: {},
});

export const statePath = (outDir: string): string => path.join(outDir, STATE_DIR, 'state.json');

/** Where a build writes its temporary files: emptied by the next build, so one killed half-way leaves none for long. */
export const tempDirOf = (outDir: string): string => path.join(outDir, STATE_DIR, 'tmp');

/** What a build that does nothing reports: the last build's result, kept apart from its (large) state. */
export type LastResult = Pick<BuildState, 'messages' | 'published' | 'unrendered'> & { outputs: number };

/**
 * Which build a result belongs to: its state's inputs. The stamps name the result they vouch
 * for, so a result left by an earlier build (one killed between writing its state and its
 * result) is never reported for a later one.
 */
export const commitOf = (state: Pick<BuildState, 'inputs'>): string => state.inputs;

const resultPath = (outDir: string): string => path.join(outDir, STATE_DIR, 'result.json');

export const resultOf = ({ messages, published, unrendered, outputs }: BuildState): LastResult => ({
  messages,
  published,
  unrendered,
  outputs: Object.keys(outputs).length,
});

/** The last build's result, if it is of this version and of the build `commit` names. */
export async function readLastResult(outDir: string, commit: string): Promise<LastResult | undefined> {
  try {
    const saved = JSON.parse(await readFile(resultPath(outDir), 'utf8')) as LastResult & { version: number; commit: string };
    return saved.version === STATE_VERSION && saved.commit === commit ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the result a build that does nothing will report, for the build `state` describes. */
export async function saveResult(outDir: string, state: BuildState): Promise<void> {
  const result = { version: state.version, commit: commitOf(state), ...resultOf(state) };
  await writeFileAtomic(resultPath(outDir), `${JSON.stringify(result)}\n`, { tempDir: tempDirOf(outDir) });
}

/**
 * A finished build's state, less what builds stopped since touched (journal.ts): an output (or a
 * group) one of whose files they wrote or removed is made again. Its inputs are forgotten, so
 * that the next build is never taken for one that has nothing to do.
 */
export function withoutTouched(state: BuildState, touched: ReadonlySet<string>): BuildState {
  if (touched.size === 0) return state;
  const outputs = Object.fromEntries(Object.entries(state.outputs).filter(([output, record]) => !filesOf(output, record).some((f) => touched.has(f))));
  return { ...state, outputs, inputs: '' };
}

/** The state an output folder holds, if it is of this version, else why not; less what builds stopped half-way since touched. */
export async function readState(outDir: string): Promise<{ state: BuildState } | { reason: string }> {
  let state: BuildState;
  try {
    state = JSON.parse(await readFile(statePath(outDir), 'utf8')) as BuildState;
  } catch {
    return { reason: 'no build state (first build of this folder)' };
  }
  if (state.version !== STATE_VERSION) return { reason: `build state of another version (${state.version})` };
  return { state: withoutTouched(state, await touchedOutputs(outDir)) };
}

/** The previous state if it is usable for this fingerprint, else why not. */
export async function loadState(outDir: string, fingerprint: string): Promise<{ state: BuildState } | { reason: string }> {
  const read = await readState(outDir);
  if ('state' in read && read.state.fingerprint !== fingerprint) return { reason: 'toolkit, stylesheets, schemas or configuration changed' };
  return read;
}

/** A map keyed by file with its keys in order: a build records its outputs in an order of its own (kept ones first). */
const byKey = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((k) => [k, record[k]!]),
  );

/**
 * The same state always gives the same bytes: the maps keyed by file are sorted, and every
 * record in them is made with its keys in one order by the same code (or read back so).
 */
export async function saveState(outDir: string, state: BuildState): Promise<void> {
  const { checks, outputs, unrendered, summaries, names } = state;
  const ordered = { ...state, checks: byKey(checks), outputs: byKey(outputs), unrendered: byKey(unrendered), summaries: byKey(summaries), names: byKey(names) };
  await writeFileAtomic(statePath(outDir), `${JSON.stringify(ordered)}\n`, { tempDir: tempDirOf(outDir) });
  await saveResult(outDir, ordered);
}

/** Which inputs of an output differ from last time, or undefined if none: then it is kept. */
export function changedInputs(previous: OutputRecord | undefined, inputs: Record<string, string>): string[] | undefined {
  if (!previous) return ['new'];
  const names = new Set([...Object.keys(previous.inputs), ...Object.keys(inputs)]);
  const changed = [...names].filter((n) => previous.inputs[n] !== inputs[n]).sort();
  return changed.length > 0 ? changed : undefined;
}
