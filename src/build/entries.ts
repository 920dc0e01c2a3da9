import { KIND_OF_ENTRY } from '../entities.js';
import type { ParsedDoc } from '../parse.js';
import { hashOf } from '../state.js';
import { descendants, type XmlElement } from '../tree.js';

/** Elements of an entry that give its names: what a page that mentions it shows (its title, its register). */
const NAME_ELEMENTS = new Set(['persName', 'placeName', 'orgName', 'eventName', 'objectName', 'objectIdentifier']);

/**
 * Each authority entry's own text, by id (what its register page shows), and its face: what a
 * document page or record that points to it shows of it (kind, list, names), without its notes.
 */
export function entryTexts(authorities: readonly ParsedDoc[]): { texts: Map<string, string>; faces: Map<string, string> } {
  const texts = new Map<string, string>();
  const faces = new Map<string, string>();
  for (const doc of authorities) {
    for (const e of descendants(doc.tree)) {
      const id = e.attrs.get('xml:id');
      if (!id || !KIND_OF_ENTRY.has(e.name) || texts.has(id)) continue;
      texts.set(id, doc.text.slice(e.start, e.end));
      const names = e.children.filter((c) => c.kind === 'element' && NAME_ELEMENTS.has(c.name)).map((c) => doc.text.slice((c as XmlElement).start, (c as XmlElement).end));
      faces.set(id, hashOf(e.name, e.parent?.name ?? '', ...names));
    }
  }
  return { texts, faces };
}
