/*
 * The search page: reads the words and filters from the URL (?q=, from, to, kind, dating, name,
 * sort), searches the index the build wrote (assets/search-query.js says what a query finds;
 * assets/search-format.js how the index is written), and lists the documents found, by relevance
 * or by date, each with its date and correspondents and the passages found in it, in its order,
 * each linked to its place, of the pages the filters leave (assets/search-filters.js says which;
 * search/facets.js describes every page); with filters and no words, the pages themselves.
 * Results follow the words as they are typed (the last word may then be the start of one). The
 * index comes in parts (search/index.js says how many), of which a query loads only those that
 * hold its words, and the texts of the documents it shows: loaded with script elements, which
 * work from file:// as well as from a server. Results are built as DOM nodes with textContent,
 * never as HTML strings.
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
  // One formatter for every count (toLocaleString makes one each time it is called).
  var numbers = new Intl.NumberFormat(lang);
  function say(key, values) {
    return (MESSAGES[key] || key).replace(/\{([a-z][a-z0-9-]*)\}/g, function (placeholder, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : placeholder;
    });
  }
  function count(key, n, values) {
    return say(key + (plurals.select(n) === 'one' ? '.one' : '.other'), Object.assign({ n: numbers.format(n) }, values));
  }
  var NOT_LOADED = say('search.js.not-loaded');
  if (!window.editioSearchIndex || !window.editioSearchFormat || !window.editioSearchLists || !window.editioSearchOptionsFor || !window.editioSearchQuery || !window.editioFacets || !window.editioSearchFilters) {
    status.textContent = NOT_LOADED;
    return;
  }
  var options = window.editioSearchOptionsFor(lang);
  var querying = window.editioSearchQuery;
  var data = window.editioFacets;
  var filtering = window.editioSearchFilters;
  var manifest = window.editioSearchIndex;
  var parts = (window.editioSearchParts = window.editioSearchParts || {});
  var pageOf = new Map(data.pages.map(function (page) { return [page.url, page]; }));
  var entryIndex = new Map(data.entries.map(function (entry, i) { return [entry.id, i]; }));

  // Loads parts of the index (each once), and says when they all are there.
  var loading = new Map();
  function load(names) {
    return Promise.all(names.map(function (name) {
      if (!loading.has(name)) {
        loading.set(name, new Promise(function (resolve, reject) {
          var script = document.createElement('script');
          script.src = 'search/' + name + '.js';
          script.onload = function () {
            if (parts[name]) resolve();
            else reject(new Error(name));
          };
          script.onerror = function () {
            loading.delete(name);
            reject(new Error(name));
          };
          document.head.appendChild(script);
        }));
      }
      return loading.get(name);
    }));
  }

  var EDGES = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u;

  // Appends words[from..to) to an element, those `marked` says marked.
  function appendMarked(element, words, from, to, marked) {
    for (var i = from; i < to; i++) {
      if (marked[i]) {
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

  // A text's words (with the spaces between), the words the query asked for marked.
  function appendText(element, text, marks) {
    var words = text.split(/(\s+)/);
    appendMarked(element, words, 0, words.length, marks(words));
  }

  // The words of a passage around its first match, marked.
  function snippet(text, marks) {
    var words = text.split(/(\s+)/);
    var marked = marks(words);
    var first = marked.indexOf(true);
    var from = Math.max(0, first - 24);
    var to = Math.min(words.length, Math.max(first, 0) + 40);
    var p = document.createElement('p');
    p.className = 'search-snippet';
    if (from > 0) p.appendChild(document.createTextNode('… '));
    appendMarked(p, words, from, to, marked);
    if (to < words.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  // A page's heading in the results: its title (the words asked for marked), its date, and who wrote it to whom.
  function pageItem(page, marks) {
    var item = document.createElement('li');
    item.className = 'search-page';
    var link = document.createElement('a');
    link.href = page.url;
    appendText(link, page.title, marks);
    var heading = document.createElement('h2');
    heading.appendChild(link);
    item.appendChild(heading);
    if (page.date || page.sent || page.received) {
      var about = document.createElement('p');
      about.className = 'search-date';
      about.textContent = page.date;
      var parties = page.sent && page.received ? say('search.js.parties', { sent: page.sent, received: page.received }) : page.sent || page.received;
      if (parties) {
        if (page.date) about.appendChild(document.createTextNode(' · '));
        appendText(about, parties, marks);
      }
      item.appendChild(about);
    }
    return item;
  }

  function passagesList(found, marks) {
    var passages = document.createElement('ol');
    passages.className = 'search-passages';
    found.forEach(function (result) {
      var passage = document.createElement('li');
      // A passage in another language than the page's is read in its own.
      if (result.lang) passage.lang = result.lang;
      var to = document.createElement('a');
      to.className = 'search-passage';
      to.href = result.url;
      var words = snippet(result.text, marks);
      // An editors' note is found as theirs, not as the document's words.
      if (result.kind === 'note') {
        var label = document.createElement('span');
        label.className = 'search-note-label';
        label.textContent = say('search.js.note') + ' ';
        words.insertBefore(label, words.firstChild);
      }
      to.appendChild(words);
      passage.appendChild(to);
      passages.appendChild(passage);
    });
    return passages;
  }

  // The query as the status line quotes it: its phrases in the inner quotation marks of the page's language.
  var QUOTED = /["\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]\s*([^"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]*?)\s*(?:["\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]|$)/g;
  function quoted(query) {
    return query.replace(QUOTED, function (all, phrase) { return say('search.js.phrase', { phrase: phrase }); });
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

  // How many documents are listed at once, each with its passages; a button after them lists the next ones.
  var BATCH = 10;
  var more = document.createElement('button');
  more.type = 'button';
  more.className = 'search-more';
  more.hidden = true;
  list.after(more);

  var summaryText = panel.querySelector('summary').textContent;
  // Clearing the filters keeps the words (the link says so once the words are known).
  var clear = panel.querySelector('.facet-actions a');

  // Each search is numbered: what an earlier one loads after a later one has begun is not shown.
  var asked = 0;

  // Lists what the words and filters find (once the parts of the index they need have loaded), and sets the filters' counts to match.
  function show(filters, typing) {
    var mine = ++asked;
    var query = filters.q.trim();
    list.setAttribute('aria-busy', 'true');
    load(query === '' ? [] : querying.needs(manifest, query, options, typing)).then(function () {
      if (mine === asked) draw(filters, typing, query, mine);
    }, notLoaded);
  }

  function notLoaded() {
    list.removeAttribute('aria-busy');
    status.textContent = NOT_LOADED;
  }

  // The results are drawn first, the filters' counts a moment after (they follow what was found,
  // and a large edition's thousands of pages need not keep the reader from the first documents);
  // the last results stay until the new ones are there.
  function draw(filters, typing, query, mine) {
    var set = (filters.from || filters.to ? 1 : 0) + filters.kind.length + filters.dating.length + filters.name.length;
    panel.querySelector('summary').textContent = summaryText + (set > 0 ? ' ' + count('search.js.set', set) : '');
    var found = filtering.rangeProblem(filters);
    var problem = found ? say(found.key, found.values) : '';
    var filtered = filtering.isFiltered(filters) && problem === '';
    var marks = querying.matcher(query, options, typing);
    var pages = new Map();
    var within = data.pages;
    if (query !== '') {
      querying.find(manifest, parts, query, options, typing).forEach(function (found) { pages.set(found.page, found); });
      within = data.pages.filter(function (page) { return pages.has(page.url); });
    }
    clear.href = 'search.html' + (query ? '?q=' + encodeURIComponent(query) : '');
    // After the frame that shows the results (a page in the background has no frames: its counts wait till it is seen).
    function countsAfter() {
      facetsBox.setAttribute('aria-busy', 'true');
      requestAnimationFrame(function () {
        setTimeout(function () {
          if (mine !== asked) return;
          updateCounts(filtering.counts(data, problem ? filtering.filtersOf(new URLSearchParams()) : filters, within));
          facetsBox.removeAttribute('aria-busy');
        }, 0);
      });
    }
    if (problem || (query === '' && !filtered)) {
      list.replaceChildren();
      more.hidden = true;
      list.removeAttribute('aria-busy');
      status.textContent = problem;
      countsAfter();
      return;
    }
    var left = filtered ? filtering.passing(data, filters, within) : within;
    var shown = filters.sort === 'date' ? byDate(left) : query === '' ? left : byScore(left, pages);
    var passageCount = 0;
    if (query !== '') shown.forEach(function (page) { passageCount += pages.get(page.url).passages.length; });
    // The documents a batch at a time (a word in every letter of a large edition lists thousands),
    // each batch once the texts of its passages have loaded.
    var drawn = 0;
    function drawMore() {
      var next = shown.slice(drawn, drawn + BATCH);
      var results = query === '' ? [] : next.map(function (page) { return pages.get(page.url); });
      list.setAttribute('aria-busy', 'true');
      return load(querying.textsNeeded(manifest, results)).then(function () {
        if (mine !== asked) return false;
        if (drawn === 0) list.replaceChildren();
        next.forEach(function (page, i) {
          var item = pageItem(page, marks);
          if (query !== '') {
            var passages = passagesList(querying.passagesOf(manifest, parts, results[i]), marks);
            if (passages.firstChild) item.appendChild(passages);
          }
          list.appendChild(item);
        });
        drawn += next.length;
        more.hidden = drawn >= shown.length;
        more.textContent = count('search.js.more', Math.min(BATCH, shown.length - drawn));
        list.removeAttribute('aria-busy');
        return true;
      }, notLoaded);
    }
    more.onclick = function () {
      var from = drawn;
      drawMore().then(function (done) {
        // The reader goes on where the new documents begin.
        var first = done && list.children[from];
        if (first) first.querySelector('a').focus();
      });
    };
    var filterWords = filtered ? ' (' + filtersInWords(filters) + ')' : '';
    var words = { query: quoted(query), filters: filterWords, pages: count('search.js.pages', shown.length) };
    drawMore().then(function (done) {
      if (!done) return;
      if (query === '') status.textContent = count('search.js.filtered', shown.length, words);
      else if (shown.length === 0) status.textContent = say('search.js.nothing', words);
      // Found by their titles, correspondents or sources alone, documents are counted without passages.
      else if (passageCount === 0) status.textContent = count('search.js.found-pages', shown.length, words);
      else status.textContent = count('search.js.found', passageCount, words);
      countsAfter();
    });
  }

  // Pages by their date, the earliest first; undated ones after them, in the edition's order.
  function byDate(left) {
    var order = new Map(data.pages.map(function (page, i) { return [page.url, i]; }));
    return left.slice().sort(function (a, b) {
      if (!a.from !== !b.from) return a.from ? -1 : 1;
      return a.from < b.from ? -1 : a.from > b.from ? 1 : order.get(a.url) - order.get(b.url);
    });
  }

  // Pages found by words, best first (as assets/search-query.js ranks them, the order `found` holds them in).
  function byScore(left, found) {
    var kept = new Set(left);
    var ranked = [];
    found.forEach(function (_, url) {
      if (kept.has(pageOf.get(url))) ranked.push(pageOf.get(url));
    });
    return ranked;
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
        : counts.name[entryIndex.get(c.value)];
      c.count.textContent = '(' + n + ')';
      c.label.hidden = n === 0 && !c.box.checked;
    });
    // A group with no choice left to show is not shown either.
    Array.prototype.forEach.call(facetsBox.querySelectorAll('fieldset'), function (set) {
      set.hidden = !set.querySelector('.facet-choice:not([hidden])');
    });
  }

  // The words and filters as the form holds them, into the URL (so that a search can be shared) and the results.
  function apply(typing) {
    var filters = filtering.filtersOf(new FormData(form));
    var url = new URL(window.location.href);
    url.search = filtering.queryOf(filters);
    try {
      window.history.replaceState(null, '', url);
    } catch (e) {
      // Some browsers refuse to change a file:// address; the results show all the same.
    }
    show(filters, typing === true);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    apply();
  });
  // As the reader types, the results follow (a moment after the last key), the last word taken as the start of one.
  var typed = null;
  input.addEventListener('input', function () {
    clearTimeout(typed);
    typed = setTimeout(function () { apply(true); }, 150);
  });
  form.elements.sort.addEventListener('change', function () { apply(); });
  // The filters stand outside the form (they belong to it by their form attribute): their changes are heard where they are.
  panel.addEventListener('change', function (event) {
    if (event.target.form === form) apply();
  });

  var filters = filtering.filtersOf(new URLSearchParams(window.location.search));
  input.value = filters.q;
  form.elements.from.value = filters.from;
  form.elements.to.value = filters.to;
  form.elements.sort.value = filters.sort;
  buildFacets(filters);
  panel.hidden = false;
  // Open where there is room beside the results; on a phone closed, above the results, saying how many filters are set.
  if (window.matchMedia('(min-width: 64rem)').matches) panel.open = true;
  status.textContent = say('search.js.loading');
  show(filtering.filtersOf(new FormData(form)));
})();
