/*
 * What a query finds, apart from the page that shows it (so that Node tests the same code the
 * browser runs). A query is words, "phrases in quotes" and -words to leave out. A document is
 * found when each word or phrase is somewhere in it: its title, its correspondents, its text,
 * its notes, its source or the names of what it mentions (a phrase within one passage or field).
 * Words are whole words; only the last, while the reader is still typing it, may be the start of
 * one (from three letters on).
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

  // How much a start of a word weighs against the whole word: "Hof" finds "Hofmann", after "Hof".
  var PREFIX = 0.375;

  // A typed start finds the words it begins only from three letters on (terms are in parts by their first three).
  function longEnough(term) {
    return Array.from(term).length >= 3;
  }

  // What a query looks for, part by part: its terms (each word folded, and a hyphenated word's
  // parts), which may be the start of a longer one (while typing: the last word, whole and its
  // last part); for a phrase, its pairs of words in a row (which hold its words) and, where it is
  // longer than two, its words, whose places say where they stand.
  function plan(query, options, typing) {
    var parsed = typeof query === 'string' ? parse(query) : query;
    function planned(part, mayStart) {
      var words = options.termsOf(part.text);
      if (part.phrase) {
        var phrase = words.map(function (t) { return t[0]; });
        return { terms: [], phrase: phrase, pairs: phrase.slice(1).map(function (word, i) { return format().pairOf(phrase[i], word); }) };
      }
      var terms = [];
      words.forEach(function (wordTerms, w) {
        wordTerms.forEach(function (term, i) {
          var start = mayStart && w === words.length - 1 && (i === 0 || i === wordTerms.length - 1) && longEnough(term);
          if (!terms.some(function (t) { return t.term === term && t.start === start; })) terms.push({ term: term, start: start });
        });
      });
      return { terms: terms, phrase: null };
    }
    var last = parsed.include.length - 1;
    return {
      include: parsed.include.map(function (part, i) { return planned(part, Boolean(typing) && i === last); }),
      exclude: parsed.exclude.map(function (part) { return planned(part, false); }),
    };
  }

  // The parts of the index a query needs: its terms' parts, and for a phrase where its words stand.
  function needs(manifest, query, options, typing) {
    var planned = plan(query, options, typing);
    var names = [];
    function add(name) { if (names.indexOf(name) < 0) names.push(name); }
    planned.include.concat(planned.exclude).forEach(function (part) {
      part.terms.forEach(function (t) { add('terms-' + format().partOf(t.term, manifest.terms)); });
      (part.pairs || []).forEach(function (pair) { add('pairs-' + format().wholePartOf(pair, manifest.pairs)); });
      if (part.phrase && part.phrase.length > 2) part.phrase.forEach(function (word) { add('places-' + format().wholePartOf(word, manifest.places)); });
    });
    return names;
  }

  function format() {
    return root.editioSearchFormat;
  }

  function lists() {
    return root.editioSearchLists;
  }

  // The records that hold every term of a part (a phrase's pairs, its words together), with their score.
  function recordsOf(index, part) {
    var found = null;
    part.terms.forEach(function (t) {
      var terms = t.start ? index.startingWith(t.term) : [t.term];
      var holding = terms.reduce(function (all, term) {
        var records = term === t.term ? index.postings(term) : lists().scaled(index.postings(term), PREFIX);
        return all ? lists().either(all, records) : records;
      }, null) || index.postings(t.term);
      found = found ? lists().both(found, holding) : holding;
    });
    (part.pairs || []).forEach(function (pair) {
      found = found ? lists().both(found, index.postings(pair)) : index.postings(pair);
    });
    if (part.phrase && part.phrase.length > 2) found = lists().together(found, part.phrase.map(function (word) { return index.places(word); }));
    return found;
  }

  /*
   * The pages a query finds, best first (the sum of each word's best score in the page; a tie by
   * the page's address), each with whether its header was found and its passages'
   * numbers in its own order. The index must hold the parts `needs` names. `typing`: the last
   * word may be the start of a longer one.
   */
  function find(manifest, parts, query, options, typing) {
    var planned = plan(query, options, typing);
    if (planned.include.length === 0) return [];
    var index = lists().readerOf(manifest, parts);
    var found = planned.include.map(function (part) { return lists().pages(recordsOf(index, part)); });
    var left = new Set();
    planned.exclude.forEach(function (part) {
      var byPage = lists().pages(recordsOf(index, part));
      for (var i = 0; i < byPage.size; i++) left.add(byPage.pages[i]);
    });
    // Pages in order in every part's list: walked side by side, each a page that holds every part.
    var at = new Int32Array(found.length);
    var results = [];
    var first = found[0];
    for (var i = 0; i < first.size; i++) {
      var page = first.pages[i];
      at[0] = i;
      var inAll = true;
      for (var p = 1; p < found.length && inAll; p++) {
        var byPage = found[p];
        while (at[p] < byPage.size && byPage.pages[at[p]] < page) at[p]++;
        inAll = at[p] < byPage.size && byPage.pages[at[p]] === page;
      }
      if (!inAll || left.has(page)) continue;
      var score = 0;
      var numbers = [];
      for (p = 0; p < found.length; p++) {
        score += found[p].scores[at[p]];
        numbers = lists().union(numbers, lists().placesInPage(found[p], at[p]));
      }
      results.push({ page: manifest.pages[page], place: page, score: score, head: numbers[0] === 0, passages: numbers[0] === 0 ? numbers.slice(1) : numbers });
    }
    return results.sort(function (a, b) { return b.score - a.score || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0); });
  }

  // The parts of the texts that hold these results' passages.
  function textsNeeded(manifest, results) {
    var names = [];
    results.forEach(function (result) {
      var name = 'texts-' + manifest.texts[result.place];
      if (result.passages.length > 0 && names.indexOf(name) < 0) names.push(name);
    });
    return names;
  }

  // A result's passages as the texts' parts hold them: address, kind (text or note), language and words.
  function passagesOf(manifest, parts, result) {
    var texts = (parts['texts-' + manifest.texts[result.place]] || {})[result.page] || [];
    return result.passages.map(function (n) {
      var passage = texts[n - 1];
      return { url: result.page + '#' + passage[1], kind: passage[0], lang: passage[2], text: passage[3] };
    });
  }

  // A text's words, folded as the index folds them.
  function foldedWords(text, options) {
    return options.words(text).map(options.processTerm);
  }

  /*
   * Which words of a result to mark: a text's tokens (its words and the spaces between, as
   * text.split(/(\s+)/) gives them) to a list of whether each is marked. A word the query asked
   * for is marked wherever it stands, as itself or a part of it ("Beer-Hofmann" for "Hofmann"),
   * or, while typing, as the start of a word for the last; a phrase's words only where they stand
   * together (the index's whole words in a row).
   */
  function matcher(query, options, typing) {
    var parsed = typeof query === 'string' ? parse(query) : query;
    var words = [];
    var phrases = [];
    parsed.include.forEach(function (part) {
      if (part.phrase) phrases.push(foldedWords(part.text, options));
      else words.push.apply(words, foldedWords(part.text, options));
    });
    var last = parsed.include[parsed.include.length - 1];
    var typed = Boolean(typing) && last !== undefined && !last.phrase ? words[words.length - 1] : undefined;
    function matches(folded) {
      if (folded.length !== 1) return false;
      var whole = folded[0];
      var parts = [whole].concat(whole.split('-'));
      return words.some(function (w) { return parts.indexOf(w) >= 0 || w.split('-').length > 1 && whole.indexOf(w) === 0; }) ||
        (typed !== undefined && parts.some(function (p) { return p.indexOf(typed) === 0; }));
    }
    // A result's words repeat: each is folded and looked at once.
    var folds = new Map();
    var seen = new Map();
    function folded(token) {
      if (!folds.has(token)) folds.set(token, foldedWords(token, options));
      return folds.get(token);
    }
    return function (tokens) {
      var marked = tokens.map(function (token) {
        if (!seen.has(token)) seen.set(token, matches(folded(token)));
        return seen.get(token);
      });
      if (phrases.length === 0) return marked;
      // The text's words in a row, each with the token it stands in.
      var terms = [];
      var at = [];
      tokens.forEach(function (token, i) {
        folded(token).forEach(function (term) {
          terms.push(term);
          at.push(i);
        });
      });
      phrases.forEach(function (phrase) {
        for (var start = 0; start + phrase.length <= terms.length; start++) {
          var k = 0;
          while (k < phrase.length && terms[start + k] === phrase[k]) k++;
          if (k === phrase.length) for (k = 0; k < phrase.length; k++) marked[at[start + k]] = true;
        }
      });
      return marked;
    };
  }

  root.editioSearchQuery = { parse: parse, needs: needs, find: find, textsNeeded: textsNeeded, passagesOf: passagesOf, matcher: matcher };
})(typeof window !== 'undefined' ? window : globalThis);
