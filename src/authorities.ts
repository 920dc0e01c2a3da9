/**
 * The authority lists, read once into entries that every part of editio takes from here: the
 * edition rules, tagging, the registers, the exports and the print index. An entry's names are
 * read as the stylesheets read them (xslt/common/authorities.xsl, `ed:names`), so a table and a
 * page never name an entry differently; a test holds the two to the same elements.
 */
import { KIND_OF_ENTRY, type EntityKind } from './entities.js';
import { TEI_NS, type ParsedDoc } from './parse/parse.js';
import { hashOf } from './hash.js';
import { descendants, textContent, type XmlElement } from './parse/tree.js';

/** The elements of an entry that give its names: its own name children, and an object's identifier's names. */
export const NAME_ELEMENTS = ['persName', 'placeName', 'orgName', 'eventName'] as const;
const IDENTIFIER_NAMES = { objectIdentifier: 'objectName' } as const;
/** The children whose text a page pointing to an entry may show: its names, however they are held. */
const FACE_ELEMENTS = new Set<string>([...NAME_ELEMENTS, 'objectName', ...Object.keys(IDENTIFIER_NAMES)]);

/** A person, place, organisation, object or event with an xml:id, in an authority list. */
export interface AuthorityEntry {
  id: string;
  kind: EntityKind;
  /** Its names, normalised, each once: the standard name (`type="standard"`) first. */
  names: string[];
  /** The name pages and tables show: the standard name, else the first, else the id. */
  name: string;
  /** Its identifiers (`idno`): Wikidata, VIAF, GeoNames, … */
  identifiers: { type: string; value: string }[];
  element: XmlElement;
  /** The authority file it is in. */
  doc: ParsedDoc;
}

const childElements = (element: XmlElement): XmlElement[] => element.children.filter((c): c is XmlElement => c.kind === 'element' && c.ns === TEI_NS);

/** The name elements of an entry, in the order the stylesheets take them (the standard one first). */
function nameElements(entry: XmlElement): XmlElement[] {
  const names = childElements(entry).flatMap((child) => {
    if ((NAME_ELEMENTS as readonly string[]).includes(child.name)) return [child];
    const inner = IDENTIFIER_NAMES[child.name as keyof typeof IDENTIFIER_NAMES];
    return inner ? childElements(child).filter((c) => c.name === inner) : [];
  });
  return [...names.filter((n) => n.attrs.get('type') === 'standard'), ...names.filter((n) => n.attrs.get('type') !== 'standard')];
}

export class Authorities {
  /** By id; the first entry of an id wins (the id-duplicate rule reports the others). */
  readonly entries = new Map<string, AuthorityEntry>();
  /** Each entry's face, worked out when first asked for: every page pointing to the entry asks. */
  private readonly faces = new Map<string, string>();

  constructor(readonly docs: readonly ParsedDoc[]) {
    for (const doc of docs) {
      for (const element of descendants(doc.tree)) {
        const id = element.attrs.get('xml:id');
        const kind = element.ns === TEI_NS ? KIND_OF_ENTRY.get(element.name) : undefined;
        if (!id || !kind || this.entries.has(id)) continue;
        const names = [...new Set(nameElements(element).map(textContent).filter(Boolean))];
        const identifiers = childElements(element)
          .filter((c) => c.name === 'idno')
          .map((c) => ({ type: c.attrs.get('type') ?? '', value: textContent(c) }));
        this.entries.set(id, { id, kind, names, name: names[0] ?? id, identifiers, element, doc });
      }
    }
  }

  get(id: string): AuthorityEntry | undefined {
    return this.entries.get(id);
  }

  /** The kinds of list the files hold, in the order of ENTITY_KINDS. */
  kinds(): EntityKind[] {
    const present = new Set<string>();
    for (const doc of this.docs) for (const e of descendants(doc.tree)) if (e.ns === TEI_NS) present.add(e.name);
    return [...KIND_OF_ENTRY.values()].filter((kind) => present.has(kind.list));
  }

  /** An entry's own text in its file, as written: what its page shows. */
  text(id: string): string | undefined {
    const entry = this.entries.get(id);
    return entry && entry.doc.text.slice(entry.element.start, entry.element.end);
  }

  /**
   * What a page or record that points to an entry shows of it: its kind, its list and its names
   * (as written), not its notes; a note edit leaves it as it is.
   */
  face(id: string): string | undefined {
    if (!this.faces.has(id)) {
      const entry = this.entries.get(id);
      if (!entry) return undefined;
      const { element, doc } = entry;
      const named = childElements(element).filter((c) => FACE_ELEMENTS.has(c.name));
      this.faces.set(id, hashOf(element.name, element.parent?.name ?? '', ...named.map((c) => doc.text.slice(c.start, c.end))));
    }
    return this.faces.get(id);
  }

  /**
   * Every id in the files (a pointer may name any element) and every entry's names: what the
   * edition rules on documents read of the lists, so documents are checked again when it changes.
   */
  nameTable(): string {
    const ids = this.docs.flatMap((doc) => [...descendants(doc.tree)].flatMap((e) => (e.attrs.has('xml:id') ? [`${e.name}#${e.attrs.get('xml:id')}`] : [])));
    return hashOf(...ids, ...[...this.entries.values()].flatMap((e) => e.names));
  }
}
