import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, message } from './messages.js';

export const CONFIG_FILE = 'editio.config.json';

/** A chronology of more dates than this is split into years: one page of 1,000 dates is already ~500 KB. */
const CHRONOLOGY_PAGE_DATES = 1000;
/** Pages per part of the search index, about: a changed page makes only its part again. */
const SEARCH_SHARD_PAGES = 64;
/** Documents the home page lists; more go to further pages: a list of 500 with summaries is ~200 KB. */
const LIST_PAGE_DOCUMENTS = 500;
/** Documents whose mentions an entry's page lists: an entry named in every document gets pages of this many. */
const ENTRY_PAGE_DOCUMENTS = 200;

/** An edition's configuration, read from `editio.config.json` at its root. */
export interface EditionConfig {
  /** Absolute folder that holds the configuration; every path below is relative to it. */
  root: string;
  title: string;
  subtitle?: string;
  editors: string[];
  licence: { name: string; url?: string };
  /** Where the published edition lives; citations are built from it. Ends with `/`. */
  baseUrl: string;
  /** BCP 47 language of the edition's pages. */
  language: string;
  /** Folder of the TEI sources. */
  sources: string;
  /** The edition's own TEI file (header and introduction), inside `sources`. */
  introduction?: string;
  /** TEI files holding the authority lists, inside `sources`. */
  authorities: string[];
  /** Output folder of `editio build`. */
  out: string;
  /** Larger documents are validated but not published: transforming them takes minutes. */
  maxDocumentMegabytes: number;
  /** Up to this many dates the chronology is one page; above, one page per year. */
  chronologyPageDates: number;
  /** About this many pages per part of the search index (search/shard-<n>.js). */
  searchShardPages: number;
  /** An entry's page lists the mentions in at most this many documents; the rest go to further pages. */
  entryPageDocuments: number;
  /** The home page lists at most this many documents; the rest go to further pages (list/2.html, …). */
  listPageDocuments: number;
  /**
   * True for a folder of TEI without editio.config.json: every well-formed document is
   * published, schema problems are warnings, and no edition rule applies.
   */
  foreign: boolean;
}

/** A number's sensible range; `integer` for counts. Outside it a build would misbehave (a shard per thousandth of a page). */
type Range = { min: number; max: number; integer: boolean };
type Field = { type: 'string' | 'string[]' | 'licence'; required: boolean } | { type: 'number'; required: boolean; range: Range };

const COUNT: Range = { min: 1, max: 1_000_000, integer: true };

const FIELDS: Record<string, Field> = {
  title: { type: 'string', required: true },
  subtitle: { type: 'string', required: false },
  editors: { type: 'string[]', required: true },
  licence: { type: 'licence', required: true },
  baseUrl: { type: 'string', required: true },
  language: { type: 'string', required: false },
  sources: { type: 'string', required: false },
  introduction: { type: 'string', required: false },
  authorities: { type: 'string[]', required: false },
  out: { type: 'string', required: false },
  maxDocumentMegabytes: { type: 'number', required: false, range: { min: 0.01, max: 1000, integer: false } },
  chronologyPageDates: { type: 'number', required: false, range: COUNT },
  searchShardPages: { type: 'number', required: false, range: COUNT },
  entryPageDocuments: { type: 'number', required: false, range: COUNT },
  listPageDocuments: { type: 'number', required: false, range: COUNT },
};

function fail(file: string, reason: string, line?: number, column?: number): never {
  throw new ConfigError(message('error', 'config', 'config-invalid', reason, { file, line, column }));
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Where V8's JSON.parse failed. It says "at position N" for some faults; for an unexpected
 * token it quotes up to 10 characters on each side of it instead.
 */
export function jsonErrorOffset(text: string, reason: string): number | undefined {
  const position = /position (\d+)/.exec(reason);
  if (position) return Number(position[1]);
  if (/Unexpected end of JSON input/.test(reason)) return text.length;
  const quoted = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(reason);
  if (!quoted) return undefined;
  const [, token, truncated, context] = quoted;
  const start = text.indexOf(context!);
  if (start < 0) return undefined;
  return truncated ? start + 10 : start + context!.indexOf(token!);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = (err as Error).message.replace(/\s+/g, ' ');
    const offset = jsonErrorOffset(text, (err as Error).message);
    const at = offset === undefined ? undefined : lineAndColumn(text, offset);
    fail(file, `not valid JSON (${reason}); fix the syntax`, at?.line, at?.column);
  }
}

