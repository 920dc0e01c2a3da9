/**
 * Index records where editions keep them: lists of persons, places, organisations, objects,
 * events and works in a document's own `back`, `standOff` or header (each letter of a
 * correspondence edition carries the records it points to), separate index files whose body is
 * nothing but such lists (listperson.xml), and glossaries of names (FRUS's list of persons). A record is carried as standalone XML, so
 * that it can be kept from one build to the next and merged with the same record of other files.
 */
import { KIND_OF_ENTRY, KIND_OF_MENTION } from './entities.js';
import { TEI_NS, type ParsedDoc } from '../parse/parse.js';
import { ancestors, descendants, textContent, type XmlElement } from '../parse/tree.js';

/** A record copied out of a document: its XML with the namespaces it needs, and where it stands. */
export interface DocumentRecord {
  id: string;
  text: string;
  /** The document's absolute path, the name messages show, and the record's line and column in it. */
  path: string;
  file: string;
  line: number;
  column: number;
}

/**
 * An entry with an xml:id in a list of its kind (listPerson/person, listBibl/bibl, …; a place
 * within a place), or a name heading an item of a list (a glossary entry): what pointers name.
 */
export function isRecord(element: XmlElement): boolean {
  const kind = element.ns === TEI_NS ? KIND_OF_ENTRY.get(element.name) : undefined;
  const parent = element.parent?.name;
  return (kind !== undefined && element.attrs.has('xml:id') && (parent === kind.list || parent === kind.entry)) || isGlossaryEntry(element);
}

const GLOSSARY_NAMES = new Set(['persName', 'placeName', 'orgName']);

/**
 * A name with an xml:id heading an item of a list, as FRUS lists the persons of a volume:
 * `<item><hi><persName xml:id="p_AD1">Acheson, Dean</persName></hi>, Secretary of State</item>`;
 * or a role of a play's cast list with an xml:id (`<castItem><role xml:id="hamlet">`), which
 * the speeches name (`sp/@who`) where the play keeps no list of persons.
 */
export function isGlossaryEntry(element: XmlElement): boolean {
  if (element.ns !== TEI_NS || !element.attrs.has('xml:id')) return false;
  if (isCastEntry(element)) return true;
  if (!GLOSSARY_NAMES.has(element.name)) return false;
  const parent = element.parent;
  return parent?.name === 'item' || (parent?.name === 'hi' && parent.parent?.name === 'item');
}

/** A role, or a cast item of one role, with an xml:id, in a cast list. */
const isCastEntry = (element: XmlElement): boolean =>
  (element.name === 'role' ||
    (element.name === 'castItem' && !element.children.some((c) => c.kind === 'element' && c.name === 'role' && c.attrs.has('xml:id')))) &&
  ancestors(element).some((a) => a.ns === TEI_NS && a.name === 'castList');

const childNamed = (element: XmlElement, name: string): XmlElement | undefined =>
  element.children.find((c): c is XmlElement => c.kind === 'element' && c.ns === TEI_NS && c.name === name);

const escapeXml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** A glossary entry as the record it stands for: a person, place or organisation named so, described by the rest of its item. */
export function glossaryRecord(element: XmlElement): string {
  if (isCastEntry(element)) return castRecord(element);
  const kind = KIND_OF_MENTION.get(element.name)!;
  const item = element.parent!.name === 'item' ? element.parent! : element.parent!.parent!;
  const name = textContent(element);
  const description = textContent(item)
    .replace(name, '')
    .replace(/^[\s,;:.–—-]+/, '')
    .trim();
  const id = escapeXml(element.attrs.get('xml:id')!);
  return `<${kind.entry} xmlns="${TEI_NS}" xml:id="${id}"><${element.name}>${escapeXml(name)}</${element.name}>${description ? `<note>${escapeXml(description)}</note>` : ''}</${kind.entry}>`;
}

