import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { PDFArray as PdfArray, PDFDict as PdfDict } from 'pdf-lib';
import stringWidth from 'string-width';
import { copyEdition, corpusDir, fixtures, htmlProblems, read, removeDir, repoRoot, requireShared, runCli, tempDir, cliPath } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(repoRoot, 'dist', 'screenshots');
const TITLES = [
  'General Vo Nguyen Giap’s Decision On North Korea’s Request to Send a Number of Pilots to Fight in Vietnam',
  'Signing of a Protocol Agreement for North Korea to Send a Number of Pilots to Fight the American Imperialists during the War of Destruction against North Vietnam',
  'Telegram from Pyongyang to Bucharest, No. 76.247',
];

/** A PDF's text (one page's, or all), without the soft hyphens the book's hyphenation puts in its words. */
const pdftotext = (pdf: string, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'], { encoding: 'utf8' })
    .replace(/\u00ad-?\n\s*/g, '')
    .replace(/\u00ad/g, '');
const flat = (s: string): string => s.replace(/\s+/g, ' ');
const pageCount = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

/** What a PDF says of itself toward PDF/UA: its structure's element types counted, its links with and without /Contents, its XMP. */
async function accessibilityOf(file: string): Promise<{ structure: Record<string, number>; links: number; described: string[]; xmp: string; unowned: number }> {
  const { PDFDocument, PDFName, PDFDict, PDFArray, PDFRawStream, PDFHexString, PDFString, PDFRef } = await import('pdf-lib');
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const structure: Record<string, number> = {};
  const inTree = new Set<PdfDict>();
  const walk = (k: unknown): void => {
    if (k instanceof PDFArray) {
      for (const x of k.asArray()) walk(doc.context.lookup(x));
      return;
    }
    if (!(k instanceof PDFDict)) return;
    const s = k.lookup(PDFName.of('S'));
    if (s instanceof PDFName) {
      structure[s.decodeText()] = (structure[s.decodeText()] ?? 0) + 1;
      inTree.add(k);
    }
    walk(k.lookup(PDFName.of('K')));
  };
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot')) as PdfDict;
  walk(root.lookup(PDFName.of('K')));
  // Every piece of content the parent tree gives an owner has one in the tree.
  let unowned = 0;
  const nums = (root.lookup(PDFName.of('ParentTree')) as PdfDict).lookup(PDFName.of('Nums')) as PdfArray;
  for (let i = 1; i < nums.size(); i += 2) {
    const value = nums.lookup(i);
    const owners = value instanceof PDFArray ? value.asArray() : [nums.get(i)];
    for (const owner of owners) if (owner instanceof PDFRef && !inTree.has(doc.context.lookup(owner) as PdfDict)) unowned++;
  }
  let links = 0;
  const described: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref) as PdfDict;
      if (annot.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      links++;
      const contents = annot.lookup(PDFName.of('Contents'));
      if (contents instanceof PDFHexString || contents instanceof PDFString) described.push(contents.decodeText());
    }
  }
  const metadata = doc.catalog.lookup(PDFName.of('Metadata'));
  return { structure, links, described, xmp: metadata instanceof PDFRawStream ? Buffer.from(metadata.contents).toString('utf8') : '', unowned };
}

/** How many runs of text a PDF draws outside every marked-content sequence (neither tagged nor an `Artifact`). */
async function unmarkedText(file: string): Promise<number> {
  const { PDFDocument, PDFName, PDFArray, PDFRawStream, decodePDFRawStream } = await import('pdf-lib');
  const doc = await PDFDocument.load(readFileSync(file));
  let unmarked = 0;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : [contents]) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      let depth = 0;
      for (const [operator] of Buffer.from(decodePDFRawStream(stream).decode())
        .toString('latin1')
        .matchAll(/(?<=[\s>\]])(BDC|BMC|EMC|Tj|TJ)(?=\s|$)/g)) {
        if (operator === 'EMC') depth--;
        else if (operator.startsWith('B')) depth++;
        else if (depth === 0) unmarked++;
      }
    }
  }
  return unmarked;
}

