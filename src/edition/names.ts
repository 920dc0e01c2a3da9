import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import { knownOf } from '../load/load.js';
import { message, type Message } from '../infra/messages.js';
import type { ReadDoc } from '../parse/parse.js';

/** A document's id in URLs and file names: its source file's name without .xml. */
export const documentId = (doc: ReadDoc): string => path.basename(doc.source.path).replace(/\.xml$/i, '');
export const documentUrl = (id: string): string => `documents/${encodeURIComponent(id)}.html`;

/** The longest output named after a document is metadata/<id>.dc.xml, and a file name has at most 255 bytes. */
const MAX_ID_BYTES = 255 - '.dc.xml'.length;

/**
 * The documents that can be published under their ids: an id too long for the file names made
 * from it, or one another document has already (same name in another folder, or differing only
 * in case or Unicode normalisation, which macOS and Windows do not tell apart), is an error on
 * that document. Of two with one id, the one in fewer folders keeps it (then the first in path
 * order): a draft copy in a subfolder never takes a published document's place.
 */
export function withPublishableIds(docs: readonly ReadDoc[], messages: Message[]): ReadDoc[] {
  const taken = new Map<string, ReadDoc>();
  const depth = (doc: ReadDoc): number => doc.source.path.split(path.sep).length;
  const byDepth = [...docs].sort((a, b) => depth(a) - depth(b) || (a.source.path < b.source.path ? -1 : 1));
  const publishable = new Set(
    byDepth.filter((doc) => {
      const id = documentId(doc);
      const bytes = Buffer.byteLength(id);
      const at = { file: doc.source.name, line: 1 };
      if (bytes > MAX_ID_BYTES) {
        const reason = `the file name is too long to publish: the outputs named after it (metadata/<name>.dc.xml) would pass the 255 bytes a file name may have; shorten the name to at most ${MAX_ID_BYTES} bytes before .xml (it has ${bytes})`;
        messages.push(message('error', 'site', 'file-name-too-long', reason, at));
        return false;
      }
      const key = id.normalize('NFC').toLowerCase();
      const other = taken.get(key);
      if (other) {
        const reason = `this document would be published as documents/${id}.html, like ${other.source.name}: file names are document ids, and two documents cannot have one; rename one of the files`;
        messages.push(message('error', 'site', 'document-id-duplicate', reason, at));
        return false;
      }
      taken.set(key, doc);
      return true;
    }),
  );
  return docs.filter((doc) => publishable.has(doc));
}

/** Whether a document is larger than editio publishes (transforming 50 MB takes minutes): an error on it if so. */
export function tooLarge(doc: ReadDoc, config: EditionConfig, messages: Message[]): boolean {
  const megabytes = knownOf(doc.source).size / (1024 * 1024);
  if (megabytes <= config.maxDocumentMegabytes) return false;
  const reason = `the document is ${megabytes.toFixed(1)} MB, more than the ${config.maxDocumentMegabytes} MB editio publishes per document; split it into documents (or raise "maxDocumentMegabytes")`;
  messages.push(message('error', 'transform', 'too-large', reason, { file: doc.source.name, line: 1 }));
  return true;
}
