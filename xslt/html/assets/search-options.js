/*
 * How the search index reads text: the same options when editio builds the index (Node) and
 * when the browser searches it, so that words are cut and folded the same way in both.
 */
(function (root) {
  'use strict';

  var HYPHENS = /[-\u2010\u2011]/;

  // Words are runs of letters and digits; inner hyphens stay ("MiG-21"), and a hyphenated word
  // is also indexed by its parts, so that "MiG" finds it too.
  function tokenize(text) {
    var words = text.match(/[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu) || [];
    var terms = [];
    for (var i = 0; i < words.length; i++) {
      terms.push(words[i]);
      if (HYPHENS.test(words[i])) terms.push.apply(terms, words[i].split(HYPHENS));
    }
    return terms;
  }

  // Letters no decomposition takes apart, written as the languages of editions spell them out:
  // "Straße" finds "Strasse", "Cœur" "Coeur", "Łódź" "Lodz", the long s of old prints an s.
  var SPELLED = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i', 'ſ': 's' };

  // Case and accents do not matter: "Giáp", "GIAP" and "giap" are one term.
  function processTerm(term) {
    return term
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[ßæœøłđðþıſ]/g, function (letter) { return SPELLED[letter]; })
      .replace(/[\u2010\u2011]/g, '-');
  }

  root.editioSearchOptions = {
    idField: 'id',
    // A passage is found by its own words, not its document's title: the title is shown, not searched
    // (the heading of a page is a passage of its own).
    fields: ['text'],
    storeFields: ['title', 'page', 'n', 'url', 'text', 'date', 'lang'],
    tokenize: tokenize,
    processTerm: processTerm,
    searchOptions: { prefix: true, combineWith: 'AND' },
  };
})(typeof window !== 'undefined' ? window : globalThis);
