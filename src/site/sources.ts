import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EditionConfig } from '../config.js';
import type { ReadDoc } from '../parse.js';

/** Where a source is published: tei/ plus its path inside the edition's sources folder. */
export function publishedPath(config: EditionConfig, doc: ReadDoc): string {
  const relative = path.relative(path.resolve(config.root, config.sources), doc.source.path);
  return ['tei', ...relative.split(path.sep)].join('/');
}

/** Schemas and every grammar they include, each once, in order. */
export async function publishedSchemaFiles(schemas: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  for (const schema of schemas) for (const file of await schemaFiles(schema, seen).catch(() => [])) files.push(file);
  return files;
}

/** A schema and the grammars it includes, as files relative to the schema's folder. */
async function schemaFiles(schema: string, seen = new Set<string>()): Promise<string[]> {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const text = await readFile(schema, 'utf8');
  const files = [schema];
  for (const [, href] of text.matchAll(/<(?:[\w-]+:)?(?:include|externalRef)\b[^>]*\bhref\s*=\s*["']([^"']+)["']/g)) {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(href!)) files.push(...(await schemaFiles(path.resolve(path.dirname(schema), href!), seen)));
  }
  return files;
}

/**
 * The schemas the TEI files name (`hrefs`, absolute paths), laid out beside them as published (byte for byte, at
 * publishedPath) so that each xml-model still finds its schema. Schemas outside the edition's
 * folder are not copied.
 */
export async function publishedSchemas(config: EditionConfig, hrefs: readonly string[]): Promise<{ path: string; content: Buffer }[]> {
  const outputs: { path: string; content: Buffer }[] = [];
  const sourcesDir = path.resolve(config.root, config.sources);
  // Each schema is read once, however many documents name it.
  const named = new Set(hrefs);
  const schemas = new Set<string>();
  for (const href of named) for (const file of await schemaFiles(href).catch(() => [])) schemas.add(file);
  for (const schema of [...schemas].sort()) {
    // tei/ stands for the sources folder: a schema at ../schemas/ from there lands at schemas/.
    const published = path.posix.normalize(['tei', ...path.relative(sourcesDir, schema).split(path.sep)].join('/'));
    if (published.startsWith('..') || path.relative(config.root, schema).startsWith('..')) continue;
    outputs.push({ path: published, content: await readFile(schema) });
  }
  return outputs;
}
