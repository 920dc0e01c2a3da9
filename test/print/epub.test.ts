import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  aceViolations,
  CHROMIUM,
  CHROMIUM_ARGS,
  copyEdition,
  corpusDir,
  epubcheck,
  fixtures,
  removeDir,
  repoRoot,
  requireEpubcheck,
  requireShared,
  runCli,
  tempDir,
} from '../helpers.js';

const text = (files: Record<string, Uint8Array>, name: string): string => new TextDecoder().decode(files[name]);
const idsIn = (xhtml: string): Set<string> => new Set([...xhtml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

/** Every link inside the book (file#id) that leads nowhere. */
function brokenLinks(files: Record<string, Uint8Array>): string[] {
  const pages = Object.keys(files).filter((f) => f.endsWith('.xhtml'));
  return pages.flatMap((page) =>
    [...text(files, page).matchAll(/href="([^"#:]*)#([^"]+)"/g)].flatMap(([link, file, id]) => {
      const target = file ? `EPUB/${file}` : page;
      return files[target] && idsIn(text(files, target)).has(id!) ? [] : [`${page}: ${link}`];
    }),
  );
}

describe('epub (the EPUB 3 edition)', function () {
  this.timeout(180_000);
  let edition: string;
  let epub: string;
  let files: Record<string, Uint8Array>;

  before(() => {
    edition = copyEdition();
    // The seed has no notes: a document with two gives the footnotes something to do.
    cpSync(path.join(fixtures, 'transform', 'notes-as-footnotes.xml'), path.join(edition, 'tei', '1966-09-22-notes-as-footnotes.xml'));
    const run = runCli(['build', '--epub'], edition);
    expect(run.status, run.stdout + run.stderr).to.equal(0);
    epub = path.join(edition, 'dist', 'edition', 'print', 'edition.epub');
    files = unzipSync(readFileSync(epub));
  });
  after(() => edition && removeDir(edition));

  it('passes epubcheck with no error and no warning', function () {
    requireEpubcheck(this);
    const { counts, messages } = epubcheck(epub);
    expect(messages).to.deep.equal([]);
    expect(counts).to.match(/0 fatals \/ 0 errors \/ 0 warnings/);
  });

  it('has no critical, serious or moderate accessibility violation by Ace by DAISY: its accessibility metadata, roles matching epub:type', async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    expect(await aceViolations(epub)).to.deep.equal([]);
    const opf = text(files, 'EPUB/package.opf');
    for (const meta of ['accessMode">textual', 'accessModeSufficient">textual', 'accessibilityFeature">tableOfContents', 'accessibilityHazard">none'])
      expect(opf).to.contain(`<meta property="schema:${meta}</meta>`);
    expect(opf).to.match(/<meta property="schema:accessibilitySummary">All of the book is text/);
    expect(text(files, 'EPUB/doc1.xhtml')).to.match(/<body epub:type="bodymatter">\n<section epub:type="chapter" role="doc-chapter">/);
  });

  it('is offered on the home page and the About page of the edition built with it', () => {
    for (const page of ['index.html', 'about.html']) {
      expect(readFileSync(path.join(edition, 'dist', 'edition', page), 'utf8'), page).to.contain('href="print/edition.epub"');
    }
  });

  it('opens with its mimetype, stored, as the first entry of the zip', () => {
    const bytes = readFileSync(epub);
    expect(bytes.readUInt16LE(8), 'compression method').to.equal(0);
    expect(bytes.subarray(30, 38).toString()).to.equal('mimetype');
    expect(bytes.subarray(38, 58).toString()).to.equal('application/epub+zip');
  });

  it('is an EPUB 3 package without NCX, with a nav document, a cover image, its language and its metadata', () => {
    const opf = text(files, 'EPUB/package.opf');
    expect(opf).to.contain('version="3.0"');
    expect(opf).not.to.match(/\.ncx|application\/x-dtbncx\+xml|<spine toc=/);
    expect(opf).to.match(/<item id="nav" href="nav.xhtml" media-type="application\/xhtml\+xml" properties="nav"\/>/);
    expect(opf).to.match(/properties="cover-image"/);
    expect(opf).to.contain('<dc:title>North Korean Pilots in the Air War over North Vietnam, 1966–1967</dc:title>');
    expect(opf).to.contain('<dc:language>en</dc:language>');
    expect(opf).to.match(/<meta property="dcterms:modified">\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z<\/meta>/);
    // The placeholder editors of the seed's configuration are no one to name.
    expect(opf).not.to.contain('Editors to be named');
    for (const page of Object.keys(files).filter((f) => f.endsWith('.xhtml'))) expect(text(files, page), page).to.contain('lang="en" xml:lang="en"');
    expect(text(files, 'EPUB/cover.svg')).to.contain('North Korean');
  });

  it('embeds the book face and says under which licence', () => {
    const fonts = Object.keys(files).filter((f) => f.endsWith('.woff2'));
    expect(fonts).to.include('EPUB/fonts/source-serif-4-latin-400-normal.woff2');
    const css = text(files, 'EPUB/style.css');
    for (const font of fonts) expect(css).to.contain(`url(fonts/${path.basename(font)})`);
    expect(text(files, 'EPUB/book-face.xhtml')).to.contain('SIL OPEN FONT LICENSE');
  });

  it('has the front matter, the introduction and every document in its contents, in reading order', () => {
    const nav = text(files, 'EPUB/nav.xhtml');
    const titles = [
      'Title page',
      'A note on the text',
      'Introduction',
      '1. General Vo Nguyen Giap’s Decision',
      '2. General Vo Nguyen Giap’s Decision',
      '3. Signing of a Protocol Agreement',
      '4. Telegram from Pyongyang to Bucharest',
      'Registers and index',
    ];
    const at = titles.map((t) => nav.indexOf(t));
    expect(
      at.every((i) => i >= 0),
      titles.filter((_, i) => at[i]! < 0).join(', '),
    ).to.equal(true);
    expect(at).to.deep.equal([...at].sort((a, b) => a - b));
    expect(text(files, 'EPUB/front.xhtml')).to.contain('How to cite this edition');
    expect(text(files, 'EPUB/note-on-text.xhtml')).to.contain('A note on the text');
  });

  it('gives each note as an EPUB footnote, called from its place and linking back to it', () => {
    const doc = text(files, 'EPUB/doc2.xhtml');
    const refs = [...doc.matchAll(/<a [^>]*epub:type="noteref"[^>]*id="([^"]+)" href="#([^"]+)"/g)];
    expect(refs.map((r) => r[2])).to.deep.equal(['doc2-note-1', 'doc2-note-2']);
    for (const [, ref, note] of refs) {
      const aside = new RegExp(`<aside epub:type="footnote"[^>]*id="${note}"><a class="note-back" href="#${ref}"`).exec(doc);
      expect(aside, note).to.not.equal(null);
    }
    expect(doc).to.contain('That is, the airfields of the Vietnamese air force regiments.');
    expect(doc).not.to.contain('running-title');
  });

  it('indexes persons, places, organisations, objects and events, each reference a link to the mention, each entry as its register describes it', () => {
    const index = text(files, 'EPUB/index.xhtml');
    expect(index).to.match(
      /Võ Nguyên Giáp<\/span>, <a href="doc\d\.xhtml#doc\d-m\d+">\d<\/a>.*?<span class="index-about">1911–2013\. General of the People’s Army/,
    );
    expect(index).to.contain('<span class="index-about">Commander of the Air Defense-Air Force Command in September 1966');
    for (const heading of ['Persons', 'Places', 'Organisations', 'Objects', 'Events']) expect(index).to.contain(`<h2>${heading}</h2>`);
    expect(index).to.match(/MiG-21<\/span>, <a href="doc\d\.xhtml#doc\d-m\d+">\d<\/a>/);
    expect(brokenLinks(files)).to.deep.equal([]);
  });

  it('is the same, byte for byte, when built again from nothing', () => {
    const first = readFileSync(epub);
    const run = runCli(['build', '--epub', '--full'], edition);
    expect(run.status, run.stdout).to.equal(0);
    expect(readFileSync(epub).equals(first)).to.equal(true);
  });

  it('renders every page of its spine in Chromium, to PNG, for a person to look at', async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    const dir = tempDir('editio-epub-');
    const shots = path.join(repoRoot, 'dist', 'screenshots');
    mkdirSync(shots, { recursive: true });
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--allow-file-access-from-files'] });
    try {
      for (const [name, bytes] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), bytes);
      }
      const spine = [...text(files, 'EPUB/package.opf').matchAll(/<itemref idref="([^"]+)"/g)].map((m) => m[1]!);
      const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
      for (const id of spine) {
        await page.goto(`file://${dir}/EPUB/${id}.xhtml`);
        // Set in the book face, not in a fallback.
        expect(await page.evaluate('document.fonts.check("16px \\"Source Serif 4\\"")'), id).to.equal(true);
        await page.screenshot({ path: path.join(shots, `epub-${id}.png`), fullPage: true });
      }
      expect(existsSync(path.join(shots, 'epub-doc2.png'))).to.equal(true);
    } finally {
      await browser.close();
      removeDir(dir);
    }
  });
});

