import path from 'node:path';
import type { EditionConfig } from '../model/config.js';
import { message, type Message } from '../infra/messages.js';
import { findDates } from './dates.js';
import type { DateMatch } from './date-values.js';
import { escapeAttribute, escapeText } from '../infra/escape.js';
import { docxBlocks, withSupplied, type DocxBlock } from './docx.js';

export interface Imported {
  /** File name by the edition's convention: date and short title. */
  fileName: string;
  xml: string;
  messages: Message[];
}

/** What a dateline may have before its date: a place and a comma, an article ("Wien, am", "Paris, le", "Washington,"). */
const BEFORE_DATE = /^(?:[\p{L}][\p{L} .'’-]*,\s*)?(?:(?:am|den|le|the|on)\s+)?$/u;

/** The languages a date line is read in: the edition's first, then those whose dates editio reads. */
const readingLanguages = (language: string): string[] => [...new Set([language, 'en', 'de', 'fr'].filter((l) => l !== ''))];

/**
 * A date line: a date, before it at most a place and an article, after it at most a full stop
 * ("21 September 1966", "September 30, 1966", "Wien, am 14. März 1967", "Paris, le 9 décembre
 * 1888."), read in the first language it is a date in. Its date, where its words stand, and the language.
 */
function datelineDate(line: string, language: string): { date: Record<string, string>; start: number; end: number; language: string } | undefined {
  for (const reading of readingLanguages(language)) {
    const found = findDates(line, undefined, reading);
    const last = found.at(-1);
    if (found.length === 1 && last && BEFORE_DATE.test(line.slice(0, last.start)) && /^\.?$/.test(line.slice(last.end).trim())) {
      return { date: last.attributes, start: last.start, end: last.end, language: reading };
    }
  }
  return undefined;
}

/** "General Vo Nguyen Giap’s Decision On …" → "general-vo-nguyen-giaps-decision". */
export function shortTitle(title: string, words = 5): string {
  const slug = title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, words)
    .join('-');
  return slug || 'document';
}

/**
 * A plain-text document — a title line and a date line (in either order), then paragraphs
 * separated by blank lines — as a TEI document of the edition's schema. The source statement is
 * left for the editor to complete, and a warning says so. Names and dates are tagged afterwards.
 */
export function importText(text: string, file: string, config: EditionConfig, schemaHref: string): Imported | { error: Message } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: { text: string; line: number }[] = [];
  let current: { text: string[]; line: number } | undefined;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      if (current) blocks.push({ text: current.text.join(' '), line: current.line });
      current = undefined;
    } else if (blocks.length < 2 && !current) {
      // The first two lines are the title and the date: each its own block.
      blocks.push({ text: line, line: i + 1 });
    } else {
      current ??= { text: [], line: i + 1 };
      current.text.push(line);
    }
  });
  if (current) blocks.push({ text: current.text.join(' '), line: current.line });
  const [first, second, ...paragraphs] = blocks;
  const at = { file };
  if (!first || !second)
    return { error: message('error', 'import', 'import-shape', 'a document needs a title line and a date line, then its paragraphs', { ...at, line: 1 }) };
  const dateFirst = datelineDate(first.text, config.language);
  const dated = dateFirst ?? datelineDate(second.text, config.language);
  const [titleBlock, dateBlock] = dateFirst ? [second, first] : [first, second];
  if (!dated) {
    return {
      error: message(
        'error',
        'import',
        'import-date',
        `neither "${first.text}" nor "${second.text}" is a dateline; put the document's date on its own line, after its place if you like ("Wien, am 14. März 1967", "Paris, le 9 décembre 1888")`,
        { ...at, line: second.line },
      ),
    };
  }
  if (paragraphs.length === 0)
    return { error: message('error', 'import', 'import-shape', 'the document has no paragraph after its title and date', { ...at, line: dateBlock.line }) };
  const words = dateBlock.text;
  const dateElement = dateElementOf(dated.date, words.slice(dated.start, dated.end));
  return imported(config, schemaHref, file, {
    title: titleBlock.text,
    head: escapeText(titleBlock.text),
    // The dateline as written, its date marked.
    dateline: `${escapeText(words.slice(0, dated.start))}${dateElement}${escapeText(words.slice(dated.end))}`,
    date: dated.date,
    dateElement,
    language: dated.language,
    body: paragraphs.map((p) => `<p>${withSupplied(p.text)}</p>`),
  });
}

const dateElementOf = (date: Record<string, string>, words: string): string =>
  `<date${Object.entries(date)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')}>${escapeText(words)}</date>`;

interface Parts {
  /** The title as text (titleStmt, file name) and as the head's content. */
  title: string;
  head: string;
  /** The dateline's content, the date's attributes and its element (for the header's creation). */
  dateline: string;
  date: Record<string, string>;
  dateElement: string;
  /** The body's blocks, as TEI. */
  body: string[];
  /** Its language: the one its dateline was read in (the edition's where it reads there). */
  language: string;
}

