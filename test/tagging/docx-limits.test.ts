import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { docxBlocks } from '../../src/tagging/docx.js';
import { copyEdition, fixtures, removeDir, runCli } from '../helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A Word file with this document.xml, as Word lays out the least of one. */
const docx = (document: string): Uint8Array =>
  zipSync({ '[Content_Types].xml': strToU8(TYPES), '_rels/.rels': strToU8(RELS), 'word/document.xml': strToU8(document) }, { level: 9 });
const body = (content: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${content}</w:body></w:document>`;

/** The zip with word/document.xml declaring `size` bytes inflated, in its local and central headers. */
function declaring(zip: Uint8Array, size: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const name = strToU8('word/document.xml');
  for (let i = 0; i < out.length - 4; i++) {
    const signature = view.getUint32(i, true);
    const nameAt = signature === 0x04034b50 ? i + 30 : signature === 0x02014b50 ? i + 46 : -1;
    if (nameAt < 0 || !name.every((b, k) => out[nameAt + k] === b)) continue;
    view.setUint32(signature === 0x04034b50 ? i + 22 : i + 24, size, true);
  }
  return out;
}

describe('tagging/docx-limits', function () {
  this.timeout(60_000);

  it('reads a Word file within the limits', async () => {
    const read = await docxBlocks(docx(body('<w:p><w:r><w:t>The pilots flew.</w:t></w:r></w:p>')), 'ok.docx');
    expect('blocks' in read && read.blocks.map((b) => b.xml)).to.deep.equal(['<p>The pilots flew.</p>']);
  });

  it('refuses 3 million empty paragraphs in a file of a few kilobytes at once, by counting them, not by running out of memory', async () => {
    const bomb = docx(body('<w:p/>'.repeat(3_000_000)));
    expect(bomb.length).to.be.below(100_000);
    const started = performance.now();
    const read = await docxBlocks(bomb, 'bomb.docx');
    expect(performance.now() - started).to.be.below(5000);
    expect('error' in read && read.error).to.include({ ruleId: 'docx-refused', file: 'bomb.docx' });
    expect('error' in read && read.error.reason).to.match(/more than 500,000 XML elements \(at its part word\/document\.xml\).*split the document/);
  });

  it('refuses a part that declares 1.2 GB without inflating it, and one that inflates past what it declares', async () => {
    const small = docx(body('<w:p><w:r><w:t>x</w:t></w:r></w:p>'.repeat(1000)));
    const huge = await docxBlocks(declaring(small, 1_200_000_000), 'huge.docx');
    expect('error' in huge && huge.error.reason).to.match(/inflates to more than 64 MB \(at its part word\/document\.xml\)/);
    const lying = await docxBlocks(declaring(small, 100), 'lying.docx');
    expect('error' in lying && lying.error.reason).to.match(/part word\/document\.xml inflates to more than the 100 bytes it declares/);
  });

  it('refuses entities, saying so, rather than passing the parser’s words on', async () => {
    const xxe = docx(
      `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`,
    );
    const read = await docxBlocks(xxe, 'xxe.docx');
    expect('error' in read && read.error.reason).to.match(/declares entities \(a DOCTYPE\).*entities are refused/);
    expect('error' in read && read.error.reason).not.to.match(/xmldom|entity not found/);
  });

  it('editio import: the bomb is one message naming it, the other files are imported, the exit code says one failed', () => {
    const edition = copyEdition();
    try {
      const bomb = path.join(edition, 'bomb.docx');
      writeFileSync(bomb, docx(body('<w:p/>'.repeat(3_000_000))));
      const good = path.join(fixtures, 'import', 'docx', 'telegram-with-footnotes-and-table.docx');
      const run = runCli(['import', bomb, good, '--format', 'json'], edition);
      expect(run.status, run.stderr).to.equal(1);
      expect(run.stderr).not.to.match(/heap|internal error/i);
      const { messages, result } = JSON.parse(run.stdout) as { messages: { severity: string; ruleId: string; file?: string }[]; result: { written: string[] } };
      expect(messages.filter((m) => m.severity === 'error').map((m) => [m.ruleId, m.file])).to.deep.equal([['docx-refused', bomb]]);
      expect(result.written).to.deep.equal(['tei/1966-12-12-telegram-from-pyongyang-to-bucharest.xml']);
      expect(readFileSync(path.join(edition, result.written[0]!), 'utf8')).to.contain('Pyongyang');
    } finally {
      removeDir(edition);
    }
  });
});
