/**
 * An edition's configuration, `editio.config.json`, defined once: each key's schema (zod), from
 * which come its type, its default, what a fault says ("must be …"), and the JSON Schema that the
 * configuration names with `$schema`, so that VS Code and oXygen complete and check it as one types.
 * Faults are located in the file (line and column) from its parse tree, not from an error's wording.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import * as z from 'zod';
import { ConfigError, message, type Message } from '../infra/messages.js';
import { bcp47 } from '../i18n/language.js';
import { lineNotUtf8 } from '../infra/utf8.js';

export const CONFIG_FILE = 'editio.config.json';
/** The configuration's JSON Schema, in the schemas folder of an edition (and of editio). */
export const CONFIG_SCHEMA_FILE = 'editio.config.schema.json';

const text = z
  .string()
  .min(1)
  .refine((s) => s.trim() !== '');
const texts = z.array(text);
const count = (fallback: number, description: string): z.ZodDefault<z.ZodNumber> =>
  z.number().int().min(1).max(1_000_000).default(fallback).describe(description);
const COUNT = 'a whole number from 1 to 1,000,000';

/** Each key: its schema (with its default and its description for editors) and what a fault says it must be. */
const FIELDS = {
  title: { schema: text.describe("The edition's title."), expected: 'a non-empty string' },
  subtitle: { schema: text.optional().describe('Shown under the title.'), expected: 'a non-empty string' },
  editors: { schema: texts.describe("The editors' names."), expected: 'a list of non-empty strings' },
  licence: {
    schema: z
      .strictObject({ name: z.string(), url: z.string().optional() })
      .describe('The licence of the editorial matter and encoding: {"name": "CC BY 4.0", "url": "https://…"}.'),
    expected: 'an object {"name": "...", "url": "..."}',
  },
  baseUrl: {
    schema: z
      .string()
      .regex(/^https?:\/\/[^\s]+\/$/)
      .describe('Where the edition is published, http(s)://…/; citations are built from it.'),
    expected: 'an http(s) URL ending with "/", e.g. "https://example.org/edition/"',
  },
  contactEmail: {
    schema: z
      .string()
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/)
      .optional()
      .describe('Whom a repository harvesting the edition (OAI-PMH) writes to: an e-mail address.'),
    expected: 'an e-mail address, e.g. "editors@example.org"',
  },
  language: {
    schema: text
      .refine((tag) => bcp47(tag) !== undefined)
      .optional()
      .describe("The language of the edition's pages, a BCP 47 tag (de, fr, en-GB); without it, the language most of its documents declare."),
    expected: 'a BCP 47 language tag, e.g. "de" or "fr"',
  },
  sources: { schema: text.default('tei').describe('The folder of the TEI sources.'), expected: 'a non-empty string' },
  introduction: {
    schema: text.optional().describe("The edition's own TEI file (header and introduction), inside the sources."),
    expected: 'a non-empty string',
  },
  authorities: {
    schema: texts.default([]).describe('The TEI files holding the authority lists, inside the sources.'),
    expected: 'a list of non-empty strings',
  },
  prefixes: {
    schema: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*$/), text)
      .default({})
      .describe(
        'Prefixed pointers and what they stand for, $1 being what follows the prefix: {"pmb": "https://pmb.acdh.oeaw.ac.at/entity/$1/"}. A document\'s own prefixDef comes first.',
      ),
    expected: 'an object {"prefix": "https://…$1"}',
  },
  imageService: {
    schema: z
      .string()
      .regex(/^https?:\/\/[^\s]*\$1[^\s]*$/)
      .optional()
      .describe(
        'The IIIF Image API service of a bare image id that pb/@facs or a graphic\'s @url names ("MS-…-00045"), $1 being the id: "https://iiif.example.org/iiif/3/$1". Such images are shown, never downloaded.',
      ),
    expected: 'an http(s) URL with $1 where the image id goes, e.g. "https://iiif.example.org/iiif/3/$1"',
  },
  maxImageMegapixels: {
    schema: z
      .number()
      .min(1)
      .max(2000)
      .default(150)
      .describe("Larger page images of the edition are refused before they are read (tiling one takes a pixel's memory and time)."),
    expected: 'a number from 1 to 2,000',
  },
  maxImageMegabytes: {
    schema: z.number().min(1).max(4000).default(300).describe('Larger image files of the edition are refused before they are read.'),
    expected: 'a number from 1 to 4,000',
  },
  out: { schema: text.default('dist/edition').describe('The output folder of "editio build".'), expected: 'a non-empty string' },
  maxDocumentMegabytes: {
    schema: z.number().min(0.01).max(1000).default(10).describe('Larger documents are validated but not published: transforming them takes minutes.'),
    expected: 'a number from 0.01 to 1,000',
  },
  chronologyPageDates: {
    // One page of 1,000 dates is already ~500 KB.
    schema: count(1000, 'Up to this many dates the chronology is one page; above, chronology.html lists the years and each year has its page.'),
    expected: COUNT,
  },
  searchShardPages: {
    schema: count(4, "About this many pages per part of the search index's texts: a result loads its page's part, a changed document remakes only its part."),
    expected: COUNT,
  },
  searchTermsKilobytes: {
    schema: count(
      64,
      "About this many kilobytes per part of the search index's terms, pairs and places: a query loads a part for each of its words (for a phrase, of its pairs).",
    ),
    expected: COUNT,
  },
  // A list of 500 documents with summaries is ~200 KB.
  listPageDocuments: { schema: count(500, 'The home page lists at most this many documents; the rest go to further pages (list/2.html, …).'), expected: COUNT },
  entryPageDocuments: {
    schema: count(200, "An entry's page lists the mentions in at most this many documents; an entry named in more has further pages."),
    expected: COUNT,
  },
} as const;

