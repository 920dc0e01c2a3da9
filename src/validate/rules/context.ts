import path from 'node:path';
import { message, type Message, type Severity } from '../../infra/messages.js';
import { TEI_NS, type ParsedDoc } from '../../parse/parse.js';
import type { Authorities, AuthorityEntry } from '../../model/authorities.js';
import { descendants, type XmlElement } from '../../parse/tree.js';
import type { PrefixDef } from '../../model/pointers.js';

/** What the edition rules look at: the documents of a run and the edition's authority lists. */
export interface RuleContext {
  /** Documents (and the edition's introduction) to check. */
  docs: ParsedDoc[];
  /** The edition's authority lists. */
  authorities: Authorities;
  /** The authority files checked in this run: what is said of their entries is said in them. */
  lists?: readonly ParsedDoc[];
  /** True when `docs` is the whole edition, so that "never mentioned" can be judged. */
  wholeEdition: boolean;
  /** The configuration's prefixes for prefixed pointers (pmb:123); each document's own prefixDefs come first. */
  prefixes: readonly PrefixDef[];
  /** The xml:ids of the documents checked before in the same run (a build checks in chunks), to be unique across them too. */
  seenIds?: SeenIds;
  /** The xml:ids of another file of the edition, not among `docs`, by absolute path; undefined if the edition has no such file. */
  idsInFile?: IdsInFile;
}

export type IdsInFile = (file: string) => ReadonlySet<string> | undefined;

/** Where each xml:id was first seen: its file, its place, whether it names an index record (which may repeat). */
export type SeenIds = Map<string, { path: string; name: string; line: number; column: number; record: boolean }>;

export interface Rule {
  id: string;
  severity: Severity;
  check(ctx: RuleContext): Message[];
}

/** Attributes whose values are pointers (space-separated URIs). */
export const POINTER_ATTRIBUTES = ['ref', 'corresp', 'target', 'who'];

/** The TEI elements under each tree read: the rules walk them several times. */
const teiElementsOf = new WeakMap<XmlElement, XmlElement[]>();

export function teiElements(doc: Pick<ParsedDoc, 'tree'>): XmlElement[] {
  let elements = teiElementsOf.get(doc.tree);
  if (!elements) teiElementsOf.set(doc.tree, (elements = [...descendants(doc.tree)].filter((e) => e.ns === TEI_NS)));
  return elements;
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

export function located(severity: Severity, ruleId: string, reason: string, doc: ParsedDoc, at: { line: number; column: number }): Message {
  return message(severity, 'validate', ruleId, reason, { file: doc.source.name, line: at.line, column: at.column });
}

/** The pointer a document should use for an entry: the authority file relative to the document. */
export function pointerTo(entry: AuthorityEntry, from: ParsedDoc): string {
  const relative = path.relative(path.dirname(from.source.path), entry.path).split(path.sep).join('/');
  return `${relative}#${entry.id}`;
}
