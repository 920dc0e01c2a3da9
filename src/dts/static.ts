import type { Output } from '../write/write.js';
import { collection, document, entry, Library, memberOf, navigation, rootCollectionAnswer, type Registry } from './api.js';

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
): Promise<Output[]> {
  const read = async (relative: string): Promise<string> => {
    const content = files.get(relative);
    if (content === undefined) throw new Error(`${relative} is not among the outputs`);
    return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  };
  const library = new Library(registry, base, read, true);
  const outputs: Output[] = [
    { path: 'dts/resources.json', content: JSON.stringify(registry, null, 2) + '\n' },
    { path: 'dts/entry.json', content: JSON.stringify(entry(base, true), null, 2) + '\n' },
  ];
  const members: object[] = [];
  const q = (params: Record<string, string>): URLSearchParams => new URLSearchParams(params);
  for (const { id } of registry.resources) {
    const wanted = !only || only.has(id);
    const previous = wanted ? undefined : await kept?.(id);
    if (previous !== undefined) {
      members.push(previous);
      continue;
    }
    const own = await collection(library, q({ id }));
    if (own.status === 200) members.push(memberOf(own.body));
    if (wanted) {
      const tree = await navigation(library, q({ resource: id, down: '-1' }), `${base}/navigation/${encodeURIComponent(id)}.json`);
      const whole = await document(library, q({ resource: id }));
      if ([own, tree, whole].every((a) => a.status === 200)) {
        outputs.push({ path: `dts/collection/${id}.json`, content: own.body });
        outputs.push({ path: `dts/navigation/${id}.json`, content: tree.body });
        outputs.push({ path: `dts/document/${id}.xml`, content: whole.body });
      }
    }
    library.forget(id);
  }
  outputs.push({ path: 'dts/collection.json', content: rootCollectionAnswer(library, members).body });
  return outputs;
}
