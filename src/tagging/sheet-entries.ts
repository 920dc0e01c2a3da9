/**
 * The rows of an authority spreadsheet as entries of the TEI authority lists: an id, a standard
 * name, variants, a type, dates (a person's birth and death, an event's date), coordinates (a
 * place's), identifiers (Wikidata, VIAF, GeoNames, GND, … as the spreadsheet gives them: editio
 * never looks one up or makes one up) and a note. The columns are found by their headers, in any
 * order and with the usual spellings; every fault names its row.
 */
import { MAX_NAME_LENGTH } from '../model/authorities.js';
import { ENTITY_KINDS, type EntityKind } from '../model/entities.js';
import { escapeAttribute, escapeText, NOT_XML_CHAR } from '../infra/escape.js';
import { message, type Message } from '../infra/messages.js';
import type { Sheet } from './csv.js';

/** The columns editio reads, by the headers that name them (compared in lower case, without spaces, dots, hyphens or underscores). */
const COLUMNS: Record<string, string[]> = {
  id: ['id', 'xmlid', 'key'],
  name: ['name', 'standardname', 'standard', 'preferredname', 'label'],
  variants: ['variants', 'variant', 'variantnames', 'othernames', 'alternativenames', 'aliases'],
  type: ['type'],
  lang: ['lang', 'language', 'xmllang'],
  birth: ['birth', 'born', 'dateofbirth', 'birthdate'],
  death: ['death', 'died', 'dateofdeath', 'deathdate'],
  date: ['date', 'when'],
  coordinates: ['coordinates', 'coords', 'geo', 'latlong', 'latlon', 'latlng'],
  lat: ['lat', 'latitude'],
  long: ['long', 'lon', 'lng', 'longitude'],
  note: ['note', 'notes', 'description'],
};

