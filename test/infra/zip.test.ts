import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeDir, tempDir } from '../helpers.js';
import { crc32, zipEntries as zipPieces, type ZipEntry } from '../../src/infra/zip.js';

const zipEntries = async (...args: Parameters<typeof zipPieces>): Promise<Buffer> => Buffer.concat(await zipPieces(...args));

const tei = (name: string): ZipEntry => ({ path: `tei/${name}`, content: readFileSync(path.join('tei', name)) });

describe('infra/zip', () => {
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

  it('stores an entry asked to be stored, however well it would compress (an EPUB’s mimetype)', async () => {
    const repetitive = new TextEncoder().encode('application/epub+zip'.repeat(50));
    const zip = await zipEntries([
      { path: 'mimetype', content: repetitive, store: true },
      { path: 'other', content: repetitive },
    ]);
    expect(zip.readUInt16LE(8), 'the stored entry').to.equal(0);
    expect(zip.readUInt32LE(18), 'its size as stored').to.equal(repetitive.length);
    const second = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 4);
    expect(zip.readUInt16LE(second + 8), 'the other entry').to.equal(8);
    expect(Buffer.from(unzipSync(zip).mimetype!).equals(Buffer.from(repetitive))).to.equal(true);
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
    const lazy = hashed.map((e, i) => ({
      ...e,
      hash: i === 0 ? 'changed' : e.hash,
      content: async () => {
        read++;
        return bytes(e);
      },
    }));
    const after = await zipEntries(lazy, { zip: before, hashes });
    expect(read).to.equal(1);
    expect(Buffer.from(after).equals(Buffer.from(before))).to.equal(true);
  });

  it('ignores a previous file that is no zip', async () => {
    const notZip = { zip: new TextEncoder().encode('not a zip at all, not even 22 bytes long') };
    expect(Buffer.from(await zipEntries(entries, notZip)).equals(Buffer.from(await zipEntries(entries)))).to.equal(true);
  });

  describe('Zip64, past 65,535 entries or 4 GB', function () {
    this.timeout(120_000);
    let dir: string;
    after(() => removeDir(dir));
    /** What Info-ZIP's unzip makes of an archive: its listing's last line and a test of every entry. */
    const unzip = (zip: Buffer): { summary: string; tested: string } => {
      const file = path.join(dir, 'archive.zip');
      writeFileSync(file, zip);
      const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
        .trim()
        .split('\n');
      return { summary: listing.at(-1)!.trim(), tested: execFileSync('unzip', ['-tq', file], { encoding: 'utf8' }).trim() };
    };
    before(function () {
      dir = tempDir();
      if (!existsSync('/usr/bin/unzip')) {
        console.log('      (skipped: Info-ZIP unzip is not installed to read the archives back)');
        this.skip();
      }
    });

    it('writes an archive of 70,000 entries that unzip reads whole, and reuses its entries the next time', async () => {
      const many: ZipEntry[] = Array.from({ length: 70_000 }, (_, i) => ({
        path: `metadata/d${i}.dc.xml`,
        content: new TextEncoder().encode(`<dc>${i}</dc>`),
        hash: `h${i}`,
      }));
      const zip = await zipEntries(many);
      const { summary, tested } = unzip(zip);
      expect(summary).to.match(/\s70000 files$/);
      expect(tested).to.match(/^No errors detected/);
      let read = 0;
      const lazy = many.map((e) => ({
        ...e,
        content: async () => {
          read++;
          return e.content as Uint8Array;
        },
      }));
      expect((await zipEntries(lazy, { zip, hashes: new Map(many.map((e) => [e.path, e.hash!])) })).equals(zip)).to.equal(true);
      expect(read).to.equal(0);
    });

    it('writes the Zip64 records with far offsets when asked, and reads them back', async () => {
      const zip = await zipEntries(entries, undefined, { zip64: 'always' });
      expect(unzip(zip).summary).to.match(/\s3 files$/);
      expect(unzip(zip).tested).to.match(/^No errors detected/);
      const again = await zipEntries(
        entries.map((e, i) => ({ ...e, hash: `h${i}` })),
        { zip, hashes: new Map(entries.map((e, i) => [e.path, `h${i}`])) },
        { zip64: 'always' },
      );
      expect(again.equals(zip)).to.equal(true);
    });
  });
});
