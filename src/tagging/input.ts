import { readFile } from 'node:fs/promises';
import { message, type Message } from '../messages.js';

/** A file to import, as bytes; one that cannot be read is reported (and the others imported). */
export async function readInput(file: string, messages: Message[]): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (err) {
    messages.push(message('error', 'import', 'file-unreadable', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { file }));
    return undefined;
  }
}
