import type { Output } from '../write/write.js';
import { collection, document, entry, Library, memberOf, navigation, rootCollectionAnswer, type Registry, type ResourceRecord } from './api.js';

const q = (params: Record<string, string>): URLSearchParams => new URLSearchParams(params);

/**
 * A resource's own files: its collection, its whole citation tree and its whole document, or
 * undefined if its text cannot be read as XML. They show its record and the collection it is in,
 * not the other resources: made for each resource alone (on a worker, in a build).
 */
export async function resourceFiles(parent: Registry['collection'], record: ResourceRecord, base: string, text: string): Promise<Output[] | undefined> {
  const library = new Library({ collection: parent, resources: [record] }, base, () => Promise.resolve(text), true);
  const { id } = record;
  const own = await collection(library, q({ id }));
  const tree = await navigation(library, q({ resource: id, down: '-1' }), `${base}/navigation/${encodeURIComponent(id)}.json`);
  const whole = await document(library, q({ resource: id }));
  if (![own, tree, whole].every((a) => a.status === 200)) return undefined;
  return [
    { path: `dts/collection/${id}.json`, content: own.body },
    { path: `dts/navigation/${id}.json`, content: tree.body },
    { path: `dts/document/${id}.xml`, content: whole.body },
  ];
}

/**
 * The DTS API as static files under dts/, for hosting without a server (Level 0: whole
 * documents and whole citation trees), and dts/resources.json, which `editio serve` reads.
 */
export async function staticDts(
  registry: Registry,
  base: string,
  files: { get(relative: string): string | Uint8Array | undefined },
  /** Only these resources' files (an incremental build); the edition-wide files always. */
  only?: ReadonlySet<string>,
  /**
   * How the last build listed a resource in the root collection, for the resources not in
   * `only`: the root collection lists them so again rather than parse them again.
   */
  kept?: (id: string) => Promise<object | undefined>,
  /** Makes a resource's own files from its text (a build hands this to its workers). */
  filesOf: (record: ResourceRecord, text: string) => Promise<Output[] | undefined> = (record, text) => resourceFiles(registry.collection, record, base, text),
): Promise<Output[]> {
  const read = (relative: string): string => {
    const content = files.get(relative);
    if (content === undefined) throw new Error(`${relative} is not among the outputs`);
    return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  };
  const outputs: Output[] = [
    { path: 'dts/resources.json', content: `${JSON.stringify(registry, null, 2)}\n` },
    { path: 'dts/entry.json', content: `${JSON.stringify(entry(base, true), null, 2)}\n` },
  ];
  // A few resources at a time, side by side (on workers, in a build), kept in the registry's order.
  const members: (object | undefined)[] = [];
  const made: Output[][] = [];
  const WINDOW = 16;
  for (let i = 0; i < registry.resources.length; i += WINDOW) {
    const batch = registry.resources.slice(i, i + WINDOW);
    await Promise.all(
      batch.map(async (record, j) => {
        const wanted = !only || only.has(record.id);
        const previous = wanted ? undefined : await kept?.(record.id);
        if (previous !== undefined) return void (members[i + j] = previous);
        const own = await filesOf(record, read(record.tei));
        if (!own) return;
        if (wanted) made[i + j] = own;
        members[i + j] = memberOf(own[0]!.content as string);
      }),
    );
  }
  for (const own of made) if (own) outputs.push(...own);
  const library = new Library(registry, base, () => Promise.reject(new Error('the root collection lists its members as given')), true);
  outputs.push({
    path: 'dts/collection.json',
    content: rootCollectionAnswer(
      library,
      members.filter((m): m is object => m !== undefined),
    ).body,
  });
  return outputs;
}
