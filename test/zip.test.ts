import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, zipEntries, type ZipEntry } from '../src/site/zip.js';

const tei = (name: string): ZipEntry => ({ path: `tei/${name}`, content: readFileSync(path.join('tei', name)) });

describe('site/zip', () => {
  const entries = [tei('authorities.xml'), tei('1966-09-21-giap-decision.xml'), { path: 'empty.txt', content: new Uint8Array() }];

  it('computes the CRC-32 of the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).to.equal(0xcbf43926);
  });

  const bytes = (e: ZipEntry): Buffer => Buffer.from(e.content as Uint8Array);

  it('writes an archive that unzips to the same bytes, the same every time', async () => {
    const zip = await zipEntries(entries);
    const files = unzipSync(zip);
    expect(Object.keys(files)).to.deep.equal(entries.map((e) => e.path));
    for (const e of entries) expect(Buffer.from(files[e.path]!).equals(bytes(e))).to.equal(true);
    expect(Buffer.from(await zipEntries(entries)).equals(Buffer.from(zip))).to.equal(true);
  });

  it('after a change, gives the bytes of a fresh archive while reusing the unchanged entries', async () => {
    const before = await zipEntries(entries);
    const changed = [{ ...entries[0]!, content: Buffer.concat([bytes(entries[0]!), Buffer.from('<!-- edited -->\n')]) }, ...entries.slice(1)];
    expect(Buffer.from(await zipEntries(changed, { zip: before })).equals(Buffer.from(await zipEntries(changed)))).to.equal(true);
    // Reuse is by name, size and CRC: a previous archive whose bytes for an entry were swapped shows it.
    const tampered = Buffer.from(before);
    const at = tampered.indexOf(Buffer.from('tei/1966-09-21-giap-decision.xml')) + 'tei/1966-09-21-giap-decision.xml'.length;
    tampered[at] = tampered[at]! ^ 0xff;
    expect(Buffer.from(await zipEntries(changed, { zip: tampered })).equals(Buffer.from(await zipEntries(changed)))).to.equal(false);
  });

  it('takes an entry whose hash is as before from the previous archive without reading it', async () => {
    const hashed = entries.map((e, i) => ({ ...e, hash: `h${i}` }));
    const before = await zipEntries(hashed);
    const hashes = new Map(hashed.map((e) => [e.path, e.hash]));
    let read = 0;
    const lazy = hashed.map((e, i) => ({ ...e, hash: i === 0 ? 'changed' : e.hash, content: async () => (read++, bytes(e)) }));
    const after = await zipEntries(lazy, { zip: before, hashes });
    expect(read).to.equal(1);
    expect(Buffer.from(after).equals(Buffer.from(before))).to.equal(true);
  });

  it('ignores a previous file that is no zip', async () => {
    const notZip = { zip: new TextEncoder().encode('not a zip at all, not even 22 bytes long') };
    expect(Buffer.from(await zipEntries(entries, notZip)).equals(Buffer.from(await zipEntries(entries)))).to.equal(true);
  });
});