/** Where a PDF page's words stand across it, in millimetres from its left edge: the text block. */
function textBlock(file: string, page: number): { left: number; right: number } {
  const boxes = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-'], { encoding: 'utf8' });
  const xs = [...boxes.matchAll(/xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const mm = (pt: number): number => Math.round((pt / 72) * 25.4);
  return { left: mm(Math.min(...xs.map(([a]) => a))), right: mm(Math.max(...xs.map(([, b]) => b))) };
}

/** The median length, in characters, of the full lines of a PDF's running text (lines of 40 characters or more, spaces run together). */
function medianLine(file: string): number {
  const lengths = pdftotext(file)
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' ').length)
    .filter((n) => n >= 40)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)]!;
}

describe('print (the PDF edition, Paged.js in Chromium)', function () {
  this.timeout(180_000);
  let out: string;
  let pdf: string;
  let pages: string[];

  before(function () {
    if (!existsSync(CHROMIUM) || !existsSync('/usr/bin/pdftotext')) {
      console.log('      (skipped: the print tests need Debian’s chromium and poppler-utils)');
      this.skip();
    }
    out = tempDir();
    const run = runCli(['build', '--pdf', '--out', out]);
    expect(run.status, run.stdout + run.stderr).to.equal(0);
    pdf = path.join(out, 'print', 'edition.pdf');
    pages = Array.from({ length: pageCount(pdf) }, (_, i) => pdftotext(pdf, i + 1));
  });
  after(() => out && removeDir(out));

  it('is A4, with its title and subject set, no placeholder for its author, and every font embedded: the edition’s book face', () => {
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).to.match(/Page size:\s+595\.9\d? x 842\.8\d? pts \(A4\)/);
    expect(info).to.match(/Title:\s+North Korean Pilots in the Air War over North Vietnam, 1966–1967/);
    // The configuration's placeholder editor is a warning of the build, not the book's author.
    expect(info).not.to.match(/Author:/);
    expect(info).to.match(/Subject:\s+A documentary dossier/);
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).to.be.greaterThan(0);
    for (const font of fonts) expect(font.split(/\s+/).at(-5), font).to.equal('yes');
    // Set in the face the HTML edition ships, not in whatever the machine has.
    expect(fonts.map((f) => f.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).to.deep.equal([
      'SourceSerif4-Italic',
      'SourceSerif4-Regular',
      'SourceSerif4-SemiBold',
    ]);
  });

  it('is offered on the home page and the About page of the edition built with it', () => {
    for (const page of ['index.html', 'about.html']) expect(readFileSync(path.join(out, page), 'utf8'), page).to.include('<a href="print/edition.pdf">');
  });

  it('toward PDF/UA: says what every link does (/Contents), has XMP with its title, language and the edition’s date, and its fields as a table in its structure', async () => {
    const { structure, links, described, xmp } = await accessibilityOf(pdf);
    expect(links).to.be.greaterThan(10);
    expect(described).to.have.length(links);
    expect(described).to.include('https://editions.example.org/north-korean-pilots/');
    expect(described.filter((d) => /^Page \d+$/.test(d)).length).to.be.greaterThan(5);
    expect(xmp).to.contain('<rdf:li xml:lang="x-default">North Korean Pilots in the Air War over North Vietnam, 1966–1967</rdf:li>');
    expect(xmp)
      .to.contain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>')
      .and.contain('<xmp:CreateDate>2026-01-01T00:00:00Z</xmp:CreateDate>');
    // The edition's own date (its publicationStmt), not a date made up to stay the same.
    expect(execFileSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' })).to.match(/CreationDate:\s+2026-01-01T00:00:00/);
    // One table of fields a document, a row a field, each headed.
    expect(structure.Table).to.equal(3);
    expect(structure.TH).to.equal(structure.TR);
  });

  it('toward PDF/UA: a tag tree of headings, paragraphs, lists and the contents, no NonStruct; spaces at line ends; page furniture an Artifact', async () => {
    const { structure, unowned } = await accessibilityOf(pdf);
    const all = Object.values(structure).reduce((a, b) => a + b, 0);
    // Chromium tags Paged.js's page boxes and every run of text NonStruct (343 of 452 on the seed): they give way to their elements.
    expect(structure.NonStruct ?? 0, JSON.stringify(structure)).to.equal(0);
    expect(all).to.be.greaterThan(100);
    // The contents: the note on the text, the introduction, three documents, the index.
    expect([structure.TOC, structure.TOCI]).to.deep.equal([1, 6]);
    expect(structure.H1).to.be.at.least(6);
    expect(unowned).to.equal(0);
    // The tagged text still reads each heading whole under its element, its runs of text its own.
    const tagged = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' });
    const headings = [...tagged.matchAll(/^(\s*)H1 \(block\)\n((?:\1\s+".*"\n)+)/gm)].map((m) =>
      [...m[2]!.matchAll(/"(.*)"/g)]
        .map((q) => q[1])
        .join('')
        .replace(/\s+/g, ''),
    );
    expect(headings).to.include('TelegramfromPyongyangtoBucharest,No.76.247');
    // A word the hyphenation may break but does not reads whole, in the tagged text and in text copied from the page: a soft
    // hyphen (U+00AD, as ISO 32000 has it) is left only where a line breaks at one, 41 on the seed before, 9 now.
    expect(tagged).to.contain('" would provide the aircraft');
    // Where a heading wraps between two words, its tagged text keeps the space Chromium draws nowhere ("Request toSend" before).
    const spaced = [...tagged.matchAll(/^(\s*)H1 \(block\)\n((?:\1\s+".*"\n)+)/gm)].map((m) =>
      [...m[2]!.matchAll(/"(.*)"/g)]
        .map((q) => q[1])
        .join('')
        .trim(),
    );
    expect(spaced).to.include(TITLES[1]);
    // Page numbers and running heads (Paged.js's generated content, in no element) are artifacts, not text outside the tags.
    expect(await unmarkedText(pdf)).to.equal(0);
    const copied = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    expect(copied).to.contain('Vietnam would provide');
    expect(copied.split('\u00ad').length - 1).to.be.below(15);
  });

  it('sets a measure of 60–75 characters: a text block of 120 mm, on A4 as on Letter', () => {
    expect(textBlock(pdf, 7)).to.deep.equal({ left: 45, right: 165 });
    const median = medianLine(pdf);
    expect(median).to.be.within(60, 75);
  });

  it('contains every document’s title', () => {
    const text = flat(pages.join(' '));
    for (const title of TITLES) expect(text).to.contain(title);
  });

  it('gives in the contents the pages where the documents really start', () => {
    // Each entry's first line ends with its page: the note on the text, the introduction, the documents, the index.
    const contents = pages.find((p) => /^\s*Contents\s*$/m.test(p))!;
    const listed = contents
      .split('\n')
      .map((l) => /^\s*\S.*\s(\d+)\s*$/.exec(l)?.[1])
      .filter(Boolean)
      .map(Number);
    expect(listed).to.have.length(TITLES.length + 3);
    TITLES.forEach((title, i) => {
      const actual = pages.findIndex((p) => flat(p).includes(`DOCUMENT ${i + 1} `)) + 1;
      expect(listed[i + 2], title).to.equal(actual);
    });
    expect(flat(pages[listed.at(-1)! - 1]!)).to.match(/Index Persons/);
    expect(flat(pages[listed[0]! - 1]!)).to.contain('A note on the text The texts keep the wording of the source dossier.');
    expect(flat(pages[listed[1]! - 1]!)).to.contain('In 2000, both North Korea and Vietnam admitted');
  });

  it('opens with a half-title, a title page, an imprint (citation, address, licence, date, what made it) and a note on the text', () => {
    expect(flat(pages[0]!).trim()).to.equal('North Korean Pilots in the Air War over North Vietnam, 1966–1967');
    expect(flat(pages[1]!)).to.contain('A documentary dossier').and.contain('2026').and.not.contain('to be named');
    const imprint = flat(pages[2]!);
    for (const part of [
      'How to cite this edition',
      'https://editions.example.org/north-korean-pilots/',
      'Creative Commons Attribution 4.0',
      'This edition: 2026.',
      'with editio ',
    ])
      expect(imprint).to.contain(part);
    expect(flat(pages[3]!)).to.contain('Words the translator added, printed in square brackets in the source, are in square brackets here too');
  });

  it('is tagged, says its language, and has a bookmark for the front matter, every document and the index, each worded as its heading', async () => {
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).to.match(/Tagged:\s+yes/);
    const { PDFDocument, PDFName } = await import('pdf-lib');
    expect(String((await PDFDocument.load(readFileSync(pdf))).catalog.lookup(PDFName.of('Lang')))).to.equal('(en)');
    const outline = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', pdf], { encoding: 'utf8' });
    const items = [...outline.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map(([, title]) => title!.replace(/&amp;/g, '&'));
    expect(items).to.include.members(['A note on the text', 'Contents', 'Index', ...TITLES]);
  });

  it('sets no running head on a chapter’s opening page', () => {
    pages.forEach((page, i) => {
      if (!/DOCUMENT \d+\s*\n/.test(page) && !/^\s*(Contents|Index|A note on the text)\s*$/m.test(page)) return;
      expect(
        page
          .split('\n')
          .find((l) => l.trim() !== '')!
          .trim(),
        `page ${i + 1}`,
      ).to.match(/^(DOCUMENT \d+|Contents|Index|A note on the text)$/);
    });
  });

  it('indexes objects and events too, each page number a link to its page', () => {
    const index = flat(pages.at(-1)!);
    expect(index)
      .to.match(/Objects MiG-17, \d+/)
      .and.match(/Events .*Vietnam War, [\d, ]+/);
    const links = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-f', String(pages.length), '-l', String(pages.length), pdf], { encoding: 'utf8' });
    expect([...links.matchAll(/<a href="[^"]*#(\d+)">\s*(\d+)/g)].every(([, target, shown]) => target === shown)).to.equal(true);
    expect(links).to.match(/MiG-17, <a href="[^"]*#\d+">/);
  });

  it('gives in the index the pages of every mention of each person', () => {
    const index = flat(pages.at(-1)!);
    for (const [name, forms] of [
      ['Phung The Tai', ['Phung The Tai']],
      ['Võ Nguyên Giáp', ['Vo Nguyen Giap', 'General Giap']],
    ] as [string, string[]][]) {
      const listed = new RegExp(`${name}, ([\\d, ]+)`).exec(index)![1]!.split(', ').map(Number);
      // Where the texts name them: not the contents, which list the documents' titles, nor the index.
      const actual = pages.map((p, i) => (forms.some((f) => flat(p).includes(f)) && !/^\s*(Contents|Index)\s*$/m.test(p) ? i + 1 : 0)).filter((n) => n > 0);
      expect(listed, name).to.deep.equal(actual);
    }
  });

  it('keeps supplied words in square brackets, and says a summary-only text is not transcribed', () => {
    const text = flat(pages.join(' '));
    expect(text).to.contain('technical [support] personnel');
    expect(text).to.contain('The text of this document is not transcribed in this edition');
  });

  it('renders the title page, the first document page and every page to PNG for a person to look at', () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const first = pages.findIndex((p) => flat(p).includes('DOCUMENT 1 ')) + 1;
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', '-singlefile', pdf, path.join(SCREENSHOTS, 'print-title-page')]);
    execFileSync('pdftoppm', [
      '-f',
      String(first),
      '-l',
      String(first),
      '-r',
      '80',
      '-png',
      '-singlefile',
      pdf,
      path.join(SCREENSHOTS, 'print-first-document'),
    ]);
    expect(existsSync(path.join(SCREENSHOTS, 'print-title-page.png'))).to.equal(true);
    expect(existsSync(path.join(SCREENSHOTS, 'print-first-document.png'))).to.equal(true);
    // And every page, small, to read the book through as a book editor would.
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, path.join(SCREENSHOTS, 'print-page')]);
    expect(readdirSync(SCREENSHOTS).filter((f) => f.startsWith('print-page-'))).to.have.length(pages.length);
  });

  it('extracts the same text from a second build, and prints on US Letter with --paper letter', () => {
    const again = tempDir();
    try {
      expect(runCli(['build', '--pdf', '--paper', 'letter', '--out', again]).status).to.equal(0);
      const letter = path.join(again, 'print', 'edition.pdf');
      expect(execFileSync('pdfinfo', [letter], { encoding: 'utf8' })).to.match(/Page size:\s+612 x 792 pts \(letter\)/);
      expect(textBlock(letter, 7)).to.deep.equal({ left: 48, right: 168 });
      expect(medianLine(letter)).to.be.within(60, 75);
      const third = tempDir();
      expect(runCli(['build', '--pdf', '--out', third]).status).to.equal(0);
      expect(pdftotext(path.join(third, 'print', 'edition.pdf'))).to.equal(pdftotext(pdf));
      removeDir(third);
    } finally {
      removeDir(again);
    }
  });
});

