import { expect } from 'chai';
import { languagePack } from '../../src/i18n/catalogue.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import stringWidth from 'string-width';
import { compileStylesheets } from '../../src/transform/stylesheets.js';
import type { MentionFaces } from '../../src/transform/mentions.js';
import {
  authorityContext,
  STYLESHEET_PARAMS,
  transform as transformWith,
  type AuthorityContext,
  type TransformRequest,
} from '../../src/transform/transform.js';
import { dateInWords } from '../../src/model/header.js';
import { buildTree, descendants } from '../../src/parse/tree.js';
import { fixtures, repoRoot, teiDir } from '../helpers.js';

const fixture = (name: string): string => readFileSync(path.join(fixtures, 'transform', name), 'utf8');

describe('transform', () => {
  let authorities: AuthorityContext['params'];
  let faces: MentionFaces;
  /** A transform showing the seed's entries (with no authority parameters, as if the edition had none). */
  const transform = (request: TransformRequest) => transformWith(request, faces);
  before(async function () {
    this.timeout(60_000);
    await compileStylesheets();
    ({ params: authorities, faces } = await authorityContext(readFileSync(path.join(teiDir, 'authorities.xml'), 'utf8'), {}, []));
  });

  it('passes exactly the parameters xslt/common/params.xsl declares, with the same types', () => {
    const xsl = readFileSync(path.join(repoRoot, 'xslt', 'common', 'params.xsl'), 'utf8');
    const declared = Object.fromEntries([...xsl.matchAll(/<xsl:param name="([^"]+)" as="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    expect(declared).to.deep.equal(STYLESHEET_PARAMS);
  });

  it('links a mention to its register entry, with the standard name as title', () => {
    const { output, messages } = transform({
      format: 'html',
      sourceText: fixture('unresolved-person-ref.xml'),
      file: 'unresolved-person-ref.xml',
      params: { ...authorities, 'path-to-root': '../' },
    });
    const giap = parseHtml(output!).querySelector('a[data-ref="authorities.xml#vo-nguyen-giap"]');
    expect(giap?.getAttribute('href')).to.equal('../registers/persons/vo-nguyen-giap.html');
    expect(giap?.getAttribute('title')).to.equal('Võ Nguyên Giáp');
    expect(messages.map((m) => m.ruleId)).to.deep.equal(['ref-unresolved']);
  });

  it('reports a mention whose entry does not exist, and does not link it', () => {
    const { output, messages } = transform({
      format: 'html',
      sourceText: fixture('unresolved-person-ref.xml'),
      file: 'unresolved-person-ref.xml',
      params: { ...authorities },
    });
    expect(messages[0]).to.include({ ruleId: 'ref-unresolved', severity: 'warning', file: 'unresolved-person-ref.xml' });
    expect(messages[0]!.reason).to.contain('authorities.xml#nobody');
    const nobody = parseHtml(output!).querySelector('[data-ref="authorities.xml#nobody"]');
    expect(nobody?.tagName).to.equal('SPAN');
    expect(nobody?.classList.contains('unresolved')).to.equal(true);
  });

  it('words every date as the extracts and the chronology do (src/model/header.ts), doubts and ranges included', () => {
    const attributes = [
      'when="1966-09-21"',
      'when="1966"',
      'when="1966-10"',
      'when="1966-02-30"',
      'from="1966-09" to="1967"',
      'notBefore="1966-10-01" notAfter="1966-10-15"',
      'notBefore="1966"',
      'notAfter="1967-07"',
      'when="1966" cert="low"',
      'when="1966-10" precision="low"',
      'when="1966" cert="0.5" precision="medium"',
      'cert="unknown"',
      '',
    ];
    const sourceText = `<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>Dates</title></titleStmt><publicationStmt><p>Test</p></publicationStmt>
      <sourceDesc><p>Test</p></sourceDesc></fileDesc></teiHeader><text><body><div><p>${attributes.map((a) => `<date ${a}>as written</date>`).join(' ')}</p></div></body></text></TEI>`;
    const tree = buildTree(sourceText);
    if ('error' in tree) throw new Error(tree.error.reason);
    const titlesIn = (tag: string): (string | undefined)[] => {
      const language = languagePack(tag);
      const page = transform({ format: 'html', sourceText, file: 'dates', params: { ...authorities, language: JSON.stringify(language) } }).output!;
      const titles = parseHtml(page)
        .querySelectorAll('.document-text .date')
        .map((d) => d.getAttribute('title'));
      expect(titles, tag).to.deep.equal([...descendants(tree.root)].filter((e) => e.name === 'date').map((e) => dateInWords(e, language)));
      return titles;
    };
    expect(titlesIn('en')).to.include.members([
      '21 September 1966',
      '1–15 October 1966'.replace('1–15', 'between 1 and 15'),
      '1966?',
      'about October 1966',
      'about 1966?',
    ]);
    expect(titlesIn('de')).to.include.members([
      '21. September 1966',
      'zwischen 1. und 15. Oktober 1966',
      'September 1966 – 1967',
      'um Oktober 1966',
      'nicht vor 1966',
    ]);
    expect(titlesIn('fr')).to.include.members(['21 septembre 1966', 'entre le 1er et le 15 octobre 1966', 'vers octobre 1966', 'pas après juillet 1967']);
  });

  it('escapes text that looks like markup and never links a javascript: or data: URL', () => {
    const { output } = transform({ format: 'html', sourceText: fixture('hostile-markup.xml'), file: 'hostile-markup.xml' });
    // No element of the document's making: the only script is the edition's own (the citation's access date).
    const page = parseHtml(output!);
    expect(page.querySelectorAll('script').map((s) => [s.getAttribute('src'), s.innerHTML])).to.deep.equal([['assets/cite.js', '']]);
    expect(page.querySelectorAll('img')).to.deep.equal([]);
    expect(output).to.contain('&lt;img src=x onerror=alert(1)&gt;');
    const hrefs = parseHtml(output!)
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /^\s*(javascript|data):/i.test(h))).to.deep.equal([]);
    expect(hrefs).to.include('https://example.org/');
  });

  it('turns a stylesheet failure into an error message on the document, not an exception', () => {
    const result = transform({ format: 'html', sourceText: fixture('hostile-markup.xml'), file: 'x.xml', params: { 'edition-json': '{not json' } });
    expect(result.output).to.equal(undefined);
    expect(result.messages[0]).to.include({ ruleId: 'xslt-error', severity: 'error', file: 'x.xml' });
  });

  it('turns notes into numbered footnotes with links both ways, in HTML and as endnotes in text', () => {
    const source = fixture('notes-as-footnotes.xml');
    const html = parseHtml(transform({ format: 'html', sourceText: source, file: 'notes', params: { ...authorities } }).output!);
    const refs = html.querySelectorAll('sup.note-ref a');
    expect(refs.map((a) => [a.text, a.getAttribute('href')])).to.deep.equal([
      ['1', '#note-1'],
      ['2', '#note-2'],
    ]);
    const notes = html.querySelectorAll('section.notes li');
    expect(notes.map((li) => li.id)).to.deep.equal(['note-1', 'note-2']);
    // In document order: the airfields sentence comes before "technical [support]".
    expect(notes[0]!.text).to.contain('the airfields of the Vietnamese air force regiments');
    expect(notes[1]!.text).to.contain('The bracketed word is the translator’s.');
    expect(notes[1]!.querySelector('a.note-back')!.getAttribute('href')).to.equal('#note-ref-2');
    expect(html.querySelector('p:has(#note-ref-2)')?.text).to.contain('technical [support]');
    const text = transform({ format: 'text', sourceText: source, file: 'notes' }).output!;
    expect(text).to.contain('our air force.[1]');
    expect(text).to.match(/Notes\n-----\n\n\[1\] That is, the airfields.*\n\[2\] The bracketed word is the translator’s\./);
  });

  it('wraps the text edition at the width it is given', () => {
    const text = transform({
      format: 'text',
      sourceText: readFileSync(path.join(teiDir, '1966-09-21-giap-decision.xml'), 'utf8'),
      file: 'giap',
      params: { 'text-width': 40 },
    }).output!;
    const lines = text.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).to.be.at.most(40);
    expect(lines.filter((l) => l.length > 30).length).to.be.greaterThan(20);
  });

  it('fills each line as far as it goes, in Latin script with quotation marks and in wide Chinese and Korean characters', () => {
    const paragraphs = [
      'The “specialists” would be volunteer soldiers – so the minutes say – and they would command their own forces.',
      '越南人民军 空军 北朝鲜 飞行员 在 一九六六年 到达 河内 并且 参加了 防空 作战 조선 인민군 항공대 조종사들이 베트남에 도착했다',
    ];
    const sourceText = `<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Wrap</title></titleStmt>
      <publicationStmt><p>Test</p></publicationStmt><sourceDesc><p>Test</p></sourceDesc></fileDesc></teiHeader>
      <text><body><div>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div></body></text></TEI>`;
    const width = 30;
    const text = transform({ format: 'text', sourceText, file: 'wrap', params: { 'text-width': width } }).output!;
    const blocks = text.split('\n\n').filter((b) => b.includes(' ') && !b.startsWith('Wrap') && !b.startsWith('Source'));
    expect(blocks.map((b) => b.replace(/\n/g, ' '))).to.deep.equal(paragraphs);
    for (const block of blocks) {
      const lines = block.split('\n');
      expect(lines.length, block).to.be.greaterThan(2);
      lines.forEach((line, i) => {
        expect(stringWidth(line), line).to.be.at.most(width);
        const next = lines[i + 1]?.split(' ')[0];
        if (next) expect(stringWidth(`${line} ${next}`), `${line} | ${next}`).to.be.greaterThan(width);
      });
    }
  });
});
