/** What, when it changes, makes every output stale: the build's fingerprint. */
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EditionConfig } from '../model/config.js';
import { knownOf, stampOf } from '../load/load.js';
import type { Source, Stamped } from '../parse/source.js';
import { publishedSchemaFiles } from '../load/schemas.js';
import { hashOf } from '../infra/hash.js';
import { stylesheetsFingerprint } from '../transform/stylesheets.js';
import { packageRoot } from '../infra/package.js';

let code: Promise<string> | undefined;

/**
 * The toolkit's own code (the compiled library, or under tsx its sources): extracts and records
 * are made in TypeScript, and a change to it must make them again as a stylesheet change does.
 */
function codeFingerprint(): Promise<string> {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  code ??= readdir(dir, { recursive: true, withFileTypes: true }).then(async (entries) => {
    const files = entries
      .filter((e) => e.isFile() && /\.[jt]s$/.test(e.name))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    return hashOf(...(await Promise.all(files.map(async (f) => `${path.relative(dir, f)}\0${hashOf(await readFile(f, 'utf8'))}`))));
  });
  return code;
}

/** editio's version, as its package.json says. */
export const toolkitVersion = (): string => (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;

/** The toolkit's version and code, the compiled stylesheets and the configuration. */
export async function toolkitFingerprint(config: EditionConfig): Promise<string> {
  const version = toolkitVersion();
  return hashOf(version, await codeFingerprint(), await stylesheetsFingerprint(), JSON.stringify(config));
}

/**
 * The toolkit's fingerprint and every schema the sources name (with what each includes) or
 * the schema given for all; and which schema files that read, each stamped before it was read.
 */
export async function buildFingerprint(
  config: EditionConfig,
  sources: readonly Source[],
  schema: string | undefined,
): Promise<{ fingerprint: string; schemaFiles: Stamped[] }> {
  const named = new Set<string>(schema ? [path.resolve(schema)] : []);
  for (const source of sources) for (const href of knownOf(source).schemaHrefs) named.add(href);
  const schemaFiles: Stamped[] = [];
  const schemas: string[] = [];
  for (const file of await publishedSchemaFiles([...named].sort())) {
    schemaFiles.push({ path: file, stamp: await stampOf(file) });
    schemas.push(file, hashOf(await readFile(file).catch(() => '')));
  }
  return { fingerprint: hashOf(await toolkitFingerprint(config), ...schemas), schemaFiles };
}
