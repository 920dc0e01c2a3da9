import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '../../src/infra/messages.js';
import { readFacsimile, type FacsimileContext } from '../../src/model/facsimile.js';
import { configuredPrefixes, prefixDefsOf } from '../../src/model/pointers.js';
import { buildTree } from '../../src/parse/tree.js';
import { removeDir, tempDir } from '../helpers.js';

const TEI = (header: string, facsimile: string, body: string): string =>
  `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader>${header}</teiHeader>${facsimile}<text><body>${body}</body></text></TEI>`;

describe('model/facsimile: reading TEI facsimiles', () => {
  let root: string;
  before(() => {
    root = tempDir();
    mkdirSync(path.join(root, 'letters'), { recursive: true });
    mkdirSync(path.join(root, 'scans'), { recursive: true });
    for (const f of ['scans/p1.jpg', 'scans/p1-thumb.jpg', 'scans/p2.png', 'letters/beside.tif']) writeFileSync(path.join(root, f), 'not read here');
  });
  after(() => removeDir(root));

  function read(text: string, imageService?: string): { facsimile: ReturnType<typeof readFacsimile>; messages: Message[] } {
    const tree = buildTree(text);
    if ('error' in tree) throw new Error(tree.error.reason);
    const context: FacsimileContext = {
      file: path.join(root, 'letters', 'letter.xml'),
      name: 'letters/letter.xml',
      root,
      prefixes: prefixDefsOf({ tree: tree.root }, configuredPrefixes({})),
      imageService,
    };
    const messages: Message[] = [];
    return { facsimile: readFacsimile(tree.root, context, messages), messages };
  }

  it('reads surfaces with their largest image, their zones (corners or points), and what pb and other elements point to', () => {
    const { facsimile, messages } = read(
      TEI(
        '',
        `<facsimile>
          <surface xml:id="s1" ulx="0" uly="0" lrx="100" lry="140">
            <graphic url="../scans/p1-thumb.jpg" width="100px" height="140px"/>
            <graphic url="../scans/p1.jpg" width="2000px" height="2800px"/>
            <zone xml:id="z1" ulx="10" uly="20" lrx="60" lry="40"/>
            <zone xml:id="z2" points="10,50 90,50 90,80 10,80"/>
          </surface>
          <surface xml:id="s2" n="2v" start="#d2"><graphic url="../scans/p2.png"/></surface>
        </facsimile>`,
        '<pb n="1r" facs="#s1"/><p facs="#z1">A</p><div xml:id="d2"><p facs="#z2 #s2">B</p></div>',
      ),
    );
    expect(messages).to.deep.equal([]);
    const [s1, s2] = facsimile!.surfaces;
    expect(s1!.image).to.deep.equal({ kind: 'local', file: path.join(root, 'scans', 'p1.jpg') });
    expect([s1!.width, s1!.height, s1!.extent]).to.deep.equal([2000, 2800, [0, 0, 100, 140]]);
    expect(s1!.zones).to.deep.equal({ z1: [10, 20, 50, 20], z2: [10, 50, 80, 30] });
    expect(s1!.label).to.equal('1r');
    expect(s2!.label).to.equal('2v');
    expect(facsimile!.pointers).to.deep.equal({
      '#s1': { surface: 0 },
      '#z1': { surface: 0, zone: 'z1' },
      '#z2': { surface: 0, zone: 'z2' },
      '#s2': { surface: 1 },
    });
    expect(facsimile!.starts).to.deep.equal({ d2: 1 });
  });

  it('reads graphics straight in facsimile named by bare ids, as the Schnitzler letters write them, through imageService', () => {
    const text = TEI(
      '',
      '<facsimile><graphic url="MS-B-00045"/><graphic url="MS-B-00046"/></facsimile>',
      '<p><pb facs="MS-B-00045"/>a<pb facs="MS-B-00046"/>b</p>',
    );
    const { facsimile } = read(text, 'https://iiif.example.org/iiif/3/$1.jp2');
    expect(facsimile!.surfaces.map((s) => s.image)).to.deep.equal([
      { kind: 'service', url: 'https://iiif.example.org/iiif/3/MS-B-00045.jp2' },
      { kind: 'service', url: 'https://iiif.example.org/iiif/3/MS-B-00046.jp2' },
    ]);
    expect(facsimile!.pointers['MS-B-00046']).to.deep.equal({ surface: 1 });
    // Without the pattern, the ids name nothing the build can show: said once, with the line, nothing made up.
    const without = read(text);
    expect(without.facsimile).to.equal(undefined);
    expect(without.messages).to.have.length(1);
    expect(without.messages[0]).to.include({ ruleId: 'facsimile-image-unknown', file: 'letters/letter.xml', line: 1 });
    expect(without.messages[0]!.reason).to.match(/2 page images \(MS-B-00045, MS-B-00046\) are neither.*imageService/);
  });

  it('expands a prefixDef, takes a IIIF request or info.json for its service, and a JPEG URL for a plain image', () => {
    const { facsimile } = read(
      TEI(
        '<encodingDesc><listPrefixDef><prefixDef ident="img" matchPattern="(.+)" replacementPattern="https://images.example.org/iiif/$1"/></listPrefixDef></encodingDesc>',
        '',
        '<pb facs="img:f1"/><pb facs="https://a.example.org/iiif/2/x/info.json"/><pb facs="https://b.example.org/iiif/y/full/max/0/default.jpg"/><pb facs="https://c.example.org/scan.jpg"/><pb facs="beside.tif"/>',
      ),
    );
    expect(facsimile!.surfaces.map((s) => s.image)).to.deep.equal([
      { kind: 'service', url: 'https://images.example.org/iiif/f1' },
      { kind: 'service', url: 'https://a.example.org/iiif/2/x' },
      { kind: 'service', url: 'https://b.example.org/iiif/y' },
      { kind: 'remote', url: 'https://c.example.org/scan.jpg' },
      { kind: 'local', file: path.join(root, 'letters', 'beside.tif') },
    ]);
  });

  it('shows of a page’s several images, none sized (as periodical editions list a library’s, a IIIF server’s and their own), its own scan, else the service, else the plain image', () => {
    const surface = (own: string): string =>
      `<facsimile><surface xml:id="f85">
        <graphic mimeType="image/jpeg" url="${own}"/>
        <graphic mimeType="image/jpeg" url="http://images.example.org/imgsrv/image?id=vol4;seq=85"/>
        <graphic mimeType="image/jpeg" url="http://iiif.example.org/EAP/73.jp2/full/2000,/0/default.jpg"/>
      </surface></facsimile>`;
    expect(read(TEI('', surface('../scans/p1.jpg'), '<pb facs="#f85"/>')).facsimile!.surfaces[0]!.image).to.deep.equal({
      kind: 'local',
      file: path.join(root, 'scans', 'p1.jpg'),
    });
    expect(read(TEI('', surface('../scans/missing.jpg'), '<pb facs="#f85"/>')).facsimile!.surfaces[0]!.image).to.deep.equal({
      kind: 'service',
      url: 'http://iiif.example.org/EAP/73.jp2',
    });
    const plainOnly = read(
      TEI('', '<facsimile><surface><graphic mimeType="image/jpeg" url="http://images.example.org/imgsrv/image?id=vol4;seq=85"/></surface></facsimile>', '<p/>'),
    );
    expect(plainOnly.facsimile!.surfaces[0]!.image).to.deep.equal({ kind: 'remote', url: 'http://images.example.org/imgsrv/image?id=vol4;seq=85' });
  });

  it('shows no web page for an image: a newspaper portal’s viewer URL, as letters editions link a printed source', () => {
    const { facsimile, messages } = read(
      TEI('', '<facsimile><graphic url="http://anno.example.org/cgi-content/anno?aid=nfp&amp;datum=19311219&amp;seite=14"/></facsimile>', '<p/>'),
    );
    expect(facsimile).to.equal(undefined);
    expect(messages[0]!.reason).to.match(/^a page image \(http:\/\/anno\.example\.org\/.*\) is neither/);
  });

  it('reads the surfaces of sourceDoc and of surfaceGrp too', () => {
    const { facsimile } = read(
      TEI(
        '',
        '<sourceDoc><surfaceGrp><surface xml:id="a"><graphic url="../scans/p1.jpg"/></surface><surface xml:id="b"><graphic url="../scans/p2.png"/></surface></surfaceGrp></sourceDoc>',
        '<pb facs="#b"/>',
      ),
    );
    expect(facsimile!.surfaces.map((s) => (s.image as { file: string }).file)).to.deep.equal([
      path.join(root, 'scans', 'p1.jpg'),
      path.join(root, 'scans', 'p2.png'),
    ]);
    expect(facsimile!.pointers).to.deep.equal({ '#b': { surface: 1 } });
  });

  it('never reads an image outside the edition, nor a file: or templated URL', () => {
    const { facsimile, messages } = read(
      TEI(
        '',
        '<facsimile><surface><graphic url="../../etc/passwd.jpg"/></surface><surface><graphic url="file:///etc/x.jpg"/></surface><surface><graphic url="{concat(\'a\', $n)}.jpg"/></surface></facsimile>',
        '<p/>',
      ),
    );
    expect(facsimile).to.equal(undefined);
    expect(messages[0]!.reason).to.match(/^3 page images/);
  });

  it('gives none for a document without a facsimile', () => {
    expect(read(TEI('', '', '<p>no images</p>'))).to.deep.equal({ facsimile: undefined, messages: [] });
  });
});
