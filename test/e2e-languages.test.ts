/**
 * Editions in their own languages, end to end: a German correspondence (letters-with-divided-index)
 * and a French one (lettres-en-francais), neither configured, built by the CLI. Every page speaks
 * the edition's language: a walk over each page's words (text, labels, hover texts) finds none of
 * the English catalogue's; dates, counts and the text edition are the language's.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { unzipSync } from 'fflate';
import { parse as parseHtml } from 'node-html-parser';
import { catalogue } from '../src/i18n/catalogue.js';
import type { Message } from '../src/infra/messages.js';
import { fixtures, htmlProblems, read, removeDir, runCli, tempDir } from './helpers.js';

function build(folder: string): { out: string; messages: Message[] } {
  const out = tempDir('editio-languages-');
  const run = runCli(['build', path.join(fixtures, 'editions', folder), '--out', out, '--format', 'json']);
  return { out, messages: (JSON.parse(run.stdout) as { messages: Message[] }).messages };
}

const pagesOf = (out: string): string[] =>
  readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => path.join(out, f));

/** What a reader reads on a page: its text and the words of its labels, hover texts and placeholders. */
function wordsOf(file: string): string {
  const page = parseHtml(readFileSync(file, 'utf8'));
  for (const e of page.querySelectorAll('script, style')) e.remove();
  const attributes = page
    .querySelectorAll('[aria-label], [title], [placeholder], [alt]')
    .flatMap((e) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''));
  return [page.text, ...attributes].join('\n');
}

/**
 * The English catalogue's phrases that a page in another language must not show: each message's
 * words between its placeholders, of two words or more, that the language's own catalogue does not use too.
 */
function englishPhrases(language: string): string[] {
  const own = Object.values(catalogue(language)!).join('\n');
  return [
    ...new Set(
      Object.values(catalogue('en')!)
        .flatMap((text) => text.split(/\{[a-z0-9-]+\}/))
        .map((chunk) => chunk.replace(/^[\s,.:;()“”‘’—–-]+|[\s,.:;()“”‘’—–-]+$/g, ''))
        .filter((chunk) => chunk.split(/\s+/).length >= 2 && !own.includes(chunk)),
    ),
  ];
}

