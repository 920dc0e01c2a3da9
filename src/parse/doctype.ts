import { message, type Message } from '../infra/messages.js';

/** Entities may not grow a document past this many characters (or ten times its size). */
export const MAX_EXPANDED = 1_000_000;
const MAX_DEPTH = 8;

const PREDEFINED = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);

interface Declarations {
  internal: Map<string, string>;
  external: Set<string>;
  externalSubset: boolean;
  parameterEntities: boolean;
}

function declarations(doctype: string): Declarations {
  const subset = /\[([\s\S]*)\]\s*>$/.exec(doctype)?.[1] ?? '';
  const internal = new Map<string, string>();
  const external = new Set<string>();
  for (const [, percent, name, rest] of subset.matchAll(/<!ENTITY\s+(%\s+)?([^\s%;]+)\s+([\s\S]*?)>/g)) {
    if (percent) continue;
    const literal = /^(?:"([^"]*)"|'([^']*)')\s*$/.exec(rest!.trim());
    if (literal) {
      if (!internal.has(name!)) internal.set(name!, literal[1] ?? literal[2] ?? '');
    } else {
      external.add(name!);
    }
  }
  const head = doctype.replace(/\[[\s\S]*$/, '');
  return { internal, external, externalSubset: /\b(SYSTEM|PUBLIC)\b/.test(head), parameterEntities: /<!ENTITY\s+%/.test(subset) || /%[^\s;]+;/.test(subset) };
}

export type DoctypeResult = { text: string; messages: Message[] } | { error: Message };

/**
 * Takes the DOCTYPE out of a document, so that no later stage (SaxonJS refuses any declared
 * entity) ever sees one. Nothing it names is ever read: an external DTD or parameter entity is
 * ignored with a warning; internal entities are expanded here, within limits that stop
 * "billion laughs"; a reference to an external or undeclared entity is an error. The DOCTYPE is
 * replaced by as many newlines as it spanned, so line numbers stay true.
 */
export function resolveDoctype(text: string, doctype: { text: string; line: number }, file: string): DoctypeResult {
  const at = { file, line: doctype.line };
  const decl = declarations(doctype.text);
  const start = text.indexOf(doctype.text);
  const before = text.slice(0, start);
  let body = text.slice(start + doctype.text.length);
  const messages: Message[] = [];
  if (decl.externalSubset || decl.parameterEntities) {
    messages.push(
      message('warning', 'parse', 'doctype-entity', 'the DOCTYPE names an external DTD or parameter entities, which editio never reads; it was ignored', at),
    );
  }
  const limit = Math.max(MAX_EXPANDED, text.length * 10);
  for (let depth = 0; ; depth++) {
    const refs = [...new Set([...body.matchAll(/&([A-Za-z_][\w.-]*);/g)].map((m) => m[1]!))].filter((n) => !PREDEFINED.has(n));
    if (refs.length === 0) break;
    const unknown = refs.find((n) => !decl.internal.has(n));
    if (unknown !== undefined) {
      const line = text.slice(0, text.indexOf(`&${unknown};`)).split('\n').length;
      const why = decl.external.has(unknown)
        ? 'an external entity, which editio never resolves'
        : 'declared in no DOCTYPE editio reads (an external DTD is never read)';
      return {
        error: message('error', 'parse', 'doctype-entity', `&${unknown}; is ${why}; write the text or character itself`, {
          file,
          line: line > 0 ? line : doctype.line,
        }),
      };
    }
    if (depth >= MAX_DEPTH) {
      return {
        error: message(
          'error',
          'parse',
          'doctype-entity',
          `entities are nested more than ${MAX_DEPTH} deep; editio refuses them (an entity-expansion attack?)`,
          at,
        ),
      };
    }
    let grown = 0;
    body = body.replace(/&([A-Za-z_][\w.-]*);/g, (all, name: string) => {
      const value = decl.internal.get(name);
      if (value === undefined) return all;
      grown += value.length;
      return grown > limit ? '' : value;
    });
    if (body.length > limit || grown > limit) {
      return {
        error: message(
          'error',
          'parse',
          'doctype-entity',
          `the DOCTYPE's entities expand to more than ${limit.toLocaleString('en')} characters; editio refuses them ("billion laughs")`,
          at,
        ),
      };
    }
  }
  if (decl.internal.size > 0)
    messages.push(message('info', 'parse', 'doctype-entity', `internal entities (${[...decl.internal.keys()].join(', ')}) were expanded`, at));
  return { text: before + '\n'.repeat(doctype.text.split('\n').length - 1) + body, messages };
}
