import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { message, type Message } from '../infra/messages.js';
import type { ParsedDoc } from '../parse/parse.js';
import { descendants } from '../parse/tree.js';
import { runXmllint } from './xmllint.js';
import { schemaFor } from './schema-for.js';

export interface ValidateOptions {
  /** A RelaxNG schema for every document, instead of the one each names in `xml-model`. */
  schema?: string;
  /** Files per xmllint call: each call compiles the schema again, but file names share a small stack. */
  chunkSize?: number;
  /** Milliseconds one xmllint call may take before its files are reported as not validated. */
  timeoutMs?: number;
}

export interface Verdict {
  doc: ParsedDoc;
  /** True when the schema accepted the document (or no schema applied). */
  valid: boolean;
  messages: Message[];
}

interface SchemaFiles {
  main: { fileName: string; contents: string };
  preload: { fileName: string; contents: string }[];
}

/** Reads a schema and, recursively, the grammars it includes, named relative to its folder. */
async function readSchema(schemaPath: string): Promise<SchemaFiles> {
  const dir = path.dirname(schemaPath);
  const seen = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    const key = path.relative(dir, file).split(path.sep).join('/');
    if (seen.has(key)) return;
    const contents = await readFile(file, 'utf8');
    seen.set(key, contents);
    for (const [, href] of contents.matchAll(/<(?:[\w-]+:)?(?:include|externalRef)\b[^>]*\bhref\s*=\s*["']([^"']+)["']/g)) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(href!)) await visit(path.resolve(path.dirname(file), href!));
    }
  };
  await visit(schemaPath);
  const [main, ...rest] = [...seen.entries()].map(([fileName, contents]) => ({ fileName, contents }));
  return { main: main!, preload: rest };
}

/**
 * What TEI requires inside the elements whose missing children libxml2 does not name
 * ("Expecting an element , got nothing").
 */
const REQUIRED_CHILDREN: Record<string, string> = {
  TEI: 'a <teiHeader> followed by <text> (or, in an authority file, <standOff>)',
  teiHeader: 'a <fileDesc> (and, for a document, a <profileDesc> with its date)',
  fileDesc: 'a <titleStmt> with the title, a <publicationStmt> and a <sourceDesc> saying where the text comes from',
  titleStmt: 'a <title>',
  publicationStmt: 'a <publisher> or <authority>, and an <availability> with the licence',
  sourceDesc: 'a <bibl> describing the source',
  profileDesc: 'a <creation> holding the document’s <date>',
  creation: 'a <date> with @when (or @notBefore/@notAfter)',
  correspDesc: 'one <correspAction> per sending or receiving',
  text: 'a <body>',
  body: 'at least one <div>',
  div: 'at least one <p> (or a <gap> for text not transcribed)',
  abstract: 'at least one <p>',
};

