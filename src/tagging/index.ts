import { existsSync } from 'node:fs';
import { lstat, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AuthorityEntry } from '../model/authorities.js';
import { authorityPaths, configIn, readAuthorities } from '../validate/check.js';
import type { EditionConfig } from '../model/config.js';
import { findXmlFiles, loadSources } from '../load/load.js';
import { ConfigError, message, type Message } from '../infra/messages.js';
import { parse } from '../parse/parse.js';
import { removeStaleTemps, rewriteFile, writeFileAtomic } from '../write/write.js';
import { importDocx, importText } from './import.js';
import { importAuthorities } from './authority-import.js';
import { readInput } from './input.js';
import { tagDocument, type Candidate, type Insertion } from './tag.js';

export interface FileTags {
  file: string;
  insertions: Insertion[];
  /** What may be a mention but was left for the editor. */
  candidates: Candidate[];
  written: boolean;
}

async function entriesOf(edition: EditionConfig | undefined): Promise<AuthorityEntry[]> {
  return edition ? [...(await readAuthorities(edition)).entries.values()] : [];
}

/**
 * `editio tag`: tags dates and the authority lists' names in TEI documents; writes them only
 * with `write`. The documents' text is never changed, and tagging twice adds nothing.
 */
export async function tag(
  paths: readonly string[],
  options: { write?: boolean; edition?: EditionConfig } = {},
): Promise<{ files: FileTags[]; messages: Message[] }> {
  const edition = options.edition ?? (await configIn(process.cwd()));
  const entries = await entriesOf(edition);
  const authorities = new Set(edition ? authorityPaths(edition) : []);
  const found = await findXmlFiles(paths);
  const loaded = await loadSources(found.files.filter((f) => !authorities.has(f)));
  const messages: Message[] = [...found.messages, ...loaded.messages];
  const files: FileTags[] = [];
  // Temporary files that a killed run left beside the documents, once per folder.
  if (options.write) for (const dir of new Set(loaded.sources.map((s) => path.dirname(s.path)))) await removeStaleTemps(dir);
  for (const source of loaded.sources) {
    const parsed = parse(source);
    for (const m of parsed.messages) messages.push(m);
    if (!parsed.doc) continue;
    const original = source.bytes.toString('utf8');
    if (parsed.doc.text !== original.replace(/^\uFEFF/, '')) {
      messages.push({
        severity: 'warning',
        ruleId: 'tag-skipped',
        source: 'tag',
        reason: 'the document has a DOCTYPE, which tagging would lose; remove it first',
        file: source.name,
        line: 1,
      });
      continue;
    }
    const result = tagDocument(parsed.doc, entries, edition?.language);
    for (const m of result.messages) messages.push(m);
    const write = Boolean(options.write) && result.insertions.length > 0;
    if (write) await rewriteFile(source.path, result.text);
    files.push({ file: source.name, insertions: result.insertions, candidates: result.candidates, written: write });
  }
  return { files, messages };
}

/** The edition an import writes into: the one given, or the working folder's. */
async function editionToImportInto(given: EditionConfig | undefined): Promise<EditionConfig> {
  const edition = given ?? (await configIn(process.cwd()));
  if (!edition) {
    throw new ConfigError(
      message(
        'error',
        'config',
        'config-missing',
        `import writes into an edition, and ${process.cwd()} has no editio.config.json; run it in the edition's folder (or start one with "editio init")`,
      ),
    );
  }
  return edition;
}

/** `editio import <sheet.csv>… --authorities`: spreadsheets of persons, places, … merged into the edition's authority lists (src/tagging/authority-import.ts). */
export async function importAuthorityFiles(
  paths: readonly string[],
  options: { edition?: EditionConfig; kind?: string; force?: boolean } = {},
): Promise<{ written: string[]; messages: Message[] }> {
  return importAuthorities(paths, { ...options, edition: await editionToImportInto(options.edition) });
}

/** Why documents cannot be written into `dir`, if they cannot: a file, or a link to nothing (a missing folder is made). */
async function folderProblem(dir: string): Promise<string | undefined> {
  const link = await lstat(dir).catch(() => undefined);
  if (!link) return undefined;
  const target = await stat(dir).catch(() => undefined);
  if (!target) return `is a link to ${await readlink(dir).catch(() => 'nothing')}, which does not exist`;
  return target.isDirectory() ? undefined : 'is a file, not a folder';
}

/**
 * `editio import`: plain-text documents to TEI in the edition's sources, then tagged. An existing
 * document is never overwritten (it may hold hand edits) unless `force` is given.
 */
export async function importFiles(
  paths: readonly string[],
  options: { out?: string; edition?: EditionConfig; force?: boolean } = {},
): Promise<{ written: string[]; messages: Message[] }> {
  const edition = await editionToImportInto(options.edition);
  const out = path.resolve(options.out ?? path.join(edition.root, edition.sources));
  const problem = await folderProblem(out);
  if (problem)
    throw new ConfigError(message('error', 'config', 'import-out', `${options.out ?? out} ${problem}: name the folder to write the documents into with --out`));
  const schema = path
    .relative(out, path.join(edition.root, 'schemas', 'editio.rng'))
    .split(path.sep)
    .join('/');
  const entries = await entriesOf(edition);
  const messages: Message[] = [];
  const written: string[] = [];
  for (const file of paths) {
    const bytes = await readInput(file, messages);
    if (!bytes) continue;
    const imported = /\.docx$/i.test(file) ? await importDocx(bytes, file, edition, schema) : importText(bytes.toString('utf8'), file, edition, schema);
    if ('error' in imported) {
      messages.push(imported.error);
      continue;
    }
    const target = path.join(out, imported.fileName);
    const name = path.relative(process.cwd(), target);
    if (existsSync(target) && !options.force) {
      const reason = `${name} exists already and may hold hand edits, so it is not overwritten; rename or remove it, or import with --force to replace it`;
      messages.push(message('error', 'import', 'import-exists', reason, { file }));
      continue;
    }
    const parsed = parse({ path: target, name, bytes: Buffer.from(imported.xml), role: 'document' });
    if (!parsed.doc) {
      for (const m of parsed.messages) messages.push(m);
      continue;
    }
    const tagged = tagDocument(parsed.doc, entries, edition.language);
    try {
      await writeFileAtomic(target, tagged.text);
    } catch (err) {
      messages.push(
        message(
          'error',
          'import',
          'import-write-failed',
          `${name} could not be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the file is not imported`,
          { file },
        ),
      );
      continue;
    }
    written.push(target);
    // What concerns the Word or text file is said of it; the rest, of the document written.
    for (const m of [...imported.messages, ...tagged.messages]) messages.push({ ...m, file: m.file === file ? file : name });
  }
  return { written, messages };
}
