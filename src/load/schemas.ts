/** The schemas a build depends on: those its sources name, and every grammar they include. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What a schema file is, by its name and root: RelaxNG (XML syntax) and Schematron, nothing else. */
export const SCHEMA_KINDS: Record<string, RegExp> = {
  '.rng': /xmlns(?::\w+)?\s*=\s*["']http:\/\/relaxng\.org\/ns\/structure\/1\.0["']/,
  '.sch': /xmlns(?::\w+)?\s*=\s*["']http:\/\/(?:purl\.oclc\.org\/dsdl\/schematron|www\.ascc\.net\/xml\/schematron)["']/,
};

export const isSchemaName = (file: string): boolean => path.extname(file).toLowerCase() in SCHEMA_KINDS;

/** A file a source or schema names: where it resolves to, as written, on which line, and whether it is an address (file:, http:, …), never read. */
export interface Named {
  href: string;
  written: string;
  line: number;
  address: boolean;
}

/** The grammars a RelaxNG schema includes. */
export function includedBy(schema: string, text: string): Named[] {
  const files: Named[] = [];
  for (const m of text.matchAll(/<(?:[\w-]+:)?(?:include|externalRef)\b[^>]*\bhref\s*=\s*["']([^"']+)["']/g)) {
    const written = m[1]!;
    const address = /^[a-z][a-z0-9+.-]*:/i.test(written.trim());
    files.push({ href: address ? written : path.resolve(path.dirname(schema), written), written, line: text.slice(0, m.index).split('\n').length, address });
  }
  return files;
}

/**
 * Schemas (named by their .rng or .sch extension) and every grammar they include, each once, in
 * order: what a build depends on besides its sources. Nothing else an xml-model names is read.
 */
export async function publishedSchemaFiles(schemas: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = async (schema: string): Promise<void> => {
    if (seen.has(schema) || !isSchemaName(schema)) return;
    seen.add(schema);
    const text = await readFile(schema, 'utf8').catch(() => undefined);
    if (text === undefined) return;
    files.push(schema);
    for (const included of includedBy(schema, text)) if (!included.address) await visit(included.href);
  };
  for (const schema of schemas) await visit(schema);
  return files;
}