/** libxml2's wording, made to say what is wrong and what to do. */
export function explain(element: string | undefined, detail: string): string {
  const el = element ? `<${element}>` : 'this element';
  let m: RegExpExecArray | null;
  if ((m = /^Type (\S+) doesn't allow value '([^']*)'$/.exec(detail))) {
    const hint = /date|gYear/.test(m[1]!) ? ': ISO 8601 dates are YYYY, YYYY-MM or YYYY-MM-DD, and the day must exist' : '';
    return `${el} has the value "${m[2]}", which is not a valid ${m[1]}${hint}`;
  }
  if ((m = /^Did not expect element (\S+) there$/.exec(detail))) {
    if (m[1] === 'include') {
      return '<xi:include> is not allowed here: editio never resolves XInclude, so the element stays in the document; copy the included content in instead';
    }
    return `<${m[1]}> is not allowed here: the schema has no place for it at this point; move or remove it`;
  }
  if ((m = /^Expecting an element (\S*), got nothing$/.exec(detail))) {
    if (m[1]) return `${el} lacks a required <${m[1]}>; add it`;
    const required = element ? REQUIRED_CHILDREN[element] : undefined;
    return required ? `${el} is incomplete: it needs ${required}` : `${el} lacks a required child element; see the schema for what it must contain`;
  }
  if ((m = /^Expecting element (\S+), got (\S+)$/.exec(detail))) {
    return `${el}: expected <${m[1]}> here, found <${m[2]}>; add <${m[1]}> or fix the order`;
  }
  if ((m = /^Invalid attribute (\S+) for element (\S+)$/.exec(detail))) {
    const isDate = ['when', 'notBefore', 'notAfter', 'from', 'to'].includes(m[1]!);
    const hint = isDate ? ': dates are ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) and must exist' : ', or is not allowed on this element';
    return `@${m[1]} on <${m[2]}> has a value the schema does not accept${hint}`;
  }
  if (/^Element \S+ failed to validate attributes$/.test(detail)) {
    return `${el} lacks a required attribute or has one that is not allowed (names need @ref; dates need @when, @notBefore/@notAfter or @from/@to)`;
  }
  if ((m = /^Element (\S+) has extra content: (\S+)$/.exec(detail))) {
    return `<${m[1]}> has unexpected content (${m[2]}); see the schema for what it may contain`;
  }
  if (/^Element \S+ failed to validate content$/.test(detail)) {
    return `${el} has content the schema does not accept`;
  }
  return `${el}: ${detail}`;
}

/**
 * Turns xmllint's raw output for one call into verdicts per file. Most lines are
 * "file:line: element x: Relax-NG validity error : detail"; a few carry no location and
 * belong to the next file whose verdict follows: `locate` finds their element's line.
 */
export function readRawOutput(
  raw: string,
  names: ReadonlyMap<string, string>,
  locate: (virtual: string, element: string | undefined) => number = () => 1,
): Map<string, { valid: boolean; messages: Message[] }> {
  const results = new Map<string, { valid: boolean; messages: Message[] }>();
  for (const virtual of names.keys()) results.set(virtual, { valid: false, messages: [] });
  const seen = new Set<string>();
  let unlocated: string[] = [];
  const add = (virtual: string, line: number, element: string | undefined, detail: string): void => {
    const key = `${virtual}:${line}:${detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    const at = { file: names.get(virtual)!, line };
    const limit = /^Resource limit exceeded: (.*?)(?:, try XML_PARSE_HUGE)?$/.exec(detail);
    results
      .get(virtual)!
      .messages.push(
        limit
          ? message(
              'error',
              'validate',
              'too-large',
              `the validator (libxml2) refuses this document: ${limit[1]} (over 10,000,000 characters in one text node); split the text into paragraphs`,
              at,
            )
          : message('error', 'validate', 'relaxng', explain(element, detail), at),
      );
  };
  for (const line of raw.split('\n')) {
    const verdict = /^(\S+) (validates|fails to validate)$/.exec(line);
    if (verdict && results.has(verdict[1]!)) {
      results.get(verdict[1]!)!.valid = verdict[2] === 'validates';
      for (const detail of unlocated) {
        const element = /^Element (\S+) /.exec(detail)?.[1];
        add(verdict[1]!, locate(verdict[1]!, element), element, detail);
      }
      unlocated = [];
      continue;
    }
    const located = /^(\S+?):(\d+): (.*)$/.exec(line);
    if (located && results.has(located[1]!)) {
      const [, virtual, lineNo, rest] = located;
      const [head, ...tail] = rest!.split(' : ');
      add(virtual!, Number(lineNo), /^element ([^:\s]+):/.exec(head!)?.[1], tail.length > 0 ? tail.join(' : ') : rest!);
      continue;
    }
    const bare = /^Relax-NG validity error : (.*)$/.exec(line);
    if (bare) unlocated.push(bare[1]!);
  }
  return results;
}

const GENERIC = /has content the schema does not accept$|has unexpected content \(|lacks a required attribute or has one/;

/**
 * libxml2 reports one fault several times: the precise message, then the element's
 * "failed to validate attributes" and the parent's "failed to validate content". Keep a
 * generic message only where no precise one explains the same line, and a parent's "content"
 * complaint only where nothing else was said.
 */
function withoutCascades(messages: Message[]): Message[] {
  const preciseLines = new Set(messages.filter((m) => !GENERIC.test(m.reason)).map((m) => m.line));
  const kept = messages.filter((m) => !GENERIC.test(m.reason) || !preciseLines.has(m.line));
  const specific = kept.filter((m) => !m.reason.endsWith('has content the schema does not accept'));
  return specific.length > 0 ? specific : kept;
}

async function validateChunk(
  docs: readonly ParsedDoc[],
  schema: SchemaFiles,
  schemaName: string,
  timeoutMs: number,
  piLine: ReadonlyMap<ParsedDoc, number>,
): Promise<Verdict[]> {
  // Unguessable names: a document's external entity must not be able to name another file of the call.
  const prefix = randomBytes(6).toString('hex');
  const names = new Map(docs.map((d, i) => [`${prefix}-${i}.xml`, d.source.name]));
  const files = docs.map((d, i) => ({ fileName: `${prefix}-${i}.xml`, contents: d.text }));
  const unvalidated = (rule: string, why: string): Verdict[] =>
    docs.map((doc) => ({ doc, valid: false, messages: [message('error', 'validate', rule, why, { file: doc.source.name, line: piLine.get(doc)! })] }));
  let outcome: Awaited<ReturnType<typeof runXmllint>>;
  try {
    outcome = await runXmllint(
      {
        inputFiles: [...files, schema.main, ...schema.preload],
        args: ['--relaxng', schema.main.fileName, '--noout', ...files.map((f) => f.fileName)],
        initialMemory: 512,
        maxMemory: 65536,
      },
      timeoutMs,
    );
  } catch (err) {
    return unvalidated('validator-failed', `xmllint could not run (${(err as Error).message}); run the command again`);
  }
  if (outcome === 'timeout') return unvalidated('validator-timeout', `validation against ${schemaName} did not finish in ${timeoutMs / 1000} s`);
  // Exit code 3 or 4: documents failed validation; any other but 0: xmllint could not validate them.
  if (![0, 3, 4].includes(outcome.exitCode)) {
    // Only libxml2's own located lines: never the excerpts it quotes from the file.
    const stderr = outcome.stderr
      .split('\n')
      .filter((l) => /^\S+:\d+: /.test(l))
      .slice(0, 3)
      .join(' ');
    return unvalidated('schema-invalid', `the schema ${schemaName} could not be compiled${stderr ? `: ${stderr}` : ''}`);
  }
  const byVirtual = new Map(docs.map((d, i) => [`${prefix}-${i}.xml`, d]));
  const locate = (virtual: string, element: string | undefined): number => {
    const root = byVirtual.get(virtual)!.tree;
    return (element && [...descendants(root)].find((e) => e.name === element)?.line) || root.line;
  };
  const results = readRawOutput(outcome.stderr, names, locate);
  return docs.map((doc, i) => {
    const result = results.get(`${prefix}-${i}.xml`)!;
    const messages = withoutCascades(result.messages);
    if (!result.valid && messages.length === 0) {
      messages.push(message('error', 'validate', 'relaxng', `the document does not match ${schemaName}`, { file: doc.source.name, line: doc.tree.line }));
    }
    return { doc, valid: result.valid, messages };
  });
}

/**
 * Validates documents against RelaxNG with xmllint-wasm: documents that share a schema are
 * validated together, in chunks, so the schema is compiled once per chunk, not once per file.
 */
export async function validate(docs: readonly ParsedDoc[], options: ValidateOptions = {}): Promise<Verdict[]> {
  const chunkSize = options.chunkSize ?? 400;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const verdicts = new Map<ParsedDoc, Verdict>();
  const groups = new Map<string, ParsedDoc[]>();
  const piLine = new Map<ParsedDoc, number>();
  for (const doc of docs) {
    const schema = schemaFor(doc, options);
    piLine.set(doc, schema.line);
    if (schema.path === undefined) {
      const reason = `${schema.why}: only well-formedness was checked; pass --schema with a RelaxNG schema (tei_all.rng, say)`;
      verdicts.set(doc, { doc, valid: true, messages: [message('warning', 'validate', 'schema-none', reason, { file: doc.source.name, line: schema.line })] });
      continue;
    }
    groups.set(schema.path, [...(groups.get(schema.path) ?? []), doc]);
  }
  for (const [schemaPath, group] of groups) {
    const schemaName = path.basename(schemaPath);
    let schema: SchemaFiles;
    try {
      schema = await readSchema(schemaPath);
    } catch {
      for (const doc of group) {
        verdicts.set(doc, {
          doc,
          valid: false,
          messages: [
            message('error', 'validate', 'schema-unreadable', `cannot read the schema ${schemaPath}; check the xml-model's href or --schema`, {
              file: doc.source.name,
              line: piLine.get(doc)!,
            }),
          ],
        });
      }
      continue;
    }
    for (let start = 0; start < group.length; start += chunkSize) {
      for (const verdict of await validateChunk(group.slice(start, start + chunkSize), schema, schemaName, timeoutMs, piLine)) {
        verdicts.set(verdict.doc, verdict);
      }
    }
  }
  return docs.map((doc) => verdicts.get(doc)!);
}
