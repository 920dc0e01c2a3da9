import { expect } from 'chai';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { joinParts, type Part } from '../../src/incremental/parts.js';
import { writeFileAtomic, type Output, type Pieces } from '../../src/write/write.js';

describe('site/parts', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'editio-parts-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Parts of the seed's documents; `made` counts whose content was asked for. */
  const docs = ['1966-09-21-giap-decision.xml', '1966-09-30-protocol-agreement.xml', '1967-07-06-telegram-pyongyang-bucharest.xml'];
  const partsOf = (texts: Record<string, string>, made: string[]): Part[] =>
    Object.entries(texts).map(([key, text]) => ({
      key,
      hash: text.length + text.slice(0, 40),
      content: () => {
        made.push(key);
        return text;
      },
    }));
  const seed = (): Record<string, string> => Object.fromEntries(docs.map((d) => [d, readFileSync(path.join('tei', d), 'utf8')]));
  const write = async (outputs: (Output | Pieces)[]): Promise<void> => {
    for (const o of outputs) await writeFileAtomic(path.join(dir, ...o.path.split('/')), o.content);
  };

  it('joins the parts in order and says where each lies', async () => {
    const texts = seed();
    const [file, index] = await joinParts(dir, 'corpus.xml', partsOf(texts, []));
    expect(Buffer.concat(file.content).toString('utf8')).to.equal(Object.values(texts).join(''));
    expect(index.path).to.equal('.editio/parts/corpus.xml.json');
    const { parts } = JSON.parse(String(index.content)) as { parts: [string, string, number, number][] };
    expect(parts.map(([key]) => key)).to.deep.equal(docs);
  });

  it('after one part changed, asks only for it and gives the bytes of a fresh join', async () => {
    const texts = seed();
    await write(await joinParts(dir, 'corpus.xml', partsOf(texts, [])));
    texts[docs[1]!] = texts[docs[1]!]!.replace('</TEI>', '<!-- edited --></TEI>');
    const made: string[] = [];
    const [again] = await joinParts(dir, 'corpus.xml', partsOf(texts, made));
    expect(made).to.deep.equal([docs[1]]);
    expect(Buffer.concat(again.content).toString('utf8')).to.equal(Object.values(texts).join(''));
  });

  it('makes every part again when the file on disk is not the one its index describes', async () => {
    const texts = seed();
    await write(await joinParts(dir, 'corpus.xml', partsOf(texts, [])));
    appendFileSync(path.join(dir, 'corpus.xml'), 'edited by hand');
    const made: string[] = [];
    const [again] = await joinParts(dir, 'corpus.xml', partsOf(texts, made));
    expect(made).to.deep.equal(docs);
    expect(Buffer.concat(again.content).toString('utf8')).to.equal(Object.values(texts).join(''));
  });
});
