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

  it('writes an archive that unzips to the same bytes, the same every time', () => {
    const zip = zipEntries(entries);
    const files = unzipSync(zip);
    expect(Object.keys(files)).to.deep.equal(entries.map((e) => e.path));
    for (const e of entries) expect(Buffer.from(files[e.path]!).equals(Buffer.from(e.content))).to.equal(true);
    expect(Buffer.from(zipEntries(entries)).equals(Buffer.from(zip))).to.equal(true);
  });

  it('after a change, gives the bytes of a fresh archive while reusing the unchanged entries', () => {
    const before = zipEntries(entries);
    const changed = [{ ...entries[0]!, content: Buffer.concat([Buffer.from(entries[0]!.content), Buffer.from('<!-- edited -->\n')]) }, ...entries.slice(1)];
    expect(Buffer.from(zipEntries(changed, before)).equals(Buffer.from(zipEntries(changed)))).to.equal(true);
    // Reuse is by name, size and CRC: a previous archive whose bytes for an entry were swapped shows it.
    const tampered = Buffer.from(before);
    const at = tampered.indexOf(Buffer.from('tei/1966-09-21-giap-decision.xml')) + 'tei/1966-09-21-giap-decision.xml'.length;
    tampered[at] = tampered[at]! ^ 0xff;
    expect(Buffer.from(zipEntries(changed, tampered)).equals(Buffer.from(zipEntries(changed)))).to.equal(false);
  });

  it('ignores a previous file that is no zip', () => {
    expect(Buffer.from(zipEntries(entries, new TextEncoder().encode('not a zip at all, not even 22 bytes long'))).equals(Buffer.from(zipEntries(entries)))).to.equal(true);
  });
});
