import { expect } from 'chai';
import { foreignConfig } from '../../src/model/config.js';
import { foreignIdentity, identityOf, type DocumentIdentity } from '../../src/model/identity.js';
import type { Message } from '../../src/infra/messages.js';
import { parse } from '../../src/parse/parse.js';

const header = (titleStmt: string, rest = '', root = 'TEI'): DocumentIdentity =>
  identityOf(
    parse({
      path: '/d.xml',
      name: 'd.xml',
      bytes: Buffer.from(
        `<${root} xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>${titleStmt}</titleStmt>${rest}</fileDesc></teiHeader></${root}>`,
      ),
      role: 'document',
    }).doc!,
  );

describe('identity (what a folder without a configuration is called)', () => {
  const config = foreignConfig('/tmp/some-folder');

  it('reads a document’s series (level-s title, else seriesStmt, else the edition statement), its own title and its editors', () => {
    expect(
      header('<title level="s">Letters</title><title level="a">A to B</title><editor><name>Lind, Eva</name><name>Roth, Paul</name></editor>'),
    ).to.deep.equal({
      series: 'Letters',
      own: 'A to B',
      editors: ['Lind, Eva', 'Roth, Paul'],
    });
    expect(
      header('<title>A to B</title><editor>Quint, Rosa</editor>', '<editionStmt><edition><title>The Letters</title></edition></editionStmt>'),
    ).to.deep.include({ series: 'The Letters', editors: ['Quint, Rosa'] });
    expect(header('<title type="main">Volume I</title>', '', 'teiCorpus')).to.deep.equal({ corpus: 'Volume I', editors: [] });
  });

  it('names the edition by a corpus header, else the series most documents name, else a single document’s own title', () => {
    const messages: Message[] = [];
    expect(
      foreignIdentity(
        config,
        [
          { series: 'B', editors: ['x'] },
          { series: 'A', editors: ['y'] },
          { series: 'A', editors: ['z', 'y'] },
        ],
        messages,
      ),
    ).to.deep.equal({ title: 'A', editors: ['y', 'z'] });
    expect(
      foreignIdentity(
        config,
        [
          { series: 'A', editors: [] },
          { corpus: 'The corpus', editors: ['c'] },
        ],
        messages,
      ),
    ).to.deep.equal({ title: 'The corpus', editors: ['c'] });
    expect(foreignIdentity(config, [{ own: 'Volume I', editors: ['v'] }], messages)).to.deep.equal({ title: 'Volume I', editors: ['v'] });
    expect(messages).to.deep.equal([]);
  });

  it('never takes the folder’s name: with nothing to go by it warns, naming what to add', () => {
    const messages: Message[] = [];
    const named = foreignIdentity(
      config,
      [
        { own: 'One', editors: [] },
        { own: 'Two', editors: [] },
      ],
      messages,
    );
    expect(named.title).to.equal('Untitled edition').and.not.include('some-folder');
    expect(messages.map((m) => m.ruleId)).to.deep.equal(['edition-untitled']);
    expect(messages[0]!.reason).to.include('editio.config.json');
  });
});