describe('epub, on the corpus (TEI editio did not write)', function () {
  this.timeout(300_000);
  let out: string;
  before(function () {
    requireShared(this, corpusDir);
    out = tempDir();
    const run = runCli(['build', corpusDir, '--epub', '--out', out]);
    expect(run.status, run.stdout + run.stderr).to.equal(0);
  });
  after(() => out && removeDir(out));

  it('has no critical, serious or moderate accessibility violation by Ace by DAISY', async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    expect(await aceViolations(path.join(out, 'print', 'edition.epub'))).to.deep.equal([]);
  });

  it('passes epubcheck: lists in paragraphs, paragraphs in notes, notes in notes all made valid XHTML', function () {
    requireEpubcheck(this);
    const { counts, messages } = epubcheck(path.join(out, 'print', 'edition.epub'));
    expect(messages).to.deep.equal([]);
    expect(counts).to.match(/0 fatals \/ 0 errors \/ 0 warnings/);
  });

  it('keeps every note of a FRUS document as a footnote with its words, and every link leads somewhere', () => {
    const files = unzipSync(readFileSync(path.join(out, 'print', 'edition.epub')));
    const frus = Object.keys(files).find((f) => text(files, f).includes('him of double talk.'))!;
    const doc = text(files, frus).replace(/\s+/g, ' ');
    for (const words of ['In a memorandum to the President for his evening reading', 'For text, see Public Papers of the Presidents', 'Hugh L. Dryden']) {
      expect(new RegExp(`<aside epub:type="footnote"[^>]*>[\\s\\S]*?${words}`).test(doc), words).to.equal(true);
    }
    expect(brokenLinks(files)).to.deep.equal([]);
  });
});
