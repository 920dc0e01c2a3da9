import { expect } from 'chai';
import { findDates } from '../../src/tagging/dates.js';

/** The dates found in a text: their words and attributes. */
const dates = (text: string): [string, Record<string, string>][] => findDates(text).map((d) => [text.slice(d.start, d.end), d.attributes]);

describe('tagging/dates', () => {
  const cases: [string, [string, Record<string, string>][]][] = [
    ['arrived in autumn 1966, left', [['autumn 1966', { notBefore: '1966-09', notAfter: '1966-11' }]]],
    ['During the Spring of 1967 they', [['Spring of 1967', { notBefore: '1967-03', notAfter: '1967-05' }]]],
    ['through the winter of 1966–1967', [['winter of 1966–1967', { notBefore: '1966-12', notAfter: '1967-02' }]]],
    ['in winter 1966/67 the', [['winter 1966/67', { notBefore: '1966-12', notAfter: '1967-02' }]]],
    ['in winter 1967 the', [['winter 1967', { notBefore: '1966-12', notAfter: '1967-02' }]]],
    ['by mid-October 1966 they', [['mid-October 1966', { notBefore: '1966-10-11', notAfter: '1966-10-20' }]]],
    ['in late February 1968 and', [['late February 1968', { notBefore: '1968-02-21', notAfter: '1968-02-29' }]]],
    ['before the end of October 1966', [['end of October 1966', { notBefore: '1966-10-21', notAfter: '1966-10-31' }]]],
    ['in the first half of 1967', [['first half of 1967', { notBefore: '1967-01', notAfter: '1967-06' }]]],
    [
      'in early 1967 and mid-1967',
      [
        ['early 1967', { notBefore: '1967-01', notAfter: '1967-04' }],
        ['mid-1967', { notBefore: '1967-05', notAfter: '1967-08' }],
      ],
    ],
    ['in the third quarter of 1966', [['third quarter of 1966', { notBefore: '1966-07', notAfter: '1966-09' }]]],
    [
      'sent on Sept. 4, 1966 and Oct. 1966',
      [
        ['Sept. 4, 1966', { when: '1966-09-04' }],
        ['Oct. 1966', { when: '1966-10' }],
      ],
    ],
    [
      'on 3 and 4 October 1966 they',
      [
        ['3', { when: '1966-10-03' }],
        ['4 October 1966', { when: '1966-10-04' }],
      ],
    ],
    ['on 3–4 October 1966 they', [['3–4 October 1966', { from: '1966-10-03', to: '1966-10-04' }]]],
    ['on October 1–3, 1966 they', [['October 1–3, 1966', { from: '1966-10-01', to: '1966-10-03' }]]],
    ['Between Sept. 1 and Sept. 15, 1966 the', [['Between Sept. 1 and Sept. 15, 1966', { notBefore: '1966-09-01', notAfter: '1966-09-15' }]]],
    ['From 10 to 14 January 1967 the', [['From 10 to 14 January 1967', { from: '1967-01-10', to: '1967-01-14' }]]],
    ['TELEGRAM OF 12 DECEMBER 1966.', [['12 DECEMBER 1966', { when: '1966-12-12' }]]],
  ];
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => expect(dates(text)).to.deep.equal(expected));
  }

  it('dates a day without its year only after a date, in the year that puts it nearest', () => {
    expect(dates('RECEIVED SEPT. 8–10 AND 12 SEPTEMBER')).to.deep.equal([]);
    expect(findDates('VISIT SEPT. 8–10 AND ON 12 SEPTEMBER', '1966-09-06').map((d) => d.attributes)).to.deep.equal([
      { from: '1966-09-08', to: '1966-09-10' },
      { when: '1966-09-12' },
    ]);
    expect(findDates('arriving on Jan. 2', '1966-12-30').map((d) => d.attributes)).to.deep.equal([{ when: '1967-01-02' }]);
    expect(findDates('no such day as 30 February', '1966-12-30')).to.deep.equal([]);
  });

  it('takes a winter that spans more than one year for the span of years it names', () => {
    expect(dates('in winter 1966–1968')).to.deep.equal([['1966–1968', { from: '1966', to: '1968' }]]);
  });

  for (const text of ['on 3 and 30 February 1966', 'on 30–31 April 1967', 'a mid-sized 1966 model', 'the fall of Saigon']) {
    it(`makes no false date of "${text}"`, () => {
      expect(dates(text).filter(([words]) => words !== '1966' && words !== '1967' && words !== '1968')).to.deep.equal([]);
    });
  }
});

