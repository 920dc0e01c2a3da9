import { expect } from 'chai';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Authorities } from '../../src/model/authorities.js';
import { loadSources } from '../../src/load/load.js';
import type { Source } from '../../src/parse/source.js';
import { parse } from '../../src/parse/parse.js';
import { CHECK_CHUNK, checkInChunks, checkSources, roleFinder, validateFiles } from '../../src/validate/check.js';
import type { SeenIds } from '../../src/validate/rules/context.js';
import { loadConfig } from '../../src/model/config.js';
import { RULES } from '../../src/validate/rules/index.js';
import { bounds, isIsoDate } from '../../src/validate/rules/dates.js';
import { changedNamesIn, namesRead } from '../../src/validate/rules/authorities.js';
import { copyEdition, fixtures, lineOf, removeDir, repoRoot, tempDir } from '../helpers.js';

const rulesDir = path.join(fixtures, 'rules');

/** A copy of the small rules edition, with the schemas. */
function baseEdition(): string {
  const dir = tempDir('editio-rules-');
  cpSync(path.join(rulesDir, 'base'), dir, { recursive: true });
  cpSync(path.join(repoRoot, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  return dir;
}

/** A copy of the small rules edition, with one fixture added as a document (or as the authority lists). */
function editionWith(fixture: string, asAuthorities = false): { dir: string; file: string } {
  const dir = baseEdition();
  const file = path.join(dir, 'tei', asAuthorities ? 'authorities.xml' : '1966-09-22-fixture.xml');
  cpSync(fixture, file);
  return { dir, file };
}

async function check(dir: string) {
  const edition = await loadConfig(dir);
  return (await validateFiles([path.join(dir, 'tei')], { edition })).messages;
}

/** Where each trip fixture must be reported: the text on the offending line. */
const TRIPS: Record<string, string> = {
  'ref-unresolved': 'authorities.xml#nguyen-van-a',
  'ref-wrong-kind': '<persName ref="authorities.xml#pyongyang">',
  'id-duplicate': 'xml:id="vo-nguyen-giap"',
  'date-invalid': 'when="1966-13"',
  'date-range-inverted': 'notBefore="1967"',
  'date-header-mismatch': '<dateline>',
  'mention-untagged': 'heard that General Giap',
  'authority-unused': 'romanian-embassy',
  'name-too-long': 'xml:id="vo-nguyen-giap"',
};

/** Rules about the authority lists themselves: their fixtures are the edition's lists. */
const ON_LISTS = new Set(['authority-unused', 'name-too-long']);

describe('rules', function () {
  this.timeout(60_000);

  it('has a trip fixture for every rule', () => {
    expect(RULES.map((r) => r.id).sort()).to.deep.equal(Object.keys(TRIPS).sort());
  });

  it('finds nothing in the base edition, whose one document passes every rule', async () => {
    const dir = baseEdition();
    try {
      expect(await check(dir)).to.deep.equal([]);
    } finally {
      removeDir(dir);
    }
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it(`reports trips/${rule.id}.xml as a${rule.severity === 'error' ? 'n error' : ' warning'} at the offending line`, async () => {
        const fixture = path.join(rulesDir, 'trips', `${rule.id}.xml`);
        const { dir, file } = editionWith(fixture, ON_LISTS.has(rule.id));
        try {
          const messages = await check(dir);
          const ours = messages.filter((m) => m.ruleId === rule.id);
          expect(ours, JSON.stringify(messages, null, 1)).to.have.length(1);
          expect(ours[0]).to.include({ severity: rule.severity, line: lineOf(readFileSync(file, 'utf8'), TRIPS[rule.id]!) });
          expect(ours[0]!.file).to.match(new RegExp(`${path.basename(file).replace('.', '\\.')}$`));
          expect(ours[0]!.column).to.be.a('number');
          expect(
            messages.filter((m) => m.ruleId !== rule.id && m.severity === 'error'),
            'other errors',
          ).to.deep.equal([]);
        } finally {
          removeDir(dir);
        }
      });

      if (rule.id !== 'authority-unused') {
        it(`does not report passes/${rule.id}.xml, a near miss`, async () => {
          const { dir } = editionWith(path.join(rulesDir, 'passes', `${rule.id}.xml`), ON_LISTS.has(rule.id));
          try {
            expect(await check(dir)).to.deep.equal([]);
          } finally {
            removeDir(dir);
          }
        });
      }
    });
  }

  it('says which entry an untagged name belongs to and how to tag it', async () => {
    const { dir } = editionWith(path.join(rulesDir, 'trips', 'mention-untagged.xml'));
    try {
      const [m] = (await check(dir)).filter((x) => x.ruleId === 'mention-untagged');
      expect(m!.reason).to.equal('"General Giap" is untagged; tag it as <persName ref="authorities.xml#vo-nguyen-giap">');
    } finally {
      removeDir(dir);
    }
  });

  it('does not apply the edition rules to files outside the edition’s sources', async () => {
    const edition = await loadConfig(repoRoot);
    const { messages } = await validateFiles([path.join(rulesDir, 'trips', 'ref-unresolved.xml')], { edition });
    expect(messages.filter((m) => m.ruleId === 'ref-unresolved')).to.deep.equal([]);
  });

  it('resolves a pointer into another file of the edition that is not checked with it, and names a missing id there', async () => {
    const dir = copyEdition();
    try {
      const edition = await loadConfig(dir);
      const giap = path.join(dir, 'tei', '1966-09-21-giap-decision.xml');
      const unresolved = async (): Promise<string[]> =>
        (await validateFiles([giap], { edition })).messages.filter((m) => m.ruleId === 'ref-unresolved').map((m) => m.reason);
      // Its kind is a category of the edition's taxonomy, in edition.xml, which is not checked here.
      expect(readFileSync(giap, 'utf8')).to.include('target="edition.xml#decision"');
      expect(await unresolved()).to.deep.equal([]);
      writeFileSync(giap, readFileSync(giap, 'utf8').replace('edition.xml#decision', 'edition.xml#decree'));
      expect(await unresolved()).to.deep.equal([
        '@target="edition.xml#decree" on <catRef> points to nothing: edition.xml has no xml:id="decree"; add the entry or correct the pointer',
      ]);
    } finally {
      removeDir(dir);
    }
  });

  it('checks in chunks, the next parsed while xmllint validates the last: every file once, in order, each verdict its own, an xml:id shared across chunks found', async () => {
    const dir = baseEdition();
    try {
      const decision = readFileSync(path.join(dir, 'tei', '1966-09-21-decision.xml'), 'utf8');
      // 260 documents, two chunks of CHECK_CHUNK (250): the first and the last share an id; the 100th has an element the schema does not know.
      const files = Array.from({ length: 260 }, (_, i) => {
        const file = path.join(dir, 'tei', `1967-01-01-copy-${String(i).padStart(3, '0')}.xml`);
        const text =
          i === 0 || i === 259 ? decision.replace('<p>', '<p xml:id="shared-paragraph">') : i === 100 ? decision.replace('<p>', '<p><blink/>') : decision;
        writeFileSync(file, text);
        return file;
      });
      const edition = await loadConfig(dir);
      const { sources } = await loadSources([...files, path.join(dir, 'tei', 'authorities.xml')], roleFinder(edition));
      const authorityFile = sources.at(-1)!;
      const authorities = new Authorities([parse(authorityFile).doc!]);
      const seenIds: SeenIds = new Map();
      const results: Awaited<ReturnType<typeof checkSources>>[] = [];
      await checkInChunks(sources.slice(0, -1), { edition, partial: true, authorities, seenIds }, (result) => results.push(result));
      expect(results.map((r) => r.fileCount)).to.deep.equal([CHECK_CHUNK, 260 - CHECK_CHUNK]);
      const checked = results.flatMap((r) => r.docs);
      expect(checked.map((c) => c.doc.source.path)).to.deep.equal(files);
      expect(checked.filter((c) => !c.valid).map((c) => path.basename(c.doc.source.path))).to.deep.equal([
        '1967-01-01-copy-100.xml',
        '1967-01-01-copy-259.xml',
      ]);
      const messages = results.flatMap((r) => r.messages).filter((m) => m.severity === 'error');
      expect(messages.map((m) => `${path.basename(m.file!)} ${m.ruleId}`)).to.deep.equal([
        '1967-01-01-copy-100.xml relaxng',
        '1967-01-01-copy-259.xml id-duplicate',
      ]);
    } finally {
      removeDir(dir);
    }
  });

  it('finds an xml:id used twice in documents checked in different chunks of a build', async () => {
    const dir = baseEdition();
    try {
      const decision = readFileSync(path.join(dir, 'tei', '1966-09-21-decision.xml'), 'utf8');
      const [first, second] = ['1966-09-25-first.xml', '1966-09-26-second.xml'].map((name) => path.join(dir, 'tei', name));
      writeFileSync(first!, decision.replace('<p>', '<p xml:id="shared-paragraph">'));
      writeFileSync(second!, decision.replace('<p>', '<p xml:id="shared-paragraph">'));
      const edition = await loadConfig(dir);
      const { sources } = await loadSources([first!, second!, path.join(dir, 'tei', 'authorities.xml')], roleFinder(edition));
      const [one, two, authorityFile] = sources;
      const authorities = new Authorities([parse(authorityFile!).doc!]);
      const seenIds: SeenIds = new Map();
      const chunk = async (source: Source) =>
        (await checkSources([source], { edition, partial: true, authorities, seenIds })).messages.filter((m) => m.ruleId === 'id-duplicate');
      expect(await chunk(one!)).to.deep.equal([]);
      const [duplicate, ...more] = await chunk(two!);
      expect(more).to.deep.equal([]);
      expect(duplicate).to.include({ severity: 'error', file: two!.name });
      expect(duplicate!.reason).to.include(`${one!.name}:`);
    } finally {
      removeDir(dir);
    }
  });

  describe('names read by mention-untagged, for incremental builds', () => {
    const authorityFile = path.join(rulesDir, 'base', 'tei', 'authorities.xml');
    const namesOf = async (edit: (text: string) => string = (t) => t) => {
      const dir = tempDir('editio-names-');
      try {
        const file = path.join(dir, 'authorities.xml');
        writeFileSync(file, edit(readFileSync(authorityFile, 'utf8')));
        const [source] = (await loadSources([file], () => 'authorities')).sources;
        // Read with the names' file named, as the messages name it: the same file, the same values.
        return Object.fromEntries(
          Object.entries(namesRead(new Authorities([parse(source!).doc!]))).map(([name, entry]) => [name, entry.replace(dir, '<dir>')]),
        );
      } finally {
        removeDir(dir);
      }
    };

    it('names each name with the entry a message would name, and sees no change when none was made', async () => {
      const names = await namesOf();
      expect(names['General Giap']).to.equal('persName vo-nguyen-giap <dir>/authorities.xml');
      expect(changedNamesIn(names, await namesOf())).to.equal(undefined);
    });

    it('after a rename, finds the old and the new name in a text, however it is spaced or escaped, and nothing else', async () => {
      const before = await namesOf();
      const test = changedNamesIn(before, await namesOf((t) => t.replace('>General Giap<', '>Comrade Giap<')))!;
      expect(test('<p>General Giap spoke.</p>'), 'the old name').to.equal(true);
      expect(test('<p>the <roleName>Comrade</roleName> Giap</p>'), 'split by markup: never one text node').to.equal(false);
      expect(test('<p>Comrade\n      Giap</p>'), 'across a line break').to.equal(true);
      expect(test('<p>Comrade&#x20;Giap</p>'), 'a character reference').to.equal(true);
      expect(test('<p>Comrade <![CDATA[Giap]]></p>'), 'a CDATA section beside its text').to.equal(true);
      expect(test('<p>Vo Nguyen Giap and General Vo</p>'), 'an unchanged name').to.equal(false);
      expect(test('<p>&#xFFFFFFF;</p>'), 'a reference to no character: checked again').to.equal(true);
    });

    it('counts a name given to a second entry as changed (it becomes ambiguous)', async () => {
      const before = await namesOf();
      const after = await namesOf((t) => t.replace('</listPerson>', '<person xml:id="another-giap"><persName>General Giap</persName></person></listPerson>'));
      expect(after['General Giap']).to.equal('ambiguous');
      expect(changedNamesIn(before, after)!('General Giap')).to.equal(true);
      expect(changedNamesIn(before, after)!('Vo Nguyen Giap')).to.equal(false);
    });
  });

  describe('dates', () => {
    it('accepts the ISO forms TEI allows and rejects dates that do not exist', () => {
      for (const good of ['1966', '1966-09', '1966-09-21', '1968-02-29', '-0044-03-15', '1966-09-21T14:30:00Z']) expect(isIsoDate(good), good).to.equal(true);
      for (const bad of ['1966-02-30', '1966-13', '1967-02-29', '66', '1966/09/21', '21 September 1966', '1966-9-21', ''])
        expect(isIsoDate(bad), bad).to.equal(false);
    });

    it('reads a partial date as the span it covers', () => {
      expect(bounds('1966')).to.deep.equal({ first: '1966-01-01', last: '1966-12-31' });
      expect(bounds('1968-02')).to.deep.equal({ first: '1968-02-01', last: '1968-02-29' });
    });
  });
});
