import { expect } from 'chai';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/model/config.js';
import { importAuthorityFiles } from '../../src/tagging/index.js';
import { kindOf } from '../../src/tagging/sheet-entries.js';
import { copyEdition, fixtures, read, removeDir, runCli } from '../helpers.js';

const CSV = path.join(fixtures, 'import', 'csv');

describe('tagging/authority-import (editio import --authorities)', function () {
  this.timeout(60_000);
  let edition: string;
  let lists: string;
  beforeEach(() => {
    edition = copyEdition();
    lists = path.join(edition, 'tei', 'authorities.xml');
  });
  afterEach(() => removeDir(edition));

  const run = async (files: string[], options: { kind?: string; force?: boolean } = {}) =>
    importAuthorityFiles(files, { ...options, edition: await loadConfig(edition) });

  it('adds new entries at the end of their list, in the sheet’s order, with their names, dates, notes and coordinates', async () => {
    const before = read(lists);
    const { written, messages } = await run([path.join(CSV, 'persons.csv'), path.join(CSV, 'places-semicolons.csv')]);
    expect(written).to.deep.equal([lists]);
    const after = read(lists);
    expect(after.indexOf('xml:id="kim-il-sung"')).to.be.greaterThan(after.indexOf('xml:id="phung-the-tai"'));
    expect(after.indexOf('xml:id="pham-van-dong"')).to.be.greaterThan(after.indexOf('xml:id="kim-il-sung"'));
    expect(after).to.contain(
      [
        '      <person xml:id="kim-il-sung">',
        '        <persName type="standard">Kim Il Sung</persName>',
        '        <persName type="variant">Kim Il-sung</persName>',
        '        <persName type="variant">Premier Kim Il Sung</persName>',
        '        <birth when="1912-04-15"/>',
        '        <death when="1994-07-08"/>',
      ].join('\n'),
    );
    expect(after).to.contain('<placeName type="variant">Hà Nội</placeName>\n        <location><geo>21.0245 105.84117</geo></location>');
    // Everything that was there is there as it was.
    expect(after.replace(/\n\s*<(person|place) xml:id="(kim-il-sung|pham-van-dong|hanoi|haiphong)"[\s\S]*?<\/\1>/g, '')).to.equal(before);
    // The row that says of phung-the-tai less than the entry does changes nothing, and is no conflict.
    expect(messages.filter((m) => m.severity === 'error')).to.deep.equal([]);
    expect(runCli(['validate', 'tei'], edition).status).to.equal(0);
  });

  it('reports by row each row it cannot take, imports the others, and replaces nothing without --force', async () => {
    const { messages } = await run([path.join(CSV, 'persons-with-faults.csv')]);
    const faults = messages.filter((m) => m.severity === 'error').map((m) => [m.line, m.ruleId]);
    expect(faults).to.deep.equal([
      [3, 'csv-row-invalid'],
      [4, 'csv-row-invalid'],
      [5, 'csv-row-invalid'],
      [6, 'csv-row-invalid'],
      [7, 'authority-conflict'],
      [8, 'authority-conflict'],
    ]);
    const after = read(lists);
    expect(after).to.contain('<person xml:id="le-duan">');
    expect(after).to.contain('<persName type="standard" xml:lang="vi">Võ Nguyên Giáp</persName>');
    expect(after).not.to.contain('<persName type="standard">Vo Nguyen Giap</persName>');
  });

  it('replaces an entry with --force, in its place, keeping the file’s permissions', async () => {
    chmodSync(lists, 0o640);
    await run([path.join(CSV, 'persons-with-faults.csv')], { force: true });
    const after = read(lists);
    expect(after).to.contain(
      '<person xml:id="vo-nguyen-giap">\n        <persName type="standard">Vo Nguyen Giap</persName>\n        <birth when="1911-08-25"/>\n      </person>',
    );
    expect(after.indexOf('xml:id="vo-nguyen-giap"')).to.be.lessThan(after.indexOf('xml:id="phung-the-tai"'));
    // An id of another kind is not taken, even so.
    expect(after.match(/xml:id="vietnam"/g)).to.have.length(1);
    expect(statSync(lists).mode & 0o777).to.equal(0o640);
  });

  it('takes an id from one sheet only, in one import, even with --force', async () => {
    const second = path.join(edition, 'more-persons.csv');
    writeFileSync(second, 'id,name\nkim-il-sung,Kim Il-song\nvo-nguyen-giap,Vo Nguyen Giap\n');
    const { messages } = await run([path.join(CSV, 'persons.csv'), path.join(CSV, 'persons-with-faults.csv'), second], { force: true });
    const twice = messages.filter((m) => m.file === second && m.severity === 'error').map((m) => m.reason);
    expect(twice).to.deep.equal([
      'row 2: "kim-il-sung" is imported from persons.csv, row 2 in this import already: give the row another id',
      'row 3: "vo-nguyen-giap" is imported from persons-with-faults.csv, row 7 in this import already: give the row another id',
    ]);
    expect(read(lists).match(/xml:id="kim-il-sung"/g)).to.have.length(1);
    expect(runCli(['validate', 'tei'], edition).status).to.equal(0);
  });

  it('refuses a day that does not exist, by its row, and imports the other rows', async () => {
    const sheet = path.join(edition, 'persons.csv');
    writeFileSync(sheet, 'id,name,birth\nle-duan,Lê Duẩn,1907-02-30\nkim-il-sung,Kim Il Sung,1912-04-15\n');
    const { written, messages } = await run([sheet]);
    expect(written).to.deep.equal([lists]);
    expect(messages.filter((m) => m.severity === 'error').map((m) => m.reason)).to.deep.equal([
      'row 2: its birth "1907-02-30" is not a date editio can read: write it as YYYY, YYYY-MM or YYYY-MM-DD; the row is not imported',
    ]);
    expect(read(lists)).to.contain('<person xml:id="kim-il-sung">');
  });

  it('refuses by its row a cell with a character XML does not allow, naming the column, and imports the other rows', async () => {
    const sheet = path.join(edition, 'persons.csv');
    writeFileSync(
      sheet,
      'id,name,note\nle-duan,L\u0001e Duan,\nkim-il-sung,Kim Il Sung,a\u000Bnote\nkim-jong-il,Kim Jong Il\uFFFE,\nkim-chaek,Kim Chaek,Minister\n',
    );
    const { written, messages } = await run([sheet]);
    expect(written).to.deep.equal([lists]);
    expect(messages.filter((m) => m.severity === 'error').map((m) => [m.line, m.reason])).to.deep.equal([
      [2, 'row 2: its "name" cell holds U+0001, a character XML does not allow: remove it; the row is not imported'],
      [3, 'row 3: its "note" cell holds U+000B, a character XML does not allow: remove it; the row is not imported'],
      [4, 'row 4: its "name" cell holds U+FFFE, a character XML does not allow: remove it; the row is not imported'],
    ]);
    expect(read(lists)).to.contain('<person xml:id="kim-chaek">');
    expect(runCli(['validate', 'tei'], edition).status).to.equal(0);
  });

  it('checks each identifier by its kind: a URL of another scheme, markup or a malformed id is a fault of its row', async () => {
    const sheet = path.join(edition, 'persons.csv');
    const rows = [
      'id,name,wikidata,gnd,viaf,uri',
      'p-1,One,javascript:alert(1),,,',
      'p-2,Two,Q</idno><x>,,,',
      'p-3,Three,,4066009-6x,,',
      'p-4,Four,,,,javascript:alert(1)',
      'p-5,Five,,,12a,',
      'p-6,Six,,,,https://example.org/persons/six" onclick="x',
      'p-7,Seven,Q36014,118607626,https://viaf.org/viaf/95216565,https://example.org/persons/seven',
      'p-8,Eight,https://www.wikidata.org/wiki/Q1,4066009-6,7,',
    ];
    writeFileSync(sheet, `${rows.join('\n')}\n`);
    const { messages } = await run([sheet]);
    expect(messages.filter((m) => m.severity === 'error').map((m) => m.reason)).to.deep.equal([
      'row 2: its wikidata "javascript:alert(1)" is not a Wikidata item (Q and digits, e.g. Q36014) or its URL; the row is not imported',
      'row 3: its wikidata "Q</idno><x>" is not a Wikidata item (Q and digits, e.g. Q36014) or its URL; the row is not imported',
      'row 4: its gnd "4066009-6x" is not a GND identifier (e.g. 118607626 or 4066009-6) or its URL; the row is not imported',
      'row 5: its uri "javascript:alert(1)" is not an http(s) URL; the row is not imported',
      'row 6: its viaf "12a" is not a VIAF number (digits) or its URL; the row is not imported',
      'row 7: its uri "https://example.org/persons/six" onclick="x" is not an http(s) URL; the row is not imported',
    ]);
    const after = read(lists);
    expect(after).to.contain(
      '<idno type="wikidata">http://www.wikidata.org/entity/Q36014</idno>\n        <idno type="gnd">https://d-nb.info/gnd/118607626</idno>\n        <idno type="viaf">https://viaf.org/viaf/95216565</idno>\n        <idno type="uri">https://example.org/persons/seven</idno>',
    );
    expect(after).to.contain(
      '<idno type="wikidata">https://www.wikidata.org/wiki/Q1</idno>\n        <idno type="gnd">https://d-nb.info/gnd/4066009-6</idno>\n        <idno type="viaf">https://viaf.org/viaf/7</idno>',
    );
    expect(after).not.to.match(/javascript:|<x>/);
  });

  it('refuses a name longer than a name is, by its row', async () => {
    const sheet = path.join(edition, 'persons.csv');
    writeFileSync(sheet, `id,name\nlong,${'A very long name '.repeat(6000)}\nkim-chaek,Kim Chaek\n`);
    const { messages } = await run([sheet]);
    expect(messages.filter((m) => m.severity === 'error').map((m) => m.reason)).to.deep.equal([
      'row 2: a name of "long" is 101,999 characters long, more than a name\'s 1,000: put a description in the note column; the row is not imported',
    ]);
    expect(read(lists)).to.contain('<person xml:id="kim-chaek">');
  });

  it('writes nothing that would not be valid against the lists’ schema, and says why', async () => {
    const before = read(lists);
    const sheet = path.join(edition, 'events.csv');
    writeFileSync(sheet, 'id,name,date,lang\nnew-event,An event,1966-10,not a language\n');
    const { written, messages } = await run([sheet]);
    expect(written).to.deep.equal([]);
    const invalid = messages.find((m) => m.ruleId === 'authority-invalid')!;
    expect(invalid.reason).to.match(
      /the merged lists would not be valid, so \S*authorities\.xml is left as it was: @lang on <eventName> has a value the schema does not accept/,
    );
    expect(read(lists)).to.equal(before);
  });

  it('tells the list from the file name or --kind, and says so when it cannot', async () => {
    expect(['persons.csv', 'places-1966.csv', 'Organisations.CSV', 'my_objects.csv', 'events.tsv'].map((n) => kindOf(n)?.entry)).to.deep.equal([
      'person',
      'place',
      'org',
      'object',
      'event',
    ]);
    expect(kindOf('names.csv')).to.equal(undefined);
    const { messages } = await run([path.join(CSV, 'persons.csv')], { kind: 'ships' });
    expect(messages[0]!.reason).to.match(/--kind "ships" is no kind of entry/);
  });

  it('on the command line: exit 1 with each fault at file:row, the good rows written', () => {
    const cli = runCli(
      ['import', '--authorities', path.join(CSV, 'persons-with-faults.csv'), path.join(CSV, 'places-latin1.csv'), path.join(CSV, 'places-without-id.csv')],
      edition,
    );
    expect(cli.status).to.equal(1);
    expect(cli.stdout).to.match(/persons-with-faults\.csv\n\s+3\s+error\s+row 3: "1-bad-id" cannot be an xml:id/);
    expect(cli.stdout).to.match(/places-latin1\.csv\n\s+2\s+error\s+the file is not in UTF-8/);
    expect(cli.stdout).to.match(/places-without-id\.csv\n\s+1\s+error\s+the spreadsheet has no "id" column/);
    expect(read(lists)).to.contain('<person xml:id="le-duan">');
  });
});
