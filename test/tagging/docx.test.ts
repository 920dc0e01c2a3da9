import { expect } from 'chai';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/model/config.js';
import { parse } from '../../src/parse/parse.js';
import { docxBlocks } from '../../src/tagging/docx.js';
import { importFiles } from '../../src/tagging/index.js';
import { validate } from '../../src/validate/validate.js';
import { copyEdition, fixtures, read, removeDir, requireShared, runCli, teiAllSchema } from '../helpers.js';

const DOCX = path.join(fixtures, 'import', 'docx');
const TELEGRAM = path.join(DOCX, 'telegram-with-footnotes-and-table.docx');

/**
 * The words of a Word file as Word stores them (every w:t of the document, its footnotes and
 * endnotes), read straight from the package, not through mammoth: what the import must keep.
 */
function wordsOfDocx(file: string): string[] {
  const parts = unzipSync(readFileSync(file));
  const xml = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'].map((p) => (parts[p] ? new TextDecoder().decode(parts[p]) : '')).join(' ');
  // Each paragraph and line break ends a word; runs within a paragraph join.
  const text = xml.replace(/<\/w:p>|<w:br\/>|<w:tab\/>/g, ' ').replace(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<[^>]+>/g, (_, t: string | undefined) => t ?? '');
  return words(text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
}

/** Words as compared: an editor's square brackets become <supplied>, so they are no part of a word here. */
const words = (text: string): string[] => text.replace(/[[\]]/g, '').split(/\s+/).filter(Boolean).sort();

/** The words of TEI: its notes' apart (Word keeps them in a part of their own), blocks and line breaks ending words, phrase markup not. */
function wordsOfTei(xml: string): string[] {
  const notes: string[] = [];
  const text = xml.replace(/<note\b[^>]*>([\s\S]*?)<\/note>/g, (_, inner: string) => {
    notes.push(inner);
    return '';
  });
  const flat = (s: string): string =>
    s
      .replace(/<\/?(p|head|dateline|cell|row|item|lb|list|table|div)\b[^>]*>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return words([text, ...notes].map(flat).join(' '));
}

describe('tagging/docx', function () {
  this.timeout(60_000);

  it('reads a Word file’s headings, paragraphs, highlighting, line breaks, notes where they are called, and tables', async () => {
    const read = await docxBlocks(readFileSync(TELEGRAM), TELEGRAM);
    if ('error' in read) throw new Error(read.error.reason);
    expect(read.blocks.map((b) => b.kind)).to.deep.equal(['head', 'p', 'p', 'p', 'table', 'head', 'p']);
    const xml = read.blocks.map((b) => b.xml).join('\n');
    expect(xml).to.contain('<hi rend="bold">a second company</hi>');
    expect(xml).to.contain('<hi rend="underline">Hanoi</hi>');
    expect(xml).to.contain('<hi rend="italic">the last days of</hi>');
    expect(xml).to.contain('<hi rend="strikethrough">first draft</hi>');
    expect(xml).to.contain(
      'December <supplied reason="editorial">1966</supplied>.<note place="foot" n="1">Romanian Foreign Ministry archive, file 220/1966, f. 12.</note></p>',
    );
    expect(xml).to.contain('by name<note place="foot" n="2"><p>The list has two parts.</p><p>Only the first survives.</p></note> and rank');
    expect(xml).to.contain('Aircraft promised:<lb/>as in the table below.');
    expect(xml).to.contain('<table><row><cell>Aircraft</cell><cell>Number</cell></row><row><cell>MiG-17</cell><cell>10</cell></row>');
  });

  describe('on Word files from mammoth’s test data, each showing one thing', () => {
    const cases: [string, RegExp][] = [
      ['footnotes.docx', /^<p>Ouch<note place="foot" n="1">A tachyon walks into a bar\.<\/note>\.<note place="foot" n="2">Fin\.<\/note><\/p>$/],
      ['endnotes.docx', /^<p>Ouch<note place="end" n="2">A tachyon walks into a bar\.<\/note>\.<note place="end" n="3">Fin\.<\/note><\/p>$/],
      [
        'tables.docx',
        /<table><row><cell>Top left<\/cell><cell>Top right<\/cell><\/row><row><cell>Bottom left<\/cell><cell>Bottom right<\/cell><\/row><\/table>/,
      ],
      ['simple-list.docx', /^<list><item>Apple<\/item><item>Banana<\/item><\/list>$/],
      ['underline.docx', /^<p><hi rend="bold">The <hi rend="underline">Sunset<\/hi> Tree<\/hi><\/p>$/],
      ['strikethrough.docx', /^<p><hi rend="strikethrough">Today's Special: Salmon<\/hi> Sold out<\/p>$/],
    ];
    for (const [file, expected] of cases) {
      it(`${file}: ${expected.source.slice(1, 60)}…, every word kept`, async () => {
        const docx = path.join(DOCX, 'mammoth', file);
        const read = await docxBlocks(readFileSync(docx), docx);
        if ('error' in read) throw new Error(read.error.reason);
        const xml = read.blocks.map((b) => b.xml).join('\n');
        expect(xml).to.match(expected);
        expect(wordsOfTei(xml)).to.deep.equal(wordsOfDocx(docx));
      });
    }

    it('tiny-picture.docx: leaves the picture out, and says so', async () => {
      const docx = path.join(DOCX, 'mammoth', 'tiny-picture.docx');
      const read = await docxBlocks(readFileSync(docx), docx);
      if ('error' in read) throw new Error(read.error.reason);
      expect(read.messages.map((m) => [m.ruleId, m.file])).to.deep.equal([['image-left-out', docx]]);
      expect(read.messages[0]!.reason).to.match(/an image in paragraph 1 was left out/);
    });
  });

  describe('bad input', () => {
    for (const [file, reason] of [
      ['password-protected.docx', /password-protected Word file, or one in the old \.doc format: .*remove the password/],
      ['damaged.docx', /the Word file is damaged or incomplete \(.+\): open it in Word and save it again/],
      ['not-a-word-file.docx', /not a Word \.docx file .*save the document as \.docx/],
    ] as const) {
      it(`${file}: a clear error naming the file`, async () => {
        const docx = path.join(DOCX, file);
        const read = await docxBlocks(readFileSync(docx), docx);
        expect('error' in read && read.error).to.include({ severity: 'error', ruleId: 'docx-unreadable', file: docx });
        expect('error' in read && read.error.reason).to.match(reason);
      });
    }
  });

  describe('editio import of a Word file', () => {
    let edition: string;
    beforeEach(() => {
      edition = copyEdition();
    });
    afterEach(() => removeDir(edition));

    it('writes a document of the edition that keeps every word, tagged, valid against the edition’s schema', async () => {
      const { written, messages } = await importFiles([TELEGRAM], { edition: await loadConfig(edition) });
      expect(messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
      expect(written.map((f) => path.basename(f))).to.deep.equal(['1966-12-12-telegram-from-pyongyang-to-bucharest.xml']);
      const xml = read(written[0]!);
      expect(xml).to.contain('<creation>\n        <date when="1966-12-12">12 December 1966</date>');
      expect(xml).to.contain('<dateline><date when="1966-12-12">12 December 1966</date></dateline>');
      expect(xml).to.contain('<persName ref="authorities.xml#vo-nguyen-giap"><roleName>General</roleName> Giap</persName>’s request');
      expect(xml).to.contain('<div type="section"><head>Annex</head>');
      const doc = parse({ path: written[0]!, name: path.basename(written[0]!), bytes: Buffer.from(xml), role: 'document' }).doc!;
      expect(wordsOfTei(xml.slice(xml.indexOf('<text>'), xml.indexOf('</text>')))).to.deep.equal(wordsOfDocx(TELEGRAM));
      const [verdict] = await validate([doc]);
      expect(verdict!.valid, JSON.stringify(verdict!.messages)).to.equal(true);
    });

    it('builds: its table a table on the page, rows of cells in the text edition, its notes numbered', async () => {
      await importFiles([TELEGRAM], { edition: await loadConfig(edition) });
      expect(runCli(['build'], edition).status).to.equal(0);
      const page = read(path.join(edition, 'dist', 'edition', 'documents', '1966-12-12-telegram-from-pyongyang-to-bucharest.html'));
      expect(page).to.match(
        /<table class="table" data-tei="table"><tbody><tr data-tei="row"><td data-tei="cell">Aircraft<\/td><td data-tei="cell">Number<\/td><\/tr>/,
      );
      expect(page).to.match(/<li id="note-2" data-tei="note">.*The list has two parts\..*Only the first survives\./s);
      const text = read(path.join(edition, 'dist', 'edition', 'text', '1966-12-12-telegram-from-pyongyang-to-bucharest.txt'));
      expect(text).to.contain('Aircraft | Number');
      expect(text).to.contain('MiG-17 | 10');
    });

    it('is valid against tei_all too', async function () {
      requireShared(this, teiAllSchema);
      const { written } = await importFiles([TELEGRAM], { edition: await loadConfig(edition) });
      const doc = parse({ path: written[0]!, name: 'telegram.xml', bytes: readFileSync(written[0]!), role: 'document' }).doc!;
      const [verdict] = await validate([doc], { schema: teiAllSchema });
      expect(verdict!.valid, JSON.stringify(verdict!.messages)).to.equal(true);
    });

    it('on the command line: writes the document and says so; a file it cannot read fails the run, naming it', () => {
      const good = runCli(['import', TELEGRAM], edition);
      expect(good.status, good.stdout + good.stderr).to.equal(0);
      expect(good.stdout).to.contain('Wrote tei/1966-12-12-telegram-from-pyongyang-to-bucharest.xml');
      const bad = runCli(['import', path.join(DOCX, 'damaged.docx')], edition);
      expect(bad.status).to.equal(1);
      expect(bad.stdout).to.match(/damaged\.docx\n\s+error\s+the Word file is damaged or incomplete/);
    });

    it('says which file cannot be imported and why, and imports the others', async () => {
      const files = [path.join(DOCX, 'password-protected.docx'), path.join(DOCX, 'mammoth', 'tables.docx'), TELEGRAM];
      const { written, messages } = await importFiles(files, { edition: await loadConfig(edition) });
      expect(written.map((f) => path.basename(f))).to.deep.equal(['1966-12-12-telegram-from-pyongyang-to-bucharest.xml']);
      const errors = messages.filter((m) => m.severity === 'error').map((m) => [path.basename(m.file!), m.ruleId]);
      expect(errors).to.deep.equal([
        ['password-protected.docx', 'docx-unreadable'],
        ['tables.docx', 'import-date'],
      ]);
    });
  });
});
