import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, message, type Message } from '../infra/messages.js';
import { hashOf } from '../infra/hash.js';
import { OUTPUT_MARKER } from '../write/write.js';
import { isIndexFile } from '../model/records.js';
import type { Known, Role, Source, Stamp } from '../parse/source.js';

export async function stampOf(file: string): Promise<Stamp> {
  try {
    const s = await stat(file);
    return { stamp: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, changedAt: s.mtimeMs };
  } catch {
    return { stamp: 'missing', changedAt: 0 };
  }
}

/** The local files a source's xml-model instructions name (URLs left out), with their lines: read from the prolog, without parsing the document. */
export function xmlModelFiles(source: Pick<Source, 'path' | 'bytes'>): { href: string; written: string; line: number; address: boolean }[] {
  const prolog = source.bytes.subarray(0, 4096).toString('latin1');
  const files: { href: string; written: string; line: number; address: boolean }[] = [];
  for (const pi of prolog.matchAll(/<\?xml-model\b[\s\S]*?\?>/g)) {
    const written = /\bhref\s*=\s*["']([^"']+)["']/.exec(pi[0])?.[1];
    if (!written) continue;
    // An address (file:, http:, …) is never read as a file of the edition: kept as written, to be reported.
    const address = /^[a-z][a-z0-9+.-]*:/i.test(written.trim());
    files.push({
      href: address ? written : path.resolve(path.dirname(source.path), written),
      written,
      line: prolog.slice(0, pi.index).split('\n').length,
      address,
    });
  }
  return files;
}

export function knownOf(source: Source): Known {
  if (source.known) return source.known;
  const bytes = source.bytes;
  return (source.known = {
    hash: hashOf(bytes),
    size: bytes.length,
    schemaHrefs: xmlModelFiles({ path: source.path, bytes }).flatMap((f) => (f.address ? [] : [f.href])),
    index: isIndexFile(bytes),
  });
}

/** A file found among the documents that is an index file holds authorities. */
function roleOfFound(source: Source): Role {
  if (source.role !== 'document') return source.role;
  const known = knownOf(source);
  // What an older build knew of a file may not say; then its first bytes do.
  known.index ??= isIndexFile(source.bytes);
  return known.index ? 'authorities' : 'document';
}

/**
 * A source whose bytes are read from disk whenever they are asked for, never held (a large
 * edition's would all be in memory). What is known of it (`known`) was worked out from the bytes
 * that bore `stamp`: a file edited while a build runs is published as it is then, and its changed
 * stamp has the next build read and check it again (as `serve --watch` does at once), rather than
 * stop a build of thousands of documents for one edit.
 */
function onDisk(file: string, name: string, role: Role, known: Known, stamp: Stamp): Source {
  return {
    path: file,
    name,
    role,
    known,
    stamp,
    get bytes(): Buffer {
      try {
        return readFileSync(file);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        throw new ConfigError(
          message('error', 'load', 'file-unreadable', `the file could not be read while the build ran (${code}); build again`, { file: name }),
        );
      }
    },
  };
}

export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function listXml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  // A folder editio built an edition into holds outputs, never sources.
  if (entries.some((entry) => entry.name === OUTPUT_MARKER)) return [];
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      for (const item of await listXml(full)) files.push(item);
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) {
      files.push(full);
    }
  }
  return files;
}

/** Expands files and folders into a sorted list of XML files; unreadable paths become messages. */
export async function findXmlFiles(paths: readonly string[]): Promise<{ files: string[]; messages: Message[] }> {
  const files = new Set<string>();
  const messages: Message[] = [];
  for (const given of paths) {
    const full = path.resolve(given);
    try {
      const info = await stat(full);
      if (info.isDirectory()) for (const f of await listXml(full)) files.add(f);
      else files.add(full);
    } catch {
      messages.push(message('error', 'load', 'file-unreadable', `cannot read ${given}: no such file or folder`, { file: given }));
    }
  }
  return { files: [...files].sort(), messages };
}

/** Files read at once: enough to keep the disk busy, few enough not to run out of file handles. */
const READ_AHEAD = 64;

/** Reads files; a file that cannot be read is a message, not an exception. */
export async function loadSources(
  files: readonly string[],
  roleOf: (file: string) => Role = () => 'document',
  /** What the last build knew of files unchanged since, and their stamps: those are not read now. */
  known: ReadonlyMap<string, Known & { stamp: Stamp }> = new Map(),
): Promise<{ sources: Source[]; messages: Message[] }> {
  const sources: Source[] = [];
  const messages: Message[] = [];
  const toRead = files.filter((file) => !known.has(file));
  const read = new Map<string, PromiseSettledResult<{ bytes: Buffer; stamp: Stamp }>>();
  const stampAndRead = async (file: string): Promise<{ bytes: Buffer; stamp: Stamp }> => {
    const stamp = await stampOf(file);
    return { stamp, bytes: await readFile(file) };
  };
  for (let i = 0; i < toRead.length; i += READ_AHEAD) {
    const batch = toRead.slice(i, i + READ_AHEAD);
    (await Promise.allSettled(batch.map(stampAndRead))).forEach((result, j) => {
      read.set(batch[j]!, result);
    });
  }
  for (const file of files) {
    const name = displayName(file);
    const result = read.get(file);
    let found: Source | undefined;
    if (!result) {
      const { stamp, ...content } = known.get(file)!;
      found = onDisk(file, name, roleOf(file), content, stamp);
    } else if (result.status === 'fulfilled') {
      const { bytes, stamp } = result.value;
      found = onDisk(file, name, roleOf(file), knownOf({ path: file, name, bytes, role: 'document' }), stamp);
    }
    if (found) {
      found.role = roleOfFound(found);
      sources.push(found);
      continue;
    }
    if (result?.status === 'rejected') {
      const code = (result.reason as NodeJS.ErrnoException).code ?? 'error';
      messages.push(message('error', 'load', 'file-unreadable', `cannot read the file (${code})`, { file: name }));
    }
  }
  return { sources, messages };
}
