import { expect } from 'chai';
import { bcp47, editionLanguage } from '../../src/i18n/language.js';

describe('i18n/language (language tags as BCP 47 writes them, and the edition’s language)', () => {
  it('writes the tags editions give as BCP 47 does: ISO 639-2 codes as two letters, case and separators as the standard has them', () => {
    expect(['deu', 'ger', 'fre', 'fra', 'eng', 'lat', 'gre', 'de_at', 'DE-at', 'grc', 'en-GB'].map(bcp47)).to.deep.equal([
      'de',
      'de',
      'fr',
      'fr',
      'en',
      'la',
      'el',
      'de-AT',
      'de-AT',
      'grc',
      'en-GB',
    ]);
  });

  it('gives no tag for what is none', () => {
    expect(['', '  ', 'x', 'de--at', '12'].map(bcp47)).to.deep.equal([undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes the configured language, else the one most documents declare, else English', () => {
    expect(editionLanguage('ger', ['fr', 'fr'])).to.equal('de');
    expect(editionLanguage(undefined, ['deu', 'de', 'fr', undefined])).to.equal('de');
    expect(editionLanguage('', ['fra', 'und', 'mul', 'zxx', 'zxx'])).to.equal('fr');
    // Two declared as often: the earlier in alphabetical order, so that two builds agree.
    expect(editionLanguage(undefined, ['fr', 'de'])).to.equal('de');
    expect(editionLanguage(undefined, [undefined, 'xx-!'])).to.equal('en');
  });
});
