/**
 * cmif.xml: the edition's letters and telegrams (every document with a correspDesc) in the
 * Correspondence Metadata Interchange Format (CMIF 1.1), which correspSearch harvests. As its
 * documentation asks: each correspDesc has a sent and a received correspAction; a sender or
 * addressee the document does not name is the person "Unknown", never a guess; names carry the
 * authority identifiers their entries have (never others); dates only as YYYY, YYYY-MM or
 * YYYY-MM-DD, a doubt as cert="low"; the file names the edition (a bibl with a UUID) and its
 * licence, CC BY 4.0.
 */
import type { Authorities } from '../model/authorities.js';
import { identifierUri } from '../model/identifier-uris.js';
import type { EditionConfig } from '../model/config.js';
import { escapeAttribute, escapeText } from '../infra/escape.js';
import { uuidFrom } from '../infra/hash.js';
import { fill, type Words } from '../i18n/catalogue.js';
import { isDoubtful } from '../model/header.js';
import type { CorrespAction, Summary } from '../model/extract-types.js';

/** The authority files whose identifiers CMIF and correspSearch read, by the host of their URLs. */
const PERSON_AUTHORITIES = /^https?:\/\/(viaf\.org|d-nb\.info\/gnd|id\.loc\.gov|data\.bnf\.fr|catalogue\.bnf\.fr|id\.ndl\.go\.jp|www\.wikidata\.org)\//;
const PLACE_AUTHORITIES = /^https?:\/\/(www\.|sws\.)?geonames\.org\//;

/** CMIF's date forms only (YYYY, YYYY-MM, YYYY-MM-DD): a time is cut, anything else left out. */
function cmifDay(value: string): string | undefined {
  return /^\d{4}(-\d{2}(-\d{2})?)?/.exec(value)?.[0];
}

function dateOf(date: Record<string, string>): string {
  const attributes = (['when', 'from', 'to', 'notBefore', 'notAfter'] as const).flatMap((name) => {
    const day = date[name] === undefined ? undefined : cmifDay(date[name]!);
    return day ? [`${name}="${day}"`] : [];
  });
  if (attributes.length === 0) return '';
  return `<date ${attributes.join(' ')}${isDoubtful(date.cert ?? '') ? ' cert="low"' : ''}/>`;
}

function action(type: 'sent' | 'received', actions: readonly CorrespAction[], authorities: Authorities): string {
  const ofType = actions.filter((a) => a.type === type);
  const refOf = (entry: string, pattern: RegExp): string => {
    const urls = [...new Set((authorities.get(entry)?.identifiers ?? []).flatMap((i) => identifierUri(i) ?? []).filter((v) => pattern.test(v)))];
    return urls.length > 0 ? ` ref="${escapeAttribute(urls.join(' '))}"` : '';
  };
  // A name element without words (some editions give only a key) is named by its entry, else "Unknown".
  const nameOf = ({ name, entry }: { name: string; entry: string }): string => escapeText(name || authorities.get(entry)?.name || 'Unknown');
  const persons = ofType.flatMap((a) => a.persons).map((p) => `<persName${refOf(p.entry, PERSON_AUTHORITIES)}>${nameOf(p)}</persName>`);
  const orgs = ofType.flatMap((a) => a.orgs).map((o) => `<orgName${refOf(o.entry, PERSON_AUTHORITIES)}>${nameOf(o)}</orgName>`);
  // Who is mandatory in CMIF: a document that names no one says "Unknown", as CMIF's documentation asks.
  const who = persons.length + orgs.length > 0 ? [...persons, ...orgs] : ['<persName>Unknown</persName>'];
  const places = ofType.flatMap((a) => a.places).map((p) => `<placeName${refOf(p.entry, PLACE_AUTHORITIES)}>${nameOf(p)}</placeName>`);
  const date = ofType.map((a) => dateOf(a.date)).find((d) => d !== '');
  return [
    `        <correspAction type="${type}">`,
    ...[...who, ...places, ...(date ? [date] : [])].map((line) => `          ${line}`),
    '        </correspAction>',
  ].join('\n');
}

/** The CMIF file of these documents (those with a correspDesc are its letters); undefined if there are none. */
export function cmifXml(config: EditionConfig, words: Words, documents: readonly Summary[], authorities: Authorities, published: string): string | undefined {
  const letters = documents.filter((d) => d.corresp.length > 0);
  if (letters.length === 0) return undefined;
  const source = uuidFrom('cmif', `${config.baseUrl}\u0000${config.title}`);
  const url = (id: string): string => `${config.baseUrl}documents/${encodeURIComponent(id)}.html`;
  const descriptions = letters.map((letter) =>
    [
      `      <correspDesc ref="${escapeAttribute(url(letter.id))}" source="#${source}">`,
      action('sent', letter.corresp, authorities),
      action('received', letter.corresp, authorities),
      '      </correspDesc>',
    ].join('\n'),
  );
  // CMIF asks for a contact: the editors, or while they are not named (the build warns of it), the edition's.
  const editors = (config.editors.length > 0 ? config.editors : [`The editors of ${config.title}`]).map(
    (editor) => `        <editor>${escapeText(editor)}</editor>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // Named for XML editors, never fetched by editio.
    '<?xml-model href="https://raw.githubusercontent.com/TEI-Correspondence-SIG/CMIF/master/schema/cmi-customization.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
    '  <teiHeader>',
    '    <fileDesc>',
    '      <titleStmt>',
    `        <title>${escapeText(fill(words, 'cmif.title', { edition: config.title }))}</title>`,
    ...editors,
    '      </titleStmt>',
    '      <publicationStmt>',
    `        <publisher>${escapeText(config.editors.join(', ') || config.title)}</publisher>`,
    `        <idno type="url">${escapeText(`${config.baseUrl}cmif.xml`)}</idno>`,
    `        <date when="${published}"/>`,
    '        <availability>',
    '          <licence target="https://creativecommons.org/licenses/by/4.0/">This file is licensed under the terms of the Creative Commons License CC-BY 4.0</licence>',
    '        </availability>',
    '      </publicationStmt>',
    '      <sourceDesc>',
    `        <bibl type="online" xml:id="${source}">${escapeText(config.title)}${config.baseUrl ? `, <ref target="${escapeAttribute(config.baseUrl)}">${escapeText(config.baseUrl)}</ref>` : ''}</bibl>`,
    '      </sourceDesc>',
    '    </fileDesc>',
    '    <profileDesc>',
    ...descriptions,
    '    </profileDesc>',
    '  </teiHeader>',
    '  <text>',
    '    <body>',
    '      <p/>',
    '    </body>',
    '  </text>',
    '</TEI>',
    '',
  ].join('\n');
}
