import type { Output } from '../write.js';
import { collection, document, entry, Library, navigation, type Registry } from './api.js';

/**
 * The DTS API as static files under dts/, for hosting without a server (Level 0: whole
 * documents and whole citation trees), and dts/resources.json, which `editio serve` reads.
 */
export async function staticDts(
  registry: Registry,
  base: string,
  files: ReadonlyMap<string, string | Uint8Array>,
  /** Only these resources' files (an incremental build); the edition-wide files always. */
  only?: ReadonlySet<string>,
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
    { path: 'dts/collection.json', content: (await collection(library, new URLSearchParams())).body },
  ];
  for (const { id } of registry.resources) {
    if (only && !only.has(id)) continue;
    const q = (params: Record<string, string>): URLSearchParams => new URLSearchParams(params);
    const answers = {
      collection: await collection(library, q({ id })),
      navigation: await navigation(library, q({ resource: id, down: '-1' }), `${base}/navigation/${encodeURIComponent(id)}.json`),
      document: await document(library, q({ resource: id })),
    };
    library.forget(id);
    if (Object.values(answers).some((a) => a.status !== 200)) continue;
    outputs.push({ path: `dts/collection/${id}.json`, content: answers.collection.body });
    outputs.push({ path: `dts/navigation/${id}.json`, content: answers.navigation.body });
    outputs.push({ path: `dts/document/${id}.xml`, content: answers.document.body });
  }
  return outputs;
}
