/**
 * The search page's filters, end to end but for the page: an edition is built, its
 * search/facets.js read, and filtered with assets/search-filters.js, the code the browser runs.
 */
import { expect } from 'chai';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import type { FacetData } from '../../src/site/facets.js';
import { fixtures, read, removeDir, repoRoot, runCli, tempDir } from '../helpers.js';

interface Filters {
  q: string;
  from: string;
  to: string;
  kind: string[];
  dating: string[];
  name: string[];
}
interface SearchFilters {
  bound(value: string, end: 'first' | 'last'): string | null;
  filtersOf(params: URLSearchParams): Filters;
  queryOf(filters: Filters): string;
  rangeProblem(filters: Filters): { key: string; values: Record<string, string> } | null;
  passing(data: FacetData, filters: Filters, pages: FacetData['pages']): FacetData['pages'];
  counts(data: FacetData, filters: Filters, pages: FacetData['pages']): { kind: number[]; dating: Record<string, number>; name: number[] };
}

const filtering = ((): SearchFilters => {
  const window: { editioSearchFilters?: SearchFilters } = {};
  runInNewContext(read(path.join(repoRoot, 'xslt', 'html', 'assets', 'search-filters.js')), { window, URLSearchParams });
  return window.editioSearchFilters!;
})();

function builtFacets(source: string[]): FacetData {
  const out = tempDir();
  try {
    expect(runCli(['build', ...source, '--out', out]).status).to.equal(0);
    const window: { editioFacets?: FacetData } = {};
    runInNewContext(read(path.join(out, 'search', 'facets.js')), { window });
    return window.editioFacets!;
  } finally {
    removeDir(out);
  }
}

const filters = (query: string): Filters => filtering.filtersOf(new URLSearchParams(query));
const left = (data: FacetData, query: string): string[] => filtering.passing(data, filters(query), data.pages).map((p) => path.basename(p.url, '.html'));

