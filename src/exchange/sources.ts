import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import { xmlModelFiles } from '../load/load.js';
import { includedBy, isSchemaName, SCHEMA_KINDS, type Named } from '../load/schemas.js';
import { message, type Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';

/** Where a source is published: tei/ plus its path inside the edition's sources folder. */
export function publishedPath(config: EditionConfig, doc: ReadDoc): string {
  const relative = path.relative(path.resolve(config.root, config.sources), doc.source.path);
  return ['tei', ...relative.split(path.sep)].join('/');
}

/** A schema as published, or why it is not. */
type Verdict = { published: string; real: string; includes: Named[] } | { refused: string };

/**
 * Decides whether a file an xml-model (or a schema's include) names may be published: a RelaxNG
 * or Schematron file, whose real path (symbolic links followed) lies inside the edition's folder.
 * Anything else, a `.env` or `/etc/passwd` included, is never read.
 */
async function verdictOn(config: EditionConfig, realRoot: string, file: string): Promise<Verdict> {
  if (!isSchemaName(file)) return { refused: 'it is not a RelaxNG (.rng) or Schematron (.sch) schema' };
  const lexical = path.relative(config.root, file);
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { refused: 'it does not exist' };
  }
  const inside = (relative: string): boolean => relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const outside = { refused: `it lies outside the edition's folder ${config.root}` };
  if (!inside(lexical) || !inside(path.relative(realRoot, real))) return outside;
  const text = await readFile(real, 'utf8').catch(() => undefined);
  if (text === undefined) return { refused: 'it cannot be read' };
  if (!SCHEMA_KINDS[path.extname(file).toLowerCase()]!.test(text.slice(0, 4096))) return { refused: 'it is named like a schema but is none' };
  // tei/ stands for the sources folder: a schema at ../schemas/ from there lands at schemas/.
  const published = path.posix.normalize(['tei', ...path.relative(path.resolve(config.root, config.sources), file).split(path.sep)].join('/'));
  if (published.startsWith('..')) return outside;
  return { published, real, includes: includedBy(file, text) };
}

/**
 * The schemas the TEI files name in their xml-model instructions, laid out beside them as
 * published (byte for byte, at publishedPath) so that each xml-model still finds its schema,
 * with the grammars they include. Only RelaxNG and Schematron files inside the edition's folder
 * are published; anything else named is a warning on the file that names it, and never read.
 */
export async function publishedSchemas(
  config: EditionConfig,
  members: readonly ReadDoc[],
): Promise<{ outputs: { path: string; content: Buffer }[]; messages: Message[] }> {
  const realRoot = await realpath(config.root);
  const verdicts = new Map<string, Promise<Verdict>>();
  const verdict = (file: string): Promise<Verdict> => {
    if (!verdicts.has(file)) verdicts.set(file, verdictOn(config, realRoot, file));
    return verdicts.get(file)!;
  };
  const messages: Message[] = [];
  const refuse = (named: string, why: string, at: { file: string; line: number }): void => {
    const reason = `the xml-model names ${named}, which is not published with the edition: ${why}; only RelaxNG and Schematron schemas inside the edition's folder are published`;
    messages.push(message('warning', 'site', 'schema-not-published', reason, at));
  };
  const published = new Map<string, string>();
  // Named as written, where it is written: never as a path editio made of it.
  const include = async (named: Named, namedBy: { file: string; line: number }): Promise<void> => {
    // A schema on the web is where the published TEI finds it too; any other address (file:…) is reported, never read.
    if (named.address)
      return /^\s*https?:/i.test(named.written)
        ? undefined
        : refuse(named.written, 'it is an address, not a file of the edition, and editio never reads one', namedBy);
    const found = await verdict(named.href);
    if ('refused' in found) return refuse(named.written, found.refused, namedBy);
    if (published.has(found.published)) return;
    published.set(found.published, found.real);
    for (const included of found.includes) await include(included, { file: path.relative(process.cwd(), named.href) || named.href, line: included.line });
  };
  for (const doc of members) {
    const seen = new Set<string>();
    for (const model of xmlModelFiles(doc.source)) {
      if (seen.has(model.href)) continue;
      seen.add(model.href);
      await include(model, { file: doc.source.name, line: model.line });
    }
  }
  const outputs: { path: string; content: Buffer }[] = [];
  for (const file of [...published.keys()].sort()) outputs.push({ path: file, content: await readFile(published.get(file)!) });
  return { outputs, messages };
}
