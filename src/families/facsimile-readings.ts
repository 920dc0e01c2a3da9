/**
 * Each document's facsimile as read from its TEI (src/model/facsimile.ts), kept from one build to
 * the next in .editio/facsimiles.json: reading it means parsing the document (2 ms for a letter of
 * 20 KB, 20 s for 10,000), so a document is read again only when its source changes, or an image
 * file it looked for came or went; one that named no facsimile is not even decoded again while it
 * stays the same (decoding every source took 0.3 s of a one-document rebuild at 1,000).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashOf } from '../infra/hash.js';
import type { Message } from '../infra/messages.js';
import { STATE_DIR } from '../incremental/state.js';
import { readFacsimile, type Facsimile } from '../model/facsimile.js';
import { configuredPrefixes, prefixDefsOf } from '../model/pointers.js';
import type { ReadDoc } from '../parse/parse.js';
import { buildTree } from '../parse/tree.js';
import type { BuildContext } from './context.js';

const READINGS = `${STATE_DIR}/facsimiles.json`;

/** A document's facsimile as read, with what reading it said and which image files it looked for (and whether they were there). */
interface Reading {
  key: string;
  facsimile: Facsimile | null;
  looked: Record<string, boolean>;
  messages: Message[];
}

/** Only a document that names a facsimile is read. */
const NAMES_FACSIMILE = /<(\w+:)?(facsimile|sourceDoc)[\s>]|\sfacs\s*=/;

/** What the last build kept: each reading by source, and the keys of the sources that named no facsimile. */
interface Kept {
  readings: Record<string, Reading>;
  plain: string[];
}

async function lastReadings(outDir: string): Promise<Kept> {
  try {
    const kept = JSON.parse(await readFile(path.join(outDir, READINGS), 'utf8')) as Partial<Kept>;
    return { readings: kept.readings ?? {}, plain: kept.plain ?? [] };
  } catch {
    return { readings: {}, plain: [] };
  }
}

function readNow(ctx: BuildContext, doc: ReadDoc, key: string): Reading {
  const { config } = ctx;
  const looked: Record<string, boolean> = {};
  const messages: Message[] = [];
  const tree = buildTree(doc.text);
  if ('error' in tree) return { key, facsimile: null, looked, messages };
  const facsimile = readFacsimile(
    tree.root,
    {
      file: doc.source.path,
      name: doc.source.name,
      root: config.root,
      prefixes: prefixDefsOf({ tree: tree.root }, configuredPrefixes(config.prefixes)),
      imageService: config.imageService,
      looked: (file) => {
        looked[file] = existsSync(file);
      },
    },
    messages,
  );
  return { key, facsimile: facsimile ?? null, looked, messages };
}

/**
 * The facsimiles of `documents` (those that have one), their messages put in the build's, and every
 * image file they looked for; what the last build read is reused where it still holds (`reuse`:
 * not after a full build's reasons).
 */
export async function facsimileReadings(
  ctx: BuildContext,
  documents: Iterable<ReadDoc>,
  relative: (doc: ReadDoc) => string,
  reuse: boolean,
): Promise<{ read: Map<ReadDoc, Facsimile>; looked: Set<string> }> {
  const last = reuse ? await lastReadings(ctx.outDir) : { readings: {}, plain: [] };
  const wasPlain = new Set(last.plain);
  const settings = hashOf(JSON.stringify(ctx.config.prefixes), ctx.config.imageService ?? '', ctx.config.root);
  const readings: Record<string, Reading> = {};
  const plain: string[] = [];
  const read = new Map<ReadDoc, Facsimile>();
  const looked = new Set<string>();
  for (const doc of documents) {
    const key = hashOf(ctx.hashOfDoc(doc), settings);
    // A source that named no facsimile last time, unchanged, is not read again (its text is decoded from disk when read).
    if (wasPlain.has(key) || !NAMES_FACSIMILE.test(doc.text)) {
      plain.push(key);
      continue;
    }
    const before = last.readings[relative(doc)];
    const still = before?.key === key && Object.entries(before.looked).every(([file, there]) => existsSync(file) === there);
    const reading = still ? before : readNow(ctx, doc, key);
    readings[relative(doc)] = reading;
    for (const m of reading.messages) ctx.messages.push(m);
    for (const file of Object.keys(reading.looked)) looked.add(file);
    if (reading.facsimile) read.set(doc, reading.facsimile);
  }
  const json = `${JSON.stringify({ readings, plain: [...new Set(plain)].sort() } satisfies Kept)}\n`;
  await ctx.plan.make(READINGS, { content: hashOf(json) }, () => json);
  return { read, looked };
}