describe('search filters (search/facets.js and assets/search-filters.js)', function () {
  this.timeout(60_000);

  describe('on letters dated roughly', () => {
    let data: FacetData;
    before(() => (data = builtFacets([path.join(fixtures, 'editions', 'letters-dated-roughly')])));

    it('records each letter’s span of days from when, or notBefore and notAfter, and whether it is known to the day', () => {
      const spans = data.pages.map(({ from, to, exact }) => ({ from, to, exact }));
      expect(spans).to.deep.equal([
        { from: '1890-09-01', to: '1890-11-30', exact: false },
        { from: '1890-10-01', to: '1890-10-31', exact: false },
        { from: '1890-11-15', to: '1890-11-15', exact: true },
        { from: '1890-12-24', to: '1890-12-24', exact: true },
        { from: '1891-01-15', to: '1891-01-15', exact: true },
      ]);
    });

    it('finds a letter dated "autumn 1890" for October 1890, and not one of January 1891', () => {
      expect(left(data, 'from=1890-10&to=1890-10')).to.deep.equal(['R1', 'R2']);
      expect(left(data, 'from=1890-10-15&to=1890-10-15')).to.deep.equal(['R1', 'R2']);
      expect(left(data, 'from=1890-12')).to.deep.equal(['R4', 'R3']);
      expect(left(data, 'to=1890-08-31')).to.deep.equal([]);
      expect(left(data, 'from=1890-11-30&to=1890-12-01')).to.deep.equal(['R1']);
      expect(left(data, 'from=1890-11-15&to=1890-11-15')).to.deep.equal(['R1', 'R5']);
    });

    it('keeps the letters dated roughly or with doubt apart from those dated to the day', () => {
      expect(left(data, 'dating=rough')).to.deep.equal(['R1', 'R2']);
      expect(left(data, 'dating=day')).to.deep.equal(['R5', 'R4', 'R3']);
      expect(left(data, 'dating=day&dating=rough')).to.deep.equal(['R1', 'R2', 'R5', 'R4', 'R3']);
    });

    it('filters by keyword (any of those checked) and by names (all of those checked)', () => {
      expect(data.classes).to.deep.equal(['Letter', 'Memorandum', 'Postcard']);
      expect(left(data, 'kind=Postcard')).to.deep.equal(['R2']);
      expect(left(data, 'kind=Letter&kind=Postcard')).to.deep.equal(['R1', 'R2', 'R4', 'R3']);
      expect(left(data, 'name=linz')).to.deep.equal(['R1', 'R2', 'R5']);
      expect(left(data, 'name=brandt&name=fink')).to.deep.equal(['R1', 'R2', 'R3']);
      expect(left(data, 'name=linz&kind=Letter')).to.deep.equal(['R1']);
      expect(left(data, 'name=linz&name=no-such-entry')).to.deep.equal([]);
    });

    it('counts what each choice would leave: other choices of its group aside, names within what is left', () => {
      const counts = filtering.counts(data, filters('kind=Postcard&from=1890&to=1890'), data.pages);
      // In 1890, kinds aside: letters R1 and R4, the memorandum R5, the postcard R2.
      expect(counts.kind).to.deep.equal([2, 1, 1]);
      expect(counts.dating).to.deep.equal({ day: 0, rough: 1, undated: 0 });
      const linz = data.entries.findIndex((e) => e.id === 'linz');
      expect(counts.name[linz]).to.equal(1);
    });
  });

  describe('on the edition of tei/', () => {
    let data: FacetData;
    before(() => (data = builtFacets([])));

    it('names the kinds of document by the categories of the edition’s taxonomy, which each document’s catRef points to', () => {
      expect(data.classes).to.deep.equal(['Agreement', 'Decision', 'Telegram']);
      const kindOf = Object.fromEntries(data.pages.map((p) => [path.basename(p.url, '.html'), p.classes.map((c) => data.classes[c])]));
      expect(kindOf).to.deep.include({ '1967-07-06-telegram-pyongyang-bucharest': ['Telegram'], '1966-09-30-protocol-agreement': ['Agreement'] });
    });

    it('narrows by a date range and by a person mentioned', () => {
      expect(left(data, 'from=1967')).to.deep.equal(['1967-07-06-telegram-pyongyang-bucharest']);
      expect(left(data, 'from=1966-09&to=1966-09-29')).to.deep.equal(['1966-09-21-giap-decision']);
      expect(left(data, 'name=vo-nguyen-giap')).to.deep.equal(['1966-09-21-giap-decision']);
      // The introduction has no date of its own: a date range leaves it out, no filter keeps it.
      expect(left(data, '')).to.include('index');
      expect(left(data, 'from=1900')).not.to.include('index');
    });
  });

  it('reads a range it can use, and says what is wrong with one it cannot', () => {
    expect(filtering.bound('1966', 'first')).to.equal('1966-01-01');
    expect(filtering.bound('1966', 'last')).to.equal('1966-12-31');
    expect(filtering.bound('1968-02', 'last')).to.equal('1968-02-29');
    expect(filtering.bound('1900-02', 'last')).to.equal('1900-02-28');
    expect(filtering.bound(' 1966-10-15 ', 'last')).to.equal('1966-10-15');
    for (const bad of ['1966-13', '1966-02-30', '66', 'October 1966', '1966/10']) expect(filtering.bound(bad, 'first'), bad).to.equal(null);
    expect(filtering.rangeProblem(filters('from=1966-13'))).to.deep.equal({ key: 'search.js.not-a-date', values: { value: '1966-13' } });
    expect(filtering.rangeProblem(filters('from=1967&to=1966'))).to.deep.equal({ key: 'search.js.range-backwards', values: { from: '1967', to: '1966' } });
    expect(filtering.rangeProblem(filters('from=1966&to=1967'))).to.equal(null);
  });

  it('writes the filters to the URL and reads them back alike', () => {
    const query = 'q=MiG-21+pilots&from=1966&to=1967-07&kind=Telegram&kind=Decision&dating=rough&name=vo-nguyen-giap';
    expect(filtering.queryOf(filters(query))).to.equal(query);
    expect(filtering.queryOf(filters('kind=&from=&q='))).to.equal('');
  });
});
