/*
 * The search index's format, shared by the build (Node, src/site/search-index.ts) and the search
 * page (assets/search-query.js), so that both write and read it alike.
 *
 * The index is partitioned by term, so that a query loads only the parts that hold its words:
 * search/terms-<k>.js holds, for each term whose first three letters hash to k, its postings (each
 * record that holds it and how much the term weighs there); search/places-<k>.js where in each
 * field it stands (read for phrases only); search/texts-<s>.js the passages of some pages, read
 * for the results shown. search/index.js names the pages and how many parts there are.
 * Postings and places are lists of whole numbers written as text, five bits a character: a script
 * of one string loads far faster than one of a million numbers.
 */
(function (root) {
  'use strict';

  // A record's fields, by number, with their weights: title and correspondents first, then its
  // words and the names of whom and what they mention, then its source's description.
  var FIELDS = ['title', 'correspondents', 'text', 'names', 'source'];
  var BOOST = [3, 3, 1, 1, 0.5];
  // The length a field's words are weighed against (BM25's average length): fixed, not the
  // edition's average, so that a changed document changes no other document's weights.
  var TYPICAL_LENGTH = [8, 12, 40, 8, 30];
  // The fields a phrase is looked for in (the names and the source are lists, not running text).
  var PHRASE_FIELDS = [0, 1, 2];
  // BM25+ (as MiniSearch): term frequency saturation, length normalisation, a floor for any match.
  var K = 1.2;
  var B = 0.7;
  var D = 0.5;
  // A weight is kept as a whole number: tenths.
  var SCALE = 10;

  // How much a term found `count` times in a field of `length` words weighs (in tenths).
  function weight(field, count, length) {
    var saturation = (count * (K + 1)) / (count + K * (1 - B + (B * length) / TYPICAL_LENGTH[field]));
    return BOOST[field] * (saturation + D) * SCALE;
  }

  // How rare a term is, from how many of the index's records hold it.
  function rarity(holding, records) {
    return Math.log(1 + (records - holding + 0.5) / (holding + 0.5));
  }

  // The part a term is in: by a hash (FNV-1a) of its first three letters, so that every term that
  // starts with the same three letters is in one part (a typed start finds its words in it).
  function partOf(term, count) {
    var start = Array.from(term).slice(0, 3).join('');
    var hash = 0x811c9dc5;
    for (var i = 0; i < start.length; i++) {
      hash ^= start.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return (hash % count) + 1;
  }

  // 64 characters that need no escaping in a script's string: the first 32 end a number, the
  // last 32 say that more of it follows (five bits each, the lowest first).
  var DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef' + 'ghijklmnopqrstuvwxyz0123456789+/';
  var VALUE = new Int8Array(128).fill(-1);
  for (var d = 0; d < DIGITS.length; d++) VALUE[DIGITS.charCodeAt(d)] = d;

  function encode(numbers) {
    var out = '';
    for (var i = 0; i < numbers.length; i++) {
      var n = numbers[i];
      while (n >= 32) {
        out += DIGITS.charAt(32 + (n % 32));
        n = Math.floor(n / 32);
      }
      out += DIGITS.charAt(n);
    }
    return out;
  }

  // The numbers of a list, in a typed array (a common word's list holds hundreds of thousands; no
  // number of the index reaches 2^31): counted first, so that the array is the size of the list.
  function decode(text) {
    var count = 0;
    for (var i = 0; i < text.length; i++) if (VALUE[text.charCodeAt(i)] < 32) count++;
    var numbers = new Int32Array(count);
    var n = 0;
    var shift = 1;
    for (var j = 0, k = 0; j < text.length; j++) {
      var v = VALUE[text.charCodeAt(j)];
      if (v >= 32) {
        n += (v - 32) * shift;
        shift *= 32;
      } else {
        numbers[k++] = n + v * shift;
        n = 0;
        shift = 1;
      }
    }
    return numbers;
  }

  root.editioSearchFormat = {
    FIELDS: FIELDS,
    PHRASE_FIELDS: PHRASE_FIELDS,
    weight: weight,
    rarity: rarity,
    partOf: partOf,
    DIGITS: DIGITS,
    encode: encode,
    decode: decode,
  };
})(typeof window !== 'undefined' ? window : globalThis);
