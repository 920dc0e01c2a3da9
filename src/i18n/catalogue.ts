/**
 * What an edition's readers read in their language: the interface's words from a message
 * catalogue (xslt/messages/<language>.json: English, German and French are complete), and the
 * forms of its dates (month names, the order of day, month and year) and of its counts (which
 * numbers take the singular) from the language's own rules, as Intl (ICU) knows them — no table
 * of them is kept here. An edition may word any message its own way: an `editio.messages.json`
 * beside its configuration, an object of message keys and texts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { message, type Message } from '../infra/messages.js';
import { packageRoot } from '../infra/package.js';

/** A language as the stylesheets and the pages read it (xslt/common/language.xsl). */
export interface LanguagePack {
  /** The edition's language, a BCP 47 tag. */
  tag: string;
  /** The catalogue its words come from (en, de, fr). */
  catalogue: string;
  messages: Record<string, string>;
  /** The months' names, January first, as a date writes them, and short (a timeline's ticks). */
  months: string[];
  shortMonths: string[];
  /** How a day's date and a month's are written: {d}, {m} and {y} in the language's order, with its punctuation ("{d}. {m} {y}"). */
  day: string;
  month: string;
  /** The counts that take the singular form (1; 0 and 1 in French). */
  one: number[];
  /** How numbers are grouped: the separator (",", ".", a narrow space), and from which number on (1,000; 10.000 in German, which writes 1000). */
  group: string;
  groupFrom: number;
}

export const MESSAGES_FILE = 'editio.messages.json';

/** A catalogue's messages, by key. */
export type Words = Readonly<Record<string, string>>;

/** A message with its placeholders ({name}) filled; a key the catalogue lacks, bracketed, as the stylesheets show it. */
export function fill(messages: Words, key: string, values: Readonly<Record<string, string>> = {}): string {
  return (messages[key] ?? `⟦${key}⟧`).replace(/\{([a-z][a-z0-9-]*)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

const catalogueDir = (): string => path.join(packageRoot(), 'xslt', 'messages');
const catalogues = new Map<string, Record<string, string>>();

/** A catalogue of editio's, by its name (en, de, fr); undefined if there is none. */
export function catalogue(name: string): Record<string, string> | undefined {
  if (!catalogues.has(name)) {
    const file = path.join(catalogueDir(), `${name}.json`);
    if (!/^[a-z]{2,3}$/.test(name) || !existsSync(file)) return undefined;
    catalogues.set(name, JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>);
  }
  return catalogues.get(name);
}

/** A date's parts in the order and with the punctuation the language writes them ('en' in the day-month-year order of scholarly editions). */
function datePattern(tag: string, options: Intl.DateTimeFormatOptions): string {
  const format = new Intl.DateTimeFormat(tag === 'en' ? 'en-GB' : tag, { ...options, timeZone: 'UTC' });
  const placeholders: Record<string, string> = { day: '{d}', month: '{m}', year: '{y}' };
  return format
    .formatToParts(new Date(Date.UTC(2001, 10, 23)))
    .map((part) => placeholders[part.type] ?? part.value)
    .join('');
}

/** The language's forms of dates and counts, and the words of the catalogue closest to it (de-AT: de), the edition's own wording over them. */
export function languagePack(tag: string, own: Record<string, string> = {}): LanguagePack {
  const primary = tag.split('-')[0]!.toLowerCase();
  const name = catalogue(primary) ? primary : 'en';
  const dates = tag === 'en' ? 'en-GB' : tag;
  const monthFormat = new Intl.DateTimeFormat(dates, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const plural = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  return {
    tag,
    catalogue: name,
    messages: { ...catalogue(name)!, ...own },
    months: Array.from({ length: 12 }, (_, i) => monthFormat.formatToParts(new Date(Date.UTC(2001, i, 1))).find((p) => p.type === 'month')!.value),
    shortMonths: Array.from({ length: 12 }, (_, i) =>
      new Intl.DateTimeFormat(dates, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, i, 1))),
    ),
    day: datePattern(tag, { day: 'numeric', month: 'long', year: 'numeric' }),
    month: datePattern(tag, { month: 'long', year: 'numeric' }),
    one: Array.from({ length: 11 }, (_, n) => n).filter((n) => plural.select(n) === 'one'),
    group: numbers.formatToParts(10000).find((p) => p.type === 'group')?.value ?? '',
    groupFrom: numbers.format(1000).length > 4 ? 1000 : 10000,
  };
}

/**
 * The edition's language pack: its own messages read from `editio.messages.json` in its folder,
 * each checked against the catalogue's keys; a language without a catalogue speaks English, with a warning.
 */
export function editionLanguagePack(tag: string, root: string, messages: Message[]): LanguagePack {
  const file = path.join(root, MESSAGES_FILE);
  let own: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      const raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('it is not a JSON object of message keys and texts');
      own = Object.fromEntries(Object.entries(raw).filter(([, text]) => typeof text === 'string')) as Record<string, string>;
      const known = catalogue('en')!;
      for (const key of Object.keys(raw)) {
        if (!(key in known))
          messages.push(
            message('warning', 'config', 'message-unknown', `"${key}" is no message of editio's; the keys are those of xslt/messages/en.json`, { file }),
          );
        else if (typeof (raw as Record<string, unknown>)[key] !== 'string')
          messages.push(message('warning', 'config', 'message-not-text', `"${key}" must be a text (a JSON string); it is left as editio words it`, { file }));
      }
    } catch (err) {
      messages.push(
        message(
          'error',
          'config',
          'messages-unreadable',
          `the edition's messages could not be read (${(err as Error).message}); fix the JSON or remove the file`,
          { file },
        ),
      );
      own = {};
    }
  }
  const pack = languagePack(tag, own);
  if (pack.catalogue === 'en' && !tag.startsWith('en')) {
    messages.push(
      message(
        'warning',
        'config',
        'language-without-catalogue',
        `editio has no catalogue for the edition's language (${tag}): its pages speak English; word them in ${MESSAGES_FILE} (the keys of xslt/messages/en.json)`,
        {
          file: path.join(root, 'editio.config.json'),
        },
      ),
    );
  }
  return pack;
}
