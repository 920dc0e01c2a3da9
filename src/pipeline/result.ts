/** What a build tells its caller, and what one that finds nothing changed reports. */
import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import type { BuildState, LastResult } from '../incremental/state.js';
import type { Message } from '../infra/messages.js';

export interface BuildResult {
  messages: Message[];
  outDir: string;
  /** Identifiers of the documents published, in date order. */
  published: string[];
  /** Files that were read (sources of every role). */
  fileCount: number;
  /** Per source file, the elements rendered by the general rule, with how often. */
  unrendered: Record<string, Record<string, number>>;
  /** Outputs written, and outputs kept from the last build as they were. */
  written: number;
  kept: number;
  /** Outputs of the last build this one no longer makes, removed. */
  removed: number;
  /** Sources checked now (the others' verdicts came from the build state). */
  checked: number;
  /** Why everything was built, if it was (no state, fingerprint changed, --full). */
  fullReason?: string;
}

type Named = readonly { path: string; name: string }[];

/** The unrendered elements by the name a source is shown by (the state keys them by path in the edition). */
export function unrenderedByName(state: Pick<BuildState, 'unrendered'>, sources: Named, config: EditionConfig): BuildResult['unrendered'] {
  // A volume's documents are keyed by the volume's path and their own name (volume.xml#volume-d1.xml): counted as the volume's.
  const byFile = new Map<string, Record<string, number>>();
  for (const [key, counts] of Object.entries(state.unrendered)) {
    const file = key.split('#')[0]!;
    const sum = byFile.get(file) ?? {};
    for (const [element, n] of Object.entries(counts)) sum[element] = (sum[element] ?? 0) + n;
    byFile.set(file, sum);
  }
  const out: BuildResult['unrendered'] = {};
  for (const s of sources) {
    const counts = byFile.get(path.relative(config.root, s.path).split(path.sep).join('/'));
    if (counts) out[s.name] = counts;
  }
  return out;
}

/** The result of a build that finds the same inputs as the last one, and writes nothing. */
export function nothingChanged(previous: LastResult, outDir: string, sources: Named, config: EditionConfig): BuildResult {
  return {
    messages: previous.messages,
    outDir,
    published: previous.published,
    fileCount: sources.length,
    unrendered: unrenderedByName(previous, sources, config),
    written: 0,
    kept: previous.outputs,
    removed: 0,
    checked: 0,
  };
}