type Fields = typeof FIELDS;
const CONFIG_SCHEMA = z.strictObject({
  $schema: z.string().optional().describe("This file's JSON Schema, for editors."),
  ...(Object.fromEntries(Object.entries(FIELDS).map(([key, { schema }]) => [key, schema])) as { [K in keyof Fields]: Fields[K]['schema'] }),
});

/** An edition's configuration, read from `editio.config.json` at its root. */
export type EditionConfig = Omit<z.output<typeof CONFIG_SCHEMA>, '$schema' | 'language'> & {
  /** The edition's language as a BCP 47 tag; '' until the build has found it in the documents (src/i18n/language.ts, editionLanguage). */
  language: string;
  /** Absolute folder that holds the configuration; every path in it is relative to it. */
  root: string;
  /**
   * True for a folder of TEI without editio.config.json: every well-formed document is
   * published, schema problems are warnings, and no edition rule applies.
   */
  foreign: boolean;
};

/** The configuration's JSON Schema (draft 2020-12), as the file `schemas/editio.config.schema.json` holds it. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(CONFIG_SCHEMA, { io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'editio edition configuration (editio.config.json)' }, null, 2)}\n`;
}

/** 1-based line and column of an offset. */
function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function fail(file: string, reason: string, at?: { line: number; column: number }): never {
  throw new ConfigError(message('error', 'config', 'config-invalid', reason, { file, ...at }));
}

const shown = (value: unknown): string => {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
};

/** What a schema fault says, and the node of the file it is about. */
function explain(issue: z.core.$ZodIssue, raw: Record<string, unknown>, tree: Node | undefined): { reason: string; node: Node | undefined } {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const known = Object.keys(FIELDS).join(', ');
    return {
      reason: `unknown key "${key}"; known keys: ${known}`,
      node: tree && findNodeAtLocation(tree, [...issue.path.map(String), key])?.parent?.children?.[0],
    };
  }
  const key = String(issue.path[0] ?? '');
  const field = FIELDS[key as keyof Fields];
  if (!field) return { reason: issue.message, node: undefined };
  if (raw[key] === undefined) return { reason: `"${key}" is missing; add it`, node: undefined };
  return { reason: `"${key}" must be ${field.expected}, not ${shown(raw[key])}`, node: tree && findNodeAtLocation(tree, [key]) };
}

/** Checks a parsed configuration object; every fault names the key and what to write (and where, given the file's tree). */
export function checkConfig(raw: unknown, file: string, located?: { source: string; tree: Node | undefined }): EditionConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(file, 'the configuration must be a JSON object');
  const parsed = CONFIG_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    const { reason, node } = explain(parsed.error.issues[0]!, raw as Record<string, unknown>, located?.tree);
    fail(file, reason, node && located ? lineAndColumn(located.source, node.offset) : undefined);
  }
  const { $schema: _schema, ...config } = parsed.data;
  const insideSources = (name: string): string => path.posix.normalize(name);
  return {
    ...config,
    language: bcp47(config.language) ?? '',
    authorities: config.authorities.map(insideSources),
    ...(config.introduction !== undefined ? { introduction: insideSources(config.introduction) } : {}),
    root: path.dirname(path.resolve(file)),
    foreign: false,
  };
}

