/**
 * Where the refs and ptrs of a document's text lead: a document of the edition named by its
 * xml:id or file name (`L00311`, `#L00311`, `L00311.xml#p3`), linked to its page and read by its
 * title; else the web address its prefix or @type expands to (src/transform/extract.ts). A
 * pointer that leads nowhere is left out: the page shows its words, never a dead link.
 */
import type { Summary } from '../model/extract-types.js';

export interface ResolvedReference {
  href: string;
  /** The title of the document it names, for a ref with no words of its own. */
  words: string;
}

/** The documents by the names pointers give them, their id (file name) and their xml:id; the first of a name wins. */
export function documentsByName(ordered: readonly Summary[]): Map<string, Summary> {
  const byName = new Map<string, Summary>();
  for (const s of ordered) for (const name of [s.id, s.xmlId]) if (name && !byName.has(name)) byName.set(name, s);
  return byName;
}

/** For each document, its references resolved, as the stylesheets' references-json (by "type|target"). */
export function referencesOf(byName: ReadonlyMap<string, Summary>): (summary: Summary) => string {
  return (summary) => {
    const resolved: Record<string, ResolvedReference> = {};
    for (const { target, type, url } of summary.references) {
      const hash = target.indexOf('#');
      const name = (hash >= 0 ? target.slice(0, hash) : target).replace(/^.*\//, '').replace(/\.xml$/i, '') || target.slice(hash + 1);
      const fragment = hash > 0 ? target.slice(hash + 1) : '';
      const found = target.includes(':') && !/^[^:]*\.xml/i.test(target) ? undefined : byName.get(name);
      if (found)
        resolved[`${type}|${target}`] = {
          href: `${encodeURIComponent(found.id)}.html${fragment ? `#${encodeURIComponent(fragment)}` : ''}`,
          words: found.title,
        };
      else if (url) resolved[`${type}|${target}`] = { href: url, words: '' };
    }
    return JSON.stringify(resolved);
  };
}
