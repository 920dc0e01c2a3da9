/**
 * A document prepared for the stylesheets: what they would otherwise count by walking the whole
 * tree for every page (accumulators) is written onto the elements, in a namespace of editio's own
 * that no output shows. An anchor (`a`, src/transform/anchors.ts) on every mention, date and block
 * without an xml:id; a note's number among the notes a page shows (`n`); `nested` on a mention
 * that holds other mentions; `views` on the document element when its text has transcription
 * whose diplomatic and reading views differ; given the entries' faces, what each mention shows
 * (src/transform/mentions.ts); the numbers of the verse lines to show (`ln`, every fifth) and the words a split line's later part is set on from (`lead`); and on the document element the kinds of mention and dates the
 * page shows (`shows`: its highlight switches). Nothing else of the text changes: attributes are
 * inserted into the start tags as written.
 */
import { escapeAttribute } from '../infra/escape.js';
import { normalize } from '../model/header.js';
import { TEI_NS } from '../parse/parse.js';
import { buildTree, type XmlElement } from '../parse/tree.js';
import { DocumentWalk, isMention, isTei, shownNotes } from './anchors.js';
import { bcp47 } from '../i18n/language.js';
import type { MentionFaces } from './mentions.js';

export const PREPARED_NS = 'urn:x-editio:prepared';

/** What a page shows of its source: the text, and these parts of the header (xslt/html/html.xsl, ed:document-header). */
const SHOWN = new Set(['text', 'sourceDesc', 'abstract', 'creation', 'correspAction']);
/** Transcription whose diplomatic and reading views differ: a page that has some in its text offers both views. */
const VARIANTS = new Set(['del', 'add', 'choice', 'sic', 'corr', 'abbr', 'expan', 'orig', 'reg', 'unclear']);

/** Cross-references, which may name an entry: they link to its page. */
const REFERENCES = new Set(['ref', 'ptr']);
/** Divisions that number their verse lines afresh (a poem of a collection); other lines are counted through the text, as editions of verse plays count them. */
const POEM = /poem|song|sonnet|hymn|ode|ballad|lied|gedicht/i;
const numbersLines = (e: XmlElement): boolean => e.ns === TEI_NS && (e.name === 'text' || (e.name === 'div' && POEM.test(e.attrs.get('type') ?? '')));
/** The integer a line's @n ends with ("1.1.15" → 15), which numbers it. */
const TRAILING_NUMBER = /(\d+)\D*$/;

/**
 * Verse lines' numbers to show (every fifth): a line's @n, else its place among the lines of its
 * poem or text; the later parts of a split line (@part M, F) are the same line, and not counted.
 */
class VerseLines {
  private readonly counts = new Map<XmlElement, number>();
  /** The words of the earlier parts of the line being split, for its later parts. */
  private split = '';

  /** A split line's later part: the words of its earlier parts ("Of our solemnities."), which it is set on from. */
  lead(line: XmlElement, words: string): string | undefined {
    const part = line.attrs.get('part');
    const lead = (part === 'M' || part === 'F') && this.split !== '' ? this.split : undefined;
    this.split = part === 'I' ? normalize(words) : part === 'M' && lead !== undefined ? `${lead} ${normalize(words)}` : '';
    return lead;
  }

  number(line: XmlElement): string | undefined {
    const part = line.attrs.get('part');
    if (part === 'M' || part === 'F') return undefined;
    let scope = line.parent;
    while (scope && !numbersLines(scope)) scope = scope.parent;
    const own = TRAILING_NUMBER.exec(line.attrs.get('n') ?? '');
    const number = own ? Number(own[1]) : (this.counts.get(scope!) ?? 0) + 1;
    this.counts.set(scope!, number);
    return number > 0 && number % 5 === 0 ? String(number) : undefined;
  }
}

const canonicalTags = new Map<string, string | undefined>();
/** A language tag in BCP 47's form, found once for each tag a source writes. */
function canonicalTag(tag: string): string | undefined {
  if (!canonicalTags.has(tag)) canonicalTags.set(tag, bcp47(tag));
  return canonicalTags.get(tag);
}

/** The offset just past an element's name in its start tag. */
function afterName(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && !/[\s/>]/.test(text[i]!)) i++;
  return i;
}

/** A prefix for editio's namespace that the document element does not already declare. */
function freePrefix(root: XmlElement): string {
  let prefix = 'editio';
  for (let n = 1; root.attrs.has(`xmlns:${prefix}`); n++) prefix = `editio${n}`;
  return prefix;
}

/** The source with editio's attributes inserted, or as it is if it cannot be read (the stylesheet then says why). */
export function prepareSource(text: string, faces?: MentionFaces): string {
  const parsed = buildTree(text);
  if ('error' in parsed) return text;
  const { root } = parsed;
  const prefix = freePrefix(root);
  const mentionFace = faces?.reader(root, prefix);
  const walk = new DocumentWalk(root);
  const inserts: [offset: number, attributes: string][] = [[afterName(text, root.start), ` xmlns:${prefix}="${PREPARED_NS}"`]];
  const notes = shownNotes(root);
  const lines = new VerseLines();
  let views = false;
  const shows = new Set<string>();
  const visit = (e: XmlElement, inText: boolean, shown: boolean): boolean => {
    if (inText && isTei(e, VARIANTS)) views = true;
    let attributes = '';
    const anchor = walk.place(e).anchor;
    if (anchor !== undefined && !e.attrs.has('xml:id')) attributes += ` ${prefix}:a="${anchor}"`;
    if (notes.has(e)) attributes += ` ${prefix}:n="${notes.get(e)}"`;
    // A language as BCP 47 writes it (deu → de), for the pages' lang and the quotation marks.
    const language = e.attrs.get('xml:lang') ?? (isTei(e, 'language') ? e.attrs.get('ident') : undefined);
    const tag = language === undefined ? undefined : canonicalTag(language);
    if (tag && tag !== language) attributes += ` ${prefix}:lang="${escapeAttribute(tag)}"`;
    if (inText && isTei(e, 'l')) {
      const number = lines.number(e);
      const lead = lines.lead(e, walk.string(e));
      if (number !== undefined) attributes += ` ${prefix}:ln="${number}"`;
      if (lead !== undefined) attributes += ` ${prefix}:lead="${escapeAttribute(lead)}"`;
    }
    const within = shown || isTei(e, SHOWN);
    if (mentionFace && (isMention(e) || (inText && isTei(e, REFERENCES) && e.attrs.has('target')))) {
      const face = mentionFace(e);
      attributes += face.attributes;
      if (within && face.kind.startsWith('mention-')) shows.add(face.kind);
    }
    if (within && isTei(e, 'date')) shows.add('date');
    const index = inserts.length;
    if (attributes) inserts.push([afterName(text, e.start), attributes]);
    let holdsMention = false;
    const underText = inText || isTei(e, 'text');
    for (const child of e.children) if (child.kind === 'element' && visit(child, underText, within)) holdsMention = true;
    if (holdsMention && isMention(e)) {
      if (attributes) inserts[index]![1] += ` ${prefix}:nested="1"`;
      else inserts.splice(index, 0, [afterName(text, e.start), ` ${prefix}:nested="1"`]);
    }
    return holdsMention || isMention(e);
  };
  visit(root, false, false);
  if (views) inserts[0]![1] += ` ${prefix}:views="1"`;
  if (shows.size > 0) inserts[0]![1] += ` ${prefix}:shows="${[...shows].sort().join(' ')}"`;
  const parts: string[] = [];
  let at = 0;
  for (const [offset, attributes] of inserts) {
    parts.push(text.slice(at, offset), attributes);
    at = offset;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
