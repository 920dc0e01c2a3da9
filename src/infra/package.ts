/** Where editio's own files are: package.json, xslt/, schemas/ and the compiled stylesheets. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, xslt/ and schemas/, wherever this module was compiled to. */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`editio: package.json not found above ${import.meta.url}`);
    dir = parent;
  }
  return dir;
}

/** How the parts of letters, plays and verse are laid out: one stylesheet the pages, the print edition and the EPUB share. */
export const GENRES_CSS = path.join(packageRoot(), 'xslt', 'common', 'genres.css');
