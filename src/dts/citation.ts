import { TEI_NS } from '../parse/parse.js';
import { textContent, type XmlElement } from '../parse/tree.js';

/** A citable unit of a document: a division, or a block (paragraph, heading, list …) in one. */
export interface CitableUnit {
  identifier: string;
  level: number;
  parent: string | null;
  citeType: string;
  element: XmlElement;
  children: CitableUnit[];
  /** A division's heading, for its dublinCore title. */
  title?: string;
}

/** Elements that group units without being one. */
const TRANSPARENT = new Set(['text', 'front', 'body', 'back', 'group']);

const elementsOf = (e: XmlElement): XmlElement[] => e.children.filter((c): c is XmlElement => c.kind === 'element');

/**
 * The citation tree of a document, from its structure: divisions (citeType: their @type, or
 * "div") hold the units inside them; every other element among them is a unit of its own
 * (citeType: its name). Identifiers are positions, "2.3" being the third unit of the second.
 * The units cover every word of the text, so fetching all leaves gives the whole text.
 */
export function citationTree(root: XmlElement): CitableUnit[] {
  const texts = root.name === 'teiCorpus' ? findAll(root, 'text').filter((t) => !hasAncestor(t, 'text')) : elementsOf(root).filter((e) => e.name === 'text');
  const units: CitableUnit[] = [];
  const collect = (container: XmlElement, parent: CitableUnit | null, into: CitableUnit[]): void => {
    for (const child of elementsOf(container)) {
      if (child.ns === TEI_NS && TRANSPARENT.has(child.name)) {
        collect(child, parent, into);
        continue;
      }
      const identifier = `${parent ? `${parent.identifier}.` : ''}${into.length + 1}`;
      const isDiv = child.ns === TEI_NS && /^div\d?$/.test(child.name);
      const unit: CitableUnit = {
        identifier,
        level: parent ? parent.level + 1 : 1,
        parent: parent?.identifier ?? null,
        citeType: isDiv ? (child.attrs.get('type') ?? child.name) : child.name,
        element: child,
        children: [],
      };
      const head = isDiv ? elementsOf(child).find((e) => e.name === 'head') : undefined;
      if (head) unit.title = textContent(head);
      into.push(unit);
      if (isDiv) collect(child, unit, unit.children);
    }
  };
  for (const text of texts) collect(text, null, units);
  return units;
}

function findAll(e: XmlElement, name: string): XmlElement[] {
  return [...(e.name === name ? [e] : []), ...elementsOf(e).flatMap((c) => findAll(c, name))];
}

function hasAncestor(e: XmlElement, name: string): boolean {
  for (let a = e.parent; a; a = a.parent) if (a.name === name) return true;
  return false;
}

/** Every unit, in document order (pre-order, depth first). */
export function flatten(units: readonly CitableUnit[]): CitableUnit[] {
  return units.flatMap((u) => [u, ...flatten(u.children)]);
}

export interface CiteStructure {
  '@type': 'CiteStructure';
  citeType: string;
  citeStructure?: CiteStructure[];
}

/** The kinds of unit and how they nest, as DTS declares a citation tree. */
export function citeStructure(units: readonly CitableUnit[]): CiteStructure[] {
  const structures: CiteStructure[] = [];
  for (const unit of units) {
    let structure = structures.find((s) => s.citeType === unit.citeType);
    if (!structure) structures.push((structure = { '@type': 'CiteStructure', citeType: unit.citeType }));
    if (unit.children.length > 0) {
      const nested = citeStructure(unit.children);
      const merged = structure.citeStructure ?? [];
      for (const n of nested) if (!merged.some((m) => m.citeType === n.citeType)) merged.push(n);
      structure.citeStructure = merged;
    }
  }
  return structures;
}
