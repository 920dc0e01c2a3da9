/** What a build is asked to do. */
import type { Family } from '../families/family.js';
import type { Paper } from '../print/book.js';

export interface BuildOptions {
  /**
   * The edition's folder, holding editio.config.json (default: the working folder). A folder
   * without one is foreign TEI: every well-formed document is published; `out` is then required.
   */
  root?: string;
  /** Output folder (default: the configuration's `out`, relative to the edition's folder). */
  out?: string;
  /** A RelaxNG schema for every document instead of the one each names (e.g. tei_all). */
  schema?: string;
  /** Also write the print edition, print/edition.pdf (needs Chromium). */
  pdf?: boolean;
  /** Also write the EPUB edition, print/edition.epub. */
  epub?: boolean;
  /** In the print edition and the EPUB, each page image kept in the edition after its document. */
  plates?: boolean;
  /** Paper of the print edition (default A4). */
  paper?: Paper;
  /** Rebuild everything, whatever the build state says. */
  full?: boolean;
  /** Say what would be made and why, and write nothing (`--dry-run`): the result's `plan`. */
  dryRun?: boolean;
  /** Told, line by line, why each output is made (`--verbose`). */
  log?: (line: string) => void;
  /** The families of outputs to make (default: every family of src/families/registry.ts); a library user may add one of their own. */
  families?: readonly Family[];
  /** Told how far the documents have got, for a progress bar. */
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  stage: 'extract' | 'render';
  done: number;
  total: number;
}
