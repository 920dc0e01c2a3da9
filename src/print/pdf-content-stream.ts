/**
 * A page's content streams (ISO 32000-1, 7.8.2) read as operations, so that what Chromium drew
 * can be marked and mended after it is drawn: each operation with its operands as written and
 * where it stands in the stream's text, which is kept byte for byte where nothing is changed.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { PDFDict, PDFDocument } from 'pdf-lib';

export type PdfLib = typeof import('pdf-lib');

export interface Operation {
  operator: string;
  /** Each operand as written: a number, a name, a string, or a whole array or dictionary. */
  operands: string[];
  /** Where the operation (its first operand) begins in the stream's text, and where its operator ends. */
  start: number;
  end: number;
}

const WHITE = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const DELIMITER = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Where a literal string that opens at `at` ends (after its closing parenthesis). */
function endOfLiteral(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Where the array or dictionary that opens at `at` ends, strings within it skipped whole. */
function endOfCompound(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '(') i = endOfLiteral(text, i) - 1;
    else if (c === '[' || (c === '<' && text[i + 1] === '<')) {
      depth++;
      if (c === '<') i++;
    } else if (c === ']' || (c === '>' && text[i + 1] === '>')) {
      if (c === '>') i++;
      if (--depth === 0) return i + 1;
    } else if (c === '<') i = text.indexOf('>', i);
    if (i < 0) break;
  }
  return text.length;
}

/**
 * The operations of a content stream, or undefined for one this reader leaves alone: an inline
 * image (whose bytes are not tokens), or text it cannot follow.
 */
export function operationsOf(text: string): Operation[] | undefined {
  const operations: Operation[] = [];
  let operands: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    if (c === '%') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    let end: number;
    if (c === '(') end = endOfLiteral(text, i);
    else if (c === '[' || (c === '<' && text[i + 1] === '<')) end = endOfCompound(text, i);
    else if (c === '<') end = text.indexOf('>', i) + 1;
    else if (c === ')' || c === ']' || c === '>' || c === '{' || c === '}') return undefined;
    else {
      end = i + 1;
      while (end < text.length && !WHITE.has(text[end]!) && !DELIMITER.has(text[end]!)) end++;
    }
    if (end <= i) return undefined;
    const token = text.slice(i, end);
    if (start < 0) start = i;
    if (c === '/' || c === '(' || c === '[' || c === '<' || NUMBER.test(token) || token === 'true' || token === 'false' || token === 'null')
      operands.push(token);
    else {
      if (token === 'BI') return undefined;
      operations.push({ operator: token, operands, start, end });
      operands = [];
      start = -1;
    }
    i = end;
  }
  return operands.length === 0 ? operations : undefined;
}

/**
 * Rewrites each content stream of each page with `mend` (given its text, latin-1, and the page's
 * fonts), keeping its compression; a stream `mend` returns unchanged is left as it was.
 */
export function rewriteContents(doc: PDFDocument, mend: (text: string, fonts: PDFDict | undefined) => string, lib: PdfLib): void {
  const { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } = lib;
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    const fonts = resources?.lookup(PDFName.of('Font'));
    const contents = page.node.get(PDFName.of('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : []) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream) || !(ref instanceof PDFRef)) continue;
      const flate = stream.dict.lookup(PDFName.of('Filter')) === PDFName.of('FlateDecode');
      const text = (flate ? inflateSync(stream.contents) : Buffer.from(stream.contents)).toString('latin1');
      const written = mend(text, fonts instanceof PDFDict ? fonts : undefined);
      if (written === text) continue;
      const out = Buffer.from(written, 'latin1');
      doc.context.assign(ref, PDFRawStream.of(stream.dict, flate ? deflateSync(out) : out));
    }
  }
}

/** Inserts each text at its place in `text` (places as offsets into it, several at one place in their order). */
export function insertAt(text: string, inserts: readonly { at: number; text: string }[]): string {
  if (inserts.length === 0) return text;
  const sorted = inserts.map((insert, order) => ({ ...insert, order })).sort((a, b) => a.at - b.at || a.order - b.order);
  let out = '';
  let from = 0;
  for (const { at, text: added } of sorted) {
    out += text.slice(from, at) + added;
    from = at;
  }
  return out + text.slice(from);
}