describe('tagging/dates in German and French (src/tagging/dates-continental.ts)', () => {
  const inLanguage = (text: string, language: string, reference?: string): [string, Record<string, string>][] =>
    findDates(text, reference, language).map((d) => [text.slice(d.start, d.end), d.attributes]);

  it('reads German dates as letters write them: words, numbers, spans, between, parts of a month or year, seasons', () => {
    expect(inLanguage('Wien, am 14. März 1967', 'de')).to.deep.equal([['14. März 1967', { when: '1967-03-14' }]]);
    expect(inLanguage('am 9. Dez. 1888, am 9.12.1888 und am 26. 3. 1892', 'de').map(([, a]) => a.when)).to.deep.equal([
      '1888-12-09',
      '1888-12-09',
      '1892-03-26',
    ]);
    expect(inLanguage('er blieb vom 3. bis 7. August 1889', 'de')).to.deep.equal([['vom 3. bis 7. August 1889', { from: '1889-08-03', to: '1889-08-07' }]]);
    expect(inLanguage('3.–7. August 1889', 'de')).to.deep.equal([['3.–7. August 1889', { from: '1889-08-03', to: '1889-08-07' }]]);
    expect(inLanguage('zwischen dem 1. und 15. Oktober 1966', 'de')).to.deep.equal([
      ['zwischen dem 1. und 15. Oktober 1966', { notBefore: '1966-10-01', notAfter: '1966-10-15' }],
    ]);
    expect(inLanguage('Anfang Oktober 1966 und Ende 1967', 'de')).to.deep.equal([
      ['Anfang Oktober 1966', { notBefore: '1966-10-01', notAfter: '1966-10-10' }],
      ['Ende 1967', { notBefore: '1967-09', notAfter: '1967-12' }],
    ]);
    expect(inLanguage('im Frühjahr 1890', 'de')).to.deep.equal([['Frühjahr 1890', { notBefore: '1890-03', notAfter: '1890-05' }]]);
    expect(inLanguage('im 10. Jänner 1890', 'de-AT')).to.deep.equal([['10. Jänner 1890', { when: '1890-01-10' }]]);
  });

  it('takes the month and year of a German "d. M." and "d. J." from the last date, and no year as a date where the words do not say so', () => {
    expect(inLanguage('Ihr Brief vom 3. d. M. und der vom 5. Mai d. J.', 'de', '1889-12-20')).to.deep.equal([
      ['3. d. M.', { when: '1889-12-03' }],
      ['5. Mai d. J.', { when: '1889-05-05' }],
    ]);
    expect(inLanguage('am 3. d. M.', 'de')).to.deep.equal([]);
    expect(inLanguage('im Jahre 1888, seit 1890, für 1000 Mark, 30. Februar 1966', 'de')).to.deep.equal([
      ['1888', { when: '1888' }],
      ['1890', { when: '1890' }],
    ]);
  });

  it('reads French dates: "1er", numbers with slashes, "du … au", "entre le … et le", "début", "mi-", "fin", seasons', () => {
    expect(inLanguage('Paris, le 1er décembre 1888', 'fr')).to.deep.equal([['1er décembre 1888', { when: '1888-12-01' }]]);
    expect(inLanguage('le 9/12/1888', 'fr')).to.deep.equal([['9/12/1888', { when: '1888-12-09' }]]);
    expect(inLanguage('du 3 au 7 août 1889', 'fr')).to.deep.equal([['du 3 au 7 août 1889', { from: '1889-08-03', to: '1889-08-07' }]]);
    expect(inLanguage('entre le 1er et le 15 octobre 1966', 'fr')).to.deep.equal([
      ['entre le 1er et le 15 octobre 1966', { notBefore: '1966-10-01', notAfter: '1966-10-15' }],
    ]);
    expect(inLanguage('Début octobre 1966, mi-octobre 1966, fin 1966', 'fr').map(([words]) => words)).to.deep.equal([
      'Début octobre 1966',
      'mi-octobre 1966',
      'fin 1966',
    ]);
    expect(inLanguage('l’été 1889, en 1888, pour 1500 francs', 'fr')).to.deep.equal([
      ['été 1889', { notBefore: '1889-06', notAfter: '1889-08' }],
      ['1888', { when: '1888' }],
    ]);
  });

  it('takes a day’s name into the date, a part of a month or a “between” without its year from the last date, and French “courant”', () => {
    expect(inLanguage('bis Sonnabend, den 17. Januar; Sonntag, 18. Januar', 'de', '1925-01-04')).to.deep.equal([
      ['Sonnabend, den 17. Januar', { when: '1925-01-17' }],
      ['Sonntag, 18. Januar', { when: '1925-01-18' }],
    ]);
    expect(inLanguage('Ende Februar und Anfang April', 'de', '1925-01-09')).to.deep.equal([
      ['Ende Februar', { notBefore: '1925-02-21', notAfter: '1925-02-28' }],
      ['Anfang April', { notBefore: '1925-04-01', notAfter: '1925-04-10' }],
    ]);
    expect(inLanguage('le lundi 17 février, mi-mars, Entre le 12 et le 16 mars, le 15 courant', 'fr', '1902-02-03')).to.deep.equal([
      ['lundi 17 février', { when: '1902-02-17' }],
      ['mi-mars', { notBefore: '1902-03-11', notAfter: '1902-03-20' }],
      ['Entre le 12 et le 16 mars', { notBefore: '1902-03-12', notAfter: '1902-03-16' }],
      ['15 courant', { when: '1902-02-15' }],
    ]);
    // With no date to take the year from, none of them is a date.
    expect(inLanguage('Ende Februar, le 15 courant', 'de')).to.deep.equal([]);
    // A day's name alone is no date, nor one before a bare year.
    expect(inLanguage('am Montag, seit 1923', 'de')).to.deep.equal([['1923', { when: '1923' }]]);
  });

  it('reads another language’s text as English', () => {
    expect(inLanguage('on 9 December 1888', 'nl')).to.deep.equal([['9 December 1888', { when: '1888-12-09' }]]);
  });
});
