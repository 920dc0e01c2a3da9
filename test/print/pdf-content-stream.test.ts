import { expect } from 'chai';
import { insertAt, operationsOf } from '../../src/print/pdf-content-stream.js';

describe('print/pdf-content-stream (a page’s drawing read as operations)', () => {
  it('reads operators with their operands as written: strings with parentheses and escapes, arrays, dictionaries, hex strings', () => {
    const stream =
      '/Span <</ActualText <FEFF0066006C> /Lang (de)>> BDC\nBT /F4 12 Tf 1 0 0 -1 170.07 4595 Tm [(a\\) b) -250 <0005>] TJ (x(y)z) Tj ET EMC % a comment\n';
    const read = operationsOf(stream)!;
    expect(read.map((o) => o.operator)).to.deep.equal(['BDC', 'BT', 'Tf', 'Tm', 'TJ', 'Tj', 'ET', 'EMC']);
    expect(read[0]!.operands).to.deep.equal(['/Span', '<</ActualText <FEFF0066006C> /Lang (de)>>']);
    expect(read[4]!.operands).to.deep.equal(['[(a\\) b) -250 <0005>]']);
    expect(read[5]!.operands).to.deep.equal(['(x(y)z)']);
    // Where each operation stands, so that text can be added around it and nothing else changes.
    expect(stream.slice(read[3]!.start, read[3]!.end)).to.equal('1 0 0 -1 170.07 4595 Tm');
  });

  it('leaves alone a stream it cannot follow: an inline image’s bytes, a stray delimiter, operands with no operator', () => {
    expect(operationsOf('q BI /W 1 /H 1 /BPC 8 /CS /G ID \u00ff EI Q')).to.equal(undefined);
    expect(operationsOf('BT ) Tj ET')).to.equal(undefined);
    expect(operationsOf('BT <0005> Tj ET 12')).to.equal(undefined);
  });

  it('inserts text at offsets, several at one place in the order given', () => {
    expect(
      insertAt('BT <01> Tj ET', [
        { at: 10, text: ' <02> Tj' },
        { at: 3, text: '/Artifact BMC ' },
        { at: 10, text: ' EMC' },
      ]),
    ).to.equal('BT /Artifact BMC <01> Tj <02> Tj EMC ET');
  });
});
