/**
 * What a document's pointers name among the edition's published entries, read as the pages read
 * them (xslt/common/authorities.xsl): the entry a mention names, and the refs and ptrs that lead
 * out of the document. For the extracts (src/transform/extract.ts).
 */
import { normalize, tei } from '../model/header.js';
import { descendants, type XmlElement } from '../parse/tree.js';
import { comparableUri, entryIdOf, expandPointer, prefixDefsOf, type EntryLookup, type PrefixDef } from '../model/pointers.js';
import type { Reference } from '../model/extract-types.js';
import { isTei, mentionPointer } from './anchors.js';

/** The entries a document's pointers may name: the published ones' ids, and by identifier URL (comparableUri) the id of its entry. */
export interface PublishedEntries {
  ids: ReadonlySet<string>;
  identifiers: ReadonlyMap<string, string>;
  /** The configuration's prefixes, as prefixDefs (after a document's own). */
  prefixes: readonly PrefixDef[];
}

/** Reads which entry a pointer names, as xslt/common/authorities.xsl does (ed:entry, ed:mention-entry), and the id a mention's extract records. */
export class EntryReader {
  private readonly defs: PrefixDef[];
  private readonly lookup: EntryLookup;

  constructor(root: XmlElement, entries: PublishedEntries) {
    // The prefixDefs of the document's own header (as the pages read them), before the configured ones.
    this.defs = [...tei(root, 'teiHeader').flatMap((header) => prefixDefsOf({ tree: header })), ...entries.prefixes];
    this.lookup = {
      get: (id) => entries.ids.has(id) || undefined,
      byIdentifier: (url) => {
        const id = entries.identifiers.get(comparableUri(normalize(url)));
        return id !== undefined && entries.ids.has(id) ? id : undefined;
      },
    };
  }

  private entry(ref: string): string | undefined {
    return entryIdOf(ref, this.lookup, this.defs);
  }

  /** A pointer written out by the document's prefixDefs and the configured prefixes, if they cover it. */
  expand(pointer: string): string | undefined {
    return expandPointer(pointer, this.defs);
  }

  /**
   * The id of the entry a mention names: what its pointer says after '#'; a prefixed pointer, a
   * URL or a key is looked up. Of several pointers ("#pmb40187 #pmb27289"), the first that names an entry.
   */
  idOf(mention: XmlElement): string {
    const pointers = pointerOf(mention).trim().split(/\s+/);
    const byId = pointers.filter((p) => p.includes('#') && !p.slice(0, p.indexOf('#')).includes(':')).map((p) => p.slice(p.indexOf('#') + 1));
    const pointer = pointers[0]!;
    if (byId.length > 0 && byId.length === pointers.length) return byId.find((id) => this.lookup.get(id)) ?? byId[0]!;
    const named = mentionPointer(mention);
    const found = (named !== undefined ? this.entry(named) : undefined) ?? (mention.attrs.has('key') ? this.entry(mention.attrs.get('key')!) : undefined);
    return found ?? pointer.replace(/^.*#/, '');
  }
}

export const pointerOf = (e: XmlElement): string => mentionPointer(e) ?? e.attrs.get('key') ?? '';

/**
 * The pointers of the text's refs and ptrs to what is not part of the document (another
 * document of the edition, a letter or diary entry of another edition, an entry of a database),
 * each once, with its @type and the web address its prefix or type expands to. A web address,
 * or '#id' of an element the document has, is linked as it stands and is not listed.
 */
export function referencesOf(texts: readonly XmlElement[], reader: EntryReader): Reference[] {
  const own = new Set(texts.flatMap((t) => [...descendants(t)].map((e) => e.attrs.get('xml:id'))).filter((id): id is string => id !== undefined));
  const found = new Map<string, Reference>();
  for (const text of texts) {
    for (const e of descendants(text)) {
      if (!isTei(e, 'ref') && !isTei(e, 'ptr')) continue;
      const type = e.attrs.get('type') ?? '';
      for (const target of normalize(e.attrs.get('target') ?? '')
        .split(' ')
        .filter(Boolean)) {
        if (/^https?:\/\//i.test(target) || (target.startsWith('#') && own.has(target.slice(1))) || found.has(`${type} ${target}`)) continue;
        const expanded = reader.expand(target) ?? (type && !target.includes(':') ? reader.expand(`${type}:${target}`) : undefined);
        found.set(`${type} ${target}`, { target, type, url: expanded && /^https?:\/\//i.test(expanded) ? expanded : '' });
      }
    }
  }
  return [...found.values()];
}
