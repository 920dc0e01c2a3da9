import { message, type Message } from '../../infra/messages.js';
import type { ParsedDoc } from '../../parse/parse.js';
import { detached, Positions, texts } from '../../parse/tree.js';
import { KIND_OF_MENTION } from '../../model/entities.js';
import { located, POINTER_ATTRIBUTES, pointerTo, splitPointer, teiElements, type Rule } from './context.js';
import { MAX_NAME_LENGTH, type Authorities, type AuthorityEntry } from '../../model/authorities.js';
import { entryIdOf, prefixDefsOf, type PrefixDef } from '../../model/pointers.js';
import { collapseSpace, NameIndex } from '../../text/name-index.js';
import type { XmlElement } from '../../parse/tree.js';

/**
 * The ids a document points to, in any pointer attribute; given the edition's entries, also the
 * entries its prefixed pointers and URLs name, and those a mention names by `@key`.
 */
export function pointedIds(doc: ParsedDoc, authorities?: Authorities, configured: readonly PrefixDef[] = [], within: XmlElement = doc.tree): Set<string> {
  const used = new Set<string>();
  const defs = authorities ? prefixDefsOf(doc, configured) : [];
  for (const element of teiElements({ tree: within })) {
    for (const attribute of POINTER_ATTRIBUTES) {
      for (const pointer of (element.attrs.get(attribute) ?? '').split(/\s+/).filter(Boolean)) {
        const parts = splitPointer(pointer);
        const id = parts ? parts.id : authorities && entryIdOf(pointer, authorities, defs);
        if (id) used.add(detached(id));
      }
    }
    const key = element.attrs.get('key');
    const id = key && !element.attrs.has('ref') && authorities && entryIdOf(key, authorities, defs);
    if (id) used.add(detached(id));
  }
  return used;
}

/** Entries of the edition's own lists none of `used` names (an index file's others are simply not published): candidates for removal, or mentions left untagged. */
export function unusedEntries(authorities: Authorities, used: ReadonlySet<string>): Message[] {
  return [...authorities.entries.values()]
    .filter((entry) => entry.curated && !used.has(entry.id))
    .map((entry) =>
      message(
        'warning',
        'validate',
        'authority-unused',
        `the ${entry.kind.entry} "${entry.id}" is mentioned in no document; tag its mentions or remove the entry`,
        entry.at,
      ),
    );
}

/** An entry nothing in the edition points to: a candidate for removal, or a mention left untagged. */
export const authorityUnused: Rule = {
  id: 'authority-unused',
  severity: 'warning',
  check(ctx) {
    if (!ctx.wholeEdition) return [];
    const used = new Set<string>();
    for (const doc of ctx.docs) for (const id of pointedIds(doc, ctx.authorities, ctx.prefixes)) used.add(id);
    return unusedEntries(ctx.authorities, used);
  },
};

/** Elements whose words are already tagged, or are metadata rather than text. */
const NOT_TEXT = new Set([...KIND_OF_MENTION.keys(), 'rs', 'name', 'titleStmt', 'publicationStmt', 'encodingDesc', 'revisionDesc', 'standOff', 'idno']);

/** The names mention-untagged looks for, each with its entry, or 'ambiguous' when it names several. */
function untaggedNames(authorities: Authorities): Map<string, AuthorityEntry | 'ambiguous'> {
  const byName = new Map<string, AuthorityEntry | 'ambiguous'>();
  // The edition's own lists: an index of thousands would flag every common word that is someone's name.
  for (const entry of authorities.entries.values()) {
    if (!entry.curated) continue;
    for (const name of entry.names) {
      if (name.length > MAX_NAME_LENGTH) continue;
      const known = byName.get(name);
      byName.set(name, known && known !== entry ? 'ambiguous' : entry);
    }
  }
  return byName;
}

/** The lists' names and their index, made once per set of lists (a build checks its documents in chunks). */
const finders = new WeakMap<Authorities, { byName: Map<string, AuthorityEntry | 'ambiguous'>; index: NameIndex }>();
function finderOf(authorities: Authorities): { byName: Map<string, AuthorityEntry | 'ambiguous'>; index: NameIndex } {
  let finder = finders.get(authorities);
  if (!finder) {
    const byName = untaggedNames(authorities);
    finder = { byName, index: new NameIndex([...byName.keys()].map((name) => collapseSpace(name).text)) };
    finders.set(authorities, finder);
  }
  return finder;
}

