/**
 * The validate stage of a build, incremental: a source is checked again only when its bytes,
 * or the authority lists' ids and names (what the edition rules read), changed since last time.
 */
import path from 'node:path';
import { authorityPaths, checkInChunks, idsOfSources, recordsCarried } from '../validate/check.js';
import type { SeenIds } from '../validate/rules/context.js';
import type { EditionConfig } from '../model/config.js';
import { knownOf } from '../load/load.js';
import type { Source } from '../parse/source.js';
import type { Message } from '../infra/messages.js';
import { parse, readSource, type ReadDoc } from '../parse/parse.js';
import { changedNamesIn, namesRead, pointedIds, unusedEntries } from '../validate/rules/authorities.js';
import { Authorities } from '../model/authorities.js';
import { hashOf } from '../infra/hash.js';
import type { DocumentRecord } from '../model/records.js';
import { configuredPrefixes, looksUpEntries } from '../model/pointers.js';
import { identityOf, type DocumentIdentity } from '../model/identity.js';
import { volumeLayout, type VolumeLayout } from '../load/volumes.js';
import type { BuildState, CheckRecord } from '../incremental/state.js';

export interface EditionCheck {
  /** By source path relative to the edition's folder. */
  records: Record<string, CheckRecord>;
  /** Every source that may be published, read (parsed if it was checked now). */
  valid: ReadDoc[];
  /** The authority lists, every file that could be parsed (the stylesheets and registers need their trees). */
  authorities: Authorities;
  messages: Message[];
  /** How many sources were checked now rather than taken from the last build. */
  checked: number;
  /** What the edition rules read of the entries' names, for the next build to compare (namesRead). */
  names: Record<string, string>;
}

/**
 * A source found valid (now or by an earlier build), decoded whenever something reads it and
 * never held: an incremental build reads few of them (the pages to make), and a full build
 * would otherwise hold the text of every document at once.
 */
function readWhenNeeded(source: Source): ReadDoc {
  const read = (): { text: string; schemaRefs: ReadDoc['schemaRefs'] } => {
    const result = readSource(source);
    // The same bytes were read without error when they were found valid.
    if ('error' in result) throw new Error(`${source.name} was read without error before, and not now`);
    return result;
  };
  return {
    source,
    get text() {
      return read().text;
    },
    get schemaRefs() {
      return read().schemaRefs;
    },
  };
}

/** The records a source carries: those the last build read from the same bytes, else read now (parsed only if it may hold any). */
function recordsOf(source: Source, previous: CheckRecord | undefined): DocumentRecord[] {
  if (source.role !== 'authorities' && previous && previous.hash === knownOf(source).hash) return previous.records;
  return recordsCarried(source);
}

export async function checkEdition(
  config: EditionConfig,
  sources: readonly Source[],
  options: { fingerprint: string; previous?: BuildState; schema?: string },
): Promise<EditionCheck> {
  const relative = (s: Source): string => path.relative(config.root, s.path).split(path.sep).join('/');
  const curated = new Set(authorityPaths(config));
  const carried = new Map(sources.map((s) => [s, recordsOf(s, options.previous?.checks[relative(s)])]));
  // Parsed once: an index file may be many megabytes, and is checked with the same tree.
  const parsedAuthorities = new Map(sources.filter((s) => s.role === 'authorities').map((s) => [s.path, parse(s)]));
  const authorities = new Authorities(
    [...parsedAuthorities.values()].flatMap((result) => (result.doc ? [result.doc] : [])),
    { records: [...carried.values()].flat(), curated: (doc) => curated.has(doc.source.path) },
  );
  const prefixes = configuredPrefixes(config.prefixes);
  const ids = authorities.idTable();
  const keyOf = (s: Source): string => {
    const { hash } = knownOf(s);
    return s.role === 'authorities' ? hashOf(options.fingerprint, hash) : hashOf(options.fingerprint, s.role, hash, ids);
  };
  const names = namesRead(authorities);
  const namesChanged = options.previous && changedNamesIn(options.previous.names, names);
  const readsChangedName = (s: Source): boolean => {
    if (!namesChanged || s.role === 'authorities') return false;
    const read = readSource(s);
    return 'error' in read || namesChanged(read.text);
  };
  const fresh = sources.filter((s) => options.previous?.checks[relative(s)]?.key !== keyOf(s) || readsChangedName(s));
  const isFresh = new Set(fresh);

  // In chunks, so that the parsed trees of a large edition are never all in memory at once.
  const byFile = new Map<string, Message[]>(fresh.map((s) => [s.name, []]));
  const messages: Message[] = [...authorities.conflicts];
  const checkedDocs = new Map<string, { valid: boolean; pointsTo: string[]; identity: DocumentIdentity; looksUp: boolean; volume: VolumeLayout | undefined }>();
  // Every xml:id unique across the chunks, not only within each.
  const seenIds: SeenIds = new Map();
  const idsInFile = idsOfSources(sources);
  const checking = {
    ...(config.foreign ? { lenient: true } : { edition: config, partial: true, authorities, seenIds, idsInFile }),
    ...(options.schema ? { schema: options.schema } : {}),
    parsed: parsedAuthorities,
  };
  await checkInChunks(fresh, checking, (result) => {
    for (const m of result.messages) {
      const own = m.file !== undefined ? byFile.get(m.file) : undefined;
      if (own) own.push(m);
      else messages.push(m);
    }
    for (const { doc, valid } of result.docs) {
      checkedDocs.set(doc.source.path, {
        valid,
        pointsTo: [...pointedIds(doc, authorities, prefixes)].sort(),
        identity: identityOf(doc),
        looksUp: looksUpEntries(doc),
        volume: doc.source.role === 'document' ? volumeLayout(doc, (div) => [...pointedIds(doc, authorities, prefixes, div)].sort()) : undefined,
      });
    }
  });
  const records: Record<string, CheckRecord> = {};
  const valid: ReadDoc[] = [];
  for (const source of sources) {
    const checked = checkedDocs.get(source.path);
    // Cloned: strings cut from a parsed document (an id, a message's quote) would otherwise keep its whole text alive.
    const record: CheckRecord = isFresh.has(source)
      ? structuredClone({
          key: keyOf(source),
          valid: checked?.valid ?? false,
          messages: byFile.get(source.name)!,
          pointsTo: checked?.pointsTo ?? [],
          hash: knownOf(source).hash,
          records: carried.get(source)!,
          identity: checked?.identity ?? { editors: [] },
          looksUp: checked?.looksUp ?? false,
          ...(checked?.volume ? { volume: checked.volume } : {}),
        })
      : options.previous!.checks[relative(source)]!;
    records[relative(source)] = record;
    for (const m of record.messages) messages.push(m);
    if (!record.valid) continue;
    // Decoded again when needed rather than held: a large edition's texts would all be in memory.
    valid.push(readWhenNeeded(source));
  }
  if (!config.foreign) {
    const used = new Set(sources.filter((s) => s.role !== 'authorities').flatMap((s) => records[relative(s)]!.pointsTo));
    for (const m of unusedEntries(authorities, used)) messages.push(m);
  }
  return { records, valid, authorities, messages, checked: fresh.length, names };
}
