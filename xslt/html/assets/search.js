/*
 * The search page: reads ?q=, searches the index the build wrote (search/index.js) with
 * MiniSearch, and lists the passages found, each linked to its place. Results are built as
 * DOM nodes with textContent, never as HTML strings.
 */
(function () {
  'use strict';

  var form = document.querySelector('.search-form');
  var input = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  if (!form || !input || !status || !list) return;

  if (!window.MiniSearch || !window.editioSearchIndex || !window.editioSearchOptions) {
    status.textContent = 'The search index could not be loaded.';
    return;
  }
  var options = window.editioSearchOptions;
  var index = window.MiniSearch.loadJS(window.editioSearchIndex, options);

  var EDGES = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;

  // The words of a passage around its first match, with the words the query asked for marked
  // (whole query words: "MiG-21" marks "MiG-21s", not "MiG-17s").
  function snippet(text, query) {
    var terms = query.split(/\s+/).map(function (w) { return options.processTerm(w.replace(EDGES, '$2')); }).filter(Boolean);
    var words = text.split(/(\s+)/);
    var matches = function (word) {
      var folded = options.processTerm(word.replace(EDGES, '$2'));
      return folded !== '' && terms.some(function (t) { return folded.indexOf(t) === 0; });
    };
    var first = words.findIndex(matches);
    var from = Math.max(0, first - 24);
    var to = Math.min(words.length, Math.max(first, 0) + 40);
    var p = document.createElement('p');
    p.className = 'search-snippet';
    if (from > 0) p.appendChild(document.createTextNode('… '));
    for (var i = from; i < to; i++) {
      if (matches(words[i])) {
        var parts = EDGES.exec(words[i]);
        var mark = document.createElement('mark');
        mark.textContent = parts[2];
        p.appendChild(document.createTextNode(parts[1]));
        p.appendChild(mark);
        p.appendChild(document.createTextNode(parts[3]));
      } else {
        p.appendChild(document.createTextNode(words[i]));
      }
    }
    if (to < words.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  function show(query) {
    list.replaceChildren();
    if (query.trim() === '') {
      status.textContent = '';
      return;
    }
    var results = index.search(query);
    status.textContent = results.length === 0
      ? 'Nothing found for “' + query + '”.'
      : results.length + (results.length === 1 ? ' passage' : ' passages') + ' found for “' + query + '”.';
    results.forEach(function (result) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.title;
      var heading = document.createElement('h2');
      heading.appendChild(link);
      item.appendChild(heading);
      if (result.date) {
        var date = document.createElement('p');
        date.className = 'search-date';
        date.textContent = result.date;
        item.appendChild(date);
      }
      item.appendChild(snippet(result.text, query));
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
    show(input.value);
  });

  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;
  show(query);
})();
