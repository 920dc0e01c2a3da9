import { expect } from 'chai';
import { bookTooLarge, layoutBudget, MAX_BOOK_BYTES } from '../../src/print/pdf.js';

describe('pdf (how large a book is laid out, and how long it may take)', () => {
  it('gives a book two minutes, and a larger one a minute and a half a megabyte: five plays (3 MB), four and a half; twenty (10.7 MB), sixteen and a half', () => {
    expect(layoutBudget(300_000)).to.equal(120_000);
    expect(layoutBudget(2_980_850)).to.equal(270_000);
    expect(layoutBudget(10_655_080)).to.equal(990_000);
  });

  it('names, before any layout, a book larger than it lays out, and says what is made instead', () => {
    expect(bookTooLarge(MAX_BOOK_BYTES)).to.equal(undefined);
    const why = bookTooLarge(MAX_BOOK_BYTES + 2_000_000)!;
    expect(why).to.match(/^no PDF: the book would be 42\.0 MB of HTML, more than the 40 MB editio lays out/);
    expect(why).to.include('the pages, texts and EPUB are made');
  });
});
