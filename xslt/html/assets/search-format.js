/*
 * The search index's format, shared by the build (Node, src/site/search-index.ts) and the search
 * page (assets/search-query.js), so that both write and read it alike.
 *
 * The index is partitioned by term, so that a query loads only the parts that hold its words:
 * search/terms-<k>.js holds, for each term whose first three letters hash to k, its postings (each
 * record that holds it and how much the term weighs there); search/pairs-<k>.js the same for
 * each pair of words in a row that hashes to k (a phrase's); search/places-<k>.js, for each term
 * that hashes to k, where in each field it stands (read for phrases of more than two words only);
 * search/texts-<s>.js the passages of some pages, read for the results shown. search/index.js
 * names the pages and how many parts of each kind there are.
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

  // FNV-1a of a text, into one of `count` parts (numbered from 1).
  function hashPart(text, count) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return (hash % count) + 1;
  }

  // The part of the terms a term is in: by its first three letters, so that every term that
  // starts with the same three letters is in one part (a typed start finds its words in it).
  function partOf(term, count) {
    return hashPart(Array.from(term).slice(0, 3).join(''), count);
  }

  // Two words in a row as one term (a phrase of two is found by its pair alone, without the
  // places of its words): a space stands in no term.
  function pairOf(first, second) {
    return first + ' ' + second;
  }

  function isPair(term) {
    return term.indexOf(' ') >= 0;
  }

  // The part of the pairs or of the places a pair's or a term's list is in: by the whole of it (a
  // phrase loads its own lists, not those of every word that begins with the same letters: the
  // lists of common words run to megabytes).
  function wholePartOf(term, count) {
    return hashPart(term, count);
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
  // number of the index reaches 2^30), read in one pass into room for one a character.
  function decode(text) {
    var numbers = new Int32Array(text.length);
    var k = 0;
    var n = 0;
    var shift = 0;
    for (var j = 0; j < text.length; j++) {
      var v = VALUE[text.charCodeAt(j)];
      if (v >= 32) {
        n |= (v - 32) << shift;
        shift += 5;
      } else {
        numbers[k++] = n | (v << shift);
        n = 0;
        shift = 0;
      }
    }
    return numbers.subarray(0, k);
  }

  root.editioSearchFormat = {
    FIELDS: FIELDS,
    PHRASE_FIELDS: PHRASE_FIELDS,
    weight: weight,
    rarity: rarity,
    partOf: partOf,
    wholePartOf: wholePartOf,
    pairOf: pairOf,
    isPair: isPair,
    DIGITS: DIGITS,
    encode: encode,
    decode: decode,
  };
})(typeof window !== 'undefined' ? window : globalThis);
