/*
 * The search page: reads the words and filters from the URL (?q=, from, to, kind, dating, name),
 * searches the index the build wrote with MiniSearch, and lists the passages found, grouped by
 * page, each linked to its place, of the pages the filters leave (assets/search-filters.js says
 * which; search/facets.js describes every page); with filters and no words, the pages themselves. The index comes in parts
 * (search/index.js names them; each search/shard-<n>.js adds one to window.editioSearchIndexes),
 * loaded here with script elements, which work from file:// as well as from a server. Results are
 * built as DOM nodes with textContent, never as HTML strings.
 */
(function () {
  'use strict';

  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var panel = document.getElementById('search-filters');
  var facetsBox = document.getElementById('search-facets');
  if (!form || !input || !status || !list || !panel || !facetsBox) return;

  // The page's words, in the edition's language: the catalogue's search messages, which the page carries (xslt/html/search.xsl).
  var lang = document.documentElement.lang || 'en';
  var MESSAGES = JSON.parse(form.getAttribute('data-messages') || '{}');
  var plurals = new Intl.PluralRules(lang);
  function say(key, values) {
    return (MESSAGES[key] || key).replace(/\{([a-z][a-z0-9-]*)\}/g, function (placeholder, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : placeholder;
    });
  }
  function count(key, n, values) {
    return say(key + (plurals.select(n) === 'one' ? '.one' : '.other'), Object.assign({ n: n.toLocaleString(lang) }, values));
  }
  var NOT_LOADED = say('search.js.not-loaded');
  if (!window.MiniSearch || !window.editioSearchShards || !window.editioSearchOptions || !window.editioFacets || !window.editioSearchFilters) {
    status.textContent = NOT_LOADED;
    return;
  }
  var options = window.editioSearchOptions;
  var data = window.editioFacets;
  var filtering = window.editioSearchFilters;
  var pageOf = new Map(data.pages.map(function (page) { return [page.url, page]; }));
  var indexes = null;

  // Calls back once every part has loaded (with true), or when one cannot be (with false).
  function loadShards(done) {
    var files = window.editioSearchShards;
    var waiting = files.length;
    var failed = false;
    files.forEach(function (file) {
      var script = document.createElement('script');
      script.src = file;
      script.onload = function () {
        if (--waiting === 0 && !failed) done(true);
      };
      script.onerror = function () {
        if (!failed) done(false);
        failed = true;
      };
      document.head.appendChild(script);
    });
  }

  // Every part's results, best first; a tie goes to the passage that comes first by its address.
  function search(query) {
    var results = [];
    indexes.forEach(function (index) {
      results.push.apply(results, index.search(query));
    });
    return results.sort(function (a, b) {
      return b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    });
  }

  var EDGES = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;

  // Whether a word is one the query asked for (whole query words, each as the start of a word:
  // "MiG-21" marks "MiG-21s", not "MiG-17s").
  function matcher(query) {
    var terms = query.split(/\s+/).map(function (w) { return options.processTerm(w.replace(EDGES, '$2')); }).filter(Boolean);
    return function (word) {
      var folded = options.processTerm(word.replace(EDGES, '$2'));
      return folded !== '' && terms.some(function (t) { return folded.indexOf(t) === 0; });
    };
  }

  // Appends words[from..to) to an element, the words the query asked for marked.
  function appendMarked(element, words, from, to, matches) {
    for (var i = from; i < to; i++) {
      if (matches(words[i])) {
        var parts = EDGES.exec(words[i]);
        var mark = document.createElement('mark');
        mark.textContent = parts[2];
        element.appendChild(document.createTextNode(parts[1]));
        element.appendChild(mark);
        element.appendChild(document.createTextNode(parts[3]));
      } else {
        element.appendChild(document.createTextNode(words[i]));
      }
    }
  }

  // The words of a passage around its first match, marked.
  function snippet(text, matches) {
    var words = text.split(/(\s+)/);
    var first = words.findIndex(matches);
    var from = Math.max(0, first - 24);
    var to = Math.min(words.length, Math.max(first, 0) + 40);
    var p = document.createElement('p');
    p.className = 'search-snippet';
    if (from > 0) p.appendChild(document.createTextNode('… '));
    appendMarked(p, words, from, to, matches);
    if (to < words.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  // The passages found, grouped by their page, a page's passages in its own order; pages by the
  // sum of their passages' scores, so that a page found in its text as well as its heading comes
  // before a page found in its heading alone.
  function byPage(results) {
    var pages = new Map();
    results.forEach(function (result) {
      if (!pages.has(result.page)) pages.set(result.page, { first: result, score: 0, passages: [] });
      var page = pages.get(result.page);
      page.score += result.score;
      page.passages.push(result);
    });
    return Array.from(pages.values())
      .sort(function (a, b) { return b.score - a.score; })
      .map(function (page) {
        page.passages.sort(function (a, b) { return a.n - b.n; });
        return page;
      });
  }


  // A page's heading in the results: its title (the words asked for marked) and its date.
  function pageItem(page, matches) {
    var item = document.createElement('li');
    item.className = 'search-page';
    var link = document.createElement('a');
    link.href = page.url;
    var titleWords = page.title.split(/(\s+)/);
    appendMarked(link, titleWords, 0, titleWords.length, matches);
    var heading = document.createElement('h2');
    heading.appendChild(link);
    item.appendChild(heading);
    if (page.date) {
      var date = document.createElement('p');
      date.className = 'search-date';
      date.textContent = page.date;
      item.appendChild(date);
    }
    return item;
  }

  function passagesList(found, title, matches) {
    var passages = document.createElement('ol');
    passages.className = 'search-passages';
    found.forEach(function (result) {
      // A heading that is the page's title is marked there, not listed again.
      if (result.text === title) return;
      var passage = document.createElement('li');
      // A passage in another language than the page's is read in its own.
      if (result.lang) passage.lang = result.lang;
      var to = document.createElement('a');
      to.className = 'search-passage';
      to.href = result.url;
      to.appendChild(snippet(result.text, matches));
      passage.appendChild(to);
      passages.appendChild(passage);
    });
    return passages;
  }

  // What the filters are set to, in words, for the status line.
  function filtersInWords(filters) {
    var parts = [];
    if (filters.from || filters.to) parts.push(say(filters.from && filters.to ? 'search.js.range' : filters.from ? 'search.js.range-from' : 'search.js.range-until', { from: filters.from, to: filters.to }));
    parts.push.apply(parts, filters.kind);
    filters.dating.forEach(function (way) { parts.push(DATING[way]); });
    filters.name.forEach(function (id) {
      var entry = data.entries.find(function (e) { return e.id === id; });
      parts.push(entry ? entry.name : id);
    });
    return parts.join('; ');
  }

  var summaryText = panel.querySelector('summary').textContent;

  // Lists what the words and filters find, and sets the filters' counts to match.
  function show(filters) {
    list.replaceChildren();
    var set = (filters.from || filters.to ? 1 : 0) + filters.kind.length + filters.dating.length + filters.name.length;
    panel.querySelector('summary').textContent = summaryText + (set > 0 ? ' ' + count('search.js.set', set) : '');
    var found = filtering.rangeProblem(filters);
    var problem = found ? say(found.key, found.values) : '';
    var filtered = filtering.isFiltered(filters) && problem === '';
    var query = filters.q.trim();
    var matches = matcher(query);
    var pages = new Map();
    var within = data.pages;
    if (query !== '') {
      byPage(search(query)).forEach(function (found) { pages.set(found.first.page, found); });
      within = data.pages.filter(function (page) { return pages.has(page.url); });
    }
    updateCounts(filtering.counts(data, problem ? filtering.filtersOf(new URLSearchParams()) : filters, within));
    if (problem) {
      status.textContent = problem;
      return;
    }
    if (query === '' && !filtered) {
      status.textContent = '';
      return;
    }
    var left = filtered ? filtering.passing(data, filters, within) : within;
    var shown = query === '' ? left : byScore(left, pages);
    var passageCount = 0;
    shown.forEach(function (page) {
      var item = pageItem(page, matches);
      if (query !== '') {
        var found = pages.get(page.url);
        passageCount += found.passages.length;
        var passages = passagesList(found.passages, page.title, matches);
        if (passages.firstChild) item.appendChild(passages);
      }
      list.appendChild(item);
    });
    var filterWords = filtered ? ' (' + filtersInWords(filters) + ')' : '';
    var words = { query: query, filters: filterWords, pages: count('search.js.pages', shown.length) };
    if (query === '') status.textContent = count('search.js.filtered', shown.length, words);
    else if (shown.length === 0) status.textContent = say('search.js.nothing', words);
    else status.textContent = count('search.js.found', passageCount, words);
  }

  // Pages found by words, best first (as byPage ranks them).
  function byScore(left, found) {
    var rank = new Map(Array.from(found.keys()).map(function (url, i) { return [url, i]; }));
    return left.slice().sort(function (a, b) { return rank.get(a.url) - rank.get(b.url); });
  }

  var DATING = { day: say('search.js.dated-day'), rough: say('search.js.dated-rough'), undated: say('date.undated') };
  var countOf = [];

  // A checkbox for one choice, with its count beside it.
  function choice(name, value, text, checked) {
    var label = document.createElement('label');
    label.className = 'facet-choice';
    var box = document.createElement('input');
    box.type = 'checkbox';
    box.name = name;
    box.value = value;
    box.setAttribute('form', form.id);
    box.checked = checked;
    var count = document.createElement('span');
    count.className = 'facet-count';
    label.append(box, ' ' + text + ' ', count);
    countOf.push({ label: label, box: box, count: count, group: name, value: value });
    return label;
  }

  function fieldset(legendText, className) {
    var set = document.createElement('fieldset');
    set.className = 'facet ' + className;
    var legend = document.createElement('legend');
    legend.textContent = legendText;
    set.appendChild(legend);
    return set;
  }

  // The kinds of document, the ways of dating and the names, as checkboxes (made once: counts
  // change in place, so that a checkbox keeps the keyboard's focus).
  function buildFacets(filters) {
    if (data.classes.length > 0) {
      var kinds = fieldset(say('search.js.kind'), 'facet-kind');
      data.classes.forEach(function (kind) { kinds.appendChild(choice('kind', kind, kind, filters.kind.indexOf(kind) >= 0)); });
      facetsBox.appendChild(kinds);
    }
    var dating = fieldset(say('search.js.dating'), 'facet-dating');
    Object.keys(DATING).forEach(function (way) { dating.appendChild(choice('dating', way, DATING[way], filters.dating.indexOf(way) >= 0)); });
    facetsBox.appendChild(dating);
    data.registers.forEach(function (register) {
      var names = fieldset(say('search.js.names.' + register.register), 'facet-names');
      data.entries.forEach(function (entry) {
        if (entry.register === register.register) names.appendChild(choice('name', entry.id, entry.name, filters.name.indexOf(entry.id) >= 0));
      });
      facetsBox.appendChild(names);
    });
  }

  // Each choice's count; a choice that would leave nothing is hidden unless it is checked.
  function updateCounts(counts) {
    countOf.forEach(function (c) {
      var n = c.group === 'kind' ? counts.kind[data.classes.indexOf(c.value)]
        : c.group === 'dating' ? counts.dating[c.value]
        : counts.name[data.entries.findIndex(function (e) { return e.id === c.value; })];
      c.count.textContent = '(' + n + ')';
      c.label.hidden = n === 0 && !c.box.checked;
    });
    // A group with no choice left to show is not shown either.
    Array.prototype.forEach.call(facetsBox.querySelectorAll('fieldset'), function (set) {
      set.hidden = !set.querySelector('.facet-choice:not([hidden])');
    });
  }

  // The words and filters as the form holds them, into the URL (so that a search can be shared) and the results.
  function apply() {
    var filters = filtering.filtersOf(new FormData(form));
    var url = new URL(window.location.href);
    url.search = filtering.queryOf(filters);
    try {
      window.history.replaceState(null, '', url);
    } catch (e) {
      // Some browsers refuse to change a file:// address; the results show all the same.
    }
    // Until the index has loaded, the results wait for it (see below).
    if (indexes) show(filters);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  // The filters stand outside the form (they belong to it by their form attribute): their changes are heard where they are.
  panel.addEventListener('change', function (event) {
    if (event.target.form === form) apply();
  });

  var filters = filtering.filtersOf(new URLSearchParams(window.location.search));
  input.value = filters.q;
  form.elements.from.value = filters.from;
  form.elements.to.value = filters.to;
  buildFacets(filters);
  panel.hidden = false;
  // Open where there is room beside the results; on a phone closed, above the results, saying how many filters are set.
  if (window.matchMedia('(min-width: 64rem)').matches) panel.open = true;
  status.textContent = say('search.js.loading');
  loadShards(function (loaded) {
    if (!loaded) {
      status.textContent = NOT_LOADED;
      return;
    }
    indexes = (window.editioSearchIndexes || []).map(function (shard) {
      return window.MiniSearch.loadJS(shard, options);
    });
    show(filtering.filtersOf(new FormData(form)));
  });
})();
