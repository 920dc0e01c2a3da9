/**
 * The rows of an authority spreadsheet as entries of the TEI authority lists: an id, a standard
 * name, variants, a type, dates (a person's birth and death, an event's date), coordinates (a
 * place's), identifiers (Wikidata, VIAF, GeoNames, GND, … as the spreadsheet gives them: editio
 * never looks one up or makes one up) and a note. The columns are found by their headers, in any
 * order and with the usual spellings; every fault names its row.
 */
import { ENTITY_KINDS, type EntityKind } from '../entities.js';
import { escapeAttribute, escapeText } from '../escape.js';
import { message, type Message } from '../messages.js';
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

/** Identifier columns: a bare identifier becomes the URL its authority publishes it at. */
const IDENTIFIERS: Record<string, (value: string) => string> = {
  wikidata: (v) => (/^Q\d+$/i.test(v) ? `http://www.wikidata.org/entity/${v.toUpperCase()}` : v),
  viaf: (v) => (/^\d+$/.test(v) ? `https://viaf.org/viaf/${v}` : v),
  geonames: (v) => (/^\d+$/.test(v) ? `https://sws.geonames.org/${v}/` : v),
  gnd: (v) => (/^[\dX-]+$/i.test(v) ? `https://d-nb.info/gnd/${v}` : v),
  isni: (v) => v,
  loc: (v) => v,
  uri: (v) => v,
  url: (v) => v,
};

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
  const words = name.replace(/\.[^.]*$/, '').toLowerCase().split(/[^\p{L}]+/u);
  const entry = KIND_WORDS.find(([pattern]) => words.some((w) => pattern.test(w)))?.[1];
  return ENTITY_KINDS.find((k) => k.entry === entry);
}

/** The entries of a sheet, and what is wrong with the rows that give none. */
export function sheetEntries(sheet: Sheet, kind: EntityKind, file: string): { entries: SheetEntry[]; messages: Message[] } {
  const messages: Message[] = [];
  const column = new Map<string, number>();
  sheet.header.forEach((h, i) => {
    const key = Object.entries(COLUMNS).find(([, names]) => names.includes(squash(h)))?.[0] ?? (squash(h) in IDENTIFIERS ? `idno:${squash(h)}` : undefined);
    if (key && !column.has(key)) column.set(key, i);
    else if (!key && h) messages.push(message('warning', 'import', 'csv-column-unread', `the column "${h}" is not read: editio reads id, name, variants, type, lang, birth, death, date, coordinates (or lat and long), note, and identifiers (${Object.keys(IDENTIFIERS).join(', ')})`, { file, line: 1 }));
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
    const fault = (reason: string): void => void messages.push(message('error', 'import', 'csv-row-invalid', `row ${row.line}: ${reason}; the row is not imported`, { file, line: row.line }));
    const id = cell('id');
    const name = cell('name');
    if (!id) fault('it has no id');
    else if (!NCNAME.test(id)) fault(`"${id}" cannot be an xml:id (letters, digits, hyphens, dots and underscores, not starting with a digit or hyphen)`);
    else if (seen.has(id)) fault(`the id "${id}" is given on row ${seen.get(id)} too`);
    else if (!name) fault(`"${id}" has no name`);
    else {
      const dates = (['birth', 'death', 'date'] as const).filter((d) => cell(d) !== '');
      const badDate = dates.find((d) => !isDate(cell(d)));
      const geo = coordinates(cell('coordinates') || [cell('lat'), cell('long')].filter(Boolean).join(' '));
      if (badDate) fault(`its ${badDate} "${cell(badDate)}" is not a date editio can read: write it as YYYY, YYYY-MM or YYYY-MM-DD`);
      else if (geo === null) fault(`its coordinates "${cell('coordinates') || `${cell('lat')} ${cell('long')}`}" are not a latitude (−90 to 90) and a longitude (−180 to 180) in decimal degrees`);
      else {
        seen.set(id, row.line);
        const variants = cell('variants').split(/\s*[;|]\s*/).filter((v) => v && v !== name);
        const identifiers = [...column.keys()].filter((k) => k.startsWith('idno:') && cell(k)).map((k) => ({ type: k.slice(5), value: IDENTIFIERS[k.slice(5)]!(cell(k)) }));
        entries.push({ id, kind, line: row.line, xml: entryXml(kind, { id, name, variants, type: cell('type'), lang: cell('lang'), dates: Object.fromEntries(dates.map((d) => [d, cell(d)])), geo, identifiers, note: cell('note') }) });
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
  return (indent) => [`${indent}<${kind.entry} xml:id="${f.id}"${type}${eventDate}>`, ...body.map((l) => `${indent}  ${l}`), `${indent}</${kind.entry}>`].join('\n');
}
