import { expect } from 'chai';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/model/config.js';
import { findXmlFiles, loadSources } from '../../src/load/load.js';
import { parse, type ParsedDoc } from '../../src/parse/parse.js';
import { findDates } from '../../src/tagging/dates.js';
import { importFiles, tag } from '../../src/tagging/index.js';
import { Authorities } from '../../src/model/authorities.js';
import { NameFinder } from '../../src/tagging/names.js';
import { tagDocument } from '../../src/tagging/tag.js';
import { texts } from '../../src/parse/tree.js';
import { validate } from '../../src/validate/validate.js';
import { strip } from '../eval-tagging-lib.js';
import { copyEdition, corpusDir, fixtures, lineOf, read, removeDir, requireShared, runCli, teiAllSchema, teiDir, tempDir } from '../helpers.js';

const doc = (file: string, text = read(file)): ParsedDoc => parse({ path: file, name: path.basename(file), bytes: Buffer.from(text), role: 'document' }).doc!;
const plain = (d: ParsedDoc): string => [...texts(d.tree)].map((t) => t.text).join('');
const entries = [...new Authorities([doc(path.join(teiDir, 'authorities.xml'))]).entries.values()];

describe('tagging', function () {
  this.timeout(120_000);

  describe('dates', () => {
    const cases: [string, string, Record<string, string>][] = [
      ['On 21 September 1966 the committee met', '21 September 1966', { when: '1966-09-21' }],
      ['dated September 30, 1966.', 'September 30, 1966', { when: '1966-09-30' }],
      ['signed 30 Sept. 1966 in Hanoi', '30 Sept. 1966', { when: '1966-09-30' }],
      ['signed Sept 30 1966 in Hanoi', 'Sept 30 1966', { when: '1966-09-30' }],
      ['filed as 1966-09-30 here', '1966-09-30', { when: '1966-09-30' }],
      ['in September 1966 they came', 'September 1966', { when: '1966-09' }],
      ['In 2000, both admitted', '2000', { when: '2000' }],
      ['the war of 1966–1968 was', '1966–1968', { from: '1966', to: '1968' }],
      ['fought from 1966 to 1968 over', 'from 1966 to 1968', { from: '1966', to: '1968' }],
      ['between October 1966 and January 1967 they', 'between October 1966 and January 1967', { notBefore: '1966-10', notAfter: '1967-01' }],
    ];
    for (const [text, words, attributes] of cases) {
      it(`tags "${words}" as ${JSON.stringify(attributes)}`, () => {
        const found = findDates(text);
        expect(found.map((d) => [text.slice(d.start, d.end), d.attributes])).to.deep.equal([[words, attributes]]);
      });
    }
    for (const text of [
      'Telegram No. 76.247',
      'ten aircraft each',
      'two companies of MiG-17s',
      'see p. 1966',
      'pages 1966 and 1967 of the report',
      '1966 pilots flew',
      '30 February 1966',
      'on 1966-02-30',
      'between 1968 and 1966 nothing',
    ]) {
      it(`finds no date in "${text}"`, () => {
        expect(findDates(text)).to.deep.equal([]);
      });
    }
  });

  describe('names', () => {
    const finder = new NameFinder(entries);
    const names = (text: string): [string, string, number][] =>
      finder.find(text).matches.flatMap(function flat(m): [string, string, number][] {
        return [[text.slice(m.start, m.end), m.entry.id, m.title], ...m.nested.flatMap(flat)];
      });

    it('takes the longest name, keeps a title before a person (as roleName) and stops before a possessive', () => {
      expect(names('Comrade Vo Nguyen Giap’s decision')).to.deep.equal([['Comrade Vo Nguyen Giap', 'vo-nguyen-giap', 7]]);
      expect(names('as General Giap demanded')).to.deep.equal([['General Giap', 'vo-nguyen-giap', 7]]);
    });

    it('tags a name of two words or more inside a longer one, but not a one-word name', () => {
      expect(names('the Current Affairs Committee of the Central Military Party Committee')).to.deep.equal([
        ['Current Affairs Committee of the Central Military Party Committee', 'current-affairs-committee', 0],
        ['Central Military Party Committee', 'central-military-party-committee', 0],
      ]);
      expect(names('the People’s Army of Vietnam and North Vietnam')).to.deep.equal([
        ['People’s Army of Vietnam', 'peoples-army-of-vietnam', 0],
        ['North Vietnam', 'north-vietnam', 0],
      ]);
    });

    it('tags a plural ("MiG-17s"), and no name inside a longer word ("North Korean")', () => {
      expect(names('two companies of MiG-17s for the North Korean flyers')).to.deep.equal([['MiG-17', 'mig-17', 0]]);
    });

    it('reports a name two entries share instead of guessing', () => {
      const twin = { ...entries.find((e) => e.id === 'pyongyang')!, id: 'pyongyang-province', names: ['Pyongyang'] };
      const result = new NameFinder([...entries, twin]).find('the telegram from Pyongyang');
      expect(result.matches).to.deep.equal([]);
      expect(result.ambiguous.map((a) => [a.name, a.ids])).to.deep.equal([['Pyongyang', ['pyongyang', 'pyongyang-province']]]);
    });
  });

  describe('tag', () => {
    it('finds nothing to add in tei/, which is tagged by hand: tagging is idempotent', async () => {
      const edition = await loadConfig(path.resolve(teiDir, '..'));
      const result = await tag([teiDir], { edition });
      expect(result.files.flatMap((f) => f.insertions)).to.deep.equal([]);
    });

    it('retags the stripped tei/ documents without changing their text, and they stay valid', async () => {
      const tagged: ParsedDoc[] = [];
      for (const file of readdirSync(teiDir).filter((f) => f !== 'authorities.xml')) {
        const original = doc(path.join(teiDir, file));
        const stripped = doc(path.join(teiDir, file), strip(original));
        const result = tagDocument(stripped, entries);
        const again = doc(path.join(teiDir, file), result.text);
        expect(plain(again), file).to.equal(plain(original));
        expect(tagDocument(again, entries).insertions, `${file} a second time`).to.deep.equal([]);
        tagged.push(again);
      }
      for (const v of await validate(tagged)) expect(v.messages, v.doc.source.name).to.deep.equal([]);
    });

    it('reports capitalised names in no list as suggestions, at their line and column', () => {
      const file = path.join(teiDir, '1966-09-21-giap-decision.xml');
      const stripped = doc(file, strip(doc(file)));
      const suggestion = tagDocument(stripped, entries).messages.find((m) => m.ruleId === 'name-suggestion' && m.reason.startsWith('"Air Force"'));
      expect(suggestion).to.include({ severity: 'info' });
      expect(suggestion!.column).to.be.a('number');
    });

    describe('on ../shared/corpus (dates only: no authority lists there)', () => {
      before(function () {
        requireShared(this, corpusDir);
      });

      it('never changes a document’s text, and keeps valid documents valid against tei_all', async function () {
        this.timeout(120_000);
        const { files } = await findXmlFiles([corpusDir]);
        const { sources } = await loadSources(files);
        const before = sources.map((s) => parse(s).doc!).filter((d) => d.text === d.source.bytes.toString('utf8'));
        const after = before.map((d) => doc(d.source.path, tagDocument(d, []).text));
        after.forEach((d, i) => {
          expect(plain(d), d.source.name).to.equal(plain(before[i]!));
        });
        expect(after.some((d, i) => d.text !== before[i]!.text)).to.equal(true);
        // Before and after in one call: tei_all compiled once.
        const valid = (await validate([...before, ...after], { schema: teiAllSchema })).map((v) => v.valid);
        const [was, is] = [valid.slice(0, before.length), valid.slice(before.length)];
        was.forEach((valid, i) => {
          if (valid) expect(is[i], before[i]!.source.name).to.equal(true);
        });
      });
    });
  });

  describe('import', () => {
    let edition: string;
    beforeEach(() => {
      edition = copyEdition();
    });
    afterEach(() => removeDir(edition));

    it('turns a seed item (date line first) into a valid TEI document named by date and short title', async () => {
      const config = await loadConfig(edition);
      const { written, messages } = await importFiles([path.join(fixtures, 'import', 'date-line-first.txt')], { edition: config });
      expect(written.map((f) => path.basename(f))).to.deep.equal(['1966-09-30-signing-of-a-protocol-agreement.xml']);
      const xml = read(written[0]!);
      expect(xml).to.contain('<creation>\n        <date when="1966-09-30">September 30, 1966</date>');
      expect(xml).to.contain('<objectName ref="authorities.xml#mig-21">MiG-21</objectName>s');
      const warning = messages.find((m) => m.ruleId === 'source-missing')!;
      expect(warning).to.include({ severity: 'warning', line: lineOf(xml, '[Source to be completed') });
      const [verdict] = await validate([doc(written[0]!)]);
      expect(verdict!.messages).to.deep.equal([]);
    });

    it('keeps the wording and encodes [bracketed] insertions as supplied', async () => {
      const config = await loadConfig(edition);
      const { written } = await importFiles([path.join(fixtures, 'import', 'title-line-first-with-brackets.txt')], { edition: config });
      const xml = read(written[0]!);
      expect(path.basename(written[0]!)).to.equal('1966-09-21-general-vo-nguyen-giaps-decision.xml');
      expect(xml).to.contain('technical <supplied reason="editorial">support</supplied> personnel');
      expect(xml).to.contain('allied <supplied reason="editorial">North Korean</supplied> regiment');
      expect(xml).to.contain('<head><persName ref="authorities.xml#vo-nguyen-giap"><roleName>General</roleName> Vo Nguyen Giap</persName>’s Decision');
    });

    it('reads a dateline with its place in the language it is written in, and tags the text in that language (German)', async () => {
      const config = await loadConfig(edition);
      const { written, messages } = await importFiles([path.join(fixtures, 'import', 'dateline-with-place-german.txt')], { edition: config });
      expect(messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
      expect(written.map((f) => path.basename(f))).to.deep.equal(['1895-03-14-arthur-schnitzler-an-hermann-bahr.xml']);
      const xml = read(written[0]!);
      expect(xml).to.contain('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="de" type="document">');
      expect(xml).to.contain('<dateline>Wien, am <date when="1895-03-14">14. März 1895</date></dateline>');
      expect(xml).to.contain('<date from="1895-07-03" to="1895-07-07">vom 3. bis 7. Juli</date>');
      expect(xml).to.contain('<date notBefore="1895-07-21" notAfter="1895-07-31">Ende Juli 1895</date>');
      const [verdict] = await validate([doc(written[0]!)]);
      expect(verdict!.messages).to.deep.equal([]);
    });

    it('says what is missing when a file has no date line', async () => {
      const config = await loadConfig(edition);
      const { written, messages } = await importFiles([path.join(fixtures, 'import', 'no-date-line.txt')], { edition: config });
      expect(written).to.deep.equal([]);
      expect(messages[0]).to.include({ severity: 'error', ruleId: 'import-shape', line: 1 });
    });
  });

  describe('the command line', () => {
    it('shows what tag would add, writes it only with --write, and adds nothing the second time', () => {
      const edition = copyEdition();
      try {
        const file = path.join(edition, 'tei', '1966-09-30-protocol-agreement.xml');
        const original = doc(file);
        writeFileSync(file, strip(original));
        const stripped = read(file);
        const dry = runCli(['tag', 'tei'], edition);
        expect(dry.status).to.equal(0);
        expect(dry.stdout).to.match(/\+ <objectName ref="authorities\.xml#mig-17">MiG-17<\/objectName>/);
        expect(read(file)).to.equal(stripped);
        expect(runCli(['tag', 'tei', '--write'], edition).stdout).to.match(/tags written/);
        expect(plain(doc(file))).to.equal(plain(original));
        expect(runCli(['validate', 'tei'], edition).status).to.equal(0);
        expect(runCli(['tag', 'tei'], edition).stdout).to.contain('Nothing to tag');
      } finally {
        removeDir(edition);
      }
    });

    it('with --report, lists each proposal and each candidate with its place, context and why, and writes nothing', () => {
      const edition = copyEdition();
      try {
        const file = path.join(edition, 'tei', '1966-09-21-giap-decision.xml');
        // A surname the lists give two persons, once the lists have a second Phung: a candidate in the summary, before
        // the text names Phung The Tai in full; his after it.
        writeFileSync(
          file,
          strip(doc(file)).replace('The request was approved.', 'Phung approved the request.').replace('demanded that', 'demanded that Phung and'),
        );
        writeFileSync(
          path.join(edition, 'tei', 'authorities.xml'),
          read(path.join(edition, 'tei', 'authorities.xml')).replace(
            '</listPerson>',
            '<person xml:id="phung-van-an"><persName>Phung Van An</persName></person></listPerson>',
          ),
        );
        const before = read(file);
        const run = runCli(['tag', 'tei/1966-09-21-giap-decision.xml', '--report'], edition);
        expect(run.status, run.stderr).to.equal(0);
        expect(run.stdout).to.match(
          /\d+:\d+ {2}persName "Comrade Phung The Tai" → authorities\.xml#phung-the-tai\n {6}a name in the lists: ….*\[Comrade Phung The Tai\]/,
        );
        expect(run.stdout).to.match(/\d+:\d+ {2}date "21 September 1966" → when=1966-09-21\n {6}a day: /);
        expect(run.stdout).to.match(
          /not tagged: "Phung" may be phung-the-tai or phung-van-an\n {6}a short form of 2 persons in the lists, and the document has named none of them in full before/,
        );
        expect(run.stdout).to.match(
          /persName "Phung" → authorities\.xml#phung-the-tai\n {6}a short form of this person’s name, whom the document named in full before: ….*demanded that \[Phung\] and/,
        );
        expect(run.stdout).to.match(/\d+ tags proposed, 1 candidates left to you/);
        expect(read(file)).to.equal(before);
        const json = JSON.parse(runCli(['tag', 'tei/1966-09-21-giap-decision.xml', '--format', 'json'], edition).stdout) as {
          result: { files: { candidates: { words: string }[] }[] };
        };
        expect(json.result.files[0]!.candidates.map((c) => c.words)).to.deep.equal(['Phung']);
      } finally {
        removeDir(edition);
      }
    });

    it('writes as an editor would: permissions kept, through a symbolic link, and a killed run’s temporary file removed', () => {
      const edition = copyEdition();
      try {
        const file = path.join(edition, 'tei', '1966-09-30-protocol-agreement.xml');
        const moved = path.join(edition, 'drafts', 'protocol.xml');
        mkdirSync(path.dirname(moved));
        writeFileSync(moved, strip(doc(file)));
        chmodSync(moved, 0o600);
        rmSync(file);
        symlinkSync(moved, file);
        const leftover = path.join(edition, 'tei', `1966-09-30-protocol-agreement.xml.tmp-${2 ** 22 + 99}-0a1b2c3d`);
        writeFileSync(leftover, 'half');
        expect(runCli(['tag', path.join('tei', path.basename(file)), '--write'], edition).stdout).to.match(/tags written/);
        expect(lstatSync(file).isSymbolicLink()).to.equal(true);
        expect(read(moved)).to.contain('<objectName ref="authorities.xml#mig-17">MiG-17</objectName>');
        expect(statSync(moved).mode & 0o777).to.equal(0o600);
        expect(existsSync(leftover)).to.equal(false);
      } finally {
        removeDir(edition);
      }
    });

    it('init makes an edition that builds at once', () => {
      const dir = path.join(tempDir(), 'new-edition');
      try {
        expect(runCli(['init', dir]).status).to.equal(0);
        expect(readdirSync(path.join(dir, 'tei')).sort()).to.deep.equal(['1900-01-01-example-document.xml', 'authorities.xml', 'edition.xml']);
        const built = runCli(['build'], dir);
        expect(built.status, built.stdout + built.stderr).to.equal(0);
        expect(runCli(['validate', 'tei', '--strict'], dir).status).to.equal(0);
        expect(runCli(['init', dir]).status).to.equal(2);
      } finally {
        removeDir(path.dirname(dir));
      }
    });
  });
});