/** Every key's default: the keys that have one. */
const DEFAULTS = Object.fromEntries(
  Object.entries(FIELDS).flatMap(([key, { schema }]) => {
    const fallback = schema.safeParse(undefined);
    return fallback.success && fallback.data !== undefined ? [[key, fallback.data]] : [];
  }),
) as Omit<EditionConfig, 'title' | 'subtitle' | 'editors' | 'licence' | 'baseUrl' | 'introduction' | 'root' | 'foreign' | 'language'>;

/** The configuration of a folder of foreign TEI: its files as they are, with every default; its title and editors come from its TEI (src/model/identity.ts). */
export function foreignConfig(dir: string): EditionConfig {
  const root = path.resolve(dir);
  return {
    ...DEFAULTS,
    language: '',
    title: 'Untitled edition',
    editors: [],
    licence: { name: 'as stated in each document' },
    baseUrl: '',
    sources: '.',
    root,
    foreign: true,
  };
}

/** Parses the file's JSON, each syntax fault located. */
function parseJson(source: string, file: string): { raw: unknown; tree: Node | undefined } {
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first) {
    const at = lineAndColumn(source, first.offset);
    fail(file, `not valid JSON (${printParseErrorCode(first.error)} at line ${at.line}, column ${at.column}); fix the syntax`, at);
  }
  return { raw: JSON.parse(source) as unknown, tree };
}

/** An editor's name written before there is one ("[Editors to be named]", as `editio init` writes it): in square brackets. */
const PLACEHOLDER = /^\[.*\]$/;

/**
 * The configuration without its placeholder editors, and a warning for each, located in the file:
 * the build says it once, and no page or citation prints "[Editors to be named]" to readers.
 */
export function withoutPlaceholders(config: EditionConfig): { config: EditionConfig; warnings: Message[] } {
  const placeholders = config.editors.filter((name) => PLACEHOLDER.test(name.trim()));
  if (placeholders.length === 0) return { config, warnings: [] };
  const file = path.join(config.root, CONFIG_FILE);
  const source = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const warnings = placeholders.map((name) => {
    const offset = source.indexOf(JSON.stringify(name));
    const reason = `"editors" holds the placeholder ${JSON.stringify(name)}: pages and citations name no editor until you put the editors' names there`;
    return message('warning', 'config', 'editor-placeholder', reason, { file, ...(offset >= 0 ? lineAndColumn(source, offset) : {}) });
  });
  return { config: { ...config, editors: config.editors.filter((name) => !placeholders.includes(name)) }, warnings };
}

/** UTF-16 or UTF-32, by its byte-order mark or by the zero bytes an ASCII character has in it. */
function otherEncoding(bytes: Uint8Array): string | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return bytes[2] === 0 && bytes[3] === 0 ? 'UTF-32' : 'UTF-16';
  if (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0)) return 'UTF-16 (without a byte-order mark)';
  return undefined;
}

/** Reads `editio.config.json` from an edition folder. */
export async function loadConfig(root: string): Promise<EditionConfig> {
  const file = path.join(root, CONFIG_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new ConfigError(
      message('error', 'config', 'config-missing', `no ${CONFIG_FILE} in ${root}; create one (see docs/using/configuration.md in editio)`, {
        file,
      }),
    );
  }
  const encoding = otherEncoding(bytes);
  if (encoding)
    fail(file, `the file is in ${encoding}; save it as UTF-8 (JSON files are UTF-8: in your editor, "Save with encoding" › UTF-8)`, { line: 1, column: 1 });
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(file, 'the file is not in UTF-8 (probably Windows-1252 or Latin-1); save it as UTF-8', { line: lineNotUtf8(bytes) ?? 1, column: 1 });
  }
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON does not take.
  source = source.replace(/^\uFEFF/, '');
  const { raw, tree } = parseJson(source, file);
  return checkConfig(raw, file, { source, tree });
}
