import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE, loadConfig, type EditionConfig } from '../model/config.js';
import { findXmlFiles, loadSources } from '../load/load.js';
import type { Role, Source } from '../parse/source.js';
import type { Message } from '../infra/messages.js';
import { activeContent } from './rules/active.js';
import { parse, readSource, type ParsedDoc, type ParseResult } from '../parse/parse.js';
import { runRules } from './rules/index.js';
import { idsOf, type IdsInFile, type SeenIds } from './rules/context.js';
import { Authorities } from '../model/authorities.js';
import { validate, type ValidateOptions, type Verdict } from './validate.js';
import { configuredPrefixes } from '../model/pointers.js';
import { documentRecords, mayHoldRecords, type DocumentRecord } from '../model/records.js';
import { pointedIds, unusedEntries } from './rules/authorities.js';

export interface CheckOptions extends ValidateOptions {
  /** The edition the files belong to: its authority lists drive the edition rules. */
  edition?: EditionConfig;
  /** Foreign TEI: schema problems are warnings, and only a document that cannot be parsed fails. */
  lenient?: boolean;
  /**
   * Only some of the edition's files, the others checked before (an incremental build): rules
   * that need the whole edition are left to the caller.
   */
  partial?: boolean;
  /** The edition's authority lists, read once by the caller (a build checks in chunks); else read here. */
  authorities?: Authorities;
  /** Sources the caller has parsed already (the authority files, which may be many megabytes), by path. */
  parsed?: ReadonlyMap<string, ParseResult>;
  /** The xml:ids of the files checked before in the same run, to be unique across chunks (the caller's, shared by each call). */
  seenIds?: SeenIds;
  /** The xml:ids of a file of the edition not in this call (a build checks in chunks, or only what changed), by absolute path. */
  idsInFile?: IdsInFile;
}

export interface CheckedDoc {
  doc: ParsedDoc;
  /** Well-formed, valid against its schema, and without an error from the edition rules. */
  valid: boolean;
}

export interface CheckResult {
  docs: CheckedDoc[];
  messages: Message[];
  fileCount: number;
}

/** Where each file of an edition belongs: the introduction, the authority lists, or the documents. */
export function roleFinder(config: EditionConfig): (file: string) => Role {
  const sources = path.resolve(config.root, config.sources);
  const intro = config.introduction ? path.resolve(sources, config.introduction) : undefined;
  const authorities = new Set(config.authorities.map((a) => path.resolve(sources, a)));
  return (file) => (file === intro ? 'introduction' : authorities.has(file) ? 'authorities' : 'document');
}

export function authorityPaths(config: EditionConfig): string[] {
  return config.authorities.map((a) => path.resolve(config.root, config.sources, a));
}

/** Sources parsed, their RelaxNG validation under way on xmllint's worker. */
interface StartedCheck {
  sources: readonly Source[];
  parsed: ParsedDoc[];
  messages: Message[];
  verdicts: Promise<Verdict[]>;
}

/** Parses the sources (in this thread) and hands them to xmllint (on its worker), not waiting for its verdicts. */
function startCheck(sources: readonly Source[], options: CheckOptions): StartedCheck {
  const messages: Message[] = [];
  const parsed: ParsedDoc[] = [];
  for (const source of sources) {
    const result = options.parsed?.get(source.path) ?? parse(source);
    for (const item of result.messages) messages.push(item);
    if (!result.doc) continue;
    parsed.push(result.doc);
    for (const item of activeContent(result.doc)) messages.push(item);
  }
  const verdicts = validate(parsed, options);
  // Awaited by finishCheck, perhaps after other work: not an unhandled rejection meanwhile.
  verdicts.catch(() => undefined);
  return { sources, parsed, messages, verdicts };
}

/** xmllint's verdicts on started sources, then the edition rules on their trees. */
async function finishCheck({ sources, parsed, messages, verdicts }: StartedCheck, options: CheckOptions): Promise<CheckResult> {
  const docs: CheckedDoc[] = [];
  for (const verdict of await verdicts) {
    for (const m of verdict.messages) messages.push(options.lenient && m.severity === 'error' ? { ...m, severity: 'warning' } : m);
    docs.push({ doc: verdict.doc, valid: verdict.valid || Boolean(options.lenient) });
  }
  if (options.edition) {
    const ruleMessages = await editionRules(options.edition, parsed, options.partial ?? false, options);
    dropRepeats(messages, ruleMessages);
    for (const item of ruleMessages) messages.push(item);
    const failed = new Set(ruleMessages.filter((m) => m.severity === 'error').map((m) => m.file));
    for (const checked of docs) if (failed.has(checked.doc.source.name)) checked.valid = false;
  }
  return { docs, messages, fileCount: sources.length };
}

