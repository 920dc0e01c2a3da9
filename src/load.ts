import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { message, type Message } from './messages.js';

export type Role = 'document' | 'introduction' | 'authorities';

/** A file as read from disk, before any interpretation. */
export interface Source {
  /** Absolute path. */
  path: string;
  /** Path as shown in messages (relative to the working folder when inside it). */
  name: string;
  bytes: Buffer;
  role: Role;
}

export function displayName(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

async function listXml(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      for (const item of (await listXml(full))) files.push(item);
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

/** Reads files; a file that cannot be read is a message, not an exception. */
export async function loadSources(
  files: readonly string[],
  roleOf: (file: string) => Role = () => 'document',
): Promise<{ sources: Source[]; messages: Message[] }> {
  const sources: Source[] = [];
  const messages: Message[] = [];
  for (const file of files) {
    const name = displayName(file);
    try {
      sources.push({ path: file, name, bytes: await readFile(file), role: roleOf(file) });
    } catch (err) {
      messages.push(
        message('error', 'load', 'file-unreadable', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
          file: name,
        }),
      );
    }
  }
  return { sources, messages };
}
