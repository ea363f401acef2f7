/*
 * NewsSite search: runs a query in the browser against the static index that `newssite build` writes to
 * search/data/ (meta.json, t/<hash>.json term chunks, d/<n>.json result fragments). No dependencies.
 *
 * The text analysis below mirrors src/NewsSite.Core/Search (TextFolding, Tokenizer, StopWords, EnglishStemmer)
 * step for step; a browser test checks that both give the same terms. Everything shown on the page is built
 * with textContent and createElement: no index data or query text ever goes through innerHTML.
 */
(function (global) {
  'use strict';

  // ---------------------------------------------------------------- text analysis (same as the build)

  var MARKS = /\p{Mn}/gu;
  var QUOTES = /[\u2018\u2019\u02BC]/g;
  var WORD = /[\p{L}\p{Nd}\p{M}]+(?:'[\p{L}\p{Nd}\p{M}]+)*/gu;
  // Words in text as written (before folding), for highlighting.
  var RAW_WORD = /[\p{L}\p{Nd}\p{M}]+(?:['\u2018\u2019\u02BC][\p{L}\p{Nd}\p{M}]+)*/gu;
  var MAX_WORD_LENGTH = 40;

  function fold(text) {
    return String(text).normalize('NFD').replace(MARKS, '').replace(QUOTES, "'")
      .normalize('NFC').toLowerCase().replace(/\u03C2/g, '\u03C3');
  }

  function tokenize(folded) {
    return folded.match(WORD) || [];
  }

  // ---- Porter2 (Snowball English), as EnglishStemmer.cs

  var EXCEPTIONS = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe',
    atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes'
  };
  var AFTER_STEP1A = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
  var STEP2 = [
    ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
    ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
    ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'], ['enci', 'ence'],
    ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'], ['alli', 'al'], ['bli', 'ble'],
    ['ogi', 'og'], ['li', '']
  ];
  var STEP3 = [
    ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'], ['ative', ''],
    ['ical', 'ic'], ['ness', ''], ['ful', '']
  ];
  var STEP4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive',
    'ize', 'ion', 'al', 'er', 'ic'];

  function isVowel(ch) { return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || ch === 'y'; }

  function regionAfter(w, start) {
    for (var i = start + 1; i < w.length; i++) {
      if (!isVowel(w[i]) && isVowel(w[i - 1])) { return i + 1; }
    }
    return w.length;
  }

  function hasVowelBefore(w, end) {
    for (var i = 0; i < end; i++) { if (isVowel(w[i])) { return true; } }
    return false;
  }

  function endsInShortSyllable(w, end) {
    if (end >= 3 && !isVowel(w[end - 3]) && isVowel(w[end - 2]) && !isVowel(w[end - 1]) &&
        w[end - 1] !== 'w' && w[end - 1] !== 'x' && w[end - 1] !== 'Y') {
      return true;
    }
    return end === 2 && isVowel(w[0]) && !isVowel(w[1]);
  }

  function endsWith(w, suffix) { return w.length >= suffix.length && w.slice(w.length - suffix.length) === suffix; }

  function stem(word) {
    if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) { return EXCEPTIONS[word]; }
    if (word.length < 3 || !/^[a-z']+$/.test(word)) { return word; }

    var w = word.charAt(0) === "'" ? word.slice(1) : word;
    // Initial y, and y after a vowel, are consonants: Y until the end.
    var chars = w.split('');
    if (chars[0] === 'y') { chars[0] = 'Y'; }
    for (var i = 1; i < chars.length; i++) {
      if (chars[i] === 'y' && isVowel(chars[i - 1])) { chars[i] = 'Y'; }
    }
    w = chars.join('');

    var r1;
    if (w.indexOf('gener') === 0 || w.indexOf('arsen') === 0) { r1 = 5; }
    else if (w.indexOf('commun') === 0) { r1 = 6; }
    else { r1 = regionAfter(w, 0); }
    var r2 = regionAfter(w, r1);

    // Step 0
    if (endsWith(w, "'s'")) { w = w.slice(0, -3); }
    else if (endsWith(w, "'s")) { w = w.slice(0, -2); }
    else if (endsWith(w, "'")) { w = w.slice(0, -1); }

    // Step 1a
    if (endsWith(w, 'sses')) { w = w.slice(0, -4) + 'ss'; }
    else if (endsWith(w, 'ied') || endsWith(w, 'ies')) { w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie'); }
    else if (endsWith(w, 'us') || endsWith(w, 'ss')) { /* kept */ }
    else if (endsWith(w, 's') && hasVowelBefore(w, w.length - 2)) { w = w.slice(0, -1); }

    if (AFTER_STEP1A.indexOf(w) >= 0) { return w; }

    // Step 1b
    var done = false;
    ['eedly', 'eed'].forEach(function (suffix) {
      if (done || !endsWith(w, suffix)) { return; }
      done = true;
      if (w.length - suffix.length >= r1) { w = w.slice(0, -suffix.length) + 'ee'; }
    });
    ['ingly', 'edly', 'ing', 'ed'].forEach(function (suffix) {
      if (done || !endsWith(w, suffix)) { return; }
      done = true;
      if (!hasVowelBefore(w, w.length - suffix.length)) { return; }
      w = w.slice(0, -suffix.length);
      if (endsWith(w, 'at') || endsWith(w, 'bl') || endsWith(w, 'iz')) { w += 'e'; }
      else if (w.length >= 2 && w[w.length - 1] === w[w.length - 2] && 'bdfgmnprt'.indexOf(w[w.length - 1]) >= 0) { w = w.slice(0, -1); }
      else if (w.length === r1 && endsInShortSyllable(w, w.length)) { w += 'e'; }
    });

    // Step 1c
    if (w.length > 2 && (w[w.length - 1] === 'y' || w[w.length - 1] === 'Y') && !isVowel(w[w.length - 2])) {
      w = w.slice(0, -1) + 'i';
    }

    // Step 2
    for (var s2 = 0; s2 < STEP2.length; s2++) {
      var suffix2 = STEP2[s2][0];
      if (!endsWith(w, suffix2)) { continue; }
      var start2 = w.length - suffix2.length;
      if (start2 >= r1 &&
          (suffix2 !== 'ogi' || (start2 > 0 && w[start2 - 1] === 'l')) &&
          (suffix2 !== 'li' || (start2 > 0 && 'cdeghkmnrt'.indexOf(w[start2 - 1]) >= 0))) {
        w = w.slice(0, start2) + STEP2[s2][1];
      }
      break;
    }

    // Step 3
    for (var s3 = 0; s3 < STEP3.length; s3++) {
      var suffix3 = STEP3[s3][0];
      if (!endsWith(w, suffix3)) { continue; }
      var start3 = w.length - suffix3.length;
      if (start3 >= r1 && (suffix3 !== 'ative' || start3 >= r2)) { w = w.slice(0, start3) + STEP3[s3][1]; }
      break;
    }

    // Step 4
    for (var s4 = 0; s4 < STEP4.length; s4++) {
      var suffix4 = STEP4[s4];
      if (!endsWith(w, suffix4)) { continue; }
      var start4 = w.length - suffix4.length;
      if (start4 >= r2 && (suffix4 !== 'ion' || (start4 > 0 && (w[start4 - 1] === 's' || w[start4 - 1] === 't')))) {
        w = w.slice(0, start4);
      }
      break;
    }

    // Step 5
    if (endsWith(w, 'e')) {
      var start5 = w.length - 1;
      if (start5 >= r2 || (start5 >= r1 && !endsInShortSyllable(w, start5))) { w = w.slice(0, start5); }
    } else if (endsWith(w, 'l')) {
      var startL = w.length - 1;
      if (startL >= r2 && startL > 0 && w[startL - 1] === 'l') { w = w.slice(0, startL); }
    }

    return w.replace(/Y/g, 'y');
  }

  /** Index terms of a text, as SearchAnalyzer.Analyze: [{word, term}]. */
  function analyze(text, stopWords) {
    var stops = stopWords || new Set();
    return tokenize(fold(text))
      .filter(function (word) { return word.length >= 2 && word.length <= MAX_WORD_LENGTH && !stops.has(word); })
      .map(function (word) { return { word: word, term: stem(word) }; });
  }

  // ---------------------------------------------------------------- index encoding (VarintText, PostingList)

  var LAST = '0123456789abcdefghijklmnopqrstuv';
  var MORE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%()';
  // Each digit's value by character code (-1: not a digit), read without making a string of each character.
  var DIGIT = (function () {
    var table = new Int8Array(128).fill(-1);
    for (var i = 0; i < 32; i++) { table[LAST.charCodeAt(i)] = i; table[MORE.charCodeAt(i)] = 32 + i; }
    return table;
  })();

  /** The numbers of a column of meta.json, one per document: an Int32Array of size (0 for any missing). */
  function readColumn(text, size) {
    var values = new Int32Array(size);
    values.set(readVarints(text).slice(0, size));
    return values;
  }

  function readVarints(text) {
    var values = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      var d = code < 128 ? DIGIT[code] : -1;
      if (d < 0) { continue; }
      if (d >= 32) { value = value * 32 + (d - 32); } else { values.push(value * 32 + d); value = 0; }
    }
    return values;
  }

  /** Postings as parallel arrays: documents ascending, levels 1..32 (TermWeighting.Level). */
  function decodePostings(text) {
    var values = readVarints(text);
    var docs = new Int32Array(values.length);
    var levels = new Uint8Array(values.length);
    var previous = -1;
    for (var i = 0; i < values.length; i++) {
      previous += Math.floor(values[i] / 32) + 1;
      docs[i] = previous;
      levels[i] = (values[i] % 32) + 1;
    }
    return { docs: docs, levels: levels };
  }

  /** A pair bucket's documents (PairPostings): a Set. */
  function decodeDocuments(text) {
    var values = readVarints(text);
    var docs = new Set();
    var previous = -1;
    for (var i = 0; i < values.length; i++) { previous += values[i] + 1; docs.add(previous); }
    return docs;
  }

  // ---- pairs of neighbouring terms, as WordPairs.cs

  function termHash(term) {
    var hash = 0x811C9DC5;
    for (var i = 0; i < term.length; i++) { hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193) >>> 0; }
    return hash;
  }

  /** The stop words between two terms so far (0: none), given the next one. */
  function pairGap(gap, stopWord) {
    return ((Math.imul((gap ^ termHash(stopWord)) >>> 0, 0x01000193) >>> 0) | 1) >>> 0;
  }

  /** WordPairs.Key: first and second are hashes (a triple's first is its first pair's key). */
  function pairKey(first, gap, second) {
    var x = (Math.imul(first, 0x9E3779B1) + Math.imul(gap, 0x7FEB352D) + second) >>> 0;
    x = (x ^ (x >>> 16)) >>> 0;
    x = Math.imul(x, 0x85EBCA6B) >>> 0;
    x = (x ^ (x >>> 13)) >>> 0;
    x = Math.imul(x, 0xC2B2AE35) >>> 0;
    return (x ^ (x >>> 16)) >>> 0;
  }

  function pairBucket(first, gap, second, buckets) {
    return pairKey(termHash(first), gap, termHash(second)) & (buckets - 1);
  }

  /** Three terms in a row: words [{term, gap}] of three. */
  function tripleBucket(words, buckets) {
    var pair = pairKey(termHash(words[0].term), words[1].gap, termHash(words[1].term));
    return pairKey(pair, words[2].gap, termHash(words[2].term)) & (buckets - 1);
  }

  // ---------------------------------------------------------------- ranking

  var HEADLINE_SCORE = 10;        // a word in a headline of average length: more than the rest of an article can add up to
  var HEADLINE_K1 = 1.2;          // BM25's constants for the headline's length (TermWeighting's for the body)
  var HEADLINE_B = 0.75;
  var HEADLINE_MAX_RATIO = 3;     // longer headlines count as three times the average: a word in one still beats REST_MAX
  var BODY_K1 = 1.2;              // and for a quoted phrase, scored as one term found once in the body (TermWeighting's)
  var BODY_B = 0.75;
  var REST_MAX = 4;               // TermWeighting.RestMax: the rest of a term's weight, in 16 steps on a square-root scale
  var PAIR_SCORE = 3;             // two query words side by side in the article, in the query's order; or both in
                                  // the headline in that order (WordPairs.HeadlineOrderBucket)
  var PREFIX_FACTOR = 0.7;        // a word the last word only begins, times the share of it typed
  var TYPO_FACTOR = 0.8;          // a word one letter away from what was typed
  var RECENCY_WEIGHT = 0.05;      // a story from today scores up to 1.05 times an old one: a tie-breaker
  var RECENCY_HALF_LIFE = 90;     // days
  var MAX_EXPANSIONS = 24;
  var MAX_PAIRS = 4;
  var MIN_PREFIX = 3;             // shorter last words match only themselves: "el" would fetch half the index
  var MIN_TYPO_LENGTH = 5;        // shorter words have too many neighbours one letter away

  /** Rarity of a word; never near 0, so a headline that holds a common word still counts for it. */
  function idf(documentCount, documentFrequency) {
    return Math.log(1 + documentCount / Math.max(1, documentFrequency));
  }

  /**
   * What a headline word is worth for a headline of this length, relative to one of average length (1): BM25F's
   * length normalisation of the field, so the query words of a short headline, a larger share of it, count for more.
   */
  function headlineFactor(length, averageLength) {
    if (!(length > 0) || !(averageLength > 0)) { return 1; }
    var norm = 1 - HEADLINE_B + HEADLINE_B * Math.min(length / averageLength, HEADLINE_MAX_RATIO);
    return (HEADLINE_K1 + 1) / (1 + HEADLINE_K1 * norm);
  }

  /**
   * What a quoted phrase found in a body of this length is worth, relative to one found in a body of average length
   * (1): the phrase is a term of its own, found once (its count is not indexed), normalised as BM25 does.
   */
  function bodyFactor(length, averageLength) {
    if (!(length > 0) || !(averageLength > 0)) { return 1; }
    return (BODY_K1 + 1) / (1 + BODY_K1 * (1 - BODY_B + BODY_B * length / averageLength));
  }

  /** Per document, a factor of its length ((length, average) -> factor) from a column of meta.json; 1 without it. */
  function lengthFactors(column, size, factor) {
    if (!column) { return new Float64Array(size).fill(1); }
    var lengths = readColumn(column, size);
    var sum = 0;
    for (var d = 0; d < size; d++) { sum += lengths[d]; }
    var average = sum / Math.max(1, size);
    return perDocument(lengths, function (length) { return factor(length, average); });
  }

  /**
   * A Float64Array of f(value) for each document's value (whole numbers, mostly few distinct ones: lengths, ages in
   * days), working f out once per distinct value. Runs on every search page's load.
   */
  function perDocument(values, f) {
    var known = new Map();
    var result = new Float64Array(values.length);
    for (var d = 0; d < values.length; d++) {
      var value = values[d];
      var answer = known.get(value);
      if (answer === undefined) { answer = f(value); known.set(value, answer); }
      result[d] = answer;
    }
    return result;
  }

  /**
   * What a posting's level is worth before idf: the headline flag (times headlineFactor, 1 if not given), then
   * the rest of the fields (left out with restToo false: a word of a quoted phrase, which the phrase scores).
   */
  function levelScore(level, factor, restToo) {
    var packed = level - 1;
    var step = restToo === false ? 0 : packed % 16;
    return (packed >= 16 ? HEADLINE_SCORE * (factor === undefined ? 1 : factor) : 0) + REST_MAX * (step / 15) * (step / 15);
  }

  /**
   * What a word the last word only begins counts for: less the more letters it adds ("ban" finds "bans" before
   * "banerjee"), so a rarer completion does not outrank the word as typed.
   */
  function completionFactor(typed, term) {
    return PREFIX_FACTOR * Math.min(1, typed.length / term.length);
  }

  function recencyBoost(ageDays) {
    return 1 + RECENCY_WEIGHT * Math.pow(0.5, Math.max(0, ageDays) / RECENCY_HALF_LIFE);
  }

  /**
   * One query word's relevance per document, in arrays indexed by document (a common word reaches most of a large
   * archive, and looking each up in a Map cost more than the rest of a query): docs lists the documents that
   * hold it, in the order first scored.
   */
  function WordScores(size) {
    this.docs = [];
    this.holds = new Uint8Array(size);
    this.scores = new Float64Array(size);
  }

  /** Keeps the better of a document's scores for the word (one per term it was expanded to). */
  WordScores.prototype.add = function (doc, score) {
    if (this.holds[doc] === 0) {
      this.holds[doc] = 1;
      this.docs.push(doc);
      this.scores[doc] = score;
    } else if (score > this.scores[doc]) {
      this.scores[doc] = score;
    }
  };

  WordScores.prototype.has = function (doc) { return this.holds[doc] === 1; };

  WordScores.from = function (map, size) {
    var word = new WordScores(size);
    map.forEach(function (score, doc) { word.add(doc, score); });
    return word;
  };

  /**
   * The documents that match any query word, scored. perWord: one WordScores (or Map(doc -> relevance)) per query
   * word; days: each document's day; newest: the newest day of the index. options.pairs: [{a, b, docs (Set), score,
   * required, factors}] for neighbouring query words a and b (a document that holds both and the pair gains score,
   * times its entry in factors if given; one that lacks a required pair, a quoted phrase's, is left out);
   * options.required: indices of words every result must hold; options.boosts: each document's recencyBoost, if
   * worked out already. docs: the matching documents, in no order; scores and matched (how many query words each
   * holds) are indexed by document.
   */
  function Matches(perWord, days, newest, options) {
    options = options || {};
    var pairs = options.pairs || [];
    var required = options.required || [];
    var boosts = options.boosts;
    // Sums in typed arrays indexed by document: a common word reaches most of a large archive.
    var size = days.length;
    perWord = perWord.map(function (word) { return word instanceof WordScores ? word : WordScores.from(word, size); });
    var scores = new Float64Array(size);
    var matched = new Uint8Array(size);
    var docs = [];
    for (var w = 0; w < perWord.length; w++) {
      var wordDocs = perWord[w].docs;
      var wordScores = perWord[w].scores;
      for (var d = 0; d < wordDocs.length; d++) {
        var scored = wordDocs[d];
        if (matched[scored] === 0) { docs.push(scored); }
        scores[scored] += wordScores[scored];
        matched[scored]++;
      }
    }
    var kept = [];
    for (var i = 0; i < docs.length; i++) {
      var doc = docs[i];
      var keep = true;
      for (var r = 0; r < required.length && keep; r++) { keep = perWord[required[r]].has(doc); }
      for (var p = 0; p < pairs.length && keep; p++) {
        var pair = pairs[p];
        if (pair.docs.has(doc) && perWord[pair.a].has(doc) && perWord[pair.b].has(doc)) {
          scores[doc] += pair.score * (pair.factors ? pair.factors[doc] : 1);
        } else if (pair.required) { keep = false; }
      }
      if (keep) {
        scores[doc] *= boosts ? boosts[doc] : recencyBoost(newest - days[doc]);
        kept.push(doc);
      }
    }
    this.docs = kept;
    this.scores = scores;
    this.matched = matched;
    this.days = days;
  }

  /**
   * How two documents compare in an order (sort 'newest' for date order, else relevance): documents holding more
   * of the words always come first; then the score (or the date), then the newer. Negative when a comes first.
   */
  Matches.prototype.comparer = function (sort) {
    var matched = this.matched;
    var values = sort === 'newest' ? this.days : this.scores;
    return function (a, b) { return matched[b] - matched[a] || values[b] - values[a] || b - a; };
  };

  Matches.prototype.result = function (doc) {
    return { doc: doc, score: this.scores[doc], matched: this.matched[doc] };
  };

  /** Every match in an order: [{doc, score, matched}]. */
  Matches.prototype.ranked = function (sort) {
    return this.docs.slice().sort(this.comparer(sort)).map(this.result, this);
  };

  /**
   * The first count matches in an order, of those that filter (doc -> boolean, null for all) lets through: the
   * same as the start of ranked(sort), without sorting every match (a common word matches most of an archive, and
   * a page shows ten).
   */
  Matches.prototype.leading = function (count, sort, filter) {
    var before = this.comparer(sort);
    if (count * 8 > this.docs.length) {
      var all = this.docs.slice().sort(before);
      return (filter ? all.filter(filter) : all).slice(0, count).map(this.result, this);
    }
    var top = [];
    for (var i = 0; i < this.docs.length; i++) {
      var doc = this.docs[i];
      if (filter && !filter(doc)) { continue; }
      if (top.length === count && before(doc, top[count - 1]) > 0) { continue; }
      var lo = 0;
      var hi = top.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (before(top[mid], doc) < 0) { lo = mid + 1; } else { hi = mid; }
      }
      top.splice(lo, 0, doc);
      if (top.length > count) { top.pop(); }
    }
    return top.map(this.result, this);
  };

  /**
   * Ranks the documents that match any query word (perWord, days, newest and options as Matches; options.sort:
   * 'newest' for date order). Returns [{doc, score, matched}].
   */
  function rank(perWord, days, newest, options) {
    return new Matches(perWord, days, newest, options).ranked((options || {}).sort);
  }

  /** True when a can be made b by one insertion, deletion, substitution or swap of neighbours. */
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) { return true; }
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  // ---------------------------------------------------------------- the index in the browser

  function SearchIndex(metaUrl) {
    this.metaUrl = new URL(metaUrl, global.location ? global.location.href : undefined);
    this.files = new Map();
    this.postings = new Map();
    this.pairLists = new Map();
    this.meta = null;
  }

  SearchIndex.prototype.load = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = this.fetchJson(this.metaUrl, { cache: 'no-cache' }).then(function (meta) {
        self.meta = meta;
        self.stopWords = new Set(meta.stopWords);
        var size = meta.documents;
        self.sectionOf = readColumn(meta.docSections, size);
        // Each day is given as the difference to the one before.
        self.days = readColumn(meta.docDays, size);
        for (var d = 1; d < size; d++) { self.days[d] += self.days[d - 1]; }
        self.headlineFactors = lengthFactors(meta.docHeadlineLengths, size, headlineFactor);
        self.bodyFactors = lengthFactors(meta.docBodyLengths, size, bodyFactor);
        // Worked out once: every query would otherwise take a power per matching document.
        self.boosts = perDocument(self.days, function (day) { return recencyBoost(meta.newest - day); });
        self.chunkKeys = meta.chunks.map(function (c) { return c[0]; });
        return meta;
      });
    }
    return this.metaPromise;
  };

  SearchIndex.prototype.fetchJson = function (url, init) {
    var key = String(url);
    if (!this.files.has(key)) {
      var promise = fetch(url, init).then(function (response) {
        if (!response.ok) { throw new Error('HTTP ' + response.status + ' for ' + key); }
        return response.json();
      });
      promise.catch(function () { /* reported by the caller */ });
      this.files.set(key, promise);
      promise.catch(function () { this.files.delete(key); }.bind(this));
    }
    return this.files.get(key);
  };

  /** Index of the chunk that holds key (or would): the last chunk whose first key is not after it. */
  SearchIndex.prototype.chunkOf = function (key) {
    var keys = this.chunkKeys;
    var lo = 0;
    var hi = keys.length - 1;
    var found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (keys[mid] <= key) { found = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return found;
  };

  SearchIndex.prototype.chunk = function (i) {
    return this.fetchJson(new URL('t/' + this.meta.chunks[i][1] + '.json', this.metaUrl));
  };

  SearchIndex.prototype.fragment = function (i) {
    return this.fetchJson(new URL('d/' + i + '.json?v=' + encodeURIComponent(this.meta.fragmentVersion), this.metaUrl));
  };

  SearchIndex.prototype.postingsOf = function (term, encoded) {
    if (!this.postings.has(term)) { this.postings.set(term, decodePostings(encoded)); }
    return this.postings.get(term);
  };

  /**
   * The documents that hold the terms first and second side by side with the stop words of gap between them
   * (and, rarely, a pair of the same hash).
   */
  SearchIndex.prototype.pairDocs = function (first, gap, second) {
    return this.bucketDocs(pairBucket(first, gap, second, this.meta.pairBuckets));
  };

  /** The documents of a pair bucket: a Set. */
  SearchIndex.prototype.bucketDocs = function (bucket) {
    var self = this;
    var meta = this.meta;
    if (!meta.pairBuckets) { return Promise.resolve(new Set()); }
    if (this.pairLists.has(bucket)) { return Promise.resolve(this.pairLists.get(bucket)); }
    var file = Math.floor(bucket / meta.pairsPerFile);
    var url = new URL('p/' + file + '.json?v=' + encodeURIComponent(meta.pairVersion), this.metaUrl);
    return this.fetchJson(url).then(function (lists) {
      var encoded = lists[String(bucket % meta.pairsPerFile)];
      var docs = encoded ? decodeDocuments(encoded) : new Set();
      self.pairLists.set(bucket, docs);
      return docs;
    });
  };

  /**
   * The query's words: [{word, term, prefix, phrase, gap}], stop words left out (unless there is nothing else),
   * the last one a prefix unless the query ends in a space or it is in quotes; phrase is the index of the quoted
   * phrase a word is in ("..." or “...”, an unclosed one running to the end), or -1; gap is the hash of the stop
   * words between the word and the one before (pairGap, 0 for none).
   */
  SearchIndex.prototype.parse = function (query) {
    var stops = this.stopWords;
    var text = String(query);
    var complete = /[^\p{L}\p{Nd}\p{M}']$/u.test(text);
    var parts = [];
    var QUOTE = /["\u201C\u201D\u201E]/;
    var phrase = -1;
    var phrases = 0;
    var inQuotes = false;
    text.split(QUOTE).forEach(function (part, i) {
      if (i > 0) { inQuotes = !inQuotes; if (inQuotes) { phrase = phrases++; } }
      tokenize(fold(part)).forEach(function (word) { parts.push({ word: word, phrase: inQuotes ? phrase : -1 }); });
    });
    var usable = parts.filter(function (p) { return p.word.length >= 2 && p.word.length <= MAX_WORD_LENGTH; });
    var allStop = usable.every(function (p) { return stops.has(p.word); });
    var parsed = [];
    var gap = 0;
    usable.forEach(function (p, i) {
      var last = i === usable.length - 1;
      var prefix = last && !complete && p.phrase < 0 && p.word.length >= MIN_PREFIX;
      var stop = stops.has(p.word);
      if (stop && !(allStop && last && prefix)) {
        if (parsed.length > 0) { gap = pairGap(gap, p.word); }
        return;
      }
      parsed.push({ word: p.word, term: stop ? null : stem(p.word), prefix: prefix, phrase: p.phrase, gap: gap });
      gap = 0;
    });
    return parsed;
  };

  /** For one query word: {terms: Map(term -> {factor, encoded}), corrected: the word searched for instead, or null}. */
  SearchIndex.prototype.expand = function (word) {
    var self = this;
    if (this.chunkKeys.length === 0) { return Promise.resolve({ terms: new Map(), corrected: null }); } // no articles yet
    var wanted = [];
    if (word.term) { wanted.push(this.chunkOf(word.term)); }
    if (word.prefix) {
      var first = this.chunkOf(word.word);
      wanted.push(first);
      // A common prefix can run on into the following chunks; follow at most two.
      for (var i = first + 1; i < Math.min(first + 3, this.chunkKeys.length) && this.chunkKeys[i].indexOf(word.word) === 0; i++) {
        wanted.push(i);
      }
    }
    var unique = wanted.filter(function (c, i) { return wanted.indexOf(c) === i; });
    return Promise.all(unique.map(function (c) { return self.chunk(c); })).then(function (chunks) {
      var terms = new Map();
      var found = {};
      chunks.forEach(function (chunk) { Object.keys(chunk.t).forEach(function (t) { found[t] = chunk.t[t]; }); });
      if (word.term && found[word.term] !== undefined) { terms.set(word.term, { factor: 1, encoded: found[word.term] }); }
      if (!word.prefix) { return terms; }

      var candidates = new Map();
      chunks.forEach(function (chunk) {
        Object.keys(chunk.t).forEach(function (t) { if (t.indexOf(word.word) === 0) { candidates.set(t, true); } });
        Object.keys(chunk.w).forEach(function (w) { if (w.indexOf(word.word) === 0) { candidates.set(chunk.w[w], true); } });
      });
      candidates.delete(word.term);
      // Terms reached through a word may live in another chunk.
      var missing = [];
      candidates.forEach(function (_, t) { if (found[t] === undefined) { missing.push(self.chunkOf(t)); } });
      missing = missing.filter(function (c, i) { return missing.indexOf(c) === i && unique.indexOf(c) < 0; }).slice(0, 2);
      return Promise.all(missing.map(function (c) { return self.chunk(c); })).then(function (more) {
        more.forEach(function (chunk) { Object.keys(chunk.t).forEach(function (t) { found[t] = chunk.t[t]; }); });
        var list = [];
        candidates.forEach(function (_, t) { if (found[t] !== undefined) { list.push(t); } });
        // Keep the commonest completions: the length of a posting list is a fair proxy for its size.
        list.sort(function (a, b) { return found[b].length - found[a].length || (a < b ? -1 : 1); });
        list.slice(0, MAX_EXPANSIONS).forEach(function (t) { terms.set(t, { factor: completionFactor(word.word, t), encoded: found[t] }); });
        return terms;
      });
    }).then(function (terms) {
      if (terms.size > 0 || !word.term || word.word.length < MIN_TYPO_LENGTH) { return { terms: terms, corrected: null }; }
      return self.correct(word);
    });
  };

  /**
   * A word that finds nothing, read as the commonest indexed word or term one edit away from it (a letter
   * added, dropped, changed, or two swapped), looked for in the chunks where it, its stem and its first two
   * letters swapped would fall: {terms, corrected}, corrected null when there is none.
   */
  SearchIndex.prototype.correct = function (word) {
    var self = this;
    var w = word.word;
    var keys = [w, word.term, w[1] + w[0] + w.slice(2)];
    var wanted = keys.map(function (k) { return self.chunkOf(k); });
    wanted = wanted.filter(function (c, i) { return wanted.indexOf(c) === i; });
    return Promise.all(wanted.map(function (c) { return self.chunk(c); })).then(function (chunks) {
      var found = {};
      var candidates = [];
      chunks.forEach(function (chunk) {
        Object.keys(chunk.t).forEach(function (t) {
          found[t] = chunk.t[t];
          if (t.length >= 3 && (oneEditApart(w, t) || oneEditApart(word.term, t))) { candidates.push({ term: t, shown: t }); }
        });
        Object.keys(chunk.w).forEach(function (k) {
          if (oneEditApart(w, k)) { candidates.push({ term: chunk.w[k], shown: k }); }
        });
      });
      var missing = [];
      candidates.forEach(function (c) {
        var i = self.chunkOf(c.term);
        if (found[c.term] === undefined && missing.indexOf(i) < 0) { missing.push(i); }
      });
      return Promise.all(missing.slice(0, 2).map(function (c) { return self.chunk(c); })).then(function (more) {
        more.forEach(function (chunk) { Object.keys(chunk.t).forEach(function (t) { found[t] = chunk.t[t]; }); });
        var best = null;
        candidates.forEach(function (c) {
          if (found[c.term] === undefined) { return; }
          var better = !best || found[c.term].length > found[best.term].length ||
            (found[c.term].length === found[best.term].length && (c.shown.length > best.shown.length || (c.shown.length === best.shown.length && c.shown < best.shown)));
          if (better) { best = c; }
        });
        var terms = new Map();
        if (best) { terms.set(best.term, { factor: TYPO_FACTOR, encoded: found[best.term] }); }
        return { terms: terms, corrected: best ? best.shown : null };
      });
    });
  };

  /**
   * Runs a query: {words, terms (Set of matched index terms), corrections [{from, to}], matches (Matches: the
   * leading ones in an order, or all), and rankBy(sort) for every match ranked: [{doc, score, matched}]}.
   */
  SearchIndex.prototype.search = function (query) {
    var self = this;
    return this.load().then(function (meta) {
      var words = self.parse(query);
      if (words.length === 0) {
        var none = new Matches([], self.days, meta.newest);
        return { words: words, terms: new Set(), corrections: [], matches: none, rankBy: function () { return []; } };
      }
      var pairSpecs = [];
      for (var i = 0; i + 1 < words.length && pairSpecs.length < MAX_PAIRS; i++) {
        var a = words[i];
        var b = words[i + 1];
        if (a.term && b.term && a.term !== b.term) {
          pairSpecs.push({ a: i, b: i + 1, required: a.phrase >= 0 && a.phrase === b.phrase });
        }
      }
      // Three words in a row of a quoted phrase must be in a row in the article too, not just pair by pair.
      for (var t = 0; t + 2 < words.length && pairSpecs.length < MAX_PAIRS * 2; t++) {
        var run = words.slice(t, t + 3);
        if (run.every(function (w) { return w.term && w.phrase >= 0 && w.phrase === run[0].phrase; })) {
          pairSpecs.push({ a: t, b: t + 2, required: true, triple: run });
        }
      }
      // Two neighbouring query words that stand in a headline in the order typed, however far apart (a quoted
      // phrase's are scored as the phrase).
      for (var h = 0; h + 1 < words.length && h < MAX_PAIRS; h++) {
        if (words[h].term && words[h + 1].term && words[h].term !== words[h + 1].term && words[h].phrase < 0 && words[h + 1].phrase < 0) {
          pairSpecs.push({ a: h, b: h + 1, required: false, headline: true });
        }
      }
      var expansions = words.map(function (w) { return self.expand(w); });
      var expanding = Promise.all(expansions);
      var pairing = Promise.all(pairSpecs.map(function (p) {
        if (p.triple) { return self.bucketDocs(tripleBucket(p.triple, meta.pairBuckets)); }
        var fetchPair = function (second) {
          return p.headline
            ? self.bucketDocs(pairBucket(words[p.a].term, 0, second, meta.pairBuckets) ^ 1)
            : self.pairDocs(words[p.a].term, words[p.b].gap, second);
        };
        // A word still being typed is paired as the word of the index it most likely becomes: itself if it is
        // one, else its commonest completion (expand lists it first). Pairing the fragment typed would fetch a
        // pair file per keystroke; pairing nothing would leave the stories the whole query puts first to be
        // fetched only after the last keystroke.
        return words[p.b].prefix
          ? expansions[p.b].then(function (e) {
            var likely = e.corrected ? undefined : e.terms.keys().next().value;
            return likely === undefined ? new Set() : fetchPair(likely);
          })
          : fetchPair(words[p.b].term);
      }));
      return Promise.all([expanding, pairing]).then(function (done) {
        var expansions = done[0];
        var matched = new Set();
        var corrections = [];
        var weights = [];
        // A word of a quoted phrase counts for its headline only: elsewhere the phrase is what counts, not the word.
        var phraseWord = words.map(function (_, w) {
          return pairSpecs.some(function (spec) { return spec.required && (spec.a === w || spec.b === w); });
        });
        var perWord = expansions.map(function (expansion, w) {
          var scores = new WordScores(self.days.length);
          var strongest = 0;
          if (expansion.corrected) { corrections.push({ from: words[w].word, to: expansion.corrected }); }
          expansion.terms.forEach(function (info, term) {
            matched.add(term);
            var p = self.postingsOf(term, info.encoded);
            var weight = idf(meta.documents, p.docs.length) * info.factor;
            strongest = Math.max(strongest, weight);
            for (var i = 0; i < p.docs.length; i++) {
              scores.add(p.docs[i], weight * levelScore(p.levels[i], self.headlineFactors[p.docs[i]], !phraseWord[w]));
            }
          });
          weights.push(strongest);
          return scores;
        });
        var pairs = pairSpecs.map(function (spec, k) {
          return {
            a: spec.a, b: spec.b, docs: done[1][k], required: spec.required, factors: spec.required ? self.bodyFactors : null,
            score: spec.triple ? 0 : PAIR_SCORE * (weights[spec.a] + weights[spec.b]) / 2
          };
        });
        var required = [];
        words.forEach(function (w, i) { if (w.phrase >= 0) { required.push(i); } });
        var matches = new Matches(perWord, self.days, meta.newest, { pairs: pairs, required: required, boosts: self.boosts });
        var rankBy = function (order) { return matches.ranked(order); };
        return { words: words, terms: matched, corrections: corrections, matches: matches, rankBy: rankBy };
      });
    });
  };

  /** What a result shows of a document: {url, headline, date, iso, text}, from its result fragment file. */
  SearchIndex.prototype.document = function (doc) {
    var size = this.meta.fragmentSize;
    return this.fragment(Math.floor(doc / size)).then(function (fragment) { return fragment[doc % size]; });
  };

  // ---------------------------------------------------------------- the page

  var PAGE_SIZE = 10;
  var SNIPPET_WORDS = 32;

  /**
   * A function telling whether a word as written matches the query; it remembers each word's answer, since ten
   * snippets ask about the same words again and again.
   */
  function matcher(found, words, stopWords) {
    var prefixes = words.filter(function (w) { return w.prefix; }).map(function (w) { return w.word; });
    var known = new Map();
    return function (raw) {
      var answer = known.get(raw);
      if (answer === undefined) {
        answer = tokenize(fold(raw)).some(function (token) {
          if (prefixes.some(function (p) { return token.indexOf(p) === 0; })) { return true; }
          return token.length >= 2 && !stopWords.has(token) && found.terms.has(stem(token));
        });
        known.set(raw, answer);
      }
      return answer;
    };
  }

  /** The query with each corrected word (as folded) replaced by what was searched for. */
  function corrected(query, corrections) {
    return query.replace(RAW_WORD, function (raw) {
      var folded = fold(raw);
      var fix = corrections.filter(function (c) { return c.from === folded; })[0];
      return fix ? fix.to : raw;
    });
  }

  /** Appends text to an element, each matching word in a mark element. */
  function appendHighlighted(element, text, isMatch) {
    var last = 0;
    RAW_WORD.lastIndex = 0;
    var m;
    while ((m = RAW_WORD.exec(text)) !== null) {
      if (isMatch(m[0])) {
        element.append(text.slice(last, m.index));
        var mark = document.createElement('mark');
        mark.textContent = m[0];
        element.append(mark);
        last = m.index + m[0].length;
      }
    }
    element.append(text.slice(last));
  }

  /** The stretch of text with the most matching words, about SNIPPET_WORDS long, with ellipses where cut. */
  function snippet(text, isMatch) {
    var words = [];
    RAW_WORD.lastIndex = 0;
    var m;
    while ((m = RAW_WORD.exec(text)) !== null) { words.push({ start: m.index, end: m.index + m[0].length, hit: isMatch(m[0]) }); }
    if (words.length <= SNIPPET_WORDS) { return text; }
    var best = 0;
    var bestHits = -1;
    var hits = 0;
    for (var i = 0; i < words.length; i++) {
      if (words[i].hit) { hits++; }
      if (i >= SNIPPET_WORDS && words[i - SNIPPET_WORDS].hit) { hits--; }
      var start = Math.max(0, i - SNIPPET_WORDS + 1);
      if (i >= SNIPPET_WORDS - 1 && hits > bestHits) { bestHits = hits; best = start; }
    }
    // Start a little before the first hit in the window, so it reads in context.
    var end = Math.min(words.length, best + SNIPPET_WORDS);
    var from = best === 0 ? 0 : words[best].start;
    var to = end === words.length ? text.length : words[end - 1].end;
    return (from > 0 ? '\u2026 ' : '') + text.slice(from, to) + (to < text.length ? ' \u2026' : '');
  }

  function SearchPage(root) {
    this.root = root;
    this.index = new SearchIndex(root.getAttribute('data-search-index'));
    this.form = root.querySelector('form');
    this.input = root.querySelector('#search-q');
    this.section = root.querySelector('#search-section');
    this.sort = root.querySelector('#search-sort');
    this.status = root.querySelector('#search-status');
    this.list = root.querySelector('#search-results');
    this.pager = root.querySelector('#search-pager');
    this.pageLabel = root.querySelector('.search-page-number');
    this.sectionLabels = {};
    if (this.section) {
      for (var i = 0; i < this.section.options.length; i++) {
        this.sectionLabels[this.section.options[i].value] = this.section.options[i].textContent;
      }
    }
    this.sequence = 0;
    this.showing = 0;
    this.found = null;
    this.page = 1;
  }

  SearchPage.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(global.location.search);
    this.input.value = params.get('q') || '';
    if (this.section) { this.section.value = params.get('section') || ''; if (this.section.selectedIndex < 0) { this.section.value = ''; } }
    if (this.sort) { this.sort.value = params.get('sort') === 'newest' ? 'newest' : ''; }
    this.page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);

    this.input.addEventListener('input', function () { self.page = 1; self.run(); });
    this.input.addEventListener('focus', function () { self.index.load().catch(function () {}); });
    if (this.section) { this.section.addEventListener('change', function () { self.page = 1; self.show(); }); }
    if (this.sort) { this.sort.addEventListener('change', function () { self.page = 1; self.show(); }); }
    this.form.addEventListener('submit', function (event) {
      event.preventDefault();
      self.page = 1;
      self.run().then(function () { self.list.focus(); });
    });
    this.pager.addEventListener('click', function (event) {
      var button = event.target.closest('[data-search-page]');
      if (!button) { return; }
      self.page += button.getAttribute('data-search-page') === 'next' ? 1 : -1;
      self.show().then(function () { self.list.focus(); });
    });
    if (this.input.value.trim() !== '') { this.run(); }
  };

  SearchPage.prototype.run = function () {
    var self = this;
    var sequence = ++this.sequence;
    var query = this.input.value;
    if (query.trim() === '') {
      this.found = null;
      return this.show();
    }
    return this.index.search(query).then(function (found) {
      if (sequence !== self.sequence) { return undefined; }
      found.query = query;
      self.found = found;
      return self.show(sequence);
    }, function () {
      if (sequence === self.sequence) { self.status.textContent = 'Search is not available right now. Please try again later.'; }
    });
  };

  SearchPage.prototype.updateAddress = function () {
    var params = new URLSearchParams();
    if (this.input.value.trim() !== '') { params.set('q', this.input.value); }
    if (this.section && this.section.value) { params.set('section', this.section.value); }
    if (this.sort && this.sort.value === 'newest') { params.set('sort', 'newest'); }
    if (this.page > 1) { params.set('page', String(this.page)); }
    var search = params.toString();
    global.history.replaceState(null, '', global.location.pathname + (search ? '?' + search : ''));
  };

  SearchPage.prototype.show = function (sequence) {
    var self = this;
    sequence = sequence || this.sequence;
    var found = this.found;
    var sectionSlug = this.section ? this.section.value : '';
    this.updateAddress();
    if (!found) {
      this.showing++;
      this.list.replaceChildren();
      this.status.textContent = '';
      this.pager.hidden = true;
      this.updateSectionCounts(null);
      this.announce(0);
      return Promise.resolve();
    }

    var meta = this.index.meta;
    var sectionOf = this.index.sectionOf;
    var sectionIndex = sectionSlug ? meta.sections.findIndex(function (s) { return s[0] === sectionSlug; }) + 1 : 0;
    var counts = this.updateSectionCounts(found.matches.docs);
    var total = sectionIndex > 0 ? counts[sectionIndex] : found.matches.docs.length;
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    this.page = Math.min(this.page, pages);
    var sort = this.sort && this.sort.value === 'newest' ? 'newest' : undefined;
    var inSection = sectionIndex > 0 ? function (doc) { return sectionOf[doc] === sectionIndex; } : null;
    var shown = found.matches.leading(this.page * PAGE_SIZE, sort, inSection).slice((this.page - 1) * PAGE_SIZE);

    // Results go on screen in rank order as their files arrive: the leading ones do not wait for the rest (the
    // browser fetches six files at a time). The status, the live region, changes once, when all are shown.
    var isMatch = matcher(found, found.words, self.index.stopWords);
    var items = new Array(shown.length);
    var onScreen = 0;
    // Another query, page, section or order shown since: this one leaves the page alone.
    var showing = ++this.showing;
    var current = function () { return sequence === self.sequence && showing === self.showing; };
    var arriving = shown.map(function (r, i) {
      return self.index.document(r.doc).then(function (doc) {
        if (!current()) { return; }
        items[i] = self.item(doc, meta.sections[sectionOf[r.doc] - 1], isMatch);
        var ready = onScreen;
        while (ready < items.length && items[ready]) { ready++; }
        if (ready === onScreen) { return; }
        if (onScreen === 0) {
          self.list.replaceChildren.apply(self.list, items.slice(0, ready));
        } else {
          self.list.append.apply(self.list, items.slice(onScreen, ready));
        }
        onScreen = ready;
      });
    });
    return Promise.allSettled(arriving).then(function (settled) {
      if (!current()) { return; }
      // A results file that failed to load leaves the others on screen, in rank order, and the status says so.
      var failed = settled.some(function (s) { return s.status === 'rejected'; });
      if (items.length === 0 || failed) { self.list.replaceChildren.apply(self.list, items.filter(Boolean)); }
      var where = sectionIndex > 0 ? ' in ' + meta.sections[sectionIndex - 1][1] : '';
      var quoted = '\u201C' + found.query.trim() + '\u201D';
      var count = total + (total === 1 ? ' result' : ' results');
      var paging = pages > 1 ? ', page ' + self.page + ' of ' + pages : '';
      if (found.corrections.length > 0) {
        // The words typed found nothing; say what was searched for instead.
        self.status.textContent = 'Showing results for \u201C' + corrected(found.query.trim(), found.corrections) + '\u201D' + where +
          ': ' + count + paging + ' (no results for ' + quoted + ').';
      } else {
        self.status.textContent = total === 0
          ? 'No results for ' + quoted + where + '.'
          : count + ' for ' + quoted + where + paging + '.';
      }
      if (failed) { self.status.textContent += ' Some of them could not be loaded; try again later.'; }
      self.pager.hidden = pages <= 1;
      self.pageLabel.textContent = 'Page ' + self.page + ' of ' + pages;
      self.pager.querySelector('[data-search-page="prev"]').disabled = self.page <= 1;
      self.pager.querySelector('[data-search-page="next"]').disabled = self.page >= pages;
      self.announce(total);
    });
  };

  SearchPage.prototype.item = function (doc, section, isMatch) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var title = document.createElement('h2');
    title.className = 'search-result-title';
    var link = document.createElement('a');
    link.href = doc.url;
    appendHighlighted(link, doc.headline, isMatch);
    title.append(link);
    var info = document.createElement('p');
    info.className = 'search-result-meta';
    if (section) {
      var name = document.createElement('span');
      name.className = 'search-result-section';
      name.textContent = section[1];
      info.append(name, ' \u00B7 ');
    }
    var time = document.createElement('time');
    time.dateTime = doc.iso;
    time.textContent = doc.date;
    info.append(time);
    var text = document.createElement('p');
    text.className = 'search-result-snippet';
    appendHighlighted(text, snippet(doc.text, isMatch), isMatch);
    li.append(title, info, text);
    return li;
  };

  /**
   * Shows how many results each section has, in the section menu (docs: the documents found, null for none);
   * returns the counts, by section number.
   */
  SearchPage.prototype.updateSectionCounts = function (docs) {
    var sections = this.index.meta ? this.index.meta.sections : [];
    var sectionOf = this.index.sectionOf;
    var counts = new Uint32Array(sections.length + 1);
    for (var d = 0; docs && d < docs.length; d++) { counts[sectionOf[docs[d]]]++; }
    if (!this.section) { return counts; }
    for (var i = 0; i < this.section.options.length; i++) {
      var option = this.section.options[i];
      var base = this.sectionLabels[option.value];
      if (!docs) { option.textContent = base; continue; }
      var index = option.value ? sections.findIndex(function (s) { return s[0] === option.value; }) + 1 : 0;
      var count = index > 0 ? counts[index] : docs.length;
      option.textContent = base + ' (' + count + ')';
    }
    return counts;
  };

  /** Tells tests and benchmarks that results are on screen. */
  SearchPage.prototype.announce = function (count) {
    this.list.setAttribute('data-search-rendered', String(this.sequence));
    document.dispatchEvent(new CustomEvent('search:rendered', { detail: { query: this.input.value, count: count } }));
  };

  var api = {
    fold: fold,
    tokenize: tokenize,
    stem: stem,
    analyze: analyze,
    readVarints: readVarints,
    decodePostings: decodePostings,
    idf: idf,
    levelScore: levelScore,
    headlineFactor: headlineFactor,
    bodyFactor: bodyFactor,
    completionFactor: completionFactor,
    recencyBoost: recencyBoost,
    rank: rank,
    Matches: Matches,
    pairGap: pairGap,
    pairBucket: pairBucket,
    tripleBucket: tripleBucket,
    oneEditApart: oneEditApart,
    snippet: snippet,
    SearchIndex: SearchIndex
  };
  global.NewsSiteSearch = api;
  if (typeof module === 'object' && module.exports) { module.exports = api; }

  if (global.document) {
    var begin = function () {
      var root = document.querySelector('.search-page[data-search-index]');
      if (root) { new SearchPage(root).start(); }
    };
    if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', begin); } else { begin(); }
  }
})(typeof window !== 'undefined' ? window : globalThis);
