import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { message, type Message } from '../infra/messages.js';
import type { Source } from './source.js';
import { resolveDoctype } from './doctype.js';
import { buildTree, type XmlElement } from './tree.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const RELAXNG_NS = 'http://relaxng.org/ns/structure/1.0';

/** A well-formed XML document: decoded text and what its prolog declares. */
export interface ParsedDoc {
  source: Source;
  text: string;
  /** The root element, with the positions of everything in it. */
  tree: XmlElement;
  /** RelaxNG schemas named by `xml-model` processing instructions: absolute paths or URLs. */
  schemaRefs: SchemaRef[];
}

/** A source read but not parsed into a tree: what publishing a document already checked needs. */
export type ReadDoc = Pick<ParsedDoc, 'source' | 'text' | 'schemaRefs'>;

export interface SchemaRef {
  href: string;
  /** Line of the processing instruction. */
  line: number;
}

export type ParseResult = { doc: ParsedDoc; messages: Message[] } | { doc: undefined; messages: Message[] };

function lineOfOffset(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  const index = text.indexOf('\uFFFD');
  return index < 0 ? 0 : Buffer.byteLength(text.slice(0, index), 'utf8');
}

function declaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 200).toString('latin1');
  return /^\uFEFF?<\?xml[^?]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head.replace(/^\xEF\xBB\xBF/, ''))?.[1];
}

/**
 * A declaration that lies: a single-byte encoding declared for bytes that are UTF-8 (which
 * would silently turn "ă" into "Ä"), or UTF-16 declared for bytes without a byte-order mark.
 */
function encodingMismatch(bytes: Buffer, encoding: string): { reason: string; line: number } | undefined {
  if (encoding.startsWith('utf-16')) {
    const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return bom ? undefined : { reason: `the file declares ${encoding.toUpperCase()} but its bytes are not UTF-16; declare encoding="UTF-8"`, line: 1 };
  }
  if (encoding === 'utf-8') return undefined;
  const multibyte = /[\xC2-\xF4][\x80-\xBF]+/.exec(bytes.toString('latin1'));
  if (!multibyte) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  return {
    reason: `the file declares ${encoding} but its bytes are UTF-8 ("${Buffer.from(multibyte[0], 'latin1').toString('utf8')}"); change the declaration to encoding="UTF-8"`,
    line: lineOfOffset(bytes, multibyte.index),
  };
}

function decode(bytes: Buffer, name: string): { text: string } | { error: Message } {
  const at = { file: name };
  if (bytes.length === 0) {
    return { error: message('error', 'parse', 'file-empty', 'the file is empty; write a TEI document into it or remove it', { ...at, line: 1 }) };
  }
  const encoding = declaredEncoding(bytes) ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return {
      error: message('error', 'parse', 'encoding-unknown', `the declared encoding "${encoding}" is not known; save the file as UTF-8`, {
        ...at,
        line: 1,
      }),
    };
  }
  const mismatch = encodingMismatch(bytes, decoder.encoding);
  if (mismatch) {
    return { error: message('error', 'parse', 'encoding-mismatch', mismatch.reason, { ...at, line: mismatch.line }) };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = decoder.encoding === 'utf-8' ? firstInvalidUtf8(bytes) : 0;
    return {
      error: message(
        'error',
        'parse',
        'encoding-invalid',
        `the bytes are not valid ${decoder.encoding.toUpperCase()}; save the file as UTF-8 (and declare encoding="UTF-8")`,
        { ...at, line: lineOfOffset(bytes, offset) },
      ),
    };
  }
}

/** The document's prolog: its processing instructions (with their lines) and its DOCTYPE. */
export function readProlog(text: string): { pis: { text: string; line: number }[]; doctype?: { text: string; line: number } } {
  const pis: { text: string; line: number }[] = [];
  let doctype: { text: string; line: number } | undefined;
  const token = /\s+|<\?([\s\S]*?)\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<([^\s/>!?]+)/y;
  let match: RegExpExecArray | null;
  while ((match = token.exec(text)) !== null) {
    if (match[1] !== undefined) pis.push({ text: match[1], line: text.slice(0, match.index).split('\n').length });
    else if (match[0].startsWith('<!DOCTYPE')) {
      doctype = { text: match[0], line: text.slice(0, match.index).split('\n').length };
    } else if (match[2] !== undefined) break;
  }
  return { pis, doctype };
}

