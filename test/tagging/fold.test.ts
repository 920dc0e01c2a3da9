import { expect } from 'chai';
import { caseFits, fold, unfold } from '../../src/tagging/fold.js';

describe('tagging/fold', () => {
  it('makes one character of every apostrophe, quote and dash, one space of any white space, and takes accents off', () => {
    expect(fold('People’s “Army” – Võ Nguyên\u00a0Giáp,  Phạm Văn Đồng\n  Łódź').text).to.equal('People\'s "Army" - Vo Nguyen Giap, Pham Van Dong Lodz');
  });

  it('puts a span of the folded text back on the text as written, accents, spaces and all', () => {
    const text = 'met Võ  Nguyên Giáp’s staff';
    const folded = fold(text);
    const at = folded.text.indexOf('Vo Nguyen Giap');
    const { start, end } = unfold(folded, at, at + 'Vo Nguyen Giap'.length);
    expect(text.slice(start, end)).to.equal('Võ  Nguyên Giáp');
    // Decomposed accents (a letter, then a combining mark) belong to their letter.
    const decomposed = 'Gia\u0301p said';
    const d = fold(decomposed);
    expect(decomposed.slice(unfold(d, 0, 4).start, unfold(d, 0, 4).end)).to.equal('Gia\u0301p');
  });

  it('lets case differ only as prose and telegrams write names', () => {
    expect(caseFits('North Korean Air Force', 'North Korean air force')).to.equal(true);
    expect(caseFits('KIM IL SUNG', 'Kim Il Sung')).to.equal(true);
    expect(caseFits('MiG 21', 'MiG-21')).to.equal(true);
    expect(caseFits('Peoples Army', "People's Army")).to.equal(true);
    expect(caseFits('the general', 'The General')).to.equal(false);
    expect(caseFits('Mig-21', 'MiG-21')).to.equal(false);
    expect(caseFits('north vietnam', 'North Vietnam')).to.equal(false);
  });
});
