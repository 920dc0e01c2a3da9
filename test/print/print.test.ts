import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { copyEdition, corpusDir, fixtures, read, removeDir, repoRoot, requireShared, runCli, tempDir, cliPath } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = path.join(repoRoot, 'dist', 'screenshots');
const TITLES = [
  'General Vo Nguyen Giap’s Decision On North Korea’s Request to Send a Number of Pilots to Fight in Vietnam',
  'Signing of a Protocol Agreement for North Korea to Send a Number of Pilots to Fight the American Imperialists during the War of Destruction against North Vietnam',
  'Telegram from Pyongyang to Bucharest, No. 76.247',
];

const pdftotext = (pdf: string, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-'], { encoding: 'utf8' });
const flat = (s: string): string => s.replace(/\s+/g, ' ');
const pageCount = (pdf: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);

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
    expect(fonts.map((f) => f.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, '')).sort()).to.deep.equal(['SourceSerif4-Italic', 'SourceSerif4-Regular', 'SourceSerif4-SemiBold']);
  });

  it('is offered on the home page and the About page of the edition built with it', () => {
    for (const page of ['index.html', 'about.html']) expect(readFileSync(path.join(out, page), 'utf8'), page).to.include('<a href="print/edition.pdf">');
  });

  it('contains every document’s title', () => {
    const text = flat(pages.join(' '));
    for (const title of TITLES) expect(text).to.contain(title);
  });

  it('gives in the contents the pages where the documents really start', () => {
    // Each entry's first line ends with its page: the introduction, the documents, the index.
    const listed = pages[1]!.split('\n').map((l) => /^\s*\S.*\s(\d+)\s*$/.exec(l)?.[1]).filter(Boolean).map(Number);
    expect(listed).to.have.length(TITLES.length + 2);
    TITLES.forEach((title, i) => {
      const actual = pages.findIndex((p) => flat(p).includes(`DOCUMENT ${i + 1} `)) + 1;
      expect(listed[i + 1], title).to.equal(actual);
    });
    expect(flat(pages[listed.at(-1)! - 1]!)).to.match(/Index Persons/);
    expect(flat(pages[listed[0]! - 1]!)).to.contain('In 2000, both North Korea and Vietnam admitted');
  });

  it('gives in the index the pages of every mention of each person', () => {
    const index = flat(pages.at(-1)!);
    for (const [name, forms] of [
      ['Phung The Tai', ['Phung The Tai']],
      ['Võ Nguyên Giáp', ['Vo Nguyen Giap', 'General Giap']],
    ] as [string, string[]][]) {
      const listed = new RegExp(`${name}, ([\\d, ]+)`).exec(index)![1]!.split(', ').map(Number);
      const actual = pages.map((p, i) => (forms.some((f) => flat(p).includes(f)) && !flat(p).startsWith(' Index') ? i + 1 : 0)).filter((n) => n > 0 && n !== pages.length);
      expect(listed, name).to.deep.equal(actual.filter((n) => n > 2));
    }
  });

  it('keeps supplied words in square brackets, and says a summary-only text is not transcribed', () => {
    const text = flat(pages.join(' '));
    expect(text).to.contain('technical [support] personnel');
    expect(text).to.contain('The text of this document is not transcribed in this edition');
  });

  it('renders the title page and the first document page to PNG for a person to look at', () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const first = pages.findIndex((p) => flat(p).includes('DOCUMENT 1 ')) + 1;
    execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '80', '-png', '-singlefile', pdf, path.join(SCREENSHOTS, 'print-title-page')]);
    execFileSync('pdftoppm', ['-f', String(first), '-l', String(first), '-r', '80', '-png', '-singlefile', pdf, path.join(SCREENSHOTS, 'print-first-document')]);
    expect(existsSync(path.join(SCREENSHOTS, 'print-title-page.png'))).to.equal(true);
    expect(existsSync(path.join(SCREENSHOTS, 'print-first-document.png'))).to.equal(true);
  });

  it('extracts the same text from a second build, and prints on US Letter with --paper letter', () => {
    const again = tempDir();
    try {
      expect(runCli(['build', '--pdf', '--paper', 'letter', '--out', again]).status).to.equal(0);
      const letter = path.join(again, 'print', 'edition.pdf');
      expect(execFileSync('pdfinfo', [letter], { encoding: 'utf8' })).to.match(/Page size:\s+612 x 792 pts \(letter\)/);
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

  it('puts notes at the foot of their page, numbered, below the text', () => {
    const edition = copyEdition();
    try {
      cpSync(path.join(fixtures, 'transform', 'notes-as-footnotes.xml'), path.join(edition, 'tei', '1966-09-22-notes-as-footnotes.xml'));
      const run = runCli(['build', '--pdf'], edition);
      expect(run.status, run.stdout).to.equal(0);
      const pdf = path.join(edition, 'dist', 'edition', 'print', 'edition.pdf');
      const page = Array.from({ length: pageCount(pdf) }, (_, i) => pdftotext(pdf, i + 1)).find((p) => p.includes('That is, the airfields'))!;
      const text = flat(page);
      expect(text.indexOf('1. That is, the airfields of the Vietnamese air force regiments.')).to.be.greaterThan(text.indexOf('unfortunate complications in the future.'));
      expect(text).to.contain('2. The bracketed word is the translator’s.');
    } finally {
      removeDir(edition);
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
        const wide = read(path.join(out, 'text', file)).split('\n').filter((l) => stringWidth(l) > 72 && /\s/.test(l.trim()));
        expect(wide, file).to.deep.equal([]);
      }
    } finally {
      removeDir(out);
    }
  });
});
