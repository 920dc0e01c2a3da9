import path from 'node:path';
import { KIND_OF_ENTRY } from '../entities.js';
import { message, type Message, type Severity } from '../messages.js';
import { TEI_NS, type ParsedDoc } from '../parse.js';
import { descendants, type XmlElement } from '../tree.js';

/** What the edition rules look at: the documents of a run and the edition's authority lists. */
export interface RuleContext {
  /** Documents (and the edition's introduction) to check. */
  docs: ParsedDoc[];
  /** The edition's authority files. */
  authorities: ParsedDoc[];
  /** True when `docs` is the whole edition, so that "never mentioned" can be judged. */
  wholeEdition: boolean;
}

export interface Rule {
  id: string;
  severity: Severity;
  check(ctx: RuleContext): Message[];
}

/** An authority entry: a person, place, organisation, object or event with an xml:id. */
export interface Entry {
  id: string;
  kind: string;
  element: XmlElement;
  doc: ParsedDoc;
}


/** Attributes whose values are pointers (space-separated URIs). */
export const POINTER_ATTRIBUTES = ['ref', 'corresp', 'target', 'who'];

export function teiElements(doc: ParsedDoc): XmlElement[] {
  return [...descendants(doc.tree)].filter((e) => e.ns === TEI_NS);
}

export function entriesOf(ctx: RuleContext): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const doc of ctx.authorities) {
    for (const element of teiElements(doc)) {
      const id = element.attrs.get('xml:id');
      if (id && KIND_OF_ENTRY.has(element.name) && !entries.has(id)) entries.set(id, { id, kind: element.name, element, doc });
    }
  }
  return entries;
}

export function idsOf(doc: ParsedDoc): Set<string> {
  const ids = new Set<string>();
  for (const element of descendants(doc.tree)) {
    const id = element.attrs.get('xml:id');
    if (id) ids.add(id);
  }
  return ids;
}

/** A pointer split into the file it names (empty for "this document") and the id after '#'. */
export function splitPointer(pointer: string): { file: string; id: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(pointer) || pointer.startsWith('//')) return undefined;
  const hash = pointer.indexOf('#');
  if (hash < 0) return undefined;
  return { file: pointer.slice(0, hash), id: pointer.slice(hash + 1) };
}

export function located(
  severity: Severity,
  ruleId: string,
  reason: string,
  doc: ParsedDoc,
  at: { line: number; column: number },
): Message {
  return message(severity, 'validate', ruleId, reason, { file: doc.source.name, line: at.line, column: at.column });
}

/** The pointer a document should use for an entry: the authority file relative to the document. */
export function pointerTo(entry: Entry, from: ParsedDoc): string {
  const relative = path.relative(path.dirname(from.source.path), entry.doc.source.path).split(path.sep).join('/');
  return `${relative}#${entry.id}`;
}
