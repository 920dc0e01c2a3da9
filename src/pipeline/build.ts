/**
 * Builds an edition: sources → checks → extracts → families of outputs → state. A document that
 * fails is reported and left out; every other document is still published. Incremental: the build
 * state of the output folder (.editio/) says what each output was made from, and only outputs whose
 * inputs changed are made again (src/incremental/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, foreignConfig, loadConfig, withoutPlaceholders, type EditionConfig } from '../model/config.js';
import { foreignIdentity } from '../model/identity.js';
import { editionLanguagePack, fill } from '../i18n/catalogue.js';
import { editionLanguage } from '../i18n/language.js';
import { hashOf } from '../infra/hash.js';
import { lockOutputFolder, LOCK_FILE } from '../incremental/lock.js';
import { OutputPlan, type Decision } from '../incremental/plan.js';
import { forgetStamps, saveStamps, STAMPS_FILE } from '../incremental/stamps.js';
import { commitOf, emptyState, saveState, STATE_DIR, type BuildState } from '../incremental/state.js';
import { clearJournal, JOURNAL_FILE, noteTouched, touchedOutputs } from '../incremental/journal.js';
import { ConfigError, message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';
import { compileStylesheets } from '../transform/stylesheets.js';
import { outputFolderProblem, removeStale } from '../write/write.js';
import { checkEdition } from '../edition/checks.js';
import { StageClock } from './clock.js';
import { makeFamilies } from './families.js';
import { CheckedEdition } from '../edition/edition.js';
import type { BuildContext } from '../families/context.js';
import { FAMILIES } from '../families/registry.js';
import { unrenderedByName, type BuildResult } from './result.js';
import type { BuildOptions, Progress } from './options.js';
import { readSources, type Sources } from './sources.js';
import { editionParams, Transformer } from '../workers/transformer.js';

export type { Extract } from '../model/extract-types.js';
export type { BuildResult } from './result.js';
export type { BuildOptions, Progress } from './options.js';

async function configFor(options: BuildOptions): Promise<EditionConfig> {
  const root = path.resolve(options.root ?? '.');
  if (existsSync(path.join(root, CONFIG_FILE))) return loadConfig(root);
  if (!existsSync(root)) throw new ConfigError(message('error', 'config', 'config-missing', `${root} does not exist`));
  if (options.out === undefined) {
    const reason = `${root} has no ${CONFIG_FILE}; to publish the TEI in it as it is, name an output folder with --out`;
    throw new ConfigError(message('error', 'config', 'config-missing', reason));
  }
  return foreignConfig(root);
}

/** An output folder inside the sources would be read as sources by the next build. */
function refuseOutputInSources(config: EditionConfig, outDir: string): void {
  const sources = path.resolve(config.root, config.sources);
  const relative = path.relative(sources, outDir);
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) {
    const reason = `the output folder ${outDir} is inside the sources folder ${sources}, whose files are all read as the edition's; choose an output folder outside it`;
    throw new ConfigError(message('error', 'config', 'out-in-sources', reason));
  }
}

/** Builds the edition of `options.root` into its output folder, which it holds while it builds (a dry run writes nothing, the lock neither). */
export async function build(options: BuildOptions = {}): Promise<BuildResult & { plan?: Decision[] }> {
  const config = await configFor(options);
  const outDir = path.resolve(options.out ?? path.resolve(config.root, config.out));
  const problem = await outputFolderProblem(outDir);
  if (problem) throw new ConfigError(message('error', 'config', 'out-not-editio', problem));
  refuseOutputInSources(config, outDir);
  await compileStylesheets();
  if (options.dryRun) return buildInto(outDir, config, options);
  const unlock = await lockOutputFolder(outDir);
  try {
    return await buildInto(outDir, config, options);
  } finally {
    await unlock();
  }
}

async function buildInto(outDir: string, configured: EditionConfig, options: BuildOptions): Promise<BuildResult & { plan?: Decision[] }> {
  const read = await readSources(configured, outDir, options);
  if ('unchanged' in read) return options.dryRun ? { ...read.unchanged, plan: [] } : read.unchanged;
  const clock = new StageClock(options.log);
  try {
    return await buildStages(outDir, configured, options, read, clock);
  } finally {
    clock.stop();
  }
}