/** A role as the person it is: named by the role, described by its cast item's description. */
function castRecord(element: XmlElement): string {
  const item = element.name === 'castItem' ? element : element.parent?.name === 'castItem' ? element.parent : undefined;
  const role = element.name === 'role' ? element : item && childNamed(item, 'role');
  const name = textContent(role ?? element);
  const description = item && childNamed(item, 'roleDesc');
  const id = escapeXml(element.attrs.get('xml:id')!);
  return `<person xmlns="${TEI_NS}" xml:id="${id}"><persName>${escapeXml(name)}</persName>${description ? `<note>${escapeXml(textContent(description))}</note>` : ''}</person>`;
}

/** The element's XML as written, with the namespace declarations of its ancestors that it does not make itself. */
export function standalone(text: string, element: XmlElement): string {
  const own = text.slice(element.start, element.end);
  const declared = new Map<string, string>();
  for (const ancestor of ancestors(element).reverse()) {
    for (const [name, value] of ancestor.attrs) if (name === 'xmlns' || name.startsWith('xmlns:')) declared.set(name, value);
  }
  const missing = [...declared].filter(([name]) => !element.attrs.has(name));
  if (missing.length === 0) return own;
  const afterName = element.start + 1 + own.slice(1).search(/[\s/>]/);
  return text.slice(element.start, afterName) + missing.map(([name, value]) => ` ${name}="${escapeXml(value)}"`).join('') + text.slice(afterName, element.end);
}

/** Whether the element is part of the text a reader reads (the body and front of a text), not of its apparatus. */
function inReadingText(element: XmlElement): boolean {
  return ancestors(element).some((a) => a.ns === TEI_NS && (a.name === 'body' || a.name === 'front'));
}

/** The records a document carries outside its reading text (in its back, its standOff, its header), and its glossary entries. */
export function documentRecords(doc: ParsedDoc): DocumentRecord[] {
  const records: DocumentRecord[] = [];
  for (const element of descendants(doc.tree)) {
    // A glossary stands where the edition puts it (FRUS: the volume's front matter); other records outside the reading text.
    const glossary = isGlossaryEntry(element);
    if (!glossary && (!isRecord(element) || inReadingText(element))) continue;
    const text = glossary ? glossaryRecord(element) : standalone(doc.text, element);
    records.push({ id: element.attrs.get('xml:id')!, text, path: doc.source.path, file: doc.source.name, line: element.line, column: element.column });
  }
  return records;
}

/** The start tag of a list of records (<listPerson, <listBibl, …), the lists being ENTITY_KINDS'. */
const LIST_START = `<(?:${[...KIND_OF_ENTRY.values()].map((k) => k.list).join('|')})\\b`;
const MAY_HOLD_RECORDS = new RegExp(`${LIST_START}|<(?:${[...GLOSSARY_NAMES, 'role', 'castItem'].join('|')})\\b[^>]*\\bxml:id=`);
/**
 * A body that begins with a list of records, after headings, comments and the start of divisions
 * (`<div type="index_persons">`) or of a paragraph (`<p><listBibl>`, as the Schnitzler diary's
 * index of works has it) if any.
 */
const INDEX_BODY = new RegExp(`<body\\b[^>]*>(?:\\s|<!--[\\s\\S]*?-->|<head\\b[\\s\\S]*?</head>|<(?:div|p)\\b[^>]*>)*${LIST_START}`);

/** Whether a text may hold records at all: most documents do not, and are then not parsed for them. */
export function mayHoldRecords(text: string): boolean {
  return MAY_HOLD_RECORDS.test(text);
}

/**
 * Whether a file is an index file: its body begins with a list of records, at any depth of
 * divisions, after headings or comments if any (the lists that follow, of the same kind or
 * another, are read too). Read from its first part only: an index file may be many megabytes.
 */
export function isIndexFile(bytes: Buffer): boolean {
  return INDEX_BODY.test(bytes.subarray(0, 256 * 1024).toString('utf8'));
}
