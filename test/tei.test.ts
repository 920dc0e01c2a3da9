import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { findXmlFiles, loadSources } from '../src/load/load.js';
import { parse } from '../src/parse/parse.js';
import { validate } from '../src/validate/validate.js';
import { requireShared, teiAllSchema, teiDir } from './helpers.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, trimValues: false });

/** Every element of a preserveOrder tree, with its name and attributes. */
function* elements(nodes: Node[]): Generator<{ name: string; attrs: Record<string, string> }> {
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (!name || name.startsWith('?')) continue;
    yield { name, attrs: (node[':@'] ?? {}) as Record<string, string> };
    yield* elements(node[name] as Node[]);
  }
}

const teiFiles = readdirSync(teiDir).filter((f) => f.endsWith('.xml'));
const tree = (file: string): Node[] => parser.parse(readFileSync(path.join(teiDir, file), 'utf8')) as Node[];
const authorities = [...elements(tree('authorities.xml'))];
const entryKind = new Map(authorities.filter((e) => e.attrs['@xml:id']).map((e) => [e.attrs['@xml:id']!, e.name]));
const KIND: Record<string, string> = { persName: 'person', placeName: 'place', orgName: 'org', objectName: 'object', eventName: 'event' };

describe('tei/ (the seed edition’s encoding)', () => {
  it('begins every file with an xml-model processing instruction for RelaxNG', () => {
    for (const file of teiFiles) {
      expect(readFileSync(path.join(teiDir, file), 'utf8'), file).to.match(
        /^<\?xml [^?]*\?>\s*<\?xml-model href="\.\.\/schemas\/editio[a-z-]*\.rng"[^?]*schematypens="http:\/\/relaxng\.org\/ns\/structure\/1\.0"\?>/,
      );
    }
  });

  it('points every mention to an entry of the right kind in the authority lists', () => {
    let mentions = 0;
    for (const file of teiFiles.filter((f) => f !== 'authorities.xml')) {
      for (const el of elements(tree(file))) {
        if (!(el.name in KIND)) continue;
        mentions++;
        const ref = el.attrs['@ref'];
        expect(ref, `${file}: <${el.name}> without @ref`).to.match(/^authorities\.xml#/);
        expect(entryKind.get(ref!.split('#')[1]!), `${file}: ${ref}`).to.equal(KIND[el.name]);
      }
    }
    expect(mentions).to.be.greaterThan(30);
  });

  it('gives every date an ISO value', () => {
    for (const file of teiFiles) {
      for (const el of elements(tree(file))) {
        if (el.name !== 'date') continue;
        const iso = el.attrs['@when'] ?? el.attrs['@notBefore'] ?? el.attrs['@from'];
        expect(iso, `${file}: <date> without @when`).to.match(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });

  it('lists every name variant the texts use, e.g. "General Giap"', () => {
    const giap = readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8');
    for (const variant of ['Comrade Vo Nguyen Giap', 'General Giap', 'Comrade Phung The Tai', 'North Korean air force', 'U.S.']) {
      expect(giap).to.contain(`>${variant}<`);
    }
  });

  describe('against the official tei_all schema', () => {
    before(function () {
      requireShared(this, teiAllSchema);
    });

    it('validates every file (one call, the schema compiled once)', async function () {
      this.timeout(180_000);
      const { files } = await findXmlFiles([teiDir]);
      const { sources } = await loadSources(files);
      const verdicts = await validate(
        sources.map((s) => parse(s).doc!),
        { schema: teiAllSchema },
      );
      expect(verdicts).to.have.length(teiFiles.length);
      for (const v of verdicts) expect(v.messages, v.doc.source.name).to.deep.equal([]);
    });
  });
});
