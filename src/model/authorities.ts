/**
 * The authority entries, read once into entries that every part of editio takes from here: the
 * edition rules, tagging, the registers, the exports and the print index. They come from the
 * edition's authority files (its curated lists), from index files, and from the records each
 * document carries (src/model/records.ts); a record repeated across files is one entry. An entry's
 * names are read as the stylesheets read them (xslt/common/authorities.xsl, `ed:names`), so a
 * table and a page never name an entry differently; a test holds the two to the same elements.
 */
import { ENTITY_KINDS, KIND_OF_ENTRY, type EntityKind } from './entities.js';
import { TEI_NS, type ParsedDoc } from '../parse/parse.js';
import { hashOf } from '../infra/hash.js';
import { message, type Message } from '../infra/messages.js';
import { glossaryRecord, isGlossaryEntry, standalone, type DocumentRecord } from './records.js';
import { comparableUri } from './pointers.js';
import { childElements, FACE_ELEMENTS, nameElements, nameText, readingOrder, sortKeyOf, wordsOf } from './entry-names.js';
import { ancestors, buildTree, descendants, type XmlElement } from '../parse/tree.js';

/**
 * A name longer than this is no name but a note or a paste gone wrong: the edition rules report
 * it on its entry (name-too-long) and do not look for it in the texts; a spreadsheet's is refused.
 */
export const MAX_NAME_LENGTH = 1000;

/** A person, place, organisation, object, event or work with an xml:id. */
export interface AuthorityEntry {
  id: string;
  kind: EntityKind;
  /** Its names, normalised, each once: the standard name (`type="standard"`, "reg", "pref") first. */
  names: string[];
  /** The name pages and tables show: the standard name, else the first, else the id. */
  name: string;
  /** Where it stands in its register (as ed:sort-key): its @sortKey, else its name without a leading particle. */
  sortKey: string;
  /** Its identifiers (`idno`): Wikidata, VIAF, GeoNames, … */
  identifiers: { type: string; value: string }[];
  element: XmlElement;
  /** The text `element`'s offsets are in: its file's, or its record's. */
  source: string;
  /** The file it is in (absolute), and where, for messages. */
  path: string;
  at: { file: string; line: number; column: number };
  /** In an authority file the edition names: its register lists it even if nothing mentions it. */
  curated: boolean;
}

export interface AuthoritiesOptions {
  /** Records copied out of documents, in document order. */
  records?: readonly DocumentRecord[];
  /** Whether a file is one of the edition's own authority files (else an index file): all of its entries are published. */
  curated?: (doc: ParsedDoc) => boolean;
}

/** Layout aside (indentation, whitespace between elements), two copies of a record say the same. */
const canonical = (record: string): string => record.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
const sameRecord = (a: string, b: string): boolean => canonical(a) === canonical(b);

export class Authorities {
  /** By id; the first entry of an id wins (authority files before documents). */
  readonly entries = new Map<string, AuthorityEntry>();
  /** Records of one id that say different things: each id reported once, at the first copy that differs. */
  readonly conflicts: Message[] = [];
  private readonly recordIds: string[] = [];
  /** The paths of the edition's own authority files. */
  private readonly curated = new Set<string>();
  private readonly texts = new Map<string, string>();
  /** Each entry's face, worked out when first asked for: every page pointing to the entry asks. */
  private readonly faces = new Map<string, string>();

