/**
 * Stable anchors: every mention (m1, m2, …), date (d1, …) and block of text (p1, …) of a document
 * gets an id, in document order, so that registers, the chronology, search results and citations
 * can point to the exact place; an element's own xml:id wins, and no counted anchor repeats one. Counted here once, from the
 * document's tree, for both the extracts (src/transform/extract.ts) and the pages (the
 * stylesheets read them off the prepared source, src/transform/prepare.ts): they always agree.
 */
import { STRIPPED_ELEMENTS } from '../model/header.js';
import { TEI_NS } from '../parse/parse.js';
import { descendants, type XmlElement, type XmlNode, type XmlText } from '../parse/tree.js';

const MENTIONS = new Set(['persName', 'placeName', 'orgName', 'objectName', 'eventName', 'rs']);
const BLOCKS = new Set(['p', 'head', 'dateline', 'item', 'gap', 'salute', 'signed']);

export const isTei = (node: XmlNode | undefined, names: ReadonlySet<string> | string): node is XmlElement =>
  node?.kind === 'element' && node.ns === TEI_NS && (typeof names === 'string' ? node.name === names : names.has(node.name));
/** Whom a speaker speaks for: its speech's @who (a play's speech is a mention of its role). */
export const speakerWho = (e: XmlElement): string | undefined =>
  e.ns === TEI_NS && e.name === 'speaker' && isTei(e.parent, 'sp') ? e.parent.attrs.get('who') : undefined;
export const isMention = (e: XmlElement): boolean =>
  e.ns === TEI_NS && (MENTIONS.has(e.name) || (e.name === 'title' && e.attrs.has('ref')) || speakerWho(e) !== undefined);
/** What a mention points with: @ref, else @corresp (else, for a speaker, its speech's @who). */
export const mentionPointer = (e: XmlElement): string | undefined => e.attrs.get('ref') ?? e.attrs.get('corresp') ?? speakerWho(e);
export const isBlock = (e: XmlElement): boolean => isTei(e, BLOCKS);

/**
 * The other units a search result or a citation points to, each with an anchor of its own kind
 * (so that those of blocks keep their numbers): a verse line (l1, l2, …), and a block of an
 * inscription's text or an address (b1, …).
 */
const LINES = new Set(['l']);
const OTHER_PASSAGES = new Set(['ab', 'address']);
/** A block, a verse line, an `ab` or an address: what search finds and links to, each with its anchor. */
export const isPassage = (e: XmlElement): boolean => isBlock(e) || isTei(e, LINES) || isTei(e, OTHER_PASSAGES);

/** Where the notes a page shows stand: in the text and in the header parts the pages show. */
const NOTE_SHOWN_IN = new Set(['text', 'sourceDesc', 'abstract', 'correspDesc']);

/** The notes a page shows, each with its number (1, 2, …, in document order): the pages' footnotes and the search's passages agree on them. */
export function shownNotes(root: XmlElement): Map<XmlElement, number> {
  const numbers = new Map<XmlElement, number>();
  const visit = (e: XmlElement, shown: boolean): void => {
    if (shown && isTei(e, 'note')) numbers.set(e, numbers.size + 1);
    const within = shown || isTei(e, NOTE_SHOWN_IN);
    for (const child of e.children) if (child.kind === 'element') visit(child, within);
  };
  visit(root, false);
  return numbers;
}
const XML_SPACE = /^[ \t\r\n]*$/;
/** Mentions, dates, blocks, verse lines and other passages: each kind counted on its own. */
type AnchorKind = 'm' | 'd' | 'p' | 'l' | 'b';
/** Code points, as XPath counts a string's length. */
const lengthOf = (s: string): number => (/[\uD800-\uDFFF]/.test(s) ? Array.from(s).length : s.length);

/** Where an element's text lies among the document's texts (indexes into them), and its anchor if it has one. */
interface Place {
  from: number;
  to: number;
  /** Its position in document order. */
  order: number;
  anchor?: string;
}

/**
 * One walk over the document as the stylesheets see it: text nodes kept (layout whitespace
 * stripped as xsl:strip-space strips it, unless xml:space="preserve"), each with the length of
 * the text before it; each element's span of texts; mentions, dates and blocks numbered in
 * document order (m1, d1, p1), an element's own xml:id winning.
 */
export class DocumentWalk {
  readonly texts: string[] = [];
  /** offsets[i]: code points before texts[i]; one more entry, the whole length. */
  readonly offsets: number[] = [0];
  readonly places = new Map<XmlElement, Place>();
  readonly stripped = new Set<XmlText>();
  private readonly counts: Record<AnchorKind, number> = { m: 0, d: 0, p: 0, l: 0, b: 0 };
  /** The document's own xml:ids, which a counted anchor must not repeat (FRUS names its documents d1, d2, …). */
  private readonly ownIds = new Set<string>();

  constructor(root: XmlElement) {
    for (const e of descendants(root)) if (e.attrs.has('xml:id')) this.ownIds.add(e.attrs.get('xml:id')!);
    this.walk(root, false);
  }

  /** The nth anchor of a kind (d2), else, where the document names an element so, the first free of d2-1, d2-2, … */
  private counted(kind: AnchorKind, n: number): string {
    let anchor = `${kind}${n}`;
    for (let k = 1; this.ownIds.has(anchor); k++) anchor = `${kind}${n}-${k}`;
    return anchor;
  }

  private walk(e: XmlElement, preserving: boolean): void {
    const space = e.attrs.get('xml:space');
    const preserve = space === 'preserve' ? true : space === 'default' ? false : preserving;
    const strips = !preserve && e.ns === TEI_NS && STRIPPED_ELEMENTS.has(e.name);
    const kind: AnchorKind | undefined = isMention(e)
      ? 'm'
      : isTei(e, 'date')
        ? 'd'
        : isBlock(e)
          ? 'p'
          : isTei(e, LINES)
            ? 'l'
            : isTei(e, OTHER_PASSAGES)
              ? 'b'
              : undefined;
    const place: Place = { from: this.texts.length, to: 0, order: this.places.size };
    if (kind) {
      // Counted whether or not its own xml:id names it, as the pages count.
      const n = ++this.counts[kind];
      place.anchor = e.attrs.get('xml:id') ?? this.counted(kind, n);
    }
    this.places.set(e, place);
    for (const child of e.children) {
      if (child.kind === 'element') this.walk(child, preserve);
      else if (strips && XML_SPACE.test(child.text)) this.stripped.add(child);
      else {
        this.texts.push(child.text);
        this.offsets.push(this.offsets.at(-1)! + lengthOf(child.text));
      }
    }
    place.to = this.texts.length;
  }

  place(e: XmlElement): Place {
    return this.places.get(e)!;
  }

  /** Elements in document order, each once. */
  inOrder(elements: Iterable<XmlElement>): XmlElement[] {
    return [...new Set(elements)].sort((a, b) => this.place(a).order - this.place(b).order);
  }

  anchor(e: XmlElement): string {
    return this.place(e).anchor!;
  }

  /** XPath's string value of an element (its kept texts). */
  string(e: XmlElement): string {
    const { from, to } = this.place(e);
    return this.texts.slice(from, to).join('');
  }

  /** The children the stylesheets see: no stripped layout whitespace. */
  children(e: XmlElement): XmlNode[] {
    return e.children.filter((c) => c.kind === 'element' || !this.stripped.has(c));
  }
}
