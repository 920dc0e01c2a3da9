/**
 * How an authority entry's names read, as the stylesheets read them (xslt/common/authorities.xsl:
 * ed:names, ed:name-text, ed:reading-name, ed:sort-key): which elements give them, the standard one
 * first, a name in parts as an index lists it and as running text says it.
 */
import { TEI_NS } from '../parse/parse.js';
import type { XmlElement } from '../parse/tree.js';

/** The elements of an entry that give its names: its own name children (a work's titles), and an object's identifier's names. */
export const NAME_ELEMENTS = ['persName', 'placeName', 'orgName', 'eventName', 'title'] as const;
const IDENTIFIER_NAMES = { objectIdentifier: 'objectName' } as const;
/** The types that make a name the one pages show, as editions spell them. */
export const STANDARD_NAME_TYPES = ['standard', 'reg', 'pref', 'preferred'] as const;
/** The children whose text a page pointing to an entry may show: its names, however they are held. */
export const FACE_ELEMENTS = new Set<string>([...NAME_ELEMENTS, 'objectName', ...Object.keys(IDENTIFIER_NAMES)]);

export const childElements = (element: XmlElement): XmlElement[] => element.children.filter((c): c is XmlElement => c.kind === 'element' && c.ns === TEI_NS);

/** An element's words, as ed:words reads them: its texts but identifiers, parts side by side apart, punctuation in its place ("Marceau, Louise"). */
export function wordsOf(element: XmlElement): string {
  const collect = (e: XmlElement): string[] => e.children.flatMap((c) => (c.kind === 'text' ? [c.text] : c.name === 'idno' ? [] : collect(c)));
  return collect(element)
    .join(' ')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim()
    .replace(/ ([,.;:])/g, '$1');
}

const NAME_PARTS = new Set(['surname', 'forename', 'nameLink', 'genName', 'addName', 'roleName']);

/**
 * A name's words, as ed:name-text reads them: a person's name written in parts, a surname and
 * forenames with nothing but spaces and commas between, as an index lists it ("Schnitzler,
 * Arthur", "Hofmannsthal, Hugo von"); other names as written.
 */
export function nameText(element: XmlElement): string {
  const parts = inParts(element);
  if (!parts) return wordsOf(element);
  const surnames = parts.filter((c) => c.name === 'surname');
  return [`${surnames.map(wordsOf).join(' ')},`, ...parts.filter((c) => c.name !== 'surname').map(wordsOf)].join(' ');
}

/** A person's name written in parts, a surname and forenames with nothing but spaces and commas between: its parts. */
function inParts(element: XmlElement): XmlElement[] | undefined {
  const parts = childElements(element).filter((c) => c.name !== 'idno');
  const written =
    element.name === 'persName' &&
    parts.some((c) => c.name === 'surname') &&
    parts.some((c) => c.name === 'forename') &&
    parts.every((c) => NAME_PARTS.has(c.name)) &&
    element.children.every((c) => c.kind !== 'text' || /^[\s,]*$/.test(c.text));
  return written ? parts : undefined;
}

/** A name written in parts as running text says it ("Arthur Schnitzler", "Hugo von Hofmannsthal"): what the tagger finds in texts beside the index form. */
export function readingOrder(element: XmlElement): string | undefined {
  const parts = inParts(element);
  if (!parts) return undefined;
  const order = (c: XmlElement): number => ({ roleName: 0, forename: 1, nameLink: 2, surname: 3, genName: 4, addName: 4 })[c.name] ?? 4;
  return [...parts]
    .sort((a, b) => order(a) - order(b))
    .map(wordsOf)
    .join(' ');
}

/** Where a name stands in an index, as ed:sort-key has it (less the entry's @sortKey): without a particle it begins with ("van Gogh" under G). */
export const sortKeyOf = (name: string): string => name.replace(/^(von|van|de|di|da|du|der|den|del|della|la|le|zu|vom|zum|zur)\s+|^(d|l)[’']/, '');

const isStandard = (name: XmlElement): boolean => (STANDARD_NAME_TYPES as readonly string[]).includes(name.attrs.get('type') ?? '');

/** The name elements of an entry, in the order the stylesheets take them (the standard one first). */
export function nameElements(entry: XmlElement): XmlElement[] {
  const names = childElements(entry).flatMap((child) => {
    if ((NAME_ELEMENTS as readonly string[]).includes(child.name)) return [child];
    const inner = IDENTIFIER_NAMES[child.name as keyof typeof IDENTIFIER_NAMES];
    return inner ? childElements(child).filter((c) => c.name === inner) : [];
  });
  return [...names.filter(isStandard), ...names.filter((n) => !isStandard(n))];
}
