import { expect } from 'chai';
import path from 'node:path';
import type { BuildContext } from '../../src/families/context.js';
import { facsimileReadings } from '../../src/families/facsimile-readings.js';
import { hashOf } from '../../src/infra/hash.js';
import { OutputPlan } from '../../src/incremental/plan.js';
import type { ReadDoc } from '../../src/parse/parse.js';
import { removeDir, tempDir } from '../helpers.js';

const TEI = (facsimile: string): string =>
  `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/>${facsimile}<text><body><p>Dear Clara,</p></body></text></TEI>`;

/** A source whose text is counted each time it is read, as a build's sources are decoded from disk each time. */
function countedDoc(root: string, name: string, text: () => string): { doc: ReadDoc; reads: () => number } {
  let reads = 0;
  const doc = {
    source: { path: path.join(root, name), name, bytes: Buffer.from(''), role: 'document' },
    get text() {
      reads++;
      return text();
    },
    schemaRefs: [],
  } as ReadDoc;
  return { doc, reads: () => reads };
}

describe('families/facsimile-readings: what a build reads of the sources to find their facsimiles', () => {
  let root: string;
  beforeEach(() => (root = tempDir()));
  afterEach(() => removeDir(root));

  it('decodes an unchanged source that named no facsimile never again, and one that did once (to see that it still does)', async () => {
    let letter = TEI('');
    const plain = countedDoc(root, 'plain.xml', () => letter);
    const scanned = countedDoc(root, 'scanned.xml', () =>
      TEI('<facsimile><surface><graphic url="https://images.example.org/iiif/3/p1"/></surface></facsimile>'),
    );
    const outDir = path.join(root, 'out');
    const readings = async (reuse: boolean) => {
      const ctx = {
        config: { root, prefixes: {} },
        outDir,
        plan: new OutputPlan(outDir, undefined, [], 'a test'),
        messages: [],
        hashOfDoc: (doc: ReadDoc) => hashOf(doc === plain.doc ? letter : 'scanned'),
      } as unknown as BuildContext;
      const before = [plain.reads(), scanned.reads()];
      const { read } = await facsimileReadings(ctx, [plain.doc, scanned.doc], (doc) => doc.source.name, reuse);
      return { shown: [...read.keys()].map((d) => d.source.name), reads: [plain.reads() - before[0]!, scanned.reads() - before[1]!] };
    };
    // First: both are read; the one with a facsimile twice (to look for one, then to parse it).
    expect(await readings(false)).to.deep.equal({ shown: ['scanned.xml'], reads: [1, 2] });
    // Nothing changed: the plain one is not read, the other once, its reading reused.
    expect(await readings(true)).to.deep.equal({ shown: ['scanned.xml'], reads: [0, 1] });
    // The plain one changed: read again.
    letter = TEI('').replace('Dear', 'Dearest');
    expect(await readings(true)).to.deep.equal({ shown: ['scanned.xml'], reads: [1, 1] });
    // It now names a facsimile: read, and shown.
    letter = TEI('<facsimile><surface><graphic url="https://images.example.org/iiif/3/p2"/></surface></facsimile>');
    expect(await readings(true)).to.deep.equal({ shown: ['plain.xml', 'scanned.xml'], reads: [2, 1] });
  });
});
