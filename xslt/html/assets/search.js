/*
 * The search page: reads ?q=, searches the index the build wrote with MiniSearch, and lists the
 * passages found, grouped by page, each linked to its place. The index comes in parts
 * (search/index.js names them; each search/shard-<n>.js adds one to window.editioSearchIndexes),
 * loaded here with script elements, which work from file:// as well as from a server. Results are
 * built as DOM nodes with textContent, never as HTML strings.
 */
(function () {
  'use strict';

  var form = document.querySelector('.search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;

  var NOT_LOADED = 'The search index could not be loaded.';
  if (!window.MiniSearch || !window.editioSearchShards || !window.editioSearchOptions) {
    status.textContent = NOT_LOADED;
    return;
  }
  var options = window.editioSearchOptions;
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

  var plural = function (n, one, many) { return n + ' ' + (n === 1 ? one : many); };

  function show(query) {
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    var results = search(query);
    var pages = byPage(results);
    status.textContent = results.length === 0
      ? 'Nothing found for “' + query + '”.'
      : plural(results.length, 'passage', 'passages') + ' in ' + plural(pages.length, 'page', 'pages') + ' found for “' + query + '”.';
    var matches = matcher(query);
    pages.forEach(function (page) {
      var title = page.first.title;
      var item = document.createElement('li');
      item.className = 'search-page';
      var link = document.createElement('a');
      link.href = page.first.page;
      var titleWords = title.split(/(\s+)/);
      appendMarked(link, titleWords, 0, titleWords.length, matches);
      var heading = document.createElement('h2');
      heading.appendChild(link);
      item.appendChild(heading);
      if (page.first.date) {
        var date = document.createElement('p');
        date.className = 'search-date';
        date.textContent = page.first.date;
        item.appendChild(date);
      }
      var passages = document.createElement('ol');
      passages.className = 'search-passages';
      page.passages.forEach(function (result) {
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
      if (passages.firstChild) item.appendChild(passages);
      list.appendChild(item);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set('q', input.value);
    try {
      window.history.replaceState(null, '', url);
    } catch (e) {
      // Some browsers refuse to change a file:// address; the results show all the same.
    }
    // Until the index has loaded, the results wait for it (see below).
    if (indexes) show(input.value);
  });

  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;
  status.textContent = 'Loading the search index…';
  loadShards(function (loaded) {
    if (!loaded) {
      status.textContent = NOT_LOADED;
      return;
    }
    indexes = (window.editioSearchIndexes || []).map(function (shard) {
      return window.MiniSearch.loadJS(shard, options);
    });
    show(input.value);
  });
})();
