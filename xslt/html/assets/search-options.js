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

  // The old spellings of a language, folded to today's, so that either finds both: German before
  // 1901 and its printers ("Thür" Tür, "seyn" sein, "Cultur" Kultur, "Concert" Konzert,
  // "Photographie" Fotografie). Applied to index and query alike.
  var OLD_SPELLINGS = {
    de: function (term) {
      return term
        .replace(/th/g, 't')
        .replace(/ey/g, 'ei')
        .replace(/ph/g, 'f')
        .replace(/(^|[^s])c(?=[aoulr])/g, '$1k')
        .replace(/(^|[^s])c(?=[eiy])/g, '$1z');
    },
  };

  // Case and accents do not matter: "Giáp", "GIAP" and "giap" are one term.
  function folder(lang) {
    var old = OLD_SPELLINGS[String(lang || '').toLowerCase().split('-')[0]];
    return function processTerm(term) {
      // Plain ASCII has no accents and no letters to spell out: only its case to fold (the common case, and the cheap one).
      var folded = !/[^\x00-\x7f]/.test(term) ? term.toLowerCase() : term
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[ßæœøłđðþıſ]/g, function (letter) { return SPELLED[letter]; })
        .replace(/[\u2010\u2011]/g, '-');
      return old ? old(folded) : folded;
    };
  }

  // The options for an edition in this language (its BCP 47 tag).
  root.editioSearchOptionsFor = function (lang) {
    return {
      idField: 'id',
      // A document's title and correspondents weigh most, then its words and the names of whom and
      // what they mention (as the registers name them: "Hofmannsthal" finds the "Loris" of a letter),
      // then its source's description. Each document has one record of its header's fields (kind
      // "head") and one of each passage of its text and of each note (kind "text", "note").
      fields: ['title', 'correspondents', 'text', 'names', 'source'],
      storeFields: ['page', 'n', 'url', 'kind', 'lang', 'text', 'title', 'correspondents'],
      tokenize: tokenize,
      processTerm: folder(lang),
      searchOptions: { boost: { title: 3, correspondents: 3, text: 1, names: 1, source: 0.5 }, combineWith: 'AND' },
    };
  };
})(typeof window !== 'undefined' ? window : globalThis);
