import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import { STATE_DIR } from '../incremental/state.js';
import type { Authorities } from '../model/authorities.js';
import type { Register } from '../model/entities.js';
import type { ReadDoc } from '../parse/parse.js';
import type { Output, Pieces } from '../write/write.js';
import type { Summary } from '../model/extract-types.js';
import type { Part } from '../incremental/parts.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { zipEntries, type PreviousZip, type ZipEntry } from '../infra/zip.js';
import { citationCff } from './citation-cff.js';
import { idPrefix, withPrefixedIds } from './prefixed-ids.js';
import { publishedPath } from './sources.js';
import { hashOf } from '../infra/hash.js';
import { escapeAttribute } from '../infra/escape.js';
import { buildTree, type XmlElement } from '../parse/tree.js';

/** The official tei_all, named (never fetched) so that XML editors validate the corpus file. */
const TEI_ALL = 'http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng';

const safeDecode = (uri: string): string => {
  try {
    return decodeURI(uri);
  } catch {
    return uri;
  }
};

/** The edition file's teiHeader as written, found by its parse tree. */
function teiHeaderOf(text: string): string | undefined {
  const built = buildTree(text);
  const header = 'root' in built ? built.root.children.find((c): c is XmlElement => c.kind === 'element' && c.name === 'teiHeader') : undefined;
  return header && text.slice(header.start, header.end);
}

/** A file of the edition as data (a zip entry too): its hash, and how to get its bytes if they are needed. */
export type DataFile = ZipEntry & { hash: string; content: () => Promise<Uint8Array> };

/**
 * The whole edition as one teiCorpus, in parts: the edition's header, then each member's TEI
 * element as written (the authority lists and every published document), its ids prefixed with
 * its name (src/exchange/prefixed-ids.ts).
 */
