/**
 * Files made of one part per document (the whole edition as text, as one teiCorpus): after an
 * edit, each part whose hash is unchanged is copied from the file as the last build wrote it,
 * so that one changed document does not mean reading every other one. Where each part lies in
 * the file is kept beside the build state (.editio/parts/<file>.json).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { STATE_DIR } from './state.js';
import type { Output, Pieces } from '../write/write.js';

export interface Part {
  /** What the part is (a document's id, "head"): its place in the last file is found by it. */
  key: string;
  /** A hash of everything the part's bytes are made from. */
  hash: string;
  /** The part's bytes, asked for only when they cannot be copied from the last file. */
  content: () => string | Uint8Array | Promise<string | Uint8Array>;
}

interface PartsIndex {
  size: number;
  /** key, hash, offset, length */
  parts: [string, string, number, number][];
}

export const partsIndexFile = (file: string): string => `${STATE_DIR}/parts/${file}.json`;

/** The last file and its index, if both are there and agree on the file's size. */
async function lastMade(outDir: string, file: string): Promise<{ bytes: Buffer; index: Map<string, [string, number, number]> } | undefined> {
  try {
    const index = JSON.parse(await readFile(path.join(outDir, ...partsIndexFile(file).split('/')), 'utf8')) as PartsIndex;
    const bytes = await readFile(path.join(outDir, ...file.split('/')));
    if (bytes.length !== index.size) return undefined;
    return { bytes, index: new Map(index.parts.map(([key, hash, offset, length]) => [key, [hash, offset, length]])) };
  } catch {
    return undefined;
  }
}

/** The file from its parts, and its index; `outDir` holds the last build's, if any. */
export async function joinParts(outDir: string, file: string, parts: readonly Part[]): Promise<[Pieces, Output]> {
  const last = await lastMade(outDir, file);
  const chunks: Uint8Array[] = [];
  const index: PartsIndex = { size: 0, parts: [] };
  for (const part of parts) {
    const kept = last?.index.get(part.key);
    let bytes: Uint8Array;
    if (kept && kept[0] === part.hash) bytes = last!.bytes.subarray(kept[1], kept[1] + kept[2]);
    else {
      const content = await part.content();
      bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    }
    index.parts.push([part.key, part.hash, index.size, bytes.length]);
    index.size += bytes.length;
    chunks.push(bytes);
  }
  return [
    { path: file, content: chunks },
    { path: partsIndexFile(file), content: `${JSON.stringify(index)}\n` },
  ];
}
