import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyEdition, removeDir, runCli } from './helpers.js';

/** Input past what editio takes is one message about it; everything else is still done. */
describe('limits on input (end to end)', function () {
  this.timeout(180_000);

  it('builds an edition whose lists hold a name of 40,000 characters, saying so on its entry', () => {
    const dir = copyEdition();
    try {
      const file = path.join(dir, 'tei', 'authorities.xml');
      const lists = readFileSync(file, 'utf8');
      const long = 'Vo Nguyen Giap, general, '.repeat(1600);
      const withLong = lists.replace(/(<persName type="variant">Vo Nguyen Giap<\/persName>)/, `$1<persName type="variant">${long}</persName>`);
      expect(withLong).not.to.equal(lists);
      writeFileSync(file, withLong);
      const run = runCli(['build', '--format', 'json'], dir);
      expect(run.stderr).not.to.match(/internal error|Regular expression/);
      expect(run.status, run.stdout + run.stderr).to.equal(0);
      const { messages } = JSON.parse(run.stdout) as { messages: { ruleId: string; file?: string; line?: number }[] };
      const tooLong = messages.filter((m) => m.ruleId === 'name-too-long');
      expect(tooLong).to.have.length(1);
      expect(tooLong[0]).to.include({ file: 'tei/authorities.xml' });
      expect(tooLong[0]!.line).to.equal(lists.split('\n').findIndex((l) => l.includes('xml:id="vo-nguyen-giap"')) + 1);
      expect(existsSync(path.join(dir, 'dist', 'edition', 'index.html'))).to.equal(true);
    } finally {
      removeDir(dir);
    }
  });
});
