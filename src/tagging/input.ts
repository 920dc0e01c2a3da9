import { readFile, stat } from 'node:fs/promises';
import { message, type Message } from '../infra/messages.js';

/** The largest file imported: a Word file with its pictures, a sheet of a hundred thousand entries, fit well within it. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** A file to import, as bytes; one that cannot be read, or is too large to, is reported (and the others imported). */
export async function readInput(file: string, messages: Message[]): Promise<Buffer | undefined> {
  try {
    const { size } = await stat(file);
    if (size > MAX_INPUT_BYTES) {
      messages.push(
        message(
          'error',
          'import',
          'too-large',
          `the file is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_INPUT_BYTES / 1024 / 1024} MB editio imports: split it into several files`,
          { file },
        ),
      );
      return undefined;
    }
    return await readFile(file);
  } catch (err) {
    messages.push(message('error', 'import', 'file-unreadable', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { file }));
    return undefined;
  }
}
