/**
 * What Chromium draws, mended where tagged text and copied text would read it wrong, as PDF/UA
 * asks: soft hyphens that are no text, the space that a line's end swallows, and page furniture
 * (page numbers, running heads, rules) that belongs to no element and is to be an `Artifact`.
 */
import type { PDFDict, PDFDocument } from 'pdf-lib';
import { insertAt, operationsOf, rewriteContents, type Operation, type PdfLib } from './pdf-content-stream.js';

type Insert = { at: number; text: string };

/**
 * Chromium draws each soft hyphen (a break the hyphenation allows, src/print/book.ts) as a glyph
 * whose ActualText is U+00AD: the tagged text, and text copied from the page, carry it and are cut
 * there ("Viet­nam"). A hyphenation point within a line is no text: its glyph has no width, and
 * is left out; a ligature across one ("f­fi") reads its letters alone. Where a line breaks at one,
 * its hyphen stays U+00AD, which readers and text tools take for a word broken at the line's end.
 */
function withoutSoftHyphenText(text: string): string {
  if (!/00AD/i.test(text)) return text;
  return (
    text
      // A hyphenation point within a line is a glyph of no width: drawn nowhere, it is left out; its position kept.
      .replace(ZERO_WIDTH_HYPHEN, (_, move: string) => move)
      // A ligature across a hyphenation point reads its letters alone.
      .replace(ACTUAL_TEXT, (whole, hex: string) => {
        const units = hex.match(/.{4}/g) ?? [];
        const kept = units.filter((unit) => unit.toUpperCase() !== '00AD');
        if (kept.length === units.length || kept.length === 0) return whole;
        return `/ActualText <FEFF${kept.join('')}>`;
      })
  );
}
const ACTUAL_TEXT = /\/ActualText\s*<FEFF((?:[0-9A-Fa-f]{4})*)>/g;
const ZERO_WIDTH_HYPHEN = /\/Span\s*<<\s*\/ActualText\s*<FEFF00AD>\s*>>\s*BDC\s+(\S+ \S+ Td) <[0-9A-Fa-f]+> Tj\s+EMC\s+0 0 Td /g;

const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
const SHOW = new Set(['Tj', 'TJ', "'", '"']);

/**
 * Marks as `Artifact` whatever is drawn outside every tagged element: Paged.js's page numbers and
 * running heads (CSS generated content, which has no element), the page's background, rules and
 * borders. Each drawing is marked as a whole (a path from its first point to its painting, a run
 * of text, an image), so that the marks nest within text objects and graphics states as they must.
 */
function artifactMarks(operations: readonly Operation[]): Insert[] {
  const inserts: Insert[] = [];
  const mark = (from: Operation, to: Operation): void => {
    inserts.push({ at: from.start, text: '/Artifact BMC\n' }, { at: to.end, text: '\nEMC' });
  };
  let depth = 0;
  let path: Operation | undefined;
  for (const operation of operations) {
    const { operator } = operation;
    if (operator === 'BDC' || operator === 'BMC') depth++;
    else if (operator === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (PATH.has(operator)) path ??= operation;
    else if (PAINT.has(operator)) {
      if (path) mark(path, operation);
      path = undefined;
    } else if (SHOW.has(operator) || operator === 'Do' || operator === 'sh') mark(operation, operation);
  }
  return inserts;
}

/** A font's character codes and the text each stands for (its ToUnicode map), and the code of its space. */
interface FontText {
  bytesPerCode: number;
  textOf: Map<string, string>;
  space: string | undefined;
}

/** Text written as UTF-16BE in hex, as CMaps and ActualText write it. */
const utf16 = (hex: string): string => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));

/** Reads a font's ToUnicode CMap (its `bfchar` and `bfrange` sections). */
function fontText(font: PDFDict, lib: PdfLib): FontText {
  const { PDFName, PDFRawStream } = lib;
  const bytesPerCode = font.lookup(PDFName.of('Subtype')) === PDFName.of('Type0') ? 2 : 1;
  const textOf = new Map<string, string>();
  const stream = font.lookup(PDFName.of('ToUnicode'));
  if (stream instanceof PDFRawStream) {
    const cmap = Buffer.from(lib.decodePDFRawStream(stream).decode()).toString('latin1');
    for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, value] of body!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) textOf.set(code!.toUpperCase(), utf16(value!));
    }
    for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, low, high, value] of body!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
        const first = parseInt(low!, 16);
        const last = Math.min(parseInt(high!, 16), first + 0xffff);
        const values = value!.startsWith('[') ? [...value!.matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]!) : undefined;
        for (let code = first; code <= last; code++) {
          const key = code.toString(16).toUpperCase().padStart(low!.length, '0');
          if (values) textOf.set(key, utf16(values[code - first] ?? ''));
          else {
            const base = value!.slice(1, -1);
            const bumped = (parseInt(base.slice(-4), 16) + code - first).toString(16).padStart(4, '0');
            textOf.set(key, utf16(base.slice(0, -4) + bumped));
          }
        }
      }
    }
  }
  const space = [...textOf].find(([, text]) => text === ' ')?.[0];
  return { bytesPerCode, textOf, space };
}