/** Parses, validates against RelaxNG and applies the edition rules: the validate stage. */
export async function checkSources(sources: readonly Source[], options: CheckOptions = {}): Promise<CheckResult> {
  return finishCheck(startCheck(sources, options), options);
}

/** Files checked at a time: the trees of a large edition are never all in memory at once. */
export const CHECK_CHUNK = 250;

/**
 * Checks sources a chunk at a time, each chunk's result handed to `use` in order. A chunk is
 * parsed while xmllint validates the one before it on its worker, and that chunk's edition rules
 * run while xmllint validates this one: two chunks' trees in memory at most.
 */
export async function checkInChunks(sources: readonly Source[], options: CheckOptions, use: (result: CheckResult) => void): Promise<void> {
  let previous: StartedCheck | undefined;
  for (let i = 0; i < sources.length; i += CHECK_CHUNK) {
    const next = startCheck(sources.slice(i, i + CHECK_CHUNK), options);
    if (previous) use(await finishCheck(previous, options));
    previous = next;
  }
  if (previous) use(await finishCheck(previous, options));
}

/** An impossible date is reported by RelaxNG and by date-invalid: keep the message that says more. */
function dropRepeats(messages: Message[], ruleMessages: readonly Message[]): void {
  const dated = new Set(ruleMessages.filter((m) => m.ruleId === 'date-invalid').map((m) => `${m.file}:${m.line}`));
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.ruleId === 'relaxng' && dated.has(`${m.file}:${m.line}`)) messages.splice(i, 1);
  }
}

/** The edition's authority lists, read for the rules; their own faults are not this run's. */
export async function readAuthorities(
  config: EditionConfig,
  parsed: readonly ParsedDoc[] = [],
  /** The index records the documents carry: by default, those of the parsed documents. */
  records = parsed.filter((d) => d.source.role !== 'authorities').flatMap(documentRecords),
): Promise<Authorities> {
  const docs = parsed.filter((d) => d.source.role === 'authorities');
  const missing = authorityPaths(config).filter((p) => !docs.some((d) => d.source.path === p) && existsSync(p));
  const { sources } = await loadSources(missing, () => 'authorities');
  for (const source of sources) {
    const doc = parse(source).doc;
    if (doc) docs.push(doc);
  }
  const curated = new Set(authorityPaths(config));
  return new Authorities(docs, { records, curated: (doc) => curated.has(doc.source.path) });
}

async function editionRules(
  config: EditionConfig,
  parsed: ParsedDoc[],
  partial: boolean,
  { authorities: given, seenIds, idsInFile }: CheckOptions,
): Promise<Message[]> {
  const authorities = given ?? (await readAuthorities(config, parsed));
  const sourcesDir = path.resolve(config.root, config.sources);
  // Files outside the edition's sources are not its documents: its rules do not apply to them.
  const inEdition = (d: ParsedDoc): boolean => !path.relative(sourcesDir, d.source.path).startsWith('..');
  const docs = parsed.filter((d) => d.source.role !== 'authorities' && inEdition(d));
  const inRun = new Set(parsed.map((d) => d.source.path));
  const wholeEdition = !partial && (await findXmlFiles([sourcesDir])).files.every((f) => inRun.has(f));
  const lists = parsed.filter((d) => d.source.role === 'authorities' && inEdition(d));
  return runRules({
    docs,
    authorities,
    lists,
    wholeEdition,
    prefixes: configuredPrefixes(config.prefixes),
    ...(seenIds ? { seenIds } : {}),
    ...(idsInFile ? { idsInFile } : {}),
  });
}

/**
 * The xml:ids of each of these sources, read (and parsed) only when a pointer first names the
 * file, then kept: a pointer into another document is checked whether or not that document is
 * checked with it.
 */
export function idsOfSources(sources: readonly Source[] | ((file: string) => Source | undefined)): IdsInFile {
  const byPath = typeof sources === 'function' ? undefined : new Map(sources.map((s) => [s.path, s]));
  const sourceOf = typeof sources === 'function' ? sources : (file: string) => byPath!.get(file);
  const known = new Map<string, ReadonlySet<string>>();
  return (file) => {
    const source = sourceOf(file);
    if (!source) return undefined;
    if (!known.has(file)) {
      const { doc } = parse(source);
      known.set(file, doc ? idsOf(doc) : new Set());
    }
    return known.get(file);
  };
}