/** An http(s) URL, as an identifier's column may give one: nothing else (no javascript:, no markup). */
const isWebUrl = (value: string): boolean => {
  if (/[\s<>"{}|\\^`]/.test(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

interface IdentifierKind {
  /** What a value must be, said in a fault. */
  what: string;
  /** A bare identifier, and the URL its authority publishes it at. */
  bare?: RegExp;
  url?: (id: string) => string;
  /** The authority's own URLs for it. */
  urls?: RegExp;
}

/** Identifier columns: each value checked by its kind (editio never looks one up); a bare one becomes its authority's URL. */
const IDENTIFIERS: Record<string, IdentifierKind> = {
  wikidata: {
    what: 'a Wikidata item (Q and digits, e.g. Q36014) or its URL',
    bare: /^Q\d+$/i,
    url: (v) => `http://www.wikidata.org/entity/${v.toUpperCase()}`,
    urls: /^https?:\/\/(www\.)?wikidata\.org\/(entity|wiki)\/Q\d+$/,
  },
  viaf: {
    what: 'a VIAF number (digits) or its URL',
    bare: /^\d+$/,
    url: (v) => `https://viaf.org/viaf/${v}`,
    urls: /^https?:\/\/(www\.)?viaf\.org\/viaf\/\d+\/?$/,
  },
  geonames: {
    what: 'a GeoNames number (digits) or its URL',
    bare: /^\d+$/,
    url: (v) => `https://sws.geonames.org/${v}/`,
    urls: /^https?:\/\/(sws\.|www\.)?geonames\.org\/\d+(\/[^\s]*)?$/,
  },
  // The GND's own pattern of its identifiers (GND ontology, gndIdentifier).
  gnd: {
    what: 'a GND identifier (e.g. 118607626 or 4066009-6) or its URL',
    bare: /^(1[0123]?\d{7}[0-9X]|[47]\d{6}-\d|[1-9]\d{0,7}-[0-9X]|3\d{7}[0-9X])$/,
    url: (v) => `https://d-nb.info/gnd/${v}`,
    urls: /^https?:\/\/d-nb\.info\/gnd\/(1[0123]?\d{7}[0-9X]|[47]\d{6}-\d|[1-9]\d{0,7}-[0-9X]|3\d{7}[0-9X])\/?$/,
  },
  isni: {
    what: 'an ISNI (16 digits, the last may be X) or its URL',
    bare: /^\d{4} ?\d{4} ?\d{4} ?\d{3}[\dX]$/,
    url: (v) => v,
    urls: /^https?:\/\/(www\.)?isni\.org\/isni\/\d{15}[\dX]$/,
  },
  loc: {
    what: 'a Library of Congress identifier (e.g. n79021164) or its URL',
    bare: /^[a-z]{1,3}\d{2,}$/,
    url: (v) => v,
    urls: /^https?:\/\/id\.loc\.gov\/[^\s]+$/,
  },
  uri: { what: 'an http(s) URL' },
  url: { what: 'an http(s) URL' },
};

/** An identifier as the lists keep it, or undefined if the value is none of its kind. */
function identifierOf(kind: IdentifierKind, value: string): string | undefined {
  if (kind.bare?.test(value)) return kind.url!(value);
  if (kind.urls ? kind.urls.test(value) : isWebUrl(value)) return value;
  return undefined;
}

export interface SheetEntry {
  id: string;
  kind: EntityKind;
  /** The entry as TEI, its lines indented by `indent`. */
  xml: (indent: string) => string;
  /** The row it comes from. */
  line: number;
}

const squash = (header: string): string => header.toLowerCase().replace(/[\s._:-]+/g, '');
const ISO_DATE = /^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** A date as TEI takes it: YYYY, YYYY-MM, or a day that exists (not 1966-02-30). */
const isDate = (value: string): boolean => {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.replace(/^-/, '').split('-').map(Number);
  return d === undefined || d <= new Date(Date.UTC(y!, m!, 0)).getUTCDate();
};
const NCNAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

/** The words that say which list a spreadsheet fills. */
const KIND_WORDS: [RegExp, EntityKind['entry']][] = [
  [/^(persons?|people)$/, 'person'],
  [/^places?$/, 'place'],
  [/^(organi[sz]ations?|orgs?)$/, 'org'],
  [/^objects?$/, 'object'],
  [/^events?$/, 'event'],
];

/** Which list a spreadsheet fills, from --kind or a word of its file name ("persons.csv", "places-1966.csv", "organisations.csv"). */
export function kindOf(name: string): EntityKind | undefined {
  const words = name
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .split(/[^\p{L}]+/u);
  const entry = KIND_WORDS.find(([pattern]) => words.some((w) => pattern.test(w)))?.[1];
  return ENTITY_KINDS.find((k) => k.entry === entry);
}

/** The entries of a sheet, and what is wrong with the rows that give none. */
export function sheetEntries(sheet: Sheet, kind: EntityKind, file: string): { entries: SheetEntry[]; messages: Message[] } {
  const messages: Message[] = [];
  const column = new Map<string, number>();
  sheet.header.forEach((h, i) => {
    const key =
      Object.entries(COLUMNS).find(([, names]) => names.includes(squash(h)))?.[0] ?? (Object.hasOwn(IDENTIFIERS, squash(h)) ? `idno:${squash(h)}` : undefined);
    if (key && !column.has(key)) column.set(key, i);
    else if (!key && h)
      messages.push(
        message(
          'warning',
          'import',
          'csv-column-unread',
          `the column "${h}" is not read: editio reads id, name, variants, type, lang, birth, death, date, coordinates (or lat and long), note, and identifiers (${Object.keys(IDENTIFIERS).join(', ')})`,
          { file, line: 1 },
        ),
      );
  });
  for (const required of ['id', 'name']) {
    if (!column.has(required)) {
      const reason = `the spreadsheet has no "${required}" column (its header row has: ${sheet.header.map((h) => `"${h}"`).join(', ')}): add one, headed "${required}"`;
      return { entries: [], messages: [...messages, message('error', 'import', 'csv-column-missing', reason, { file, line: 1 })] };
    }
  }
  const entries: SheetEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of sheet.rows) {
    const cell = (key: string): string => (column.has(key) ? (row.cells[column.get(key)!] ?? '') : '');
    const fault = (reason: string): void =>
      void messages.push(message('error', 'import', 'csv-row-invalid', `row ${row.line}: ${reason}; the row is not imported`, { file, line: row.line }));
    const id = cell('id');
    const name = cell('name');
    const controls = row.cells.findIndex((c) => NOT_XML_CHAR.test(c));
    const header = (i: number): string => sheet.header[i] || `column ${i + 1}`;
    const tooLong = [name, ...cell('variants').split(/\s*[;|]\s*/)].find((n) => n.length > MAX_NAME_LENGTH);
    const badIdentifier = [...column.keys()].find((k) => k.startsWith('idno:') && cell(k) && !identifierOf(IDENTIFIERS[k.slice(5)]!, cell(k)));
    if (controls >= 0) {
      const ch = row.cells[controls]!.match(NOT_XML_CHAR)![0]!;
      fault(
        `its "${header(controls)}" cell holds U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, a character XML does not allow: remove it`,
      );
    } else if (!id) fault('it has no id');
    else if (!NCNAME.test(id)) fault(`"${id}" cannot be an xml:id (letters, digits, hyphens, dots and underscores, not starting with a digit or hyphen)`);
    else if (seen.has(id)) fault(`the id "${id}" is given on row ${seen.get(id)} too`);
    else if (!name) fault(`"${id}" has no name`);
    else if (tooLong)
      fault(
        `a name of "${id}" is ${tooLong.length.toLocaleString('en')} characters long, more than a name's ${MAX_NAME_LENGTH.toLocaleString('en')}: put a description in the note column`,
      );
    else if (badIdentifier) fault(`its ${badIdentifier.slice(5)} "${cell(badIdentifier).slice(0, 80)}" is not ${IDENTIFIERS[badIdentifier.slice(5)]!.what}`);
    else {
      const dates = (['birth', 'death', 'date'] as const).filter((d) => cell(d) !== '');
      const badDate = dates.find((d) => !isDate(cell(d)));
      const geo = coordinates(cell('coordinates') || [cell('lat'), cell('long')].filter(Boolean).join(' '));
      if (badDate) fault(`its ${badDate} "${cell(badDate)}" is not a date editio can read: write it as YYYY, YYYY-MM or YYYY-MM-DD`);
      else if (geo === null)
        fault(
          `its coordinates "${cell('coordinates') || `${cell('lat')} ${cell('long')}`}" are not a latitude (−90 to 90) and a longitude (−180 to 180) in decimal degrees`,
        );
      else {
        seen.set(id, row.line);
        const variants = cell('variants')
          .split(/\s*[;|]\s*/)
          .filter((v) => v && v !== name);
        const identifiers = [...column.keys()]
          .filter((k) => k.startsWith('idno:') && cell(k))
          .map((k) => ({ type: k.slice(5), value: identifierOf(IDENTIFIERS[k.slice(5)]!, cell(k))! }));
        entries.push({
          id,
          kind,
          line: row.line,
          xml: entryXml(kind, {
            id,
            name,
            variants,
            type: cell('type'),
            lang: cell('lang'),
            dates: Object.fromEntries(dates.map((d) => [d, cell(d)])),
            geo,
            identifiers,
            note: cell('note'),
          }),
        });
      }
    }
  }
  return { entries, messages };
}

/** "21.03, 105.85" or "21.03 105.85" as TEI's geo ("lat long"); '' for none, null for nonsense. */
function coordinates(text: string): string | null {
  if (text.trim() === '') return '';
  const m = /^\s*([+-]?\d{1,2}(?:\.\d+)?)\s*[,; ]\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$/.exec(text);
  if (!m || Math.abs(Number(m[1])) > 90 || Math.abs(Number(m[2])) > 180) return null;
  return `${m[1]} ${m[2]}`;
}

interface Facts {
  id: string;
  name: string;
  variants: string[];
  type: string;
  lang: string;
  dates: Record<string, string>;
  geo: string;
  identifiers: { type: string; value: string }[];
  note: string;
}

function entryXml(kind: EntityKind, f: Facts): (indent: string) => string {
  const nameElement = kind.entry === 'object' ? 'objectName' : kind.mention;
  const type = f.type && /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(f.type) ? ` type="${escapeAttribute(f.type)}"` : '';
  const eventDate = kind.entry === 'event' && f.dates.date ? ` when="${f.dates.date}"` : '';
  const names = [
    `<${nameElement} type="standard"${f.lang ? ` xml:lang="${escapeAttribute(f.lang)}"` : ''}>${escapeText(f.name)}</${nameElement}>`,
    ...f.variants.map((v) => `<${nameElement} type="variant">${escapeText(v)}</${nameElement}>`),
  ];
  const body = [
    ...(kind.entry === 'object' ? ['<objectIdentifier>', ...names.map((n) => `  ${n}`), '</objectIdentifier>'] : names),
    ...(kind.entry === 'person' && f.dates.birth ? [`<birth when="${f.dates.birth}"/>`] : []),
    ...(kind.entry === 'person' && f.dates.death ? [`<death when="${f.dates.death}"/>`] : []),
    ...(kind.entry === 'place' && f.geo ? [`<location><geo>${f.geo}</geo></location>`] : []),
    ...f.identifiers.map((i) => `<idno type="${i.type}">${escapeText(i.value)}</idno>`),
    ...(f.note ? [`<note>${escapeText(f.note)}</note>`] : []),
  ];
  return (indent) =>
    [`${indent}<${kind.entry} xml:id="${f.id}"${type}${eventDate}>`, ...body.map((l) => `${indent}  ${l}`), `${indent}</${kind.entry}>`].join('\n');
}
