import path from 'node:path';
import type { EditionConfig } from '../config.js';
import { message, type Message } from '../messages.js';
import { findDates } from './dates.js';
import { escapeAttribute, escapeText } from '../escape.js';

export interface Imported {
  /** File name by the edition's convention: date and short title. */
  fileName: string;
  xml: string;
  messages: Message[];
}


/** A date line is a date and nothing else ("21 September 1966", "September 30, 1966"). */
function wholeDate(line: string): Record<string, string> | undefined {
  const found = findDates(line);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === line.length ? found[0]!.attributes : undefined;
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

/** Paragraph text with the translator's or editor's [bracketed words] as <supplied>. */
function paragraph(text: string): string {
  return escapeText(text).replace(/\[([^\][]+)\]/g, '<supplied reason="editorial">$1</supplied>');
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
  if (!first || !second) return { error: message('error', 'import', 'import-shape', 'a document needs a title line and a date line, then its paragraphs', { ...at, line: 1 }) };
  const dateFirst = wholeDate(first.text);
  const date = dateFirst ?? wholeDate(second.text);
  const [titleBlock, dateBlock] = dateFirst ? [second, first] : [first, second];
  if (!date) {
    return { error: message('error', 'import', 'import-date', `neither "${first.text}" nor "${second.text}" is a date; put the document's date on its own line`, { ...at, line: second.line }) };
  }
  if (paragraphs.length === 0) return { error: message('error', 'import', 'import-shape', 'the document has no paragraph after its title and date', { ...at, line: dateBlock.line }) };
  const dateValue = date.when ?? date.notBefore ?? date.from ?? '';
  const dateAttrs = Object.entries(date).map(([k, v]) => ` ${k}="${v}"`).join('');
  const dateElement = `<date${dateAttrs}>${escapeText(dateBlock.text)}</date>`;
  const title = escapeText(titleBlock.text);
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<?xml-model href="${schemaHref}" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>`,
    `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="${escapeAttribute(config.language)}" type="document">`,
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
    `        ${dateElement}`,
    '      </creation>',
    '    </profileDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    '      <div type="document">',
    `        <head>${title}</head>`,
    `        <dateline>${dateElement}</dateline>`,
    ...paragraphs.map((p) => `        <p>${paragraph(p.text)}</p>`),
    '      </div>',
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
  const fileName = `${dateValue ? dateValue + '-' : ''}${shortTitle(titleBlock.text)}.xml`;
  const bibl = xml.split('\n').findIndex((l) => l.includes('[Source to be completed')) + 1;
  return {
    fileName,
    xml,
    messages: [message('warning', 'import', 'source-missing', 'the source statement is a placeholder: describe where the text comes from in <sourceDesc>', { file: fileName, line: bibl })],
  };
}
