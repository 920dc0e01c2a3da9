import { expect } from 'chai';
import type { ChronologyItem } from '../../src/model/chronology.js';
import { dayOf, timelineOf } from '../../src/site/timeline.js';
import { languagePack } from '../../src/i18n/catalogue.js';
import { timelineFaults } from '../helpers.js';

const MONTHS = languagePack('en').shortMonths;

const item = (sort: string, kind: ChronologyItem['kind'] = 'mention'): ChronologyItem => ({
  kind,
  sort,
  when: sort,
  label: sort,
  url: 'documents/x.html',
  anchor: `d-${sort}`,
  title: 'X',
  before: 'on ',
  text: sort,
  after: '.',
});

describe('timeline (the chronology drawn down an axis)', () => {
  it('reads ISO dates as days, years before 100 and before 0 included', () => {
    expect(dayOf('1970-01-02')).to.equal(1);
    expect(dayOf('1970')).to.equal(0);
    expect(dayOf('1966-09')! - dayOf('1966-08')!).to.equal(31);
    expect(dayOf('0050-01-01')! - dayOf('0049-01-01')!).to.equal(365);
    expect(dayOf('-0044-03-15')).to.be.lessThan(dayOf('0001')!);
    expect(dayOf('autumn 1966')).to.equal(undefined);
    expect(dayOf('1966-13-01')).to.equal(undefined);
  });

  it('keeps forty dates of one week apart: each labelled a line under the last, none above its dot', () => {
    const week = Array.from({ length: 40 }, (_, i) => item(`1966-10-0${1 + (i % 7)}`)).sort((a, b) => a.sort.localeCompare(b.sort));
    const timeline = timelineOf(week, MONTHS)!;
    expect(timeline.points.every((p) => p.labelY !== undefined)).to.equal(true);
    expect(timelineFaults(timeline)).to.deep.equal([]);
    expect(timeline.height).to.be.at.least(40 * 22);
    expect(timeline.breaks).to.deep.equal([]);
  });

  it('stays about as long as a screen or two for a thousand dates, labelling those it can near their dots', () => {
    const many = Array.from({ length: 1000 }, (_, i) => item(new Date(Date.UTC(1966, 0, 1 + Math.floor(i / 3))).toISOString().slice(0, 10)));
    const timeline = timelineOf(many, MONTHS)!;
    expect(timeline.points).to.have.length(1000);
    expect(timeline.height).to.be.below(1400);
    const labelled = timeline.points.filter((p) => p.labelY !== undefined).length;
    expect(labelled).to.be.within(30, 80);
    expect(timelineFaults(timeline)).to.deep.equal([]);
  });

  it('ticks a century on round years, and breaks the axis before a date far from the rest', () => {
    const century = [...Array.from({ length: 10 }, (_, i) => item(`${1900 + i * 10}-06-01`)), item('2150-01-01')];
    const timeline = timelineOf(century, MONTHS)!;
    expect(timeline.breaks).to.have.length(1);
    expect(timeline.axes).to.have.length(2);
    const years = timeline.ticks.map((t) => Number(t.label));
    // Round years on the century's axis (1920, 1940, …: no 1971), and the year of the lone date after the break.
    expect(
      years.slice(0, -1).every((y) => y % 10 === 0),
      years.join(' '),
    ).to.equal(true);
    expect(years.length).to.be.at.least(4);
    expect(years.at(-1)).to.equal(2150);
    expect(timelineFaults(timeline)).to.deep.equal([]);
    expect(timeline).to.include({ dates: 11, first: 1900, last: 2150 });
  });

  it('has no timeline for dates that have no day, and names the year of a single one', () => {
    expect(timelineOf([item('undated')], MONTHS)).to.equal(undefined);
    const one = timelineOf([item('1966-09-21', 'document')], MONTHS)!;
    expect(one).to.include({ dates: 1, first: 1966, last: 1966 });
    expect(one.ticks).to.deep.equal([{ y: one.points[0]!.y, label: '1966' }]);
    expect(one.points[0]).to.include({ kind: 'document', href: 'documents/x.html#d-1966-09-21', title: '1966-09-21: X' });
  });
});