describe('print footnotes', function () {
  this.timeout(180_000);
  before(function () {
    if (!existsSync(CHROMIUM) || !existsSync('/usr/bin/pdftotext')) this.skip();
  });

  it('puts notes at the foot of their page, numbered, below the text, each tagged a Note and its call a link', () => {
    const edition = copyEdition();
    try {
      cpSync(path.join(fixtures, 'transform', 'notes-as-footnotes.xml'), path.join(edition, 'tei', '1966-09-22-notes-as-footnotes.xml'));
      const run = runCli(['build', '--pdf'], edition);
      expect(run.status, run.stdout).to.equal(0);
      const pdf = path.join(edition, 'dist', 'edition', 'print', 'edition.pdf');
      const page = Array.from({ length: pageCount(pdf) }, (_, i) => pdftotext(pdf, i + 1)).find((p) => p.includes('That is, the airfields'))!;
      const text = flat(page);
      expect(text.indexOf('1. That is, the airfields of the Vietnamese air force regiments.')).to.be.greaterThan(
        text.indexOf('unfortunate complications in the future.'),
      );
      expect(text).to.contain('2. The bracketed word is the translator’s.');
      // Tagged as PDF/UA asks: each note a Note labelled with its number, each call a link that reads as its number.
      const tagged = execFileSync('pdfinfo', ['-struct-text', pdf], { encoding: 'utf8' });
      const notes = [...tagged.matchAll(/^(\s*)Note\b.*\n\1\s+Lbl\b.*\n\1\s+"(.*)"/gm)].map((m) => m[2]);
      expect(notes).to.deep.equal(['1. ', '2. ']);
      const end = tagged.lastIndexOf('personnel but that');
      const paragraph = tagged.slice(tagged.lastIndexOf('to fight in', end), end);
      const calls = [...paragraph.matchAll(/^(\s*)Link\b.*\n\1\s+"(\d+) ?"/gm)].map((m) => m[2]);
      expect(calls).to.deep.equal(['1', '2']);
      // Two builds of one book are the same bytes: the notes' link destinations are named by their order, not by Paged.js's random ids.
      const first = readFileSync(pdf);
      expect(runCli(['build', '--pdf', '--full'], edition).status).to.equal(0);
      expect(readFileSync(pdf).equals(first), 'the second build printed other bytes').to.equal(true);
    } finally {
      removeDir(edition);
    }
  });
});

