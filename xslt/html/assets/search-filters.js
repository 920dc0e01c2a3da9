/*
 * What the search page's filters mean, apart from the page that shows them (so that Node tests
 * the same code the browser runs): which pages a set of filters leaves, and how many each choice
 * would leave. Pages are the records of search/facets.js (src/site/facets.ts).
 *
 * Filters: a date range (from, to: a year, a month or a day), kinds of document and ways of
 * dating (a page passes with any one of those checked), and names (a page passes when it
 * mentions every one checked).
 */
(function (root) {
  'use strict';

  var ISO = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?$/;

  function isLeap(year) {
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  }

  // A year, month or day as its first or last day (YYYY-MM-DD); '' for nothing; null if it is no date.
  function bound(value, end) {
    var text = String(value || '').trim();
    if (text === '') return '';
    var parts = ISO.exec(text);
    if (!parts) return null;
    var year = parts[1], month = parts[2], day = parts[3];
    if (month && (Number(month) < 1 || Number(month) > 12)) return null;
    var last = month ? [31, isLeap(Number(year)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(month) - 1] : 31;
    if (day && (Number(day) < 1 || Number(day) > last)) return null;
    if (day) return year + '-' + month + '-' + day;
    if (month) return year + '-' + month + '-' + (end === 'first' ? '01' : String(last));
    return year + (end === 'first' ? '-01-01' : '-12-31');
  }

  // ISO days compare as text within one era; years before 0 or beyond 9999 by their number first.
  function compareDays(a, b) {
    var ya = parseInt(a, 10), yb = parseInt(b, 10);
    if (ya !== yb) return ya - yb;
    return a.slice(a.length - 5) < b.slice(b.length - 5) ? -1 : a.slice(a.length - 5) > b.slice(b.length - 5) ? 1 : 0;
  }

  // The filters a URL's query holds (or a form's fields, as the same names): q, from, to, kind, dating, name, and the order
  // of the results (sort: 'date', else by relevance); empty ones are none.
  function filtersOf(params) {
    var all = function (key) { return params.getAll(key).filter(Boolean); };
    return {
      q: params.get('q') || '',
      from: params.get('from') || '',
      to: params.get('to') || '',
      kind: all('kind'),
      dating: all('dating'),
      name: all('name'),
      sort: params.get('sort') === 'date' ? 'date' : '',
    };
  }

  // The filters as a URL's query, in one order, empty ones left out.
  function queryOf(filters) {
    var params = new URLSearchParams();
    if (filters.q) params.set('q', filters.q);
    if (filters.from) params.set('from', filters.from);
    if (filters.to) params.set('to', filters.to);
    ['kind', 'dating', 'name'].forEach(function (key) {
      filters[key].forEach(function (value) { params.append(key, value); });
    });
    if (filters.sort) params.set('sort', filters.sort);
    return params.toString();
  }

  // What is wrong with the date range, as a message of the page's catalogue and its values, or null.
  function rangeProblem(filters) {
    var from = bound(filters.from, 'first'), to = bound(filters.to, 'last');
    if (from === null) return { key: 'search.js.not-a-date', values: { value: filters.from } };
    if (to === null) return { key: 'search.js.not-a-date', values: { value: filters.to } };
    if (from && to && compareDays(from, to) > 0) return { key: 'search.js.range-backwards', values: { from: filters.from, to: filters.to } };
    return null;
  }

  function isFiltered(filters) {
    return Boolean(filters.from || filters.to || filters.kind.length || filters.dating.length || filters.name.length);
  }

  // The test of one group of filters: whether a page passes it (true when the group is not set).
  function groupTests(data, filters) {
    var from = bound(filters.from, 'first') || '', to = bound(filters.to, 'last') || '';
    var kinds = filters.kind.map(function (kind) { return data.classes.indexOf(kind); });
    var names = filters.name.map(function (id) { return data.entries.findIndex(function (e) { return e.id === id; }); });
    return {
      // A page may fall in the range when its earliest day is not after the range's end and its
      // latest not before the range's start; a page with no date at all does not.
      date: function (page) {
        if (!from && !to) return true;
        if (!page.from && !page.to) return false;
        return (!to || !page.from || compareDays(page.from, to) <= 0) && (!from || !page.to || compareDays(page.to, from) >= 0);
      },
      kind: function (page) {
        return kinds.length === 0 || kinds.some(function (k) { return page.classes.indexOf(k) >= 0; });
      },
      dating: function (page) {
        if (filters.dating.length === 0) return true;
        var way = !page.from && !page.to ? 'undated' : page.exact ? 'day' : 'rough';
        return filters.dating.indexOf(way) >= 0;
      },
      name: function (page) {
        return names.every(function (n) { return n >= 0 && page.entries.indexOf(n) >= 0; });
      },
    };
  }

  // The groups of filters that are set (one that is not passes every page).
  function setGroups(filters) {
    var set = { date: Boolean(filters.from || filters.to), kind: filters.kind.length > 0, dating: filters.dating.length > 0, name: filters.name.length > 0 };
    return Object.keys(set).filter(function (group) { return set[group]; });
  }

  // The pages that pass every group of filters but `except` (the pages themselves when none is set:
  // a word in every letter of a large edition finds thousands, and the counts go through them three times).
  function passing(data, filters, pages, except) {
    var tests = groupTests(data, filters);
    var groups = setGroups(filters).filter(function (group) { return group !== except; });
    if (groups.length === 0) return pages;
    return pages.filter(function (page) {
      return groups.every(function (group) { return tests[group](page); });
    });
  }

  // How many of `pages` each choice would leave: for a kind or a way of dating, with the other
  // groups as set (choices of one group add up); for a name, with all as set (names narrow).
  function counts(data, filters, pages) {
    var kinds = data.classes.map(function () { return 0; });
    passing(data, filters, pages, 'kind').forEach(function (page) {
      page.classes.forEach(function (k) { kinds[k]++; });
    });
    var dating = { day: 0, rough: 0, undated: 0 };
    passing(data, filters, pages, 'dating').forEach(function (page) {
      dating[!page.from && !page.to ? 'undated' : page.exact ? 'day' : 'rough']++;
    });
    var names = data.entries.map(function () { return 0; });
    passing(data, filters, pages).forEach(function (page) {
      page.entries.forEach(function (n) { names[n]++; });
    });
    return { kind: kinds, dating: dating, name: names };
  }

  root.editioSearchFilters = {
    bound: bound,
    filtersOf: filtersOf,
    queryOf: queryOf,
    rangeProblem: rangeProblem,
    isFiltered: isFiltered,
    passing: passing,
    counts: counts,
  };
})(typeof window !== 'undefined' ? window : globalThis);
