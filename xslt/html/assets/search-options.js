/*
 * How the search index reads text: the same options when editio builds the index (Node) and
 * when the browser searches it, so that words are cut and folded the same way in both.
 */
(function (root) {
  'use strict';

  var HYPHENS = /[-\u2010\u2011]/;
  var WORD = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;

  // Words are runs of letters and digits; inner hyphens stay ("MiG-21").
  function words(text) {
    return String(text || '').match(WORD) || [];
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

  // The options for an edition in this language (its BCP 47 tag): how its words are folded
  // (processTerm), and the terms of a text, word by word (termsOf: a hyphenated word is found
  // whole and by each of its parts, so that "MiG" finds "MiG-21"; the parts stand where the word does).
  root.editioSearchOptionsFor = function (lang) {
    var fold = folder(lang);
    return {
      processTerm: fold,
      words: words,
      termsOf: function (text) {
        return words(text).map(function (word) {
          var terms = [fold(word)];
          if (HYPHENS.test(word)) {
            word.split(HYPHENS).forEach(function (part) {
              var folded = fold(part);
              if (terms.indexOf(folded) < 0) terms.push(folded);
            });
          }
          return terms;
        });
      },
    };
  };
})(typeof window !== 'undefined' ? window : globalThis);
