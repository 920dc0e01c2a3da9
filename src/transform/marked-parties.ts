/**
 * A letter's senders and addressees as its text marks them, for a document whose header names
 * no sender or no addressee (no correspAction of that side): FRUS heads a despatch
 * "Mr. <persName type="from">Adee</persName> to Mr. <persName type="to">Taylor</persName>", other
 * editions mark a name with @role or @ana ("#sender"). Names in notes, in a text within the
 * text (an enclosure: a floatingText, a division within the letter's) and in other vocabularies
 * are not the letter's. xslt/common/letters.xsl (ed:marked-parties) reads them the same way.
 */
import { TEI_NS } from '../parse/parse.js';
import type { XmlElement } from '../parse/tree.js';

export type Side = 'sent' | 'received';

const SIDE_OF_TOKEN: ReadonlyMap<string, Side> = new Map([
  ['from', 'sent'],
  ['sender', 'sent'],
  ['sent', 'sent'],
  ['to', 'received'],
  ['addressee', 'received'],
  ['recipient', 'received'],
  ['received', 'received'],
]);
const PARTY_ELEMENTS = new Set(['persName', 'orgName', 'name', 'rs', 'gloss']);
const APART = new Set(['note', 'floatingText']);

/** Which side a name marks: its @type (not an rs's, which says what it names), @role or @ana, each a list of tokens or pointers ("#sender"). */
export function partySide(e: XmlElement): Side | undefined {
  const values = [e.name === 'rs' ? undefined : e.attrs.get('type'), e.attrs.get('role'), e.attrs.get('ana')];
  const sides = values.flatMap((v) => (v ?? '').toLowerCase().split(/\s+/)).map((token) => SIDE_OF_TOKEN.get(token.replace(/^.*[#:]/, '')));
  return sides.includes('sent') ? 'sent' : sides.includes('received') ? 'received' : undefined;
}

/** The names the texts mark as the letter's senders and addressees, in document order (a marked name's inner names are its own). */
export function markedParties(texts: readonly XmlElement[]): Record<Side, XmlElement[]> {
  const found: Record<Side, XmlElement[]> = { sent: [], received: [] };
  const visit = (e: XmlElement, divisions: number): void => {
    for (const child of e.children) {
      if (child.kind !== 'element' || child.ns !== TEI_NS || APART.has(child.name)) continue;
      const depth = divisions + (child.name === 'div' ? 1 : 0);
      if (depth > 1) continue;
      const side = PARTY_ELEMENTS.has(child.name) ? partySide(child) : undefined;
      if (side) found[side].push(child);
      else visit(child, depth);
    }
  };
  for (const text of texts) visit(text, 0);
  return found;
}