for (const { folder, language, date, counted, fields, persons, letters } of [
  {
    folder: 'letters-with-divided-index',
    language: 'de',
    date: '2. Mai 1903',
    counted: '4-mal erwähnt, in 2 Dokumenten',
    fields: ['Gesendet: Roth, Emma · 2. Mai 1903', 'Quelle: Aufbewahrungsort: Österreich, Wien, Stadtarchiv'],
    // Written forenames first (<forename>Emma</forename> <surname>Roth</surname>): listed by surname.
    persons: ['Falk, Jakob', 'Roth, Emma'],
    letters: ['rf_person_1', 'Briefe von Emma Roth (1)'],
  },
  {
    folder: 'lettres-en-francais',
    language: 'fr',
    date: '9 décembre 1888',
    counted: 'Mentionné 3 fois dans 2 documents',
    fields: ['Envoyé\u00a0: Louise Marceau · Paris · 9 décembre 1888', 'Reçu\u00a0: Henri Vautrin · Lyon', 'Cote\u00a0: Ms. 1234, f. 12'],
    // É among the Es, as French sorts, not after Z.
    persons: ['Dupré, Élise', 'Écuyer, Paul', 'Marceau, Louise', 'Vautrin, Henri'],
    letters: ['pers_marceau', 'Lettres de Louise Marceau (1)'],
  },
]) {
  describe(`an edition in ${language === 'de' ? 'German' : 'French'}, unconfigured (end to end)`, function () {
    this.timeout(120_000);
    let built: ReturnType<typeof build>;
    before(() => (built = build(folder)));
    after(() => removeDir(built.out));

    it('declares its language on every page (BCP 47), and no English word of the interface is on any of them', () => {
      const pages = pagesOf(built.out);
      expect(pages.length).to.be.at.least(10);
      for (const page of pages) expect(read(page), page).to.match(new RegExp(`<html[^>]* lang="${language}"`));
      const phrases = englishPhrases(language);
      expect(phrases.length).to.be.above(100);
      const found = pages.flatMap((page) => {
        const words = wordsOf(page);
        return phrases.filter((phrase) => words.includes(phrase)).map((phrase) => `${path.relative(built.out, page)}: “${phrase}”`);
      });
      expect(found).to.deep.equal([]);
      expect(built.messages.filter((m) => m.ruleId === 'language-without-catalogue')).to.deep.equal([]);
    });

    it('writes dates and counts as the language does, the text edition too', () => {
      const index = wordsOf(path.join(built.out, 'index.html'));
      expect(index).to.include(date);
      const register = wordsOf(path.join(built.out, 'registers', 'persons.html'));
      expect(register).to.include(counted);
      const letter = readdirSync(path.join(built.out, 'text')).find((f) => f !== 'edition.txt')!;
      const text = read(path.join(built.out, 'text', letter)).replace(/[ \n]+/g, ' ');
      for (const field of fields) expect(text).to.include(field);
    });

    it('lists persons by surname, as the language sorts, in the register and the search filters alike', () => {
      const register = parseHtml(read(path.join(built.out, 'registers', 'persons.html')));
      expect(register.querySelectorAll('.entry h2').map((h) => h.text.trim())).to.deep.equal(persons);
      const facets: { editioFacets?: { entries: { name: string; register: string }[] } } = {};
      runInNewContext(read(path.join(built.out, 'search', 'facets.js')), { window: facets });
      expect(facets.editioFacets!.entries.filter((e) => e.register === 'persons').map((e) => e.name)).to.deep.equal(persons);
    });

    it('names a correspondent as running text does in the entry’s letters, and writes the archive’s README and tables in the language', () => {
      const [entry, heading] = letters as [string, string];
      const page = parseHtml(read(path.join(built.out, 'registers', 'persons', `${entry}.html`)));
      expect(page.querySelectorAll('.entry-letters h3').map((h) => h.text.trim())).to.include(heading);
      const zip = unzipSync(readFileSync(path.join(built.out, 'editio-edition.zip')));
      expect(new TextDecoder().decode(zip['README.txt'])).to.include(catalogue(language)!['archive.holds']);
      expect(read(path.join(built.out, 'metadata', 'documents.csv')).split('\r\n')[1]).to.match(new RegExp(`,${language},`));
    });

    it('gives the search script its words in the language, and its date examples from the edition', () => {
      const search = parseHtml(read(path.join(built.out, 'search.html')));
      const words = JSON.parse(search.querySelector('#search-form')!.getAttribute('data-messages')!) as Record<string, string>;
      expect(words['search.js.not-loaded']).to.equal(catalogue(language)!['search.js.not-loaded']);
      expect(search.querySelector('#search-from')!.getAttribute('placeholder')).to.match(/^18|^19/);
      // The help's example is a name of the edition's own that its letters write.
      const example = search.querySelector('.search-help a')!;
      expect(example.getAttribute('href')).to.equal(`search.html?q=${encodeURIComponent(example.text)}`);
      const texts = readdirSync(path.join(built.out, 'text')).filter((f) => f !== 'edition.txt');
      expect(texts.filter((f) => read(path.join(built.out, 'text', f)).includes(example.text)).length).to.be.at.least(2);
    });

    it('writes valid pages', async () => {
      expect(await htmlProblems(pagesOf(built.out))).to.deep.equal([]);
    });
  });
}

describe('an edition in English of letters in German (its headers in English, xml:lang) (end to end)', function () {
  this.timeout(180_000);
  let out: string;
  before(() => {
    out = tempDir('editio-languages-');
    const run = runCli(['build', path.join(fixtures, 'editions', 'letters-with-records'), '--out', out, '--epub', '--pdf']);
    expect(run.status, run.stdout + run.stderr).to.equal(0);
  });
  after(() => removeDir(out));

  it('speaks English, each letter’s text declared German: on its page and in its chapter of the EPUB', () => {
    const page = read(path.join(out, 'documents', 'L001.html'));
    expect(page).to.match(/<html[^>]* lang="en"/);
    expect(page).to.match(/<section class="document-text"[^>]* lang="de"/);
    expect(wordsOf(path.join(out, 'documents', 'L001.html'))).to.include('Cite this document');
    const files = unzipSync(readFileSync(path.join(out, 'print', 'edition.epub')));
    const xhtml = (name: string): string => new TextDecoder().decode(files[`EPUB/${name}`]);
    expect(xhtml('doc1.xhtml')).to.match(/<html[^>]* lang="de" xml:lang="de"/);
    expect(xhtml('nav.xhtml')).to.match(/<html[^>]* lang="en" xml:lang="en"/);
    expect(xhtml('package.opf')).to.include('<dc:language>en</dc:language>');
  });

  it('declares the book English and each letter’s part German in the PDF’s structure (/Lang)', async () => {
    const { PDFDict, PDFDocument, PDFName } = await import('pdf-lib');
    const pdf = await PDFDocument.load(readFileSync(path.join(out, 'print', 'edition.pdf')));
    expect(String(pdf.catalog.lookup(PDFName.of('Lang')))).to.equal('(en)');
    const declared = pdf.context
      .enumerateIndirectObjects()
      .flatMap(([, object]) => (object instanceof PDFDict && object.has(PDFName.of('Lang')) ? [String(object.get(PDFName.of('Lang')))] : []));
    expect(declared).to.include('(de)');
  });
});
