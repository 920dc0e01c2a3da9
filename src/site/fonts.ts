/**
 * The edition's book face, shipped with it: Source Serif 4 (SIL Open Font License), from the
 * @fontsource package, in the weights the pages use (regular and semibold, each with its italic)
 * and every script subset it has (Latin, Latin Extended, Vietnamese, Greek, Cyrillic), so that
 * "Võ Nguyên Giáp" and a Greek papyrus are set in the same face; a browser loads only the subsets
 * a page's characters need (unicode-range). The HTML edition links the files; the print edition
 * embeds them, since its book is loaded with nothing from outside.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export const BOOK_FACE = 'Source Serif 4';
const FACE_FILES = ['400.css', '400-italic.css', '600.css', '600-italic.css'];

const packageDir = (): string => path.dirname(createRequire(import.meta.url).resolve('@fontsource/source-serif-4/package.json'));

/** A font file shipped with the edition, and the licence that must travel with it. */
export interface FontFile {
  name: string;
  content: Buffer;
}

/**
 * The @font-face rules of the book face, each file's address given by `address` (a path beside
 * the stylesheet, a data: URL), woff2 only (every browser editio supports reads it); and the
 * files they name.
 */
export async function bookFace(address: (file: FontFile) => string): Promise<{ css: string; files: FontFile[] }> {
  const dir = packageDir();
  const files: FontFile[] = [];
  const rules: string[] = [];
  for (const sheet of FACE_FILES) {
    const css = await readFile(path.join(dir, sheet), 'utf8');
    for (const [rule] of css.matchAll(/@font-face\s*\{[^}]*\}/g)) {
      const woff2 = /url\(\.\/files\/([\w.-]+\.woff2)\)/.exec(rule)?.[1];
      if (!woff2) continue;
      const file = { name: woff2, content: await readFile(path.join(dir, 'files', woff2)) };
      files.push(file);
      rules.push(rule.replace(/src:[^;]*;/, `src: url(${address(file)}) format('woff2');`));
    }
  }
  return { css: `${rules.join('\n')}\n`, files };
}

/** The face's licence (SIL OFL 1.1), shipped beside its files as the licence asks. */
export const fontLicence = async (): Promise<Buffer> => readFile(path.join(packageDir(), 'LICENSE'));
