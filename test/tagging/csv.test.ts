import { expect } from 'chai';
import { readCsv, type Sheet } from '../../src/tagging/csv.js';

const sheet = (text: string | Uint8Array): Sheet => {
  const read = readCsv(typeof text === 'string' ? new TextEncoder().encode(text) : text, 'sheet.csv');
  if ('error' in read) throw new Error(read.error.reason);
  return read;
};

describe('tagging/csv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and the line each row starts on', () => {
    const read = sheet('id,name,note\r\na,"Kim, Il Sung","He said ""no""."\r\nb,Giap,"two\nlines"\nc,Tai,\n');
    expect(read.header).to.deep.equal(['id', 'name', 'note']);
    expect(read.rows).to.deep.equal([
      { line: 2, cells: ['a', 'Kim, Il Sung', 'He said "no".'] },
      { line: 3, cells: ['b', 'Giap', 'two\nlines'] },
      { line: 5, cells: ['c', 'Tai', ''] },
    ]);
  });

  it('reads semicolons or tabs where the header has them, a byte-order mark, and UTF-16 as Excel saves it', () => {
    expect(sheet('id;name\nhanoi;Hà Nội\n').rows[0]!.cells).to.deep.equal(['hanoi', 'Hà Nội']);
    expect(sheet('id\tname\nhanoi\tHanoi, city\n').rows[0]!.cells).to.deep.equal(['hanoi', 'Hanoi, city']);
    expect(sheet('\uFEFFid,name\nx,Y\n').header).to.deep.equal(['id', 'name']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'id,name\nđ,Đồng\n'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(sheet(utf16).rows[0]!.cells).to.deep.equal(['đ', 'Đồng']);
  });

  it('says on which line a file stops being UTF-8, and how to save it so', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('id,name\nhanoi,Hanoi\nhaiphong,H'), 0xe0, 0x69, 0x0a]);
    const read = readCsv(latin1, 'places.csv');
    expect('error' in read && read.error).to.include({ ruleId: 'csv-encoding', file: 'places.csv', line: 3 });
    expect('error' in read && read.error.reason).to.match(/save the spreadsheet again as "CSV UTF-8"/);
  });

  it('says where a quoted cell never closes, and that an empty file has no header', () => {
    const open = readCsv(new TextEncoder().encode('id,name\na,"Kim\nb,Giap\n'), 'persons.csv');
    expect('error' in open && open.error).to.include({ ruleId: 'csv-malformed', line: 2 });
    const empty = readCsv(new Uint8Array(), 'persons.csv');
    expect('error' in empty && empty.error.reason).to.match(/the file is empty/);
  });
});
