/**
 * The PDF's tag tree as PDF/UA asks, from the one Chromium writes: Chromium tags every box of
 * Paged.js's page layout, and every run of text, as `NonStruct`, so that a heading sits five
 * `NonStruct`s deep and each paragraph's words are in `NonStruct`s of their own. Here a `NonStruct`
 * that only groups other elements gives way to them, and one that holds a run of text within a
 * paragraph, heading, list item, cell or link gives its text to that element; the contents (a list
 * whose every item leads to a part of the book) becomes `TOC` and `TOCI`, a footnote `Note`.
 * Page numbers and running heads are in no element: src/print/pdf-content.ts marks them `Artifact`.
 */
import type { PDFDict, PDFDocument, PDFObject, PDFRef } from 'pdf-lib';
import type { PdfLib } from './pdf-content-stream.js';

/** Elements that stand within a line of text, as runs of text do. */
const INLINE = new Set(['Link', 'Span', 'Reference', 'Code', 'Quote']);

/** Elements that hold text themselves, into which a run of text's `NonStruct` is merged. */
const HOLDS_TEXT = new Set([
  'P',
  'H',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'LBody',
  'Lbl',
  'TH',
  'TD',
  'Link',
  'Span',
  'Caption',
  'Quote',
  'Code',
  'Reference',
  'Note',
  'TOCI',
]);

/**
 * Tidies the tag tree in place; `isContentsLink` says whether a link's destination (its name) is a
 * part of the book the contents lead to.
 */
export function tidyStructure(doc: PDFDocument, isContentsLink: (destination: string) => boolean, lib: PdfLib): void {
  const { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } = lib;
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(root instanceof PDFDict)) return;
  const K = PDFName.of('K');
  const S = PDFName.of('S');
  const P = PDFName.of('P');
  const Pg = PDFName.of('Pg');
  const typeOf = (e: PDFDict): string => {
    const s = e.lookup(S);
    return s instanceof PDFName ? s.decodeText() : '';
  };
  const kidsOf = (e: PDFDict): PDFObject[] => {
    const k = e.get(K);
    return k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
  };
  const elementOf = (kid: PDFObject): PDFDict | undefined => {
    const d = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
    return d instanceof PDFDict && d.has(S) ? d : undefined;
  };
  // Which element owns each piece of content (the parent tree): rewritten as NonStructs give way.
  const moved = new Map<string, PDFRef>();
  const refOf = new Map<PDFDict, PDFRef>();
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) if (object instanceof PDFDict && object.has(S)) refOf.set(object, ref);

  const tidy = (element: PDFDict): void => {
    const kids: PDFObject[] = [];
    // What a NonStruct gives way to is weighed again in its new place (a run of text two wrappers deep in a paragraph).
    const queue = [...kidsOf(element)].map((kid) => ({ kid, tidied: false }));
    for (let item = queue.shift(); item; item = queue.shift()) {
      const { kid } = item;
      const child = elementOf(kid);
      if (!child) {
        kids.push(kid);
        continue;
      }
      if (!item.tidied) tidy(child);
      const inner = kidsOf(child);
      const childRef = refOf.get(child);
      // (Within a NonStruct, its own fate decides its text's: it is weighed again where it ends up.)
      if (typeOf(child) !== 'NonStruct' || !childRef || typeOf(element) === 'NonStruct') {
        kids.push(kid);
        continue;
      }
      // A NonStruct of text (runs and inline elements, no block): its block's text where it stands in one, else a paragraph of its own.
      const blocks = inner.some((k) => {
        const e = elementOf(k);
        return e !== undefined && !INLINE.has(typeOf(e)) && !(typeOf(e) === 'NonStruct' && kidsOf(e).every((x) => elementOf(x) === undefined));
      });
      if (!blocks && !HOLDS_TEXT.has(typeOf(element))) {
        child.set(S, PDFName.of('P'));
        tidy(child);
        kids.push(kid);
        continue;
      }
      // The NonStruct gives way: its elements and its content become the parent's, in its place.
      const parentRef = refOf.get(element);
      const page = child.get(Pg);
      const given: { kid: PDFObject; tidied: boolean }[] = [];
      for (const k of inner) {
        const grandchild = elementOf(k);
        if (grandchild && parentRef) grandchild.set(P, parentRef);
        // Marked content of the NonStruct's page, when the parent is on no page or another, is named with its page (an MCR).
        if (k instanceof PDFNumber && page && String(element.get(Pg)) !== String(page)) {
          given.push({ kid: doc.context.obj({ Type: 'MCR', Pg: page, MCID: k }), tidied: true });
        } else given.push({ kid: k, tidied: true });
      }
      queue.unshift(...given);
      if (parentRef) moved.set(String(childRef), parentRef);
    }
    if (kids.length === 0) element.delete(K);
    else element.set(K, kids.length === 1 && !(kids[0] instanceof PDFNumber) ? kids[0]! : doc.context.obj(kids));
  };
  const top = root.get(K);
  for (const kid of top instanceof PDFArray ? top.asArray() : top ? [top] : []) {
    const element = elementOf(kid);
    if (element) tidy(element);
  }

  // The parent tree names the new owners (a NonStruct merged into one merged in turn: the last).
  const ownerOf = (ref: PDFRef): PDFRef => {
    let owner = ref;
    for (let next = moved.get(String(owner)); next; next = moved.get(String(owner))) owner = next;
    return owner;
  };
  const rewrite = (tree: PDFObject | undefined): void => {
    const node = tree instanceof PDFRef ? doc.context.lookup(tree) : tree;
    if (!(node instanceof PDFDict)) return;
    const nums = node.lookup(PDFName.of('Nums'));
    if (nums instanceof PDFArray) {
      for (let i = 1; i < nums.size(); i += 2) {
        const value = nums.get(i);
        const list = value instanceof PDFRef ? doc.context.lookup(value) : value;
        if (list instanceof PDFArray) {
          for (let j = 0; j < list.size(); j++) {
            const owner = list.get(j);
            if (owner instanceof PDFRef && moved.has(String(owner))) list.set(j, ownerOf(owner));
          }
        } else if (value instanceof PDFRef && moved.has(String(value))) nums.set(i, ownerOf(value));
      }
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) kids.asArray().forEach(rewrite);
  };
  rewrite(root.get(PDFName.of('ParentTree')));

  nameByRole(root, isContentsLink, { doc, lib, elementOf, kidsOf, typeOf });
}

