/**
 * What a Word file may hold before it is unpacked: a .docx is a zip, and a small one can
 * inflate to gigabytes (a 309 KB file whose document.xml held 3 million empty paragraphs ran
 * mammoth out of memory, killing the whole import). The sizes the zip declares are checked
 * first; each XML part is then inflated here with its declared size as a ceiling (a part that
 * inflates past it lies, and is refused), its elements counted, and entities refused. Only
 * then does mammoth read the file, which thus holds no more than was counted. Images are never
 * inflated: the import leaves them out.
 */
import { inflateRawSync } from 'node:zlib';
import { readEntries } from '../infra/zip.js';

export const DOCX_LIMITS = {
  /** Parts of the archive: a long report with its images has a few hundred. */
  entries: 5_000,
  /** All its XML parts inflated: a book of 1,000 pages with heavy formatting has about 20 MB. */
  xmlBytes: 64 * 1024 * 1024,
  /**
   * Elements in all its XML parts: such a book has about 200,000. mammoth holds each many times
   * over: 400,000 elements of text took it 840 MB and 5 s, 1,000,000 empty paragraphs 1.4 GB and 12 s.
   */
  elements: 500_000,
};

const XML_PART = /\.(xml|rels)$/i;
const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Elements in XML bytes: every '<' that opens a tag (not a closing tag, comment, declaration or instruction). */
function elementsIn(bytes: Uint8Array): number {
  let count = 0;
  for (let i = bytes.indexOf(0x3c); i >= 0 && i < bytes.length - 1; i = bytes.indexOf(0x3c, i + 1)) {
    const next = bytes[i + 1]!;
    if (next !== 0x2f && next !== 0x3f && next !== 0x21) count++;
  }
  return count;
}

/** A DOCTYPE, in UTF-8 or UTF-16 (Word writes neither; an entity is an attack). */
const DOCTYPES = [Buffer.from('<!DOCTYPE'), Buffer.from('<!DOCTYPE', 'utf16le'), Buffer.from('<!ENTITY'), Buffer.from('<!ENTITY', 'utf16le')];

/** Why a Word file is not unpacked (damaged, or past a limit), or undefined if it may be. */
export function docxRefusal(bytes: Uint8Array, limits = DOCX_LIMITS): { ruleId: 'docx-unreadable' | 'docx-refused'; reason: string } | undefined {
  const entries = readEntries(bytes);
  if (entries.size === 0)
    return {
      ruleId: 'docx-unreadable',
      reason: 'the Word file is damaged or incomplete (its list of parts cannot be read): open it in Word and save it again, or export it anew',
    };
  const reason = refusalOf(entries, limits);
  return reason ? { ruleId: 'docx-refused', reason } : undefined;
}

function refusalOf(entries: ReturnType<typeof readEntries>, limits: typeof DOCX_LIMITS): string | undefined {
  if (entries.size > limits.entries)
    return `the Word file has ${entries.size.toLocaleString('en')} parts, more than the ${limits.entries.toLocaleString('en')} editio unpacks: it is no ordinary document; save it again from Word`;
  let xmlBytes = 0;
  let elements = 0;
  for (const [name, entry] of entries) {
    if (!XML_PART.test(name)) continue;
    const left = limits.xmlBytes - xmlBytes;
    const tooLarge = `the Word file's text inflates to more than ${MB(limits.xmlBytes)} (at its part ${name}): editio imports documents up to that size; split it into several files`;
    if (entry.size > left) return tooLarge;
    let xml: Uint8Array;
    if (entry.method === 0) xml = entry.data;
    else if (entry.method === 8) {
      try {
        xml = inflateRawSync(entry.data, { maxOutputLength: Math.max(1, entry.size) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          return `the Word file's part ${name} inflates to more than the ${entry.size.toLocaleString('en')} bytes it declares: the file is damaged or made to exhaust memory, and is not unpacked`;
        return `the Word file is damaged (its part ${name} cannot be inflated): open it in Word and save it again`;
      }
    } else return `the Word file's part ${name} is compressed in a way Word never uses (method ${entry.method}): save the document again from Word`;
    if (xml.length > left) return tooLarge;
    xmlBytes += xml.length;
    if (DOCTYPES.some((doctype) => Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).includes(doctype))) {
      return `the Word file's part ${name} declares entities (a DOCTYPE), which Word never writes: entities are refused, as they can read files or exhaust memory; save the document again from Word`;
    }
    elements += elementsIn(xml);
    if (elements > limits.elements)
      return `the Word file holds more than ${limits.elements.toLocaleString('en')} XML elements (at its part ${name}), more than editio imports at once: split the document into several files`;
  }
  return undefined;
}
