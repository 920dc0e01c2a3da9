/**
 * What a build is about to change in its output folder, written down before it changes it: each
 * output it writes or removes is appended to .editio/journal first. The last finished build's
 * state stays in place meanwhile, so a build that is stopped half-way (Ctrl-C, kill -9) costs
 * only what it touched: the next build takes the state as it was, less the outputs the journal
 * names, which it makes again. A finished build saves its state, then empties the journal.
 */
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

/** In the build state's folder (STATE_DIR of state.ts, which reads the journal with the state). */
export const JOURNAL_FILE = '.editio/journal';

const journalOf = (outDir: string): string => path.join(outDir, ...JOURNAL_FILE.split('/'));

/** Notes outputs (paths in the output folder) as about to change; resolves once it is written. */
export async function noteTouched(outDir: string, files: readonly string[]): Promise<void> {
  if (files.length === 0) return;
  // One JSON string a line: a file name may hold a line break.
  const lines = files.map((f) => `${JSON.stringify(f)}\n`).join('');
  try {
    await appendFile(journalOf(outDir), lines);
  } catch (err) {
    // A build's lock made the state's folder; a plan used on its own may find none.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    await mkdir(path.dirname(journalOf(outDir)), { recursive: true });
    await appendFile(journalOf(outDir), lines);
  }
}

/** After a build's state is saved: what it touched is all recorded there. */
export async function clearJournal(outDir: string): Promise<void> {
  await rm(journalOf(outDir), { force: true });
}

/** The outputs that builds stopped half-way touched since the last finished build. */
export async function touchedOutputs(outDir: string): Promise<Set<string>> {
  const text = await readFile(journalOf(outDir), 'utf8').catch(() => '');
  const touched = new Set<string>();
  for (const line of text.split('\n').filter(Boolean)) {
    try {
      touched.add(JSON.parse(line) as string);
    } catch {
      // A line cut short by the kill: its output was not written yet (the line comes first).
    }
  }
  return touched;
}
