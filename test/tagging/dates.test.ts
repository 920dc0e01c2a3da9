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
    ['in early 1967 and mid-1967', [['early 1967', { notBefore: '1967-01', notAfter: '1967-04' }], ['mid-1967', { notBefore: '1967-05', notAfter: '1967-08' }]]],
    ['in the third quarter of 1966', [['third quarter of 1966', { notBefore: '1966-07', notAfter: '1966-09' }]]],
    ['sent on Sept. 4, 1966 and Oct. 1966', [['Sept. 4, 1966', { when: '1966-09-04' }], ['Oct. 1966', { when: '1966-10' }]]],
    ['on 3 and 4 October 1966 they', [['3', { when: '1966-10-03' }], ['4 October 1966', { when: '1966-10-04' }]]],
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
    expect(findDates('VISIT SEPT. 8–10 AND ON 12 SEPTEMBER', '1966-09-06').map((d) => d.attributes)).to.deep.equal([{ from: '1966-09-08', to: '1966-09-10' }, { when: '1966-09-12' }]);
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
