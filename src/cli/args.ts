/** The command line's words: usage, options, and what they parse to. */
import { parseArgs } from 'node:util';
import type { ReportFormat } from '../infra/report.js';

export const USAGE = `editio — scholarly digital editions from TEI P5

Usage:
  editio build [folder] [--out dir] [--pdf] [--paper a4|letter] [--epub] [--plates] [--schema s.rng]
               [--report] [--full] [--dry-run] [--verbose] [--format human|json] [--strict]
  editio validate <file|folder>… [--schema s.rng] [--format human|json] [--strict]
  editio export [folder] [--out dir]            the same as build (which always exports)
  editio serve [folder] [--out dir] [--port 8080] [--watch]
  editio init <folder>
  editio import <file.txt|file.docx>… [--out tei/] [--force]
  editio import <sheet.csv>… --authorities [--kind persons|places|…] [--force]
  editio tag <file|folder>… [--report] [--write]
  editio --help | --version

build     validates every TEI file of the edition in folder (default: .), then writes
          the HTML and plain-text editions. A folder without editio.config.json is
          foreign TEI: give --out; every well-formed file is published, schema problems
          are warnings (against --schema if given); --report lists, per file, the
          elements that had no specific rendering; --pdf also writes the print
          edition, print/edition.pdf (A4, or --paper letter), with Debian's Chromium;
          --epub the EPUB 3 edition, print/edition.epub; --plates puts each page
          image kept in the edition after its document in both
          (default output: the configuration's "out", usually dist/edition/).
          Builds are incremental: only what changed since the last build is made
          again; --verbose says why each output is made, --full rebuilds everything,
          --dry-run says what would be made and why, and writes nothing
validate  checks well-formedness and RelaxNG validity; the schema is the one each file
          names in its xml-model processing instruction, or --schema for all. In an
          edition's folder (with editio.config.json) the edition rules apply too.

export    writes the edition as data too (part of every build): tei/, corpus.xml,
          metadata/ (Dublin Core, CSV, JSON), CITATION.cff, editio-edition.zip, dts/
serve     serves the built edition (the configuration's "out", or --out) on
          127.0.0.1, with the DTS 1.0 API at /api/dts; Ctrl+C stops it. --watch
          builds first, rebuilds on every save and reloads the open pages

init      starts a new edition in an empty folder: configuration, schemas, an example
          document, authority lists and a README; "editio build" works on it at once
import    turns plain-text documents (title line, date line, paragraphs) and Word
          files (.docx: headings, paragraphs, italics/bold/underline, footnotes,
          tables, lists, line breaks) into TEI in the edition's sources, with names
          and dates tagged; an existing document is never overwritten, unless --force.
          With --authorities: spreadsheets (CSV: id, name, variants, type, lang,
          birth, death, date, coordinates, note, wikidata, viaf, geonames, …) merged
          into the authority lists; the list from the file name (persons.csv, …) or
          --kind; an id there already with another entry is reported by row and
          replaced only with --force
tag       tags dates and the authority lists' names in TEI, showing what it would add;
          --report lists each proposal and each candidate it left, with its context and
          why; --write writes the proposals. The text is never changed; a second run
          adds nothing. Names match whatever their quotes, dashes, accents or capitals;
          a surname is tagged when it is one person's, or the document named that
          person in full before

--format json  print the messages as JSON
--strict       warnings fail too (exit 1)

Exit codes: 0 no errors, 1 a document has errors, 2 usage or configuration error.`;

/** A fault in how the command was called: exit 2, with a pointer to --help. */
export class UsageError extends Error {}

export interface Parsed {
  command: string;
  positionals: string[];
  values: {
    out?: string;
    schema?: string;
    format?: string;
    strict?: boolean;
    port?: string;
    report?: boolean;
    write?: boolean;
    pdf?: boolean;
    authorities?: boolean;
    kind?: string;
    epub?: boolean;
    plates?: boolean;
    paper?: string;
    full?: boolean;
    'dry-run'?: boolean;
    verbose?: boolean;
    watch?: boolean;
    force?: boolean;
    help?: boolean;
    version?: boolean;
  };
}

export function parseCommandLine(argv: string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string' },
        schema: { type: 'string' },
        format: { type: 'string' },
        strict: { type: 'boolean' },
        port: { type: 'string' },
        report: { type: 'boolean' },
        write: { type: 'boolean' },
        pdf: { type: 'boolean' },
        authorities: { type: 'boolean' },
        kind: { type: 'string' },
        epub: { type: 'boolean' },
        plates: { type: 'boolean' },
        paper: { type: 'string' },
        full: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        verbose: { type: 'boolean' },
        watch: { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
    const [command = '', ...rest] = positionals;
    return { command, positionals: rest, values };
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function reportFormat(value: string | undefined): ReportFormat {
  if (value === undefined || value === 'human') return 'human';
  if (value === 'json') return 'json';
  throw new UsageError(`--format must be "human" or "json", not "${value}"`);
}