/** A pseudo-attribute of a processing instruction (href="…" in an xml-model). */
export function pseudoAttribute(pi: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(pi)
    ?.slice(1)
    .find((v) => v !== undefined);
}

function schemaRefs(pis: readonly { text: string; line: number }[], file: string): SchemaRef[] {
  const refs: SchemaRef[] = [];
  for (const pi of pis) {
    if (!pi.text.startsWith('xml-model')) continue;
    const href = pseudoAttribute(pi.text, 'href');
    const typens = pseudoAttribute(pi.text, 'schematypens');
    const isRelaxNg = typens === RELAXNG_NS || (typens === undefined && href?.endsWith('.rng'));
    if (!href || !isRelaxNg) continue;
    refs.push({ href: /^[a-z][a-z0-9+.-]*:/i.test(href) ? href : path.resolve(path.dirname(file), href), line: pi.line });
  }
  return refs;
}

/**
 * A source's text as the stylesheets get it (decoded, DOCTYPE taken out) and the schemas it
 * names, without building its tree: enough to publish a document already checked.
 */
export function readSource(source: Source): { text: string; schemaRefs: SchemaRef[]; messages: Message[] } | { error: true; messages: Message[] } {
  const at = { file: source.name };
  // Read once: a source's bytes come from disk each time they are asked for.
  const bytes = source.bytes;
  if (bytes.includes(0)) {
    return {
      error: true,
      messages: [message('error', 'parse', 'not-xml', 'the file holds binary data (an image or archive?), not XML text', { ...at, line: 1 })],
    };
  }
  const decoded = decode(bytes, source.name);
  if ('error' in decoded) return { error: true, messages: [decoded.error] };
  const prolog = readProlog(decoded.text.replace(/^\uFEFF/, ''));
  const messages: Message[] = [];
  let text = decoded.text.replace(/^\uFEFF/, '');
  if (prolog.doctype) {
    const resolved = resolveDoctype(text, prolog.doctype, source.name);
    if ('error' in resolved) return { error: true, messages: [...messages, resolved.error] };
    text = resolved.text;
    for (const m of resolved.messages) messages.push(m);
  }
  return { text, schemaRefs: schemaRefs(prolog.pis, source.path), messages };
}

/**
 * Checks that a source is well-formed TEI. A DOCTYPE is taken out (src/parse/doctype.ts): external
 * entities, DTDs and XInclude are never followed.
 */
export function parse(source: Source): ParseResult {
  const read = readSource(source);
  if ('error' in read) return { doc: undefined, messages: read.messages };
  const { text, messages } = read;
  const at = { file: source.name };
  // One parse gives the verdict and the tree. Only a document that is not well-formed is read
  // again, by fast-xml-parser's validator, whose words say more than saxes's of what is wrong
  // ("Expected closing tag 'orgName' … instead of closing tag 'persName'").
  const built = buildTree(text);
  if ('error' in built) {
    const { ruleId, reason, line, column } = built.error;
    const verdict = ruleId === 'not-well-formed' ? XMLValidator.validate(text, { allowBooleanAttributes: false }) : true;
    const said =
      verdict === true ? { reason, line, column } : { reason: `not well-formed XML: ${verdict.err.msg}`, line: verdict.err.line, column: verdict.err.col };
    return { doc: undefined, messages: [...messages, message('error', 'parse', ruleId, said.reason, { ...at, line: said.line, column: said.column })] };
  }
  const root = built.root;
  if (!['TEI', 'teiCorpus'].includes(root.name) || root.ns !== TEI_NS) {
    const reason =
      root.ns !== TEI_NS && ['TEI', 'teiCorpus'].includes(root.name)
        ? `the root <${root.name}> is not in the TEI namespace; add xmlns="${TEI_NS}"`
        : `the root element is <${root.name}>, not <TEI> or <teiCorpus>: this is not a TEI document`;
    return { doc: undefined, messages: [...messages, message('error', 'parse', 'root-not-tei', reason, { ...at, line: root.line, column: root.column })] };
  }
  return { doc: { source, text, tree: root, schemaRefs: read.schemaRefs }, messages };
}
