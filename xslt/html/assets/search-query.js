/*
 * What a query finds, apart from the page that shows it (so that Node tests the same code the
 * browser runs). A query is words, "phrases in quotes" and -words to leave out. A document is
 * found when each word or phrase is somewhere in it: its title, its correspondents, its text,
 * its notes, its source or the names of what it mentions (a phrase within one passage or field).
 * Words are whole words; only the last, while the reader is still typing it, may be the start of one.
 */
(function (root) {
  'use strict';

  var WORD = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;

  // The words, phrases and words left out of a query, as written.
  function parse(query) {
    var include = [];
    var exclude = [];
    // Quotes as languages write them: "…", “…”, „…“, « … », ‹…›.
    var pattern = /(-?)["\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]([^"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]*)["\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]?|(-?)([^\s"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]+)/g;
    var match;
    while ((match = pattern.exec(String(query || '')))) {
      var quoted = match[2] !== undefined;
      var text = (quoted ? match[2] : match[4]).trim();
      if (!(text.match(WORD) || []).length) continue;
      var part = { text: text, phrase: quoted && text.match(WORD).length > 1 };
      ((quoted ? match[1] : match[3]) === '-' ? exclude : include).push(part);
    }
    return { include: include, exclude: exclude };
  }

  // A text's words, folded as the index folds them, in their order (the folding works letter by letter,
  // so the whole text is folded at once: a phrase is looked for in thousands of passages).
  function foldedWords(text, options) {
    return options.processTerm(String(text || '')).match(WORD) || [];
  }

  // Whether a record holds a phrase's words one after another, in one of its fields.
  function holdsPhrase(record, phrase, options) {
    var wanted = foldedWords(phrase, options);
    return [record.text, record.title, record.correspondents].some(function (field) {
      var words = foldedWords(field, options);
      for (var i = 0; i + wanted.length <= words.length; i++) {
        var j = 0;
        while (j < wanted.length && words[i + j] === wanted[j]) j++;
        if (j === wanted.length) return true;
      }
      return false;
    });
  }

  // Each page the records found belong to, with the best score among them and the records.
  function byPage(indexes, part, options, prefix) {
    var pages = new Map();
    indexes.forEach(function (index) {
      index.search(part.text, { prefix: prefix, fuzzy: false, combineWith: 'AND' }).forEach(function (record) {
        if (part.phrase && !holdsPhrase(record, part.text, options)) return;
        var found = pages.get(record.page);
        if (!found) pages.set(record.page, (found = { score: 0, records: [] }));
        found.score = Math.max(found.score, record.score);
        found.records.push(record);
      });
    });
    return pages;
  }

  /*
   * The pages a query finds, best first (the sum of each word's best score in the page; a tie by
   * address), each with its header's record if that was found and its passages in its own order.
   * `typing`: the last word may be the start of a longer one.
   */
  function find(indexes, query, options, typing) {
    var parsed = typeof query === 'string' ? parse(query) : query;
    if (parsed.include.length === 0) return [];
    var last = parsed.include.length - 1;
    var found = parsed.include.map(function (part, i) {
      var prefix = typing && i === last && !part.phrase ? function (term, j, terms) { return j === terms.length - 1; } : false;
      return byPage(indexes, part, options, prefix);
    });
    var left = new Set();
    parsed.exclude.forEach(function (part) {
      byPage(indexes, part, options, false).forEach(function (_, page) { left.add(page); });
    });
    var results = [];
    found[0].forEach(function (_, page) {
      if (left.has(page) || !found.every(function (pages) { return pages.has(page); })) return;
      var score = 0;
      var records = new Map();
      found.forEach(function (pages) {
        var mine = pages.get(page);
        score += mine.score;
        mine.records.forEach(function (record) { records.set(record.id, record); });
      });
      var all = Array.from(records.values()).sort(function (a, b) { return a.n - b.n; });
      results.push({
        page: page,
        score: score,
        head: all.find(function (r) { return r.kind === 'head'; }) || null,
        passages: all.filter(function (r) { return r.kind !== 'head'; }),
      });
    });
    return results.sort(function (a, b) { return b.score - a.score || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0); });
  }

  // Whether a word of a result is one the query asked for: the word itself or a part of it
  // ("Beer-Hofmann" for "Hofmann"), or, while typing, the start of a word for the last.
  function matcher(query, options, typing) {
    var parsed = typeof query === 'string' ? parse(query) : query;
    var words = [];
    parsed.include.forEach(function (part) { words.push.apply(words, foldedWords(part.text, options)); });
    var lastWord = words[words.length - 1];
    return function (word) {
      var folded = foldedWords(word, options);
      if (folded.length !== 1) return false;
      var whole = folded[0];
      var parts = [whole].concat(whole.split('-'));
      return words.some(function (w) { return parts.indexOf(w) >= 0 || w.split('-').length > 1 && whole.indexOf(w) === 0; }) ||
        (Boolean(typing) && lastWord !== undefined && parts.some(function (p) { return p.indexOf(lastWord) === 0; }));
    };
  }

  root.editioSearchQuery = { parse: parse, find: find, matcher: matcher };
})(typeof window !== 'undefined' ? window : globalThis);
