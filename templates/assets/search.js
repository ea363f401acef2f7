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
  var DIGIT = (function () {
    var table = {};
    for (var i = 0; i < 32; i++) { table[LAST[i]] = i; table[MORE[i]] = 32 + i; }
    return table;
  })();

  function readVarints(text) {
    var values = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text[i]];
      if (d >= 32) { value = value * 32 + (d - 32); } else { values.push(value * 32 + d); value = 0; }
    }
    return values;
  }

  /** Postings as parallel arrays: documents ascending, levels 1..15. */
  function decodePostings(text) {
    var values = readVarints(text);
    var docs = new Int32Array(values.length);
    var levels = new Uint8Array(values.length);
    var previous = -1;
    for (var i = 0; i < values.length; i++) {
      previous += Math.floor(values[i] / 16) + 1;
      docs[i] = previous;
      levels[i] = (values[i] % 16) + 1;
    }
    return { docs: docs, levels: levels };
  }

  // ---------------------------------------------------------------- ranking

  var PREFIX_FACTOR = 0.7;        // a word the last word only begins
  var RECENCY_WEIGHT = 0.5;       // a story from today scores up to 1.5 times an old one
  var RECENCY_HALF_LIFE = 30;     // days
  var MAX_EXPANSIONS = 24;
  var MIN_PREFIX = 3;             // shorter last words match only themselves: "el" would fetch half the index

  function idf(documentCount, documentFrequency) {
    return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5));
  }

  function recencyBoost(ageDays) {
    return 1 + RECENCY_WEIGHT * Math.pow(0.5, Math.max(0, ageDays) / RECENCY_HALF_LIFE);
  }

  /**
   * Ranks documents that match every query word. perWord: one Map(doc -> relevance) per query word; days: each
   * document's day; newest: the newest day of the index. Returns [{doc, score}], best first, ties newest first.
   */
  function rank(perWord, days, newest) {
    if (perWord.length === 0) { return []; }
    var ordered = perWord.slice().sort(function (a, b) { return a.size - b.size; });
    var results = [];
    ordered[0].forEach(function (score, doc) {
      var total = score;
      for (var i = 1; i < ordered.length; i++) {
        var other = ordered[i].get(doc);
        if (other === undefined) { return; }
        total += other;
      }
      results.push({ doc: doc, score: total * recencyBoost(newest - days[doc]) });
    });
    results.sort(function (a, b) { return b.score - a.score || b.doc - a.doc; });
    return results;
  }

  // ---------------------------------------------------------------- the index in the browser

  function SearchIndex(metaUrl) {
    this.metaUrl = new URL(metaUrl, global.location ? global.location.href : undefined);
    this.files = new Map();
    this.postings = new Map();
    this.meta = null;
  }

  SearchIndex.prototype.load = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = this.fetchJson(this.metaUrl, { cache: 'no-cache' }).then(function (meta) {
        self.meta = meta;
        self.stopWords = new Set(meta.stopWords);
        self.sectionOf = readVarints(meta.docSections);
        var day = 0;
        self.days = readVarints(meta.docDays).map(function (delta) { day += delta; return day; });
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

  /** The query's words: [{word, term, prefix}]; the last one is a prefix unless the query ends in a space. */
  SearchIndex.prototype.parse = function (query) {
    var words = tokenize(fold(query));
    var complete = /[^\p{L}\p{Nd}\p{M}']$/u.test(query);
    var stops = this.stopWords;
    var parsed = [];
    words.forEach(function (word, i) {
      var prefix = i === words.length - 1 && !complete && word.length >= MIN_PREFIX;
      if (word.length < 2 || word.length > MAX_WORD_LENGTH) { return; }
      var stop = stops.has(word);
      if (stop && !prefix) { return; }
      parsed.push({ word: word, term: stop ? null : stem(word), prefix: prefix });
    });
    return parsed;
  };

  /** For one query word: Map(term -> factor) of the index terms it stands for. */
  SearchIndex.prototype.expand = function (word) {
    var self = this;
    if (this.chunkKeys.length === 0) { return Promise.resolve(new Map()); } // a site with no articles yet
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
        list.slice(0, MAX_EXPANSIONS).forEach(function (t) { terms.set(t, { factor: PREFIX_FACTOR, encoded: found[t] }); });
        return terms;
      });
    });
  };

  /** Runs a query: {words, terms (Set of matched index terms), results [{doc, score}]}. */
  SearchIndex.prototype.search = function (query) {
    var self = this;
    return this.load().then(function (meta) {
      var words = self.parse(query);
      if (words.length === 0) { return { words: words, terms: new Set(), results: [] }; }
      return Promise.all(words.map(function (w) { return self.expand(w); })).then(function (expansions) {
        var matched = new Set();
        var perWord = expansions.map(function (terms) {
          var scores = new Map();
          terms.forEach(function (info, term) {
            matched.add(term);
            var p = self.postingsOf(term, info.encoded);
            var weight = idf(meta.documents, p.docs.length) * info.factor / meta.levels;
            for (var i = 0; i < p.docs.length; i++) {
              var value = weight * p.levels[i];
              var best = scores.get(p.docs[i]);
              if (best === undefined || value > best) { scores.set(p.docs[i], value); }
            }
          });
          return scores;
        });
        return { words: words, terms: matched, results: rank(perWord, self.days, meta.newest) };
      });
    });
  };

  /** The result fragments of some documents: Map(doc -> {url, headline, date, iso, text}). */
  SearchIndex.prototype.documents = function (docs) {
    var self = this;
    var size = this.meta.fragmentSize;
    var needed = [];
    docs.forEach(function (d) { var f = Math.floor(d / size); if (needed.indexOf(f) < 0) { needed.push(f); } });
    return Promise.all(needed.map(function (f) { return self.fragment(f); })).then(function (fragments) {
      var map = new Map();
      docs.forEach(function (d) { map.set(d, fragments[needed.indexOf(Math.floor(d / size))][d % size]); });
      return map;
    });
  };

  // ---------------------------------------------------------------- the page

  var PAGE_SIZE = 10;
  var SNIPPET_WORDS = 32;

  /** A function telling whether a word as written matches the query. */
  function matcher(found, words, stopWords) {
    var prefixes = words.filter(function (w) { return w.prefix; }).map(function (w) { return w.word; });
    return function (raw) {
      return tokenize(fold(raw)).some(function (token) {
        if (prefixes.some(function (p) { return token.indexOf(p) === 0; })) { return true; }
        return token.length >= 2 && !stopWords.has(token) && found.terms.has(stem(token));
      });
    };
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
    this.found = null;
    this.page = 1;
  }

  SearchPage.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(global.location.search);
    this.input.value = params.get('q') || '';
    if (this.section) { this.section.value = params.get('section') || ''; if (this.section.selectedIndex < 0) { this.section.value = ''; } }
    this.page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);

    this.input.addEventListener('input', function () { self.page = 1; self.run(); });
    this.input.addEventListener('focus', function () { self.index.load().catch(function () {}); });
    if (this.section) { this.section.addEventListener('change', function () { self.page = 1; self.show(); }); }
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
      this.list.replaceChildren();
      this.status.textContent = '';
      this.pager.hidden = true;
      this.updateSectionCounts(null);
      this.announce(0);
      return Promise.resolve();
    }

    var meta = this.index.meta;
    var sectionIndex = sectionSlug ? meta.sections.findIndex(function (s) { return s[0] === sectionSlug; }) + 1 : 0;
    this.updateSectionCounts(found.results);
    var results = sectionIndex > 0
      ? found.results.filter(function (r) { return self.index.sectionOf[r.doc] === sectionIndex; })
      : found.results;
    var pages = Math.max(1, Math.ceil(results.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages);
    var shown = results.slice((this.page - 1) * PAGE_SIZE, this.page * PAGE_SIZE);

    return this.index.documents(shown.map(function (r) { return r.doc; })).then(function (documents) {
      if (sequence !== self.sequence) { return; }
      var isMatch = matcher(found, found.words, self.index.stopWords);
      var items = shown.map(function (r) { return self.item(documents.get(r.doc), meta.sections[self.index.sectionOf[r.doc] - 1], isMatch); });
      self.list.replaceChildren.apply(self.list, items);
      var where = sectionIndex > 0 ? ' in ' + meta.sections[sectionIndex - 1][1] : '';
      var quoted = '\u201C' + found.query.trim() + '\u201D';
      self.status.textContent = results.length === 0
        ? 'No results for ' + quoted + where + '.'
        : results.length + (results.length === 1 ? ' result for ' : ' results for ') + quoted + where +
          (pages > 1 ? ', page ' + self.page + ' of ' + pages : '') + '.';
      self.pager.hidden = pages <= 1;
      self.pageLabel.textContent = 'Page ' + self.page + ' of ' + pages;
      self.pager.querySelector('[data-search-page="prev"]').disabled = self.page <= 1;
      self.pager.querySelector('[data-search-page="next"]').disabled = self.page >= pages;
      self.announce(results.length);
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

  /** Shows how many results each section has, in the section menu. */
  SearchPage.prototype.updateSectionCounts = function (results) {
    if (!this.section) { return; }
    var counts = {};
    var sections = this.index.meta ? this.index.meta.sections : [];
    var sectionOf = this.index.sectionOf;
    (results || []).forEach(function (r) { counts[sectionOf[r.doc]] = (counts[sectionOf[r.doc]] || 0) + 1; });
    for (var i = 0; i < this.section.options.length; i++) {
      var option = this.section.options[i];
      var base = this.sectionLabels[option.value];
      if (!results) { option.textContent = base; continue; }
      var index = option.value ? sections.findIndex(function (s) { return s[0] === option.value; }) + 1 : 0;
      var count = index > 0 ? (counts[index] || 0) : results.length;
      option.textContent = base + ' (' + count + ')';
    }
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
    recencyBoost: recencyBoost,
    rank: rank,
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
