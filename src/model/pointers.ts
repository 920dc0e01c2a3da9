/**
 * What a pointer names, in the forms editions write them: `#id` (this document, or an entry of
 * the edition), `file.xml#id`, a bare id in `@key`, and prefixed URIs (`pmb:11740`) expanded by
 * the document's own `prefixDef`s and the configuration's `prefixes`. A pointer that expands to
 * a URL names the entry that carries that URL as an `idno` (an index's link to a name authority).
 */
import { TEI_NS, type ParsedDoc } from '../parse/parse.js';
import { descendants } from '../parse/tree.js';

/** A TEI prefixDef: `ident:rest`, where rest matches `matchPattern`, stands for `replacementPattern` with $1, $2, … filled in. */
export interface PrefixDef {
  ident: string;
  matchPattern: string;
  replacementPattern: string;
}

/** The configuration's prefixes ({"pmb": "https://pmb.acdh.oeaw.ac.at/entity/$1/"}) as prefixDefs matching anything. */
export const configuredPrefixes = (prefixes: Readonly<Record<string, string>>): PrefixDef[] =>
  Object.entries(prefixes).map(([ident, replacementPattern]) => ({ ident, matchPattern: '(.+)', replacementPattern }));

/** The prefixDefs a document's header declares, before the configured ones: its own win. */
export function prefixDefsOf(doc: Pick<ParsedDoc, 'tree'>, configured: readonly PrefixDef[] = []): PrefixDef[] {
  const own = [...descendants(doc.tree)]
    .filter((e) => e.ns === TEI_NS && e.name === 'prefixDef' && e.attrs.has('ident') && e.attrs.has('replacementPattern'))
    .map((e) => ({
      ident: e.attrs.get('ident')!,
      matchPattern: e.attrs.get('matchPattern') ?? '(.+)',
      replacementPattern: e.attrs.get('replacementPattern')!,
    }));
  return [...own, ...configured];
}

/** A prefixed pointer written out in full, or undefined when no definition covers it. */
export function expandPointer(pointer: string, defs: readonly PrefixDef[]): string | undefined {
  const colon = pointer.indexOf(':');
  if (colon <= 0 || pointer.startsWith('//', colon + 1)) return undefined;
  const ident = pointer.slice(0, colon);
  const rest = pointer.slice(colon + 1);
  for (const def of defs) {
    if (def.ident !== ident) continue;
    let pattern: RegExp;
    try {
      pattern = new RegExp(`^(?:${def.matchPattern})$`, 'u');
    } catch {
      continue;
    }
    if (pattern.test(rest)) return rest.replace(pattern, def.replacementPattern);
  }
  return undefined;
}

/** A URL as identifiers are compared: scheme, case of the host and a trailing slash do not count. */
export const comparableUri = (uri: string): string =>
  uri
    .trim()
    .replace(/^https?:\/\/([^/]+)/i, (_, host: string) => `//${host.toLowerCase()}`)
    .replace(/\/+$/, '');

/** What entryIdOf asks of the entries: whether there is one with an id, and which one carries an identifier URL (Authorities, or the published entries' ids on a worker). */
export interface EntryLookup {
  get(id: string): unknown;
  byIdentifier(url: string): string | undefined;
}

/**
 * The entry id a pointer names, if the edition has such an entry: after '#', else the entry
 * whose identifier is the URL it is or expands to, else (for `@key`) the pointer itself.
 */
export function entryIdOf(pointers: string, authorities: EntryLookup, defs: readonly PrefixDef[]): string | undefined {
  // TEI pointers are a list ("#pmb40187 #pmb27289"): the first that names an entry is the one a mention links to.
  for (const pointer of pointers.trim().split(/\s+/)) {
    const id = entryIdOfOne(pointer, authorities, defs);
    if (id !== undefined) return id;
  }
  return undefined;
}

function entryIdOfOne(pointer: string, authorities: EntryLookup, defs: readonly PrefixDef[]): string | undefined {
  const full = expandPointer(pointer, defs) ?? pointer;
  const hash = full.indexOf('#');
  if (hash >= 0 && !/^https?:/i.test(full)) return authorities.get(full.slice(hash + 1)) ? full.slice(hash + 1) : undefined;
  if (/^https?:\/\//i.test(full)) return authorities.byIdentifier(full);
  return authorities.get(full) ? full : undefined;
}

/** Whether a pointer names its target by '#id' (in this file or another): then its id is read off, not looked up. */
const namesById = (pointer: string): boolean => pointer.includes('#') && !pointer.slice(0, pointer.indexOf('#')).includes(':');

/**
 * Whether a document names an entry in a way only the entries resolve (a key, a bare id, a
 * prefixed pointer, a URL an entry carries): what it extracts then depends on them, not only on
 * its text (src/transform/extract.ts reads them the same way).
 */
export function looksUpEntries(doc: ParsedDoc): boolean {
  for (const element of descendants(doc.tree)) {
    if (element.ns !== TEI_NS) continue;
    if (element.attrs.has('key')) return true;
    for (const attribute of ['ref', 'corresp']) {
      if ((element.attrs.get(attribute) ?? '').split(/\s+/).some((p) => p !== '' && !namesById(p))) return true;
    }
  }
  return false;
}
