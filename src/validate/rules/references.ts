import path from 'node:path';
import type { ParsedDoc } from '../../parse/parse.js';
import { KIND_OF_MENTION } from '../../model/entities.js';
import { ancestors, type XmlElement } from '../../parse/tree.js';
import { expandPointer, prefixDefsOf, type PrefixDef } from '../../model/pointers.js';
import { idsOf, located, POINTER_ATTRIBUTES, splitPointer, teiElements, type Rule, type RuleContext } from './context.js';

/** Finds what a pointer names: an entry, an element of this or another file, or nothing. */
function resolver(ctx: RuleContext) {
  const { entries } = ctx.authorities;
  const filesByName = new Map<string, ParsedDoc>();
  for (const doc of [...ctx.docs, ...ctx.authorities.docs]) filesByName.set(doc.source.path, doc);
  const idCache = new Map<ParsedDoc, Set<string>>();
  const ids = (doc: ParsedDoc): Set<string> => {
    let set = idCache.get(doc);
    if (!set) idCache.set(doc, (set = idsOf(doc)));
    return set;
  };
  const defsCache = new Map<ParsedDoc, PrefixDef[]>();
  const defsOf = (doc: ParsedDoc): PrefixDef[] => {
    let defs = defsCache.get(doc);
    if (!defs) defsCache.set(doc, (defs = prefixDefsOf(doc, ctx.prefixes)));
    return defs;
  };
  return (written: string, from: ParsedDoc): { found: boolean; entryKind?: string; why?: string } => {
    const pointer = expandPointer(written, defsOf(from)) ?? written;
    const parts = splitPointer(pointer);
    if (!parts) {
      // A URL, or a prefixed pointer written out as one: an entry if the edition has one with that identifier.
      const identified = /^https?:\/\//i.test(pointer) ? ctx.authorities.byIdentifier(pointer) : undefined;
      return identified ? { found: true, entryKind: entries.get(identified)!.kind.entry } : { found: true };
    }
    const entry = entries.get(parts.id);
    if (parts.file === '') {
      if (ids(from).has(parts.id)) return { found: true };
      return entry
        ? { found: true, entryKind: entry.kind.entry }
        : { found: false, why: `no element of this document or of the authority lists has xml:id="${parts.id}"` };
    }
    const file = path.resolve(path.dirname(from.source.path), parts.file);
    const target = filesByName.get(file);
    if (entry && entry.path === file) return { found: true, entryKind: entry.kind.entry };
    const idsThere = target ? ids(target) : ctx.idsInFile?.(file);
    if (!idsThere) return { found: false, why: `${parts.file} is not a file of the edition` };
    if (idsThere.has(parts.id)) return { found: true };
    return { found: false, why: `${parts.file} has no xml:id="${parts.id}"` };
  };
}

const inCorrespContext = (element: XmlElement): boolean => ancestors(element).some((a) => a.name === 'correspContext');

/** Every pointer of the documents, with what it names. */
interface Pointing {
  doc: ParsedDoc;
  element: XmlElement;
  attribute: string;
  pointer: string;
  result: ReturnType<ReturnType<typeof resolver>>;
}

/** The pointers resolved once for both rules that read them. */
const resolved = new WeakMap<RuleContext, Pointing[]>();

function pointings(ctx: RuleContext): Pointing[] {
  let found = resolved.get(ctx);
  if (found) return found;
  const resolve = resolver(ctx);
  found = [];
  for (const doc of ctx.docs) {
    for (const element of teiElements(doc)) {
      for (const attribute of POINTER_ATTRIBUTES) {
        const value = element.attrs.get(attribute);
        if (value === undefined) continue;
        for (const pointer of value.trim().split(/\s+/).filter(Boolean)) found.push({ doc, element, attribute, pointer, result: resolve(pointer, doc) });
      }
    }
  }
  resolved.set(ctx, found);
  return found;
}

/** A pointer that names nothing; a correspondence's neighbouring letters may lie outside the edition (the page names them, unlinked). */
export const refUnresolved: Rule = {
  id: 'ref-unresolved',
  severity: 'error',
  check: (ctx) =>
    pointings(ctx)
      .filter(({ element, result }) => !result.found && !inCorrespContext(element))
      .map(({ doc, element, attribute, pointer, result }) =>
        located(
          'error',
          'ref-unresolved',
          `@${attribute}="${pointer}" on <${element.name}> points to nothing: ${result.why}; add the entry or correct the pointer`,
          doc,
          element,
        ),
      ),
};

/** A name whose @ref points to an entry of another kind (a persName to a place). */
export const refWrongKind: Rule = {
  id: 'ref-wrong-kind',
  severity: 'error',
  check: (ctx) =>
    pointings(ctx).flatMap(({ doc, element, attribute, pointer, result }) => {
      const expected = KIND_OF_MENTION.get(element.name)?.entry;
      if (attribute !== 'ref' || !expected || !result.entryKind || result.entryKind === expected) return [];
      return [
        located(
          'error',
          'ref-wrong-kind',
          `<${element.name}> points to "${pointer}", which is a <${result.entryKind}>, not a <${expected}>; tag the name as the right kind or point to the right entry`,
          doc,
          element,
        ),
      ];
    }),
};
