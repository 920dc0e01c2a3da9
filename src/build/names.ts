import path from 'node:path';
import type { ReadDoc } from '../parse.js';

/** A document's id in URLs and file names: its source file's name without .xml. */
export const documentId = (doc: ReadDoc): string => path.basename(doc.source.path).replace(/\.xml$/i, '');
export const documentUrl = (id: string): string => `documents/${encodeURIComponent(id)}.html`;