/** A document of the edition from its parts: the header (the source statement left for the editor), the head, dateline and blocks. */
function imported(config: EditionConfig, schemaHref: string, file: string, parts: Parts): Imported {
  const title = escapeText(parts.title);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<?xml-model href="${schemaHref}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`,
    `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="${escapeAttribute(parts.language)}" type="document">`,
    '  <teiHeader>',
    '    <fileDesc>',
    '      <titleStmt>',
    `        <title>${title}</title>`,
    '      </titleStmt>',
    '      <publicationStmt>',
    '        <publisher><name type="placeholder">[Publisher to be named]</name></publisher>',
    '        <availability>',
    `          <licence${config.licence.url ? ` target="${escapeAttribute(config.licence.url)}"` : ''}>${escapeText(config.licence.name)}</licence>`,
    '        </availability>',
    '      </publicationStmt>',
    '      <sourceDesc>',
    `        <bibl>[Source to be completed: imported from ${escapeText(path.basename(file))}.]</bibl>`,
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <profileDesc>',
    '      <creation>',
    `        ${parts.dateElement}`,
    '      </creation>',
    '    </profileDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    '      <div type="document">',
    `        <head>${parts.head}</head>`,
    `        <dateline>${parts.dateline}</dateline>`,
    ...parts.body.map((block) => `        ${block}`),
    '      </div>',
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
  const dateValue = parts.date.when ?? parts.date.notBefore ?? parts.date.from ?? '';
  const fileName = `${dateValue ? `${dateValue}-` : ''}${shortTitle(parts.title)}.xml`;
  const bibl = xml.split('\n').findIndex((l) => l.includes('[Source to be completed')) + 1;
  return {
    fileName,
    xml,
    messages: [
      message('warning', 'import', 'source-missing', 'the source statement is a placeholder: describe where the text comes from in <sourceDesc>', {
        file: fileName,
        line: bibl,
      }),
    ],
  };
}

/** Blocks after the title and date: a heading starts a section of its own (a heading with nothing after it is a paragraph). */
function sections(blocks: readonly DocxBlock[]): string[] {
  const out: string[] = [];
  let section: { head: string; blocks: string[] } | undefined;
  const close = (): void => {
    if (section)
      out.push(
        section.blocks.length
          ? `<div type="section">${section.head}${section.blocks.join('')}</div>`
          : section.head.replace(/^<head>(.*)<\/head>$/s, '<p>$1</p>'),
      );
    section = undefined;
  };
  for (const block of blocks) {
    if (block.kind === 'head') {
      close();
      section = { head: block.xml, blocks: [] };
    } else if (section) section.blocks.push(block.xml);
    else out.push(block.xml);
  }
  close();
  return out;
}

/**
 * A Word file as a document of the edition: its first heading (else its first paragraph) is the
 * title; the first short paragraph after it that holds a date is the dateline and gives the date;
 * the rest is the text, headings starting sections. The words are all kept, in order.
 */
export async function importDocx(bytes: Uint8Array, file: string, config: EditionConfig, schemaHref: string): Promise<Imported | { error: Message }> {
  const read = await docxBlocks(bytes, file);
  if ('error' in read) return read;
  const at = { file };
  const { blocks } = read;
  const titleBlock = blocks.slice(0, 3).find((b) => b.kind === 'head') ?? blocks.find((b) => b.kind === 'p');
  if (!titleBlock) return { error: message('error', 'import', 'import-shape', 'the Word file has no text to import', at) };
  const rest = blocks.filter((b) => b !== titleBlock);
  // The first short paragraph that holds a date, in the first language it holds one in.
  const firstDate = (text: string): { found: DateMatch; language: string } | undefined =>
    readingLanguages(config.language).flatMap((language) =>
      findDates(text, undefined, language)
        .slice(0, 1)
        .map((found) => ({ found, language })),
    )[0];
  const dateBlock = rest.slice(0, 4).find((b) => b.kind === 'p' && b.text.length <= 100 && firstDate(b.text) !== undefined);
  if (!dateBlock) {
    return {
      error: message(
        'error',
        'import',
        'import-date',
        `no date in the first paragraphs after the title ("${titleBlock.text}", paragraph ${titleBlock.paragraph}): put the document's date, e.g. "21 September 1966", in a paragraph of its own below the title`,
        at,
      ),
    };
  }
  const body = rest.filter((b) => b !== dateBlock);
  if (body.length === 0)
    return {
      error: message('error', 'import', 'import-shape', `the Word file has no paragraph after its title and date (paragraph ${dateBlock.paragraph})`, at),
    };
  const { found, language } = firstDate(dateBlock.text)!;
  const result = imported(config, schemaHref, file, {
    title: titleBlock.text,
    head: titleBlock.xml.replace(/^<(head|p)>(.*)<\/\1>$/s, '$2'),
    dateline: dateBlock.xml.replace(/^<p>(.*)<\/p>$/s, '$1'),
    date: found.attributes,
    dateElement: dateElementOf(found.attributes, dateBlock.text.slice(found.start, found.end)),
    language,
    body: sections(body),
  });
  return { ...result, messages: [...read.messages, ...result.messages] };
}