describe('print footnotes, on a FRUS document of the corpus', function () {
  this.timeout(300_000);
  let out: string;
  before(function () {
    if (!existsSync(CHROMIUM) || !existsSync('/usr/bin/pdftotext')) this.skip();
    requireShared(this, corpusDir);
    out = tempDir();
    expect(runCli(['build', corpusDir, '--pdf', '--out', out]).status).to.equal(0);
  });
  after(() => out && removeDir(out));

  it('lays out a book of valid HTML: no block in a phrase, no id twice', async () => {
    expect(await htmlProblems([path.join(out, 'print', 'edition.html')])).to.deep.equal([]);
  });

  it('puts each note on the page of its call, below the text', () => {
    const pdf = path.join(out, 'print', 'edition.pdf');
    const pages = Array.from({ length: pageCount(pdf) }, (_, i) => flat(pdftotext(pdf, i + 1)));
    // The words before each call in frus1964-68v14-d114.xml, and the note's first words.
    for (const [call, note] of [
      ['him of double talk.', 'In a memorandum to the President for his evening reading'],
      ['Victory Day speech.', 'For text, see Public Papers of the Presidents'],
      ['referred to the Blagonravov/Dryden talks,', 'June 8, 1962, Hugh L. Dryden'],
    ]) {
      const page = pages.find((p) => p.includes(call!));
      expect(page, call).to.not.equal(undefined);
      expect(page!.indexOf(note!), note).to.be.greaterThan(page!.indexOf(call!));
    }
  });
});