  constructor(
    readonly docs: readonly ParsedDoc[],
    options: AuthoritiesOptions = {},
  ) {
    const curated = options.curated ?? (() => true);
    for (const doc of docs) {
      const inCurated = curated(doc);
      if (inCurated) this.curated.add(doc.source.path);
      for (const element of descendants(doc.tree)) {
        const id = element.attrs.get('xml:id');
        const kind = element.ns === TEI_NS ? KIND_OF_ENTRY.get(element.name) : undefined;
        if (!id || this.entries.has(id)) continue;
        const at = { file: doc.source.name, line: element.line, column: element.column };
        if (kind) this.add(id, kind, element, doc.text, doc.source.path, at, inCurated);
        else if (isGlossaryEntry(element)) this.addRecord(id, glossaryRecord(element), doc.source.path, at, inCurated);
      }
    }
    const reported = new Set<string>();
    for (const record of options.records ?? []) {
      this.recordIds.push(record.id);
      const known = this.entries.get(record.id);
      if (known) {
        if (!reported.has(record.id) && !sameRecord(this.text(record.id)!, record.text)) {
          reported.add(record.id);
          const first = `${known.at.file}:${known.at.line}`;
          this.conflicts.push(
            message(
              'warning',
              'validate',
              'record-differs',
              `the record xml:id="${record.id}" differs from the one in ${first}, which is used; make the copies agree`,
              {
                file: record.file,
                line: record.line,
                column: record.column,
              },
            ),
          );
        }
        continue;
      }
      this.addRecord(record.id, record.text, record.path, record, false);
    }
  }

  /** An entry from a record's own text (copied out of a document, or made from a glossary entry). */
  private addRecord(id: string, text: string, file: string, at: { file: string; line: number; column: number }, curated: boolean): void {
    const parsed = buildTree(text);
    // A record copied from a well-formed document parses, unless it uses an entity its document declared.
    if (!('root' in parsed) || !isRecordRoot(parsed.root)) return;
    this.add(id, KIND_OF_ENTRY.get(parsed.root.name)!, parsed.root, text, file, at, curated);
    this.texts.set(id, text);
  }

  private add(
    id: string,
    kind: EntityKind,
    element: XmlElement,
    source: string,
    file: string,
    at: { file: string; line: number; column: number },
    curated: boolean,
  ): void {
    // Each name as indexes list it, and one written in parts as texts say it too ("Schnitzler, Arthur", then "Arthur Schnitzler").
    const names = [
      ...new Set(
        nameElements(element)
          .flatMap((e) => [nameText(e), readingOrder(e) ?? ''])
          .filter(Boolean),
      ),
    ];
    const identifiers = childElements(element)
      .filter((c) => c.name === 'idno')
      .map((c) => ({ type: c.attrs.get('type') ?? '', value: wordsOf(c) }));
    const name = names[0] ?? id;
    const sortKey = element.attrs.get('sortKey') ?? nameElements(element)[0]?.attrs.get('sortKey') ?? sortKeyOf(name);
    this.entries.set(id, {
      id,
      kind,
      names,
      name,
      sortKey,
      identifiers,
      element,
      source,
      path: file,
      at: { file: at.file, line: at.line, column: at.column },
      curated,
    });
  }

  get(id: string): AuthorityEntry | undefined {
    return this.entries.get(id);
  }

  private identified: Map<string, string> | undefined;

  /** Each identifier URL of an entry (compared as comparableUri writes it), and the id of the first entry that has it. */
  identifierMap(): ReadonlyMap<string, string> {
    if (!this.identified) {
      this.identified = new Map();
      for (const entry of this.entries.values()) {
        for (const { value } of entry.identifiers)
          if (/^https?:\/\//i.test(value) && !this.identified.has(comparableUri(value))) this.identified.set(comparableUri(value), entry.id);
      }
    }
    return this.identified;
  }

  /** The entry that has `url` among its identifiers (the first, if several do). */
  byIdentifier(url: string): string | undefined {
    return this.identifierMap().get(comparableUri(url));
  }

  /** The kinds of list there are, in the order of ENTITY_KINDS: the lists of the files, and the kinds of their entries and records. */
  kinds(): EntityKind[] {
    const present = new Set<string>();
    for (const doc of this.docs) for (const e of descendants(doc.tree)) if (e.ns === TEI_NS) present.add(e.name);
    for (const entry of this.entries.values()) present.add(entry.kind.list);
    return ENTITY_KINDS.filter((kind) => present.has(kind.list));
  }

  /** An entry's XML as written, with the namespaces it needs: what its page shows. */
  text(id: string): string | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (!this.texts.has(id)) this.texts.set(id, standalone(entry.source, entry.element));
    return this.texts.get(id);
  }

