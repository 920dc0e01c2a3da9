/**
 * A document prepared for the stylesheets: what they would otherwise count by walking the whole
 * tree for every page (accumulators) is written onto the elements, in a namespace of editio's own
 * that no output shows. An anchor (`a`, src/transform/anchors.ts) on every mention, date and block
 * without an xml:id; a note's number among the notes a page shows (`n`); `nested` on a mention
 * that holds other mentions; `views` on the document element when its text has transcription
 * whose diplomatic and reading views differ; given the entries' faces, what each mention shows
 * (src/transform/mentions.ts), and on the document element the kinds of mention and dates the
 * page shows (`shows`: its highlight switches). Nothing else of the text changes: attributes are
 * inserted into the start tags as written.
 */
import { buildTree, type XmlElement } from '../parse/tree.js';
import { DocumentWalk, isMention, isTei, shownNotes } from './anchors.js';
import type { MentionFaces } from './mentions.js';

export const PREPARED_NS = 'urn:x-editio:prepared';

/** What a page shows of its source: the text, and these parts of the header (xslt/html/html.xsl, ed:document-header). */
const SHOWN = new Set(['text', 'sourceDesc', 'abstract', 'creation', 'correspAction']);
/** Transcription whose diplomatic and reading views differ: a page that has some in its text offers both views. */
const VARIANTS = new Set(['del', 'add', 'choice', 'sic', 'corr', 'abbr', 'expan', 'orig', 'reg', 'unclear']);

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
  let views = false;
  const shows = new Set<string>();
  const visit = (e: XmlElement, inText: boolean, shown: boolean): boolean => {
    if (inText && isTei(e, VARIANTS)) views = true;
    let attributes = '';
    const anchor = walk.place(e).anchor;
    if (anchor !== undefined && !e.attrs.has('xml:id')) attributes += ` ${prefix}:a="${anchor}"`;
    if (notes.has(e)) attributes += ` ${prefix}:n="${notes.get(e)}"`;
    const within = shown || isTei(e, SHOWN);
    if (mentionFace && isMention(e)) {
      const face = mentionFace(e);
      attributes += face.attributes;
      if (within) shows.add(face.kind);
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
