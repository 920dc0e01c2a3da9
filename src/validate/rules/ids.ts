import type { Message } from '../../infra/messages.js';
import { descendants, detached } from '../../parse/tree.js';
import { isRecord } from '../../model/records.js';
import { located, type Rule, type SeenIds } from './context.js';

/** An xml:id used twice anywhere in the edition (a record repeated in other files aside): pointers to it would be ambiguous. */
export const idDuplicate: Rule = {
  id: 'id-duplicate',
  severity: 'error',
  check(ctx) {
    const first: SeenIds = ctx.seenIds ?? new Map();
    const messages: Message[] = [];
    for (const doc of [...ctx.authorities.docs, ...ctx.docs]) {
      for (const element of descendants(doc.tree)) {
        const id = element.attrs.get('xml:id');
        if (id === undefined) continue;
        const earlier = first.get(id);
        if (!earlier) {
          first.set(detached(id), { path: doc.source.path, name: doc.source.name, line: element.line, column: element.column, record: isRecord(element) });
          continue;
        }
        const sameFile = earlier.path === doc.source.path;
        // Seen in an earlier chunk of the run: the authority lists are read again with each.
        if (sameFile && earlier.line === element.line && earlier.column === element.column) continue;
        // The same record in several files (each letter with the records it points to) is one entry: merged, not refused.
        if (!sameFile && earlier.record && isRecord(element)) continue;
        const where = sameFile ? `line ${earlier.line}` : `${earlier.name}:${earlier.line}`;
        messages.push(located('error', 'id-duplicate', `xml:id="${id}" is already used (${where}); every xml:id in the edition must be unique`, doc, element));
      }
    }
    return messages;
  },
};