function checkField(file: string, key: string, value: unknown, field: Field): void {
  if (field.type === 'number') return checkNumber(file, key, value, field.range);
  const ok =
    field.type === 'string'
      ? typeof value === 'string' && value.trim() !== ''
      : field.type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')
        : typeof value === 'object' &&
          value !== null &&
          typeof (value as { name?: unknown }).name === 'string' &&
          ['undefined', 'string'].includes(typeof (value as { url?: unknown }).url);
  if (!ok) {
    const expected = field.type === 'string' ? 'a non-empty string' : field.type === 'string[]' ? 'a list of non-empty strings' : 'an object {"name": "...", "url": "..."}';
    fail(file, `"${key}" must be ${expected}`);
  }
}

function checkNumber(file: string, key: string, value: unknown, { min, max, integer }: Range): void {
  const inRange = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!inRange) {
    const given = typeof value === 'number' ? String(value) : JSON.stringify(value);
    fail(file, `"${key}" must be ${integer ? 'a whole number' : 'a number'} from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, not ${given}`);
  }
}

/** Checks a parsed configuration object; every fault names the key and what to write. */
export function checkConfig(raw: unknown, file: string): EditionConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(file, 'the configuration must be a JSON object');
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(key in FIELDS)) fail(file, `unknown key "${key}"; known keys: ${Object.keys(FIELDS).join(', ')}`);
  }
  for (const [key, field] of Object.entries(FIELDS)) {
    if (obj[key] === undefined) {
      if (field.required) fail(file, `"${key}" is missing; add it`);
      continue;
    }
    checkField(file, key, obj[key], field);
  }
  const baseUrl = obj.baseUrl as string;
  if (!/^https?:\/\/[^\s]+\/$/.test(baseUrl)) {
    fail(file, `"baseUrl" must be an http(s) URL ending with "/", e.g. "https://example.org/edition/"`);
  }
  const sources = (obj.sources as string | undefined) ?? 'tei';
  const insideSources = (name: string): string => path.posix.normalize(name);
  const config: EditionConfig = {
    root: path.dirname(path.resolve(file)),
    title: obj.title as string,
    editors: obj.editors as string[],
    licence: obj.licence as EditionConfig['licence'],
    baseUrl,
    language: (obj.language as string | undefined) ?? 'en',
    sources,
    authorities: ((obj.authorities as string[] | undefined) ?? []).map(insideSources),
    out: (obj.out as string | undefined) ?? 'dist/edition',
    maxDocumentMegabytes: (obj.maxDocumentMegabytes as number | undefined) ?? 10,
    chronologyPageDates: (obj.chronologyPageDates as number | undefined) ?? CHRONOLOGY_PAGE_DATES,
    searchShardPages: (obj.searchShardPages as number | undefined) ?? SEARCH_SHARD_PAGES,
    entryPageDocuments: (obj.entryPageDocuments as number | undefined) ?? ENTRY_PAGE_DOCUMENTS,
    listPageDocuments: (obj.listPageDocuments as number | undefined) ?? LIST_PAGE_DOCUMENTS,
    foreign: false,
  };
  if (obj.subtitle !== undefined) config.subtitle = obj.subtitle as string;
  if (obj.introduction !== undefined) config.introduction = insideSources(obj.introduction as string);
  return config;
}

/** The configuration of a folder of foreign TEI: its files as they are, under the folder's name. */
export function foreignConfig(dir: string): EditionConfig {
  return {
    root: path.resolve(dir),
    title: path.basename(path.resolve(dir)),
    editors: [],
    licence: { name: 'as stated in each document' },
    baseUrl: '',
    language: 'en',
    sources: '.',
    authorities: [],
    out: 'dist/edition',
    maxDocumentMegabytes: 10,
    chronologyPageDates: CHRONOLOGY_PAGE_DATES,
    searchShardPages: SEARCH_SHARD_PAGES,
    entryPageDocuments: ENTRY_PAGE_DOCUMENTS,
    listPageDocuments: LIST_PAGE_DOCUMENTS,
    foreign: true,
  };
}

/** Reads `editio.config.json` from an edition folder. */
export async function loadConfig(root: string): Promise<EditionConfig> {
  const file = path.join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError(
      message('error', 'config', 'config-missing', `no ${CONFIG_FILE} in ${root}; create one (see README, "Configuration")`, {
        file,
      }),
    );
  }
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse does not take.
  return checkConfig(parseJson(text.replace(/^\uFEFF/, ''), file), file);
}
