/**
 * A block's words as the registers and the chronology quote them around a mention or a date:
 * its notes left out (a note is a passage of its own, which the page sets apart as a footnote),
 * and a space wherever the page parts words without one in the text — a line, column or page
 * beginning (unless break="no"), a `space`, a line or paragraph within the block, parts with no
 * text between them (a correspAction's name, date and place). Where each of the block's texts
 * stands in these words is kept, so that a mention's place in them is known.
 */
import type { XmlElement } from '../parse/tree.js';
import { isTei, type DocumentWalk } from './anchors.js';

/** Elements that part words where they begin and end, as lines and blocks do on the page. */
const PARTING = new Set([
  'lb',
  'pb',
  'cb',
  'space',
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
  'quote',
  'byline',
  'docAuthor',
]);

/** A seg the source sets on a line of its own (`rend="right"`: a date at the right margin), as ed:sets-a-line (xslt/common/letters.xsl). */
const LINE_RENDS = new Set(['right', 'left', 'center', 'centre', 'block', 'align-right', 'align-left', 'align-center']);
const isLineSeg = (e: XmlElement): boolean =>
  isTei(e, 'seg') &&
  (e.attrs.get('rend') ?? '')
    .toLowerCase()
    .split(/\s+/)
    .some((t) => LINE_RENDS.has(t));

const joinsWord = (e: XmlElement): boolean => e.attrs.get('break') === 'no';

/** Code points, as the extracts count offsets. */
const lengthOf = (s: string): number => (/[\uD800-\uDFFF]/.test(s) ? Array.from(s).length : s.length);

export interface BlockWords {
  text: string;
  /** Where an element of the block stands in `text`: from the start of its first word to the end of its last. */
  span(e: XmlElement): { start: number; end: number };
  /** The words of `text` between two places (code points). */
  slice(span: { start: number; end: number }): string;
}

export function blockWords(walk: DocumentWalk, block: XmlElement): BlockWords {
  const words: string[] = [];
  let length = 0;
  let parted = false;
  const first = walk.place(block).from;
  // before[i], after[i]: where the block's i-th text begins and ends in the words.
  const before: number[] = [];
  const after: number[] = [];
  const push = (s: string): void => {
    words.push(s);
    length += lengthOf(s);
  };
  const visit = (e: XmlElement): void => {
    const children = walk.children(e);
    const allParts = children.length > 1 && children.every((c) => c.kind === 'element');
    for (const child of children) {
      if (child.kind === 'text') {
        const i = first + before.length;
        const text = walk.texts[i]!;
        if (parted && length > 0 && !/\s$/.test(words.at(-1)!) && !/^\s/.test(text)) push(' ');
        parted = false;
        before.push(length);
        push(text);
        after.push(length);
        continue;
      }
      const { from, to } = walk.place(child);
      if (isTei(child, 'note')) {
        // Its texts are not read: each stands where the note's marker does.
        for (let i = from; i < to; i++) {
          before.push(length);
          after.push(length);
        }
        continue;
      }
      const parts = allParts || isLineSeg(child) || (isTei(child, PARTING) && !joinsWord(child));
      parted ||= parts;
      visit(child);
      parted ||= parts;
    }
  };
  visit(block);
  const text = words.join('');
  // Offsets count code points: a text beyond the Basic Multilingual Plane is sliced as an array of them.
  let points: string[] | undefined;
  return {
    text,
    span(e) {
      const { from, to } = walk.place(e);
      if (from >= to) {
        const at = before[from - first] ?? length;
        return { start: at, end: at };
      }
      return { start: before[from - first]!, end: after[to - 1 - first]! };
    },
    slice({ start, end }) {
      if (text.length === length) return text.slice(start, end);
      points ??= Array.from(text);
      return points.slice(start, end).join('');
    },
  };
}
