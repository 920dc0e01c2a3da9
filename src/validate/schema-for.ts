/**
 * Which schema a document is validated against: --schema, else the local RelaxNG file its
 * xml-model names; and, when there is none, what the document names instead (a Schematron, an
 * XML Schema) and what editio does with it, for the warning.
 */
import path from 'node:path';
import { pseudoAttribute, readProlog, type ParsedDoc } from '../parse/parse.js';

const SCHEMA_KINDS: [RegExp, string][] = [
  [/schematron|\.sch$/i, 'a Schematron schema, whose rules editio does not run'],
  [/XMLSchema|\.xsd$/i, 'an XML Schema, which editio does not read'],
  [/dtd|\.dtd$/i, 'a DTD, which editio does not read'],
];

/** What a document names as its schemas besides RelaxNG (xml-model, xsi:schemaLocation), and what editio does with each. */
function namedSchemas(doc: ParsedDoc): string {
  const named: string[] = [];
  for (const pi of readProlog(doc.text).pis.filter((p) => p.text.startsWith('xml-model'))) {
    const href = pseudoAttribute(pi.text, 'href') ?? '';
    const typens = pseudoAttribute(pi.text, 'schematypens') ?? '';
    const kind = SCHEMA_KINDS.find(([pattern]) => pattern.test(typens) || pattern.test(href));
    named.push(`its xml-model names ${href}: ${kind ? kind[1] : 'a schema of a kind editio does not read'}`);
  }
  for (const [name, value] of doc.tree.attrs) {
    if (/(^|:)schemaLocation$/.test(name))
      named.push(
        `its ${name} names ${value
          .trim()
          .split(/\s+/)
          .filter((_, i) => i % 2 === 1)
          .join(', ')}: an XML Schema, which editio does not read`,
      );
    if (/(^|:)noNamespaceSchemaLocation$/.test(name)) named.push(`its ${name} names ${value.trim()}: an XML Schema, which editio does not read`);
  }
  return named.length > 0 ? named.join('; ') : 'no xml-model processing instruction';
}

/** The schema for a document: --schema, else the local .rng its xml-model names. */
export function schemaFor(doc: ParsedDoc, options: { schema?: string }): { path?: string; line: number; why?: string } {
  if (options.schema !== undefined) return { path: path.resolve(options.schema), line: 1 };
  const ref = doc.schemaRefs[0];
  if (!ref) return { line: 1, why: `no RelaxNG schema is named (${namedSchemas(doc)})` };
  if (!path.isAbsolute(ref.href)) return { line: ref.line, why: `its schema ${ref.href} is not on this machine and editio fetches nothing` };
  // A document may name any path: only a RelaxNG file is ever opened.
  if (!ref.href.endsWith('.rng'))
    return { line: ref.line, why: `its xml-model names ${path.basename(ref.href)}, and editio reads only RelaxNG (.rng) schemas` };
  return { path: ref.href, line: ref.line };
}
