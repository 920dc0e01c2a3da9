/**
 * What a page shows of a mention: the entry it names, that entry's page and standard name, and the
 * class of its kind. Worked out here, once per mention, when the source is prepared
 * (src/transform/prepare.ts), and written onto the mention for xslt/html/html.xsl to copy: in the
 * stylesheet the lookups cost half of a page's time. Pointers are read as the extracts read them
 * (src/model/pointers.ts: @ref, else @corresp, else @key; file#id, prefixes, identifier URLs); the faces
 * come from the stylesheet's own ed:entry-faces-json, so that a name reads as the pages read it.
 */
import { KIND_OF_RS_TYPE } from '../model/entities.js';
import { escapeAttribute } from '../infra/escape.js';
import { normalize } from '../model/header.js';
import type { XmlElement } from '../parse/tree.js';
import { comparableUri, entryIdOf, prefixDefsOf, type EntryLookup, type PrefixDef } from '../model/pointers.js';
import { isMention, isTei, mentionPointer } from './anchors.js';

/** An entry as a page shows it where it is mentioned: its page from the edition's root, its standard name, the name element of its kind. */
export interface EntryFace {
  path: string;
  title: string;
  mention: string;
}

/** An http(s) URL: what it names may lie outside the edition. */
const WEB_ADDRESS = /^https?:\/\/[^ \t\r\n]+$/i;

export class MentionFaces {
  constructor(
    private readonly faces: ReadonlyMap<string, EntryFace>,
    /** By identifier URL (as comparableUri writes it), the id of the entry that carries it. */
    private readonly identifiers: ReadonlyMap<string, string>,
    /** The configuration's prefixes, after a document's own. */
    private readonly prefixes: readonly PrefixDef[],
  ) {}

  /** The faces as ed:entry-faces writes them, as JSON (an object keyed by entry id). */
  static fromJson(json: string, identifiers: ReadonlyMap<string, string>, prefixes: readonly PrefixDef[]): MentionFaces {
    return new MentionFaces(new Map(Object.entries(JSON.parse(json) as Record<string, EntryFace>)), identifiers, prefixes);
  }

  /**
   * For a document (its root element): the attributes that say what each of its mentions shows,
   * in editio's namespace (`prefix`), and its class of kind (`mention-persName`); for a ref or ptr,
   * the page and name of the entry its target names, if any.
   */
  reader(root: XmlElement, prefix: string): (mention: XmlElement) => { attributes: string; kind: string } {
    const defs = [...root.children.filter((c): c is XmlElement => isTei(c, 'teiHeader')).flatMap((header) => prefixDefsOf({ tree: header })), ...this.prefixes];
    const lookup: EntryLookup = {
      get: (id) => this.faces.get(id),
      byIdentifier: (url) => {
        const id = this.identifiers.get(comparableUri(normalize(url)));
        return id !== undefined && this.faces.has(id) ? id : undefined;
      },
    };
    const entry = (ref: string): string | undefined => entryIdOf(ref, lookup, defs);
    return (mention) => {
      // A cross-reference to an entry (<ref target="pmb43233"/>): its page and name, for the ref to link to and read as.
      if (!isMention(mention)) {
        const id = entry(mention.attrs.get('target') ?? '');
        const face = id === undefined ? undefined : this.faces.get(id);
        return { attributes: face ? ` ${prefix}:href="${escapeAttribute(face.path)}" ${prefix}:title="${escapeAttribute(face.title)}"` : '', kind: '' };
      }
      const pointer = mentionPointer(mention);
      const key = mention.attrs.get('key');
      const id = (pointer !== undefined ? entry(pointer) : undefined) ?? (key !== undefined ? entry(key) : undefined);
      const face = id === undefined ? undefined : this.faces.get(id);
      // A speaker names a role: a person (of the cast), unless its entry is of another kind.
      const kind =
        mention.name === 'speaker'
          ? (face?.mention ?? 'persName')
          : mention.name !== 'rs'
            ? mention.name
            : (face?.mention ?? KIND_OF_RS_TYPE.get(mention.attrs.get('type') ?? '')?.mention ?? 'rs');
      // A speech whose @who names a group of the cast or a role without a record is simply not linked: its speaker was never tagged as a name.
      if (!face && mention.name === 'speaker') return { attributes: ` ${prefix}:class="speaker-name"`, kind: 'speaker' };
      const unresolved = !face && pointer !== undefined;
      let attributes = ` ${prefix}:class="mention mention-${escapeAttribute(kind)}${unresolved ? ' unresolved' : ''}"`;
      if (face) attributes += ` ${prefix}:href="${escapeAttribute(face.path)}" ${prefix}:title="${escapeAttribute(face.title)}"`;
      // A URL that names no entry is no fault of the lists; any other pointer that names none is reported.
      if (unresolved && !WEB_ADDRESS.test(normalize(pointer))) attributes += ` ${prefix}:unknown="1"`;
      return { attributes, kind: `mention-${kind}` };
    };
  }
}