/** The list whose every item holds a link to a part of the book: the contents, `TOC` of `TOCI`s; and the footnotes, `Note`s. */
function nameByRole(
  root: PDFDict,
  isContentsLink: (destination: string) => boolean,
  {
    doc,
    lib,
    elementOf,
    kidsOf,
    typeOf,
  }: { doc: PDFDocument; lib: PdfLib; elementOf: (k: PDFObject) => PDFDict | undefined; kidsOf: (e: PDFDict) => PDFObject[]; typeOf: (e: PDFDict) => string },
): void {
  const { PDFDict, PDFName } = lib;
  const destinationsIn = (e: PDFDict): string[] =>
    kidsOf(e).flatMap((k) => {
      const child = elementOf(k);
      if (child) return destinationsIn(child);
      const objr = k instanceof PDFDict ? k : doc.context.lookup(k as PDFRef);
      const annot = objr instanceof PDFDict ? objr.lookup(PDFName.of('Obj')) : undefined;
      const dest = annot instanceof PDFDict ? annot.lookup(PDFName.of('Dest')) : undefined;
      return dest instanceof PDFName ? [dest.decodeText()] : [];
    });
  const visit = (e: PDFDict): void => {
    const items = kidsOf(e)
      .map(elementOf)
      .filter((c): c is PDFDict => c !== undefined);
    if (typeOf(e) === 'L' && items.length > 0 && items.every((li) => typeOf(li) === 'LI' && destinationsIn(li).some(isContentsLink))) {
      e.set(PDFName.of('S'), PDFName.of('TOC'));
      for (const li of items) li.set(PDFName.of('S'), PDFName.of('TOCI'));
    }
    // Paged.js sets each footnote as a list item (its number the item's marker) in no list: a `Note`, its number its `Lbl`.
    if (typeOf(e) !== 'L') for (const item of items) if (typeOf(item) === 'LI') item.set(PDFName.of('S'), PDFName.of('Note'));
    items.forEach(visit);
  };
  visit(root);
}
