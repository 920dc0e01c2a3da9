import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { message, type Message } from './messages.js';
import type { Source } from './load.js';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';
const RELAXNG_NS = 'http://relaxng.org/ns/structure/1.0';

/** A well-formed XML document: decoded text and what its prolog declares. */
export interface ParsedDoc {
  source: Source;
  text: string;
  /** Local name of the root element (`TEI`, `teiCorpus`, …). */
  root: string;
  /** RelaxNG schemas named by `xml-model` processing instructions, as absolute paths or URLs. */
  schemaRefs: string[];
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

function decode(source: Source): { text: string } | { error: Message } {
  const at = { file: source.name };
  if (source.bytes.length === 0) {
    return { error: message('error', 'parse', 'file-empty', 'the file is empty; write a TEI document into it or remove it', at) };
  }
  const encoding = declaredEncoding(source.bytes) ?? 'utf-8';
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
  try {
    return { text: decoder.decode(source.bytes) };
  } catch {
    const offset = decoder.encoding === 'utf-8' ? firstInvalidUtf8(source.bytes) : 0;
    return {
      error: message(
        'error',
        'parse',
        'encoding-invalid',
        `the bytes are not valid ${decoder.encoding.toUpperCase()}; save the file as UTF-8 (and declare encoding="UTF-8")`,
        { ...at, line: lineOfOffset(source.bytes, offset) },
      ),
    };
  }
}

/** The document's prolog: processing instructions, a DOCTYPE, and the root element's name. */
function readProlog(text: string): { pis: string[]; doctype?: { text: string; line: number }; root: string } {
  const pis: string[] = [];
  let doctype: { text: string; line: number } | undefined;
  const token = /\s+|<\?([\s\S]*?)\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<([^\s/>!?]+)/y;
  let match: RegExpExecArray | null;
  while ((match = token.exec(text)) !== null) {
    if (match[1] !== undefined) pis.push(match[1]);
    else if (match[0].startsWith('<!DOCTYPE')) {
      doctype = { text: match[0], line: text.slice(0, match.index).split('\n').length };
    } else if (match[2] !== undefined) return { pis, doctype, root: match[2].replace(/^.*:/, '') };
  }
  return { pis, doctype, root: '' };
}

function pseudoAttribute(pi: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(pi)?.slice(1).find((v) => v !== undefined);
}

function schemaRefs(pis: readonly string[], file: string): string[] {
  const refs: string[] = [];
  for (const pi of pis) {
    if (!pi.startsWith('xml-model')) continue;
    const href = pseudoAttribute(pi, 'href');
    const typens = pseudoAttribute(pi, 'schematypens');
    const isRelaxNg = typens === RELAXNG_NS || (typens === undefined && href?.endsWith('.rng'));
    if (!href || !isRelaxNg) continue;
    refs.push(/^[a-z][a-z0-9+.-]*:/i.test(href) ? href : path.resolve(path.dirname(file), href));
  }
  return refs;
}

/**
 * Checks that a source is well-formed XML whose DOCTYPE (if any) declares nothing editio would
 * have to resolve: external entities, DTDs and XInclude are never followed.
 */
export function parse(source: Source): ParseResult {
  const at = { file: source.name };
  if (source.bytes.includes(0)) {
    return {
      doc: undefined,
      messages: [message('error', 'parse', 'not-xml', 'the file holds binary data (an image or archive?), not XML text', { ...at, line: 1 })],
    };
  }
  const decoded = decode(source);
  if ('error' in decoded) return { doc: undefined, messages: [decoded.error] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  const verdict = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    return {
      doc: undefined,
      messages: [message('error', 'parse', 'not-well-formed', `not well-formed XML: ${msg}`, { ...at, line, column: col })],
    };
  }
  const prolog = readProlog(text);
  if (prolog.doctype && /<!ENTITY|SYSTEM|PUBLIC/.test(prolog.doctype.text)) {
    return {
      doc: undefined,
      messages: [
        message(
          'error',
          'parse',
          'doctype-entity',
          'the DOCTYPE declares entities or an external DTD, which editio never resolves; remove it and write the characters themselves',
          { ...at, line: prolog.doctype.line },
        ),
      ],
    };
  }
  return { doc: { source, text, root: prolog.root, schemaRefs: schemaRefs(prolog.pis, source.path) }, messages: [] };
}
