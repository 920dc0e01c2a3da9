import type { Message } from '../../messages.js';
import type { ParsedDoc } from '../../parse/parse.js';
import { descendants, type XmlElement } from '../../parse/tree.js';
import { isRecord } from '../../records.js';
import { located, type Rule } from './context.js';

/** An xml:id used twice anywhere in the edition (a record repeated in other files aside): pointers to it would be ambiguous. */
export const idDuplicate: Rule = {
  id: 'id-duplicate',
  severity: 'error',
  check(ctx) {
    const first = new Map<string, { doc: ParsedDoc; element: XmlElement }>();
    const messages: Message[] = [];
    for (const doc of [...ctx.authorities.docs, ...ctx.docs]) {
      for (const element of descendants(doc.tree)) {
        const id = element.attrs.get('xml:id');
        if (id === undefined) continue;
        const earlier = first.get(id);
        if (!earlier) {
          first.set(id, { doc, element });
          continue;
        }
        // The same record in several files (each letter with the records it points to) is one entry: merged, not refused.
        if (earlier.doc !== doc && isRecord(earlier.element) && isRecord(element)) continue;
        const where = earlier.doc === doc ? `line ${earlier.element.line}` : `${earlier.doc.source.name}:${earlier.element.line}`;
        messages.push(located('error', 'id-duplicate', `xml:id="${id}" is already used (${where}); every xml:id in the edition must be unique`, doc, element));
      }
    }
    return messages;
  },
};
