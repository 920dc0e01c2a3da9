/**
 * The reading text of a passage, as search and the extracts read it (common.xsl's ed:plain): the
 * editors' reading, not what only the diplomatic view shows; lines and blocks apart; a word broken
 * over a line whole; notes left to passages of their own.
 */
import { normalize } from '../model/header.js';
import { TEI_NS } from '../parse/parse.js';
import type { XmlElement, XmlNode } from '../parse/tree.js';
import { isTei, type DocumentWalk } from './anchors.js';

const MILESTONES = new Set(['lb', 'pb', 'cb', 'space']);
/** What the reading text leaves out: struck out, or the source's form beside the editors' (mode ed:plain). */
const DIPLOMATIC_IN_CHOICE = new Set(['sic', 'abbr', 'orig']);

/** A line, column or page beginning with break="no": the word runs on over it. */
const breaksNot = (node: XmlNode | undefined): boolean => isTei(node, MILESTONES) && node.name !== 'space' && node.attrs.get('break') === 'no';

/** What only the diplomatic view shows: struck out, an abbreviation mark, the source's form beside the editors' in a choice. */
const isDiplomatic = (e: XmlElement, parent: XmlElement): boolean =>
  e.ns === TEI_NS && (e.name === 'del' || e.name === 'am' || (DIPLOMATIC_IN_CHOICE.has(e.name) && isTei(parent, 'choice')));

/**
 * Elements whose words stand apart from those around them, as lines and blocks do on the page (a
 * quotation within a line does not), and as an apparatus's readings do after its lemma.
 */
const APART = new Set([
  'p',
  'ab',
  'l',
  'lg',
  'head',
  'salute',
  'signed',
  'dateline',
  'opener',
  'closer',
  'postscript',
  'address',
  'addrLine',
  'item',
  'list',
  'sp',
  'speaker',
  'castItem',
  'row',
  'cell',
  'byline',
  'docAuthor',
  'lem',
  'rdg',
  'rdgGrp',
]);

/** The text nodes below an element, in order. */
export function* textsBelow(e: XmlElement): Generator<string> {
  for (const child of e.children) {
    if (child.kind === 'text') yield child.text;
    else if (child.kind === 'element') yield* textsBelow(child);
  }
}

/**
 * An element's words as a reader reads them, for search: the reading, not what was struck out; a
 * break inside a word parts nothing; its notes left to their own passages, as the page shows them apart.
 */
export function plainText(walk: DocumentWalk, element: XmlElement): string {
  const parts: string[] = [];
  const visit = (e: XmlElement): void => {
    const children = walk.children(e);
    children.forEach((child, i) => {
      if (child.kind === 'text') {
        let text = child.text;
        if (breaksNot(children[i - 1])) text = text.replace(/^[ \t\n\r]+/, '');
        if (breaksNot(children[i + 1])) text = text.replace(/[ \t\n\r]+$/, '');
        parts.push(text);
      } else if (isTei(child, MILESTONES)) {
        parts.push(child.attrs.get('break') === 'no' ? '' : ' ');
      } else if (!isDiplomatic(child, e) && !isTei(child, 'note')) {
        // Lines of an address, cells of a row: their words stand apart, as the page shows them.
        const apart = isTei(child, APART);
        if (apart) parts.push(' ');
        visit(child);
        if (apart) parts.push(' ');
      }
    });
  };
  visit(element);
  return normalize(parts.join(''));
}