/** What mention-untagged reads of the lists, as a build keeps it: each name, and the entry its messages would name (kind, id, file). */
export function namesRead(authorities: Authorities): Record<string, string> {
  const read: Record<string, string> = {};
  for (const [name, entry] of untaggedNames(authorities)) read[name] = entry === 'ambiguous' ? entry : `${entry.kind.mention} ${entry.id} ${entry.path}`;
  return read;
}

const CHARACTER = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Whether a text may read otherwise to mention-untagged since the lists said `before`: whether it
 * has a name that was added, removed or given to another entry (its markup and attributes too, so
 * never a miss). Undefined when no name changed. A renamed entry then means checking again the
 * documents with its old or new name, not every document.
 */
export function changedNamesIn(before: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): ((text: string) => boolean) | undefined {
  const changed = [...new Set([...Object.keys(before), ...Object.keys(now)])].filter((name) => before[name] !== now[name]);
  if (changed.length === 0) return undefined;
  const index = new NameIndex(changed.map((name) => collapseSpace(name).text));
  const occurs = (text: string): boolean => index.occursIn(collapseSpace(text).text);
  return (text) => {
    // A CDATA section is one text with what stands beside it; inside it, a reference is text.
    const joined = text.replace(/<!\[CDATA\[|\]\]>/g, '');
    try {
      return (
        occurs(joined) ||
        occurs(
          joined.replace(CHARACTER, (_, hex?: string, decimal?: string, name?: string) =>
            name ? PREDEFINED[name]! : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal)),
          ),
        )
      );
    } catch {
      // A reference to no character: the text did not parse; whatever it says, check it again.
      return true;
    }
  };
}

/** A name or variant from the authority lists that stands in a text without its tag. */
export const mentionUntagged: Rule = {
  id: 'mention-untagged',
  severity: 'warning',
  check(ctx) {
    const { byName, index } = finderOf(ctx.authorities);
    if (index.size === 0) return [];
    const messages: Message[] = [];
    for (const doc of ctx.docs) {
      const positions = new Positions(doc.text);
      for (const node of texts(doc.tree, (e) => NOT_TEXT.has(e.name))) {
        // The longest name that starts at a place wins: "North Vietnam" rather than the "Vietnam" inside it.
        const names = index.find(node.text.replace(/\s+/g, ' '));
        if (names.length === 0) continue;
        // Where each character came from (the same text, space collapsed), worked out only for a text with an untagged name: few have one.
        const keyed = collapseSpace(node.text);
        for (const found of names) {
          const written = node.text.slice(keyed.origin[found.start], keyed.origin[found.end - 1]! + 1);
          const name = keyed.text.slice(found.start, found.end);
          const entry = byName.get(name);
          const raw = doc.text.indexOf(written, node.offset);
          const at = positions.at(raw >= 0 ? raw : node.offset + keyed.origin[found.start]!);
          const reason =
            entry === 'ambiguous' || entry === undefined
              ? `"${name}" is untagged; it is the name of more than one authority entry, so tag it with the one meant`
              : `"${name}" is untagged; tag it as <${entry.kind.mention} ref="${pointerTo(entry, doc)}">`;
          messages.push(located('warning', 'mention-untagged', reason, doc, at));
        }
      }
    }
    return messages;
  },
};

/** A name too long to be one, on its entry (in the authority file checked): it is not looked for in the texts. */
export const nameTooLong: Rule = {
  id: 'name-too-long',
  severity: 'warning',
  check(ctx) {
    const checked = new Set((ctx.lists ?? []).map((doc) => doc.source.path));
    const messages: Message[] = [];
    for (const entry of ctx.authorities.entries.values()) {
      if (!checked.has(entry.path)) continue;
      for (const name of entry.names.filter((n) => n.length > MAX_NAME_LENGTH)) {
        const reason = `a name of the ${entry.kind.entry} "${entry.id}" is ${name.length.toLocaleString('en')} characters long ("${name.slice(0, 40)}…"); a name has at most ${MAX_NAME_LENGTH.toLocaleString('en')}: put a description in a <note>, not in the name`;
        messages.push(message('warning', 'validate', 'name-too-long', reason, entry.at));
      }
    }
    return messages;
  },
};