describe('print, when Chromium comes later', function () {
  this.timeout(180_000);
  before(function () {
    if (!existsSync(CHROMIUM)) {
      console.log('      (skipped: the print tests need Debian’s chromium)');
      this.skip();
    }
  });

  it('makes the PDF once Chromium is there, instead of repeating that it was not', () => {
    const edition = copyEdition();
    try {
      const withChromium = (where: string | undefined): { status: number | null; stdout: string } =>
        spawnSync(process.execPath, [cliPath, 'build', '--pdf', '--format', 'json'], {
          cwd: edition,
          encoding: 'utf8',
          env: { ...process.env, EDITIO_CHROMIUM: where ?? CHROMIUM },
        });
      const pdf = path.join(edition, 'dist', 'edition', 'print', 'edition.pdf');
      const without = withChromium(path.join(edition, 'no-chromium-here'));
      expect(without.status).to.equal(0);
      expect(without.stdout).to.contain('"ruleId": "pdf-skipped"');
      expect(existsSync(pdf)).to.equal(false);
      const later = withChromium(undefined);
      expect(later.status).to.equal(0);
      expect(later.stdout).not.to.contain('pdf-skipped');
      expect(existsSync(pdf)).to.equal(true);
    } finally {
      removeDir(edition);
    }
  });
});

describe('the text edition’s line width', function () {
  this.timeout(120_000);
  before(function () {
    requireShared(this, corpusDir);
  });

  it('counts columns as a terminal does (Greek, Polish, German): no line is wider than 72 but a single word too long for any', () => {
    const out = tempDir();
    try {
      expect(runCli(['build', corpusDir, '--out', out]).status).to.equal(0);
      const files = ['idp-p.oxy.1.119.txt', 'tpub-CIDTC-3823-cortez.txt', 'schnitzler-L00088.txt'];
      expect(readdirSync(path.join(out, 'text'))).to.include.members(files);
      for (const file of files) {
        const wide = read(path.join(out, 'text', file))
          .split('\n')
          .filter((l) => stringWidth(l) > 72 && /\s/.test(l.trim()));
        expect(wide, file).to.deep.equal([]);
      }
    } finally {
      removeDir(out);
    }
  });
});
