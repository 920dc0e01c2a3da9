/*
 * The search index's lists as read (assets/search-format.js says how they are written), and how
 * they combine. A list is its records in the index's order, each by its key (its page's number and
 * its place in the page) with a score, in typed arrays: a common word's list in a large edition
 * holds a hundred thousand records, and lists in order combine by walking them side by side.
 */
(function (root) {
  'use strict';

  // Records are keyed by their page's number and their place in it.
  var PER_PAGE = 1048576;

  function format() {
    return root.editioSearchFormat;
  }

  // A list of `size` records.
  function list(size) {
    return { keys: new Float64Array(size), scores: new Float64Array(size), size: 0 };
  }

  function add(to, key, score) {
    to.keys[to.size] = key;
    to.scores[to.size++] = score;
  }

  // The records of either list, each with the better of its scores.
  function either(a, b) {
    var out = list(a.size + b.size);
    var i = 0;
    var j = 0;
    while (i < a.size || j < b.size) {
      if (j >= b.size || (i < a.size && a.keys[i] < b.keys[j])) add(out, a.keys[i], a.scores[i++]);
      else if (i >= a.size || b.keys[j] < a.keys[i]) add(out, b.keys[j], b.scores[j++]);
      else add(out, a.keys[i], Math.max(a.scores[i++], b.scores[j++]));
    }
    return out;
  }

  // The records of both lists, each with the sum of its scores.
  function both(a, b) {
    var out = list(Math.min(a.size, b.size));
    for (var i = 0, j = 0; i < a.size && j < b.size; ) {
      if (a.keys[i] < b.keys[j]) i++;
      else if (b.keys[j] < a.keys[i]) j++;
      else add(out, a.keys[i], a.scores[i++] + b.scores[j++]);
    }
    return out;
  }

  function scaled(a, factor) {
    var out = list(a.size);
    for (var i = 0; i < a.size; i++) add(out, a.keys[i], a.scores[i] * factor);
    return out;
  }

  // The first page of each part of the texts, by the part's number (its pages follow one another in the manifest).
  function firstPages(manifest) {
    var first = [];
    for (var page = 0; page < manifest.texts.length; page++) if (manifest.texts[page] !== manifest.texts[page - 1]) first[manifest.texts[page]] = page;
    return first;
  }

  // A term's postings: each record that holds it, with how much it weighs there (its weight in the
  // record by its rarity). The list is, part by part of the texts, the part (as the difference from
  // the last), how many postings follow, and the postings, pages numbered within the part.
  function postings(numbers, manifest, first) {
    var count = 0;
    for (var i = 0; i < numbers.length; i += 2 + 3 * numbers[i + 1]) count += numbers[i + 1];
    var out = list(count);
    var rare = format().rarity(count, manifest.records);
    for (var j = 0, shard = 0; j < numbers.length; ) {
      shard += numbers[j];
      var end = j + 2 + 3 * numbers[j + 1];
      var page = first[shard];
      for (j += 2; j < end; j += 3) {
        page += numbers[j];
        add(out, page * PER_PAGE + numbers[j + 1], (rare * numbers[j + 2]) / 10);
      }
    }
    return out;
  }

  // Where a term stands: for each record and field that holds it (in order), the field and where
  // its positions are in `numbers` (the list as decoded, its differences made positions in place).
  // Part by part of the texts as the postings, each entry a page, a passage, a field, how many
  // positions and the positions.
  function places(numbers, first) {
    // Room for as many entries as there can be (each is five numbers at least).
    var room = Math.ceil(numbers.length / 5);
    var out = { keys: new Float64Array(room), fields: new Int32Array(room), starts: new Int32Array(room), counts: new Int32Array(room), numbers: numbers, size: 0 };
    for (var j = 0, shard = 0; j < numbers.length; ) {
      shard += numbers[j];
      var entries = numbers[j + 1];
      var page = first[shard];
      for (j += 2; entries > 0; entries--) {
        page += numbers[j];
        var count = numbers[j + 3];
        var e = out.size++;
        out.keys[e] = page * PER_PAGE + numbers[j + 1];
        out.fields[e] = numbers[j + 2];
        out.starts[e] = j + 4;
        out.counts[e] = count;
        for (var k = 1; k < count; k++) numbers[j + 4 + k] += numbers[j + 3 + k];
        j += 4 + count;
      }
    }
    return out;
  }

  // Whether a term stands at a position of a field of the record whose places begin at `from`.
  function standsAt(places, from, key, field, position) {
    for (var e = from; e < places.size && places.keys[e] === key; e++) {
      if (places.fields[e] !== field) continue;
      for (var q = places.starts[e]; q < places.starts[e] + places.counts[e]; q++) if (places.numbers[q] === position) return true;
    }
    return false;
  }

  // Whether a phrase's words stand one after another in a field of a record (`at`: where each word's places for it begin).
  function phraseIn(where, at, key) {
    var first = where[0];
    for (var e = at[0]; e < first.size && first.keys[e] === key; e++) {
      for (var q = first.starts[e]; q < first.starts[e] + first.counts[e]; q++) {
        var w = 1;
        while (w < where.length && standsAt(where[w], at[w], key, first.fields[e], first.numbers[q] + w)) w++;
        if (w === where.length) return true;
      }
    }
    return false;
  }

  // The records of a list in which a phrase's words stand one after another in one field (`where`: each word's places).
  function together(a, where) {
    var out = list(a.size);
    var at = where.map(function () { return 0; });
    for (var r = 0; r < a.size; r++) {
      var key = a.keys[r];
      var held = true;
      for (var w = 0; w < where.length; w++) {
        var keys = where[w].keys;
        while (at[w] < where[w].size && keys[at[w]] < key) at[w]++;
        held = held && at[w] < where[w].size && keys[at[w]] === key;
      }
      if (held && phraseIn(where, at, key)) add(out, key, a.scores[r]);
    }
    return out;
  }

  // The pages of a list's records, in order: each page's number, its best score, and where its
  // records begin and end (a page's number is worked out once a page, not once a record).
  function pages(a) {
    var out = { pages: new Int32Array(a.size), scores: new Float64Array(a.size), starts: new Int32Array(a.size + 1), size: 0, list: a };
    var next = -1;
    for (var i = 0; i < a.size; i++) {
      if (a.keys[i] >= next) {
        var page = Math.floor(a.keys[i] / PER_PAGE);
        next = (page + 1) * PER_PAGE;
        out.pages[out.size] = page;
        out.scores[out.size] = a.scores[i];
        out.starts[out.size++] = i;
      } else if (a.scores[i] > out.scores[out.size - 1]) out.scores[out.size - 1] = a.scores[i];
    }
    out.starts[out.size] = a.size;
    return out;
  }

  // The places in its page of the records of the i-th page of pages(a).
  function placesInPage(byPage, i) {
    var numbers = [];
    for (var r = byPage.starts[i]; r < byPage.starts[i + 1]; r++) numbers.push(byPage.list.keys[r] % PER_PAGE);
    return numbers;
  }

  // The numbers of two lists in order, each once.
  function union(a, b) {
    if (a.length === 0) return b;
    var out = [];
    for (var i = 0, j = 0; i < a.length || j < b.length; ) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
      else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
      else {
        out.push(a[i++]);
        j++;
      }
    }
    return out;
  }

  // The index as loaded so far (parts: what each part's script set), each list read once.
  function reader(manifest, parts) {
    var read = new Map();
    var first = firstPages(manifest);
    function lists(kind, term, make) {
      var key = kind + '\u0000' + term;
      if (!read.has(key)) {
        var name = kind === 'places' ? 'places-' + format().wholePartOf(term, manifest.places)
          : format().isPair(term) ? 'pairs-' + format().wholePartOf(term, manifest.pairs)
          : 'terms-' + format().partOf(term, manifest.terms);
        if (!parts[name]) throw new Error('search index: ' + name + ' is not loaded');
        read.set(key, make(Object.prototype.hasOwnProperty.call(parts[name], term) ? format().decode(parts[name][term]) : ''));
      }
      return read.get(key);
    }
    return {
      // The terms that start with these letters.
      startingWith: function (start) {
        return Object.keys(parts['terms-' + format().partOf(start, manifest.terms)] || {}).filter(function (term) { return term.indexOf(start) === 0; });
      },
      postings: function (term) {
        return lists('terms', term, function (numbers) { return postings(numbers, manifest, first); });
      },
      places: function (term) {
        return lists('places', term, function (numbers) { return places(numbers, first); });
      },
    };
  }

  // One reader for each loaded index, so that a list is read once for every query that needs it.
  var readers = new WeakMap();
  function readerOf(manifest, parts) {
    if (!readers.has(parts)) readers.set(parts, reader(manifest, parts));
    return readers.get(parts);
  }

  root.editioSearchLists = { readerOf: readerOf, either: either, both: both, scaled: scaled, together: together, pages: pages, placesInPage: placesInPage, union: union };
})(typeof window !== 'undefined' ? window : globalThis);