  /**
   * What a page or record that points to an entry shows of it: its kind, its list and its names
   * (as written), not its notes; a note edit leaves it as it is.
   */
  face(id: string): string | undefined {
    if (!this.faces.has(id)) {
      const entry = this.entries.get(id);
      if (!entry) return undefined;
      const { element, source } = entry;
      const named = childElements(element).filter((c) => FACE_ELEMENTS.has(c.name));
      this.faces.set(id, hashOf(element.name, element.parent?.name ?? '', ...named.map((c) => source.slice(c.start, c.end))));
    }
    return this.faces.get(id);
  }

  /**
   * Every id in the files and records (a pointer may name any element), with the element it is
   * on: what the edition rules on documents read of the lists, but for the names (see
   * changedNamesIn), so documents are checked again when it changes.
   */
  idTable(): string {
    const ids = this.docs.flatMap((doc) => [...descendants(doc.tree)].flatMap((e) => (e.attrs.has('xml:id') ? [`${e.name}#${e.attrs.get('xml:id')}`] : [])));
    return hashOf(...ids, ...this.recordIds);
  }

  /**
   * The entries the edition publishes, as one TEI document for the stylesheets: every entry of
   * its authority files, and each record of an index file or a document that a document points
   * to (with the entries those name). An index of thirty thousand persons gives the pages of
   * those the letters mention, and the stylesheets parse only them.
   */
  published(pointed: ReadonlySet<string>, fileValid: (doc: ParsedDoc) => boolean = () => true): string {
    const invalid = new Set(this.docs.filter((d) => !fileValid(d)).map((d) => d.source.path));
    const shown = new Set<string>();
    for (const entry of this.entries.values()) if (!invalid.has(entry.path) && (entry.curated || pointed.has(entry.id))) shown.add(entry.id);
    for (const id of [...shown]) {
      for (const [, named] of this.text(id)!.matchAll(/\b(?:ref|corresp|target)="[^"#\s]*#([^"\s]+)"/g))
        if (this.entries.has(named!) && !invalid.has(this.entries.get(named!)!.path)) shown.add(named!);
    }
    // A place within a shown place is shown within it.
    for (const id of [...shown]) {
      const { element } = this.entries.get(id)!;
      if (ancestors(element).some((a) => shown.has(a.attrs.get('xml:id') ?? '') && this.entries.get(a.attrs.get('xml:id')!)?.element === a)) shown.delete(id);
    }
    const lists = new Set(
      this.docs.filter((d) => this.curated.has(d.source.path) && !invalid.has(d.source.path)).flatMap((d) => [...descendants(d.tree)].map((e) => e.name)),
    );
    const lang = this.docs.map((d) => d.tree.attrs.get('xml:lang')).find(Boolean);
    const parts = ENTITY_KINDS.flatMap((kind) => {
      const entries = [...shown].filter((id) => this.entries.get(id)!.kind === kind);
      if (entries.length === 0 && !lists.has(kind.list)) return [];
      return [`<${kind.list}>`, ...entries.map((id) => this.text(id)!), `</${kind.list}>`];
    });
    return [
      `<TEI xmlns="${TEI_NS}"${lang ? ` xml:lang="${lang.replace(/[<&"]/g, '')}"` : ''}>`,
      '<teiHeader><fileDesc><titleStmt><title>The authority entries of the edition</title></titleStmt><publicationStmt><p>Made by editio for its stylesheets.</p></publicationStmt><sourceDesc><p>The authority files, index files and records of the edition.</p></sourceDesc></fileDesc></teiHeader>',
      '<standOff>',
      ...parts,
      '</standOff>',
      '</TEI>',
      '',
    ].join('\n');
  }
}

const isRecordRoot = (element: XmlElement): boolean => element.ns === TEI_NS && KIND_OF_ENTRY.has(element.name);