/** Where a line may end with no space between its last word and the next line's first: a hyphen, a dash, a slash, writing without spaces. */
const JOINS_NEXT_LINE = /[\s\-\u00ad\u2010-\u2015\u2212/\u2e3a\u2e3b]$|[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]$/u;

interface Shown {
  font: string;
  /** The font's size as set (Tf), and as drawn on the page. */
  fontSize: number;
  size: number;
  y: number;
  /** The last character code shown. */
  last: string;
  /** The ActualText the run stands in, if any: what it reads as. */
  actual: string | undefined;
  /** Where text added after the run goes: after it, or after the ActualText span that holds it. */
  after: number;
  /** The depth of the outermost ActualText span that holds it (−1: none). */
  spanDepth: number;
  inText: boolean;
}

/**
 * Chromium draws no space where a line wraps between two words, so the tagged text, and a line
 * copied with the next, runs them together ("début" + "janvier": "débutjanvier"). A space is drawn
 * after a line's last character (a blank glyph of its font, or of another font on the page),
 * unless the line ends in a hyphen, a dash or a slash, or in writing that puts no spaces between words.
 */
function lineEndSpaces(operations: readonly Operation[], fonts: PDFDict, read: Map<PDFDict, FontText>, lib: PdfLib): Insert[] {
  const { PDFDict, PDFName } = lib;
  const fontOf = (name: string): FontText | undefined => {
    const font = fonts.lookup(PDFName.of(name));
    if (!(font instanceof PDFDict)) return undefined;
    if (!read.has(font)) read.set(font, fontText(font, lib));
    return read.get(font);
  };
  const shown: Shown[] = [];
  let waiting: Shown[] = [];
  const spans: (string | undefined)[] = [];
  let font = '';
  let size = 0;
  let vertical = 1;
  let y = 0;
  let inText = false;
  for (const { operator, operands, end } of operations) {
    if (operator === 'BT') inText = true;
    else if (operator === 'ET') inText = false;
    else if (operator === 'BDC') spans.push(/\/ActualText\s*<FEFF([0-9A-Fa-f]*)>/.exec(operands[1] ?? '')?.[1]);
    else if (operator === 'BMC') spans.push(undefined);
    else if (operator === 'EMC') {
      spans.pop();
      // Runs within an ActualText span are added to after the span, when it closes.
      waiting = waiting.filter((run) => run.spanDepth !== spans.length || !Object.assign(run, { after: end, spanDepth: -1, inText }));
    } else if (operator === 'Tf') [font, size] = [operands[0]!.slice(1), Number(operands[1])];
    else if (operator === 'Tm') [vertical, y] = [Number(operands[3]) || 1, Number(operands[5])];
    else if (operator === 'Td' || operator === 'TD') y += Number(operands[1]) * vertical;
    else if (SHOW.has(operator)) {
      const codes = [...(operands.at(-1) ?? '').matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => m[1]!).join('');
      const width = (fontOf(font)?.bytesPerCode ?? 2) * 2;
      if (codes.length < width) continue;
      const outermost = spans.findIndex((s) => s !== undefined);
      const actual = outermost < 0 ? undefined : spans[outermost];
      const run = {
        font,
        fontSize: size,
        size: size * Math.abs(vertical),
        y,
        last: codes.slice(-width).toUpperCase(),
        actual,
        after: end,
        spanDepth: outermost,
        inText,
      };
      shown.push(run);
      if (outermost >= 0) waiting.push(run);
    }
  }
  const inserts: Insert[] = [];
  shown.forEach((run, i) => {
    const next = shown[i + 1];
    if (!next || Math.abs(next.y - run.y) <= 0.8 * Math.max(run.size, next.size) || !run.inText || run.spanDepth >= 0) return;
    const own = fontOf(run.font);
    const reads = run.actual !== undefined ? utf16(run.actual) : own?.textOf.get(run.last);
    if (reads === undefined || reads === '' || JOINS_NEXT_LINE.test(reads)) return;
    if (own?.space) inserts.push({ at: run.after, text: ` <${own.space}> Tj` });
    else {
      // A font that has only the glyphs its text needs may have no space: another font's is drawn instead.
      const other = fonts
        .keys()
        .map((key) => key.decodeText())
        .find((name) => fontOf(name)?.space);
      if (other) inserts.push({ at: run.after, text: ` /${other} ${run.fontSize} Tf <${fontOf(other)!.space}> Tj /${run.font} ${run.fontSize} Tf` });
    }
  });
  return inserts;
}

/**
 * Mends what Chromium drew on each page, as above, in one pass over each content stream: its soft
 * hyphens, then the spaces at its lines' ends and the marks of its artifacts, added to it at once.
 */
export function mendContents(doc: PDFDocument, lib: PdfLib): void {
  const fontsRead = new Map<PDFDict, FontText>();
  rewriteContents(
    doc,
    (text, fonts) => {
      const mended = withoutSoftHyphenText(text);
      const operations = operationsOf(mended);
      if (!operations) return mended;
      // A space added at a run's end goes before the mark that closes the run's artifact: within it.
      return insertAt(mended, [...(fonts ? lineEndSpaces(operations, fonts, fontsRead, lib) : []), ...artifactMarks(operations)]);
    },
    lib,
  );
}