export function corpusParts(
  config: EditionConfig,
  intro: { doc: ReadDoc; hash: string } | undefined,
  members: readonly { doc: ReadDoc; hash: string }[],
): Part[] {
  const head = (): string => {
    const introHeader = intro && teiHeaderOf(intro.doc.text);
    const header =
      introHeader ??
      `<teiHeader><fileDesc><titleStmt><title>${escapeAttribute(config.title)}</title></titleStmt>` +
        `<publicationStmt><p>${escapeAttribute(config.licence.name)}</p></publicationStmt>` +
        `<sourceDesc><p>The documents of this corpus, as published by editio.</p></sourceDesc></fileDesc></teiHeader>`;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<?xml-model href="${TEI_ALL}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`,
      `<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"${config.language ? ` xml:lang="${escapeAttribute(config.language)}"` : ''}>`,
      header,
      '',
    ].join('\n');
  };
  // Each member's ids prefixed with its name, and its pointers to them and into the other members rewritten: one id once in the corpus.
  const prefixes = new Map(members.map(({ doc }) => [doc.source.path, idPrefix(publishedPath(config, doc).replace(/^tei\//, ''))]));
  const membership = hashOf(...prefixes.keys());
  const into =
    (doc: ReadDoc) =>
    (pointer: string): string | undefined => {
      const [file, id] = [pointer.slice(0, pointer.indexOf('#')), pointer.slice(pointer.indexOf('#') + 1)];
      if (/^[a-z][a-z0-9+.-]*:/i.test(file) || !id) return undefined;
      const prefix = prefixes.get(path.resolve(path.dirname(doc.source.path), safeDecode(file)));
      return prefix && `#${prefix}${id}`;
    };
  return [
    // The configuration is in the build's fingerprint: only the introduction can change the head.
    { key: 'head', hash: intro?.hash ?? 'no introduction', content: head },
    ...members.map(({ doc, hash }) => ({
      key: doc.source.path,
      hash: hashOf(hash, membership),
      content: () => `${withPrefixedIds(doc.text, prefixes.get(doc.source.path)!, into(doc))}\n`,
    })),
    { key: 'end', hash: 'end', content: () => '</teiCorpus>\n' },
  ];
}

export interface DocumentRow {
  id: string;
  title: string;
  /** As the TEI gives it (its @when, else the first of its bounds), and in EDTF with its range and doubts. */
  date: string;
  date_edtf: string;
  /** Its language (BCP 47), else the edition's. */
  language: string;
  place: string;
  persons: string[];
  places: string[];
  organisations: string[];
  url: string;
}

/** One row per published document, for spreadsheets and OpenRefine. */
export function documentRows(config: EditionConfig, summaries: readonly Summary[], entries: Authorities): DocumentRow[] {
  return summaries.map((e) => {
    const named = (kind: Register): string[] => [
      ...new Set(
        e.mentioned
          .map(([id]) => entries.get(id))
          .filter((x) => x?.kind.register === kind)
          .map((x) => x!.name),
      ),
    ];
    return {
      id: e.id,
      title: e.title,
      date: e.date?.when || e.date?.sort || '',
      date_edtf: e.date?.edtf ?? '',
      language: e.lang || config.language,
      place: (e.place && entries.get(e.place.entry)?.name) || e.place?.text || '',
      persons: named('persons'),
      places: named('places'),
      organisations: named('organisations'),
      url: `${config.baseUrl}documents/${encodeURIComponent(e.id)}.html`,
    };
  });
}

/**
 * RFC 4180: fields quoted when they hold a comma, quote or line break; lists joined by "; ".
 * A field a spreadsheet would run as a formula (beginning with = + - @, a tab or a carriage
 * return, after any spaces) gets a leading apostrophe, as OWASP advises against CSV injection.
 */
export function toCsv(rows: readonly DocumentRow[]): string {
  const columns = ['id', 'title', 'date', 'date_edtf', 'language', 'place', 'persons', 'places', 'organisations', 'url'] as const;
  const field = (v: string | string[]): string => {
    const joined = Array.isArray(v) ? v.join('; ') : v;
    const s = /^[ \u00a0]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(joined) ? `'${joined}` : joined;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[columns.join(','), ...rows.map((r) => columns.map((c) => field(r[c])).join(','))].join('\r\n')}\r\n`;
}

/** The archive's README, in the edition's language. */
function readme(config: EditionConfig, words: Words): string {
  const item = (name: string, key: string): string => `- ${name.padEnd(15)} ${fill(words, key)}`;
  return [
    config.title,
    '='.repeat(config.title.length),
    '',
    ...(config.subtitle ? [config.subtitle, ''] : []),
    ...(config.editors.length > 0 ? [fill(words, 'edition.edited-by', { editors: config.editors.join(', ') }), ''] : []),
    fill(words, 'archive.holds'),
    '',
    item('tei/', 'archive.tei'),
    item('schemas/', 'archive.schemas'),
    `  ${fill(words, 'archive.corpus')}`,
    item('metadata/', 'archive.metadata'),
    item('CITATION.cff', 'archive.citation'),
    item('LICENSE.txt', 'archive.licence'),
    '',
    ...(config.baseUrl ? [fill(words, 'archive.published', { url: config.baseUrl }), ''] : []),
  ].join('\n');
}

/** Where the hashes of the archive's entries are kept, to find next time which ones changed. */
const ZIP_HASHES = `${STATE_DIR}/parts/editio-edition.zip.json`;

/** The last archive, to take its unchanged entries from (one past 2 GB cannot be read at once: its entries are made again). */
async function previousZip(outDir: string): Promise<PreviousZip | undefined> {
  const zip = await readFile(path.join(outDir, 'editio-edition.zip')).catch(() => undefined);
  if (!zip) return undefined;
  const saved = await readFile(path.join(outDir, ...ZIP_HASHES.split('/')), 'utf8').then(
    (json) => JSON.parse(json) as { size: number; hashes: [string, string][] },
    () => undefined,
  );
  return saved?.size === zip.length ? { zip, hashes: new Map(saved.hashes) } : { zip };
}

/** The tables of the published documents: metadata/documents.csv and metadata/documents.json. */
export function tableFiles(rows: readonly DocumentRow[]): Output[] {
  return [
    { path: 'metadata/documents.csv', content: toCsv(rows) },
    { path: 'metadata/documents.json', content: `${JSON.stringify(rows, null, 2)}\n` },
  ];
}

/** How the edition is cited, and under what licence: CITATION.cff and LICENSE.txt. */
export function citationFiles(config: EditionConfig, words: Words): Output[] {
  return [
    { path: 'CITATION.cff', content: citationCff(config, words) },
    { path: 'LICENSE.txt', content: `${config.licence.name}${config.licence.url ? `\n${config.licence.url}` : ''}\n` },
  ];
}

/**
 * The zip of the edition as data: the tables, the citation and licence, the Dublin Core records,
 * the TEI sources and schemas, and a README; not corpus.xml (the same TEI as tei/, which would be
 * compressed again after every edit). What is unchanged since the last build in `outDir` is
 * copied from its archive, not compressed again.
 */
export async function zipFiles(
  config: EditionConfig,
  words: Words,
  outDir: string,
  files: readonly Output[],
  records: readonly DataFile[],
  sources: readonly DataFile[],
): Promise<(Output | Pieces)[]> {
  const encoder = new TextEncoder();
  const entry = (file: Output): ZipEntry => ({ path: file.path, content: typeof file.content === 'string' ? encoder.encode(file.content) : file.content });
  const entries: ZipEntry[] = [...files.map(entry), ...records, ...sources, entry({ path: 'README.txt', content: readme(config, words) })];
  const zip = await zipEntries(entries, await previousZip(outDir));
  const size = zip.reduce((n, piece) => n + piece.length, 0);
  const hashes = entries.flatMap((e) => (e.hash !== undefined ? [[e.path, e.hash]] : []));
  return [
    { path: 'editio-edition.zip', content: zip },
    { path: ZIP_HASHES, content: `${JSON.stringify({ size, hashes })}\n` },
  ];
}