async function buildStages(
  outDir: string,
  written: EditionConfig,
  options: BuildOptions,
  read: Sources,
  clock: StageClock,
): Promise<BuildResult & { plan?: Decision[] }> {
  const { messages } = read;
  const loadMessages = messages.length;
  const { config: configured, warnings } = withoutPlaceholders(written);
  for (const m of warnings) messages.push(m);
  // The last finished build's state stays: what this build touches is written down first (incremental/journal.ts).
  // The stamps, which say nothing changed, go: this build changes the folder.
  if (!options.dryRun) await forgetStamps(outDir);
  // After a build stopped half-way, what it wrote that no state records is found by walking the folder.
  const stopped = (await touchedOutputs(outDir)).size > 0;

  clock.lap('validate');
  const check = await checkEdition(configured, read.sources, {
    fingerprint: read.fingerprint,
    ...(read.previous ? { previous: read.previous } : {}),
    ...(options.schema ? { schema: options.schema } : {}),
  });
  for (const m of check.messages) messages.push(m);
  // A folder without a configuration is named by its TEI; when that changes, so does every page.
  const identities = Object.values(check.records)
    .filter((r) => r.valid)
    .map((r) => r.identity);
  // The edition speaks its configured language, else the one most of its documents declare.
  const tag = editionLanguage(
    configured.language,
    identities.map((i) => i.language),
  );
  const language = editionLanguagePack(tag, configured.root, messages);
  // A folder without a configuration is named by its TEI, else called untitled, its licence each document's: in its language.
  const foreign = configured.foreign
    ? { title: fill(language.messages, 'edition.untitled'), licence: { name: fill(language.messages, 'edition.licence-per-document') } }
    : {};
  const unnamed = { ...configured, ...foreign, language: tag };
  const config = configured.foreign ? { ...unnamed, ...foreignIdentity(unnamed, identities, messages) } : unnamed;
  const identity = hashOf(config.title, ...config.editors, JSON.stringify(language));
  const renamed = read.previous !== undefined && read.previous.identity !== identity;
  const previous = renamed ? undefined : read.previous;
  const fullReason = renamed ? "the edition's title or editors changed" : read.fullReason;
  if (fullReason) options.log?.(`full build: ${fullReason}`);
  const hashOfDoc = (doc: ReadDoc): string => read.hashOf(doc.source);
  const edition = new CheckedEdition(config, check, hashOfDoc, messages);
  const plan = new OutputPlan(outDir, previous, messages, fullReason, {
    ...(options.log ? { log: options.log } : {}),
    untouched: read.untouched,
    dryRun: Boolean(options.dryRun),
  });
  const xslt = await Transformer.open(editionParams(config, language), {
    text: edition.authorityText,
    language,
    ids: [...edition.authorities.entries.keys()],
    identifiers: Object.fromEntries(edition.authorities.identifierMap()),
    prefixes: config.prefixes,
  });
  try {
    const asked = { pdf: Boolean(options.pdf), epub: Boolean(options.epub), plates: Boolean(options.plates), paper: options.paper ?? 'a4' } as const;
    const progress =
      (stage: Progress['stage']) =>
      (done: number): void =>
        options.onProgress?.({ stage, done, total: edition.candidates });
    const ctx: BuildContext = { config, language, outDir, plan, xslt, messages, hashOfDoc, asked, read: [], progress };
    const results = await makeFamilies(ctx, options.families ?? FAMILIES, { edition, last: previous }, clock);
    // In one order: families made side by side may have read their files in either.
    ctx.read.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // What the state keeps of every build: a list of families without these is no build of an edition.
    if (!results.documents || !results.extracts) throw new Error('editio: the families of a build must include extracts and documents (FAMILIES has them)');
    const { published, unrendered } = results.documents;
    const { summaries } = results.extracts;

    clock.lap('write');
    const keep = [...plan.files(), `${STATE_DIR}/state.json`, STAMPS_FILE, LOCK_FILE, JOURNAL_FILE];
    const state: BuildState = {
      ...emptyState(read.fingerprint),
      inputs: read.inputs,
      identity,
      checks: check.records,
      outputs: plan.records,
      unrendered,
      messages: messages.slice(loadMessages),
      published: published.map((e) => e.id),
      summaries,
      names: check.names,
      read: Object.fromEntries(ctx.read.map((f) => [f.path, f.stamp.stamp])),
    };
    const result: BuildResult = {
      messages,
      outDir,
      published: state.published,
      fileCount: read.sources.length,
      unrendered: unrenderedByName(state, read.sources, config),
      written: plan.written.size,
      kept: plan.kept.size,
      removed: 0,
      checked: check.checked,
      ...(fullReason ? { fullReason } : {}),
    };
    if (options.dryRun) {
      const kept = new Set(keep);
      const removed = (plan.lastWritten() ?? []).filter((f) => !kept.has(f)).map((file): Decision => ({ file, action: 'remove' }));
      return { ...result, written: 0, plan: [...plan.decisions, ...removed] };
    }
    result.removed = await removeStale(outDir, keep, stopped ? undefined : plan.lastWritten(), (files) => noteTouched(outDir, files));
    await saveState(outDir, state);
    await clearJournal(outDir);
    // Load messages are not replayed from the state: a build that had some must read the sources again.
    if (loadMessages === 0)
      await saveStamps(outDir, read.settings, read.sources, [...read.schemaFiles, ...ctx.read], read.startedAt, plan.files(), commitOf(state));
    clock.lap('done');
    return result;
  } finally {
    await xslt.close();
  }
}