/** The edition configuration in `dir`, if there is one. */
export async function configIn(dir: string): Promise<EditionConfig | undefined> {
  return existsSync(path.join(dir, CONFIG_FILE)) ? loadConfig(dir) : undefined;
}

/** What `editio validate` says of the files it checked. */
export interface ValidationResult {
  messages: Message[];
  fileCount: number;
  /** Each file that could be read, and whether it passed. */
  files: { file: string; valid: boolean }[];
}

/**
 * `editio validate`: checks files and folders of TEI, building nothing. Inside an edition (a
 * working folder with editio.config.json) the edition rules apply to its files too.
 */
export async function validateFiles(paths: readonly string[], options: CheckOptions = {}): Promise<ValidationResult> {
  const edition = options.edition ?? (await configIn(process.cwd()));
  const found = await findXmlFiles(paths);
  const loaded = await loadSources(found.files, edition ? roleFinder(edition) : undefined);
  const messages = [...found.messages, ...loaded.messages];
  const parsedAuthorities = new Map(loaded.sources.filter((s) => s.role === 'authorities').map((s) => [s.path, parse(s)]));
  const ofEdition = edition ? await editionWide(edition, loaded.sources, parsedAuthorities) : undefined;
  const seenIds: SeenIds = new Map();
  const used = new Set<string>();
  const files: ValidationResult['files'] = [];
  const checking: CheckOptions = {
    ...options,
    ...(edition && ofEdition ? { edition, partial: true, authorities: ofEdition.authorities, seenIds, idsInFile: ofEdition.idsInFile } : {}),
    parsed: parsedAuthorities,
  };
  await checkInChunks(loaded.sources, checking, (result) => {
    for (const m of result.messages) messages.push(m);
    for (const { doc, valid } of result.docs) {
      files.push({ file: doc.source.name, valid });
      if (ofEdition?.inEdition(doc)) for (const id of pointedIds(doc, ofEdition.authorities, configuredPrefixes(edition!.prefixes))) used.add(id);
    }
  });
  // Which entries nothing mentions can be told only when the whole edition was checked.
  if (ofEdition && (await ofEdition.whole(loaded.sources))) for (const m of unusedEntries(ofEdition.authorities, used)) messages.push(m);
  return { messages, fileCount: found.files.length, files };
}

/** The index records a source carries (parsed only if it may hold any); an authority file's are its entries, not records. */
export function recordsCarried(source: Source): DocumentRecord[] {
  if (source.role === 'authorities') return [];
  const read = readSource(source);
  if ('error' in read || !mayHoldRecords(read.text)) return [];
  const doc = parse(source).doc;
  return doc ? documentRecords(doc) : [];
}

/** What the edition rules need of the whole edition when its files are checked in chunks: the entries (with the records documents carry), which files are its documents, whether all of them are here. */
async function editionWide(config: EditionConfig, sources: readonly Source[], parsedAuthorities: ReadonlyMap<string, ParseResult>) {
  const records = sources.flatMap(recordsCarried);
  const authorities = await readAuthorities(
    config,
    [...parsedAuthorities.values()].flatMap((r) => (r.doc ? [r.doc] : [])),
    records,
  );
  const sourcesDir = path.resolve(config.root, config.sources);
  const given = new Map(sources.map((s) => [s.path, s]));
  // A pointer may name a file of the edition that was not given to check: it is read from its folder.
  const onDisk = (file: string): Source | undefined => {
    if (given.has(file)) return given.get(file);
    if (path.relative(sourcesDir, file).startsWith('..') || !file.endsWith('.xml') || !existsSync(file)) return undefined;
    return { path: file, name: path.relative(process.cwd(), file), bytes: readFileSync(file), role: 'document' };
  };
  return {
    authorities,
    idsInFile: idsOfSources(onDisk),
    inEdition: (doc: ParsedDoc): boolean => doc.source.role !== 'authorities' && !path.relative(sourcesDir, doc.source.path).startsWith('..'),
    whole: async (checked: readonly Source[]): Promise<boolean> => {
      const inRun = new Set(checked.map((s) => s.path));
      return (await findXmlFiles([sourcesDir])).files.every((f) => inRun.has(f));
    },
  };
}
