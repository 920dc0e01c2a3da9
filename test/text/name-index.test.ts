import { expect } from 'chai';
import { collapseSpace, NameIndex } from '../../src/text/name-index.js';

const found = (index: NameIndex, text: string): string[] => index.find(text).map((f) => text.slice(f.start, f.end));

describe('NameIndex', () => {
  it('finds the longest name at each place, leftmost first, none inside another', () => {
    const index = new NameIndex(['Vietnam', 'North Vietnam', 'North', 'Hanoi']);
    expect(found(index, 'From North Vietnam to Hanoi, north of Vietnam.')).to.deep.equal(['North Vietnam', 'Hanoi', 'Vietnam']);
  });

  it('finds a name only where a word starts and ends', () => {
    const index = new NameIndex(['Kim', 'Le']);
    expect(found(index, 'Kimball, Lenin, Olek, Kim, Le.')).to.deep.equal(['Kim', 'Le']);
  });

  it('falls back to a shorter name where the longer one does not end a word', () => {
    const index = new NameIndex(['Ho', 'Ho Chi', 'Ho Chi Minh']);
    expect(found(index, 'Ho Chi Minhs and Ho Chiang')).to.deep.equal(['Ho Chi', 'Ho']);
  });

  it('takes names of one character, and names starting with a mark', () => {
    const index = new NameIndex(['X', '(Uncle) Ho']);
    expect(found(index, 'Agent X met (Uncle) Ho, not a(Uncle) Ho')).to.deep.equal(['X', '(Uncle) Ho']);
  });

  it('reads letters outside the basic plane as letters', () => {
    const index = new NameIndex(['Li']);
    // U+20000 is a CJK letter: "Li" after it does not start a word.
    expect(found(index, '\u{20000}Li and Li')).to.deep.equal(['Li']);
  });

  it('matches names across line breaks when the text is keyed with its spaces collapsed, and gives back where they stood', () => {
    const text = 'met General\n      Giap there';
    const keyed = collapseSpace(text);
    const [hit] = new NameIndex(['General Giap']).find(keyed.text);
    expect(text.slice(keyed.origin[hit!.start], keyed.origin[hit!.end - 1]! + 1)).to.equal('General\n      Giap');
  });

  it('says whether any name stands anywhere in a text', () => {
    const index = new NameIndex(['Beer-Hofmann']);
    expect(index.occursIn('xBeer-Hofmannx')).to.equal(true);
    expect(index.occursIn('Beer Hofmann')).to.equal(false);
    expect(new NameIndex([]).occursIn('anything')).to.equal(false);
  });

  it('keeps a name of 40,000 characters and 100,000 names, which a regular expression could not hold', () => {
    const long = 'Vo Nguyen Giap '.repeat(2700).trim();
    const names = [long, ...Array.from({ length: 100_000 }, (_, i) => `Person ${i} Name`)];
    const index = new NameIndex(names);
    expect(index.size).to.equal(100_001);
    const text = `He met Person 99999 Name and ${long}, then Person 7 Named.`;
    expect(found(index, text)).to.deep.equal(['Person 99999 Name', long]);
  });
});
