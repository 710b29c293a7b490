/* Search for the handbook. No server and no requests beyond the site's own files: the index is
   the generated search-index.js, loaded with a <script> tag so that it also works from file://.

   window.HANDBOOK_SEARCH = [{t: title, u: root-relative url, k: kind, s: summary,
                              a: short text fields joined by " · " (a role's short name),
                              h: headings joined by " · ", w: lower-case unique body words}]

   Matching is by word prefix and ignores case. Danish letters are kept (æ ø å), and the old
   spellings aa, ae and oe match å, æ and ø ("Aabenraa" finds "Åbenrå" and the other way round).
   A title and the short text fields count most, then headings, the kind of page and the
   summary, then the body words.
   Without JavaScript the form stays hidden and a <noscript> note says what to do instead.
   The form shows the first MAX_RESULTS hits and a link to the results page (soeg.html?q=...,
   from templates/search.mustache), which shows them all. In both, the words that match the
   query are marked with <mark>, made with DOM methods: no text of a page is read as HTML.

   No words of the interface are written here: the template puts them on the form as data-*
   attributes (from generator/ui_strings.cpp), with {n} for a number and {q} for the query. */
(function () {
  "use strict";

  var MAX_RESULTS = 12;
  // How much a query word counts in each field of a page.
  var WEIGHTS = { t: 12, a: 12, h: 6, k: 5, s: 3, w: 1.5 };
  // ... when it is the whole word, the same word inflected, the start of a word, or the start of
  // a word once the endings are off ("bestyrelsen" meets "bestyrelse" and "bestyrelsesformand").
  var EXACT = 1;
  var INFLECTED = 0.9;
  var PREFIX = 0.65;
  var STEM_PREFIX = 0.5;
  // Danish endings, longest first: the definite and plural forms and the genitive.
  var ENDINGS = ["ernes", "erne", "enes", "ene", "ens", "ers", "ets", "er", "en", "et", "es", "e", "s", "n"];

  // The form's data-* attribute for each interface text (see the comment at the top).
  var TEXT_ATTRIBUTES = {
    loading: "data-loading",
    failed: "data-failed",
    tooShort: "data-too-short",
    one: "data-count-one",
    many: "data-count-many",
    none: "data-count-none",
    showing: "data-showing-first",
    home: "data-kind-home",
    section: "data-kind-section",
    showAll: "data-show-all"
  };
  var TEXT = {};
  var PAGE_TEXT = {}; // the results page's texts, from its own data-* attributes

  var root = "";
  var form, input, panel, status, results;
  var docs = null;
  var loading = false;
  var pending = null;
  var timer = 0;
  var quiet = false; // the next focus on the field comes from Escape: keep the panel closed
  var more = null; // the link to all the results, below the first ones
  var ready = []; // what to do once the index is loaded (each gets true, or false if it failed)

  // Lower case, accents off, and aa/ae/oe written as å/æ/ø, so both spellings meet.
  function fold(text) {
    var s = String(text || "").toLowerCase();
    if (s.normalize) s = s.normalize("NFC");
    return s
      .replace(/[áàâãā]/g, "a")
      .replace(/[éèêëē]/g, "e")
      .replace(/[íìîïī]/g, "i")
      .replace(/[óòôõō]/g, "o")
      .replace(/[úùûū]/g, "u")
      .replace(/ä/g, "æ")
      .replace(/ö/g, "ø")
      .replace(/ü/g, "y")
      .replace(/aa/g, "å")
      .replace(/ae/g, "æ")
      .replace(/oe/g, "ø");
  }

  var SPLIT = /[^0-9a-zæøåßçñ]+/;
  try {
    SPLIT = new RegExp("[^\\p{L}\\p{N}]+", "u");
  } catch (e) {
    /* older browsers: the Latin letters above are enough for Danish */
  }

  function words(text) {
    var out = fold(text).split(SPLIT);
    var seen = {};
    var list = [];
    for (var i = 0; i < out.length; i++) {
      var w = out[i];
      if (w && !seen[w]) {
        seen[w] = true;
        list.push(w);
      }
    }
    return list;
  }

  function stem(word) {
    for (var i = 0; i < ENDINGS.length; i++) {
      var e = ENDINGS[i];
      if (word.length - e.length >= 3 && word.slice(-e.length) === e) return word.slice(0, -e.length);
    }
    return word;
  }

  function field(text) {
    var list = words(text);
    var stems = [];
    for (var i = 0; i < list.length; i++) stems.push(stem(list[i]));
    return { words: list, stems: stems };
  }

  function prepare(raw) {
    var list = [];
    for (var i = 0; i < raw.length; i++) {
      var d = raw[i];
      list.push({
        doc: d,
        title: fold(d.t),
        fields: { t: field(d.t), a: field(d.a), h: field(d.h), k: field(d.k), s: field(d.s), w: field(d.w) }
      });
    }
    return list;
  }

  function startsWith(word, start) {
    return word.lastIndexOf(start, 0) === 0;
  }

  // How well one query word matches one word of a page: 0 when it does not.
  function wordMatch(word, wordStem, term, termStem) {
    if (word === term) return EXACT;
    if (wordStem === termStem || word === termStem || wordStem === term) return INFLECTED;
    if (startsWith(word, term)) return PREFIX;
    if (termStem.length >= 3 && startsWith(word, termStem)) return STEM_PREFIX;
    return 0;
  }

  // The best match of one query word in one field of a page.
  function fieldScore(f, term, termStem) {
    var best = 0;
    for (var i = 0; i < f.words.length && best < EXACT; i++) {
      var m = wordMatch(f.words[i], f.stems[i], term, termStem);
      if (m > best) best = m;
    }
    return best;
  }

  // How much of a title the query covers, weighed by how well each word matches: a short title
  // that is all query wins over a long one that merely contains it.
  function coverage(f, terms, stems) {
    var counted = 0;
    var matched = 0;
    for (var i = 0; i < f.words.length; i++) {
      if (f.words[i].length < 3) continue;
      counted++;
      var best = 0;
      for (var j = 0; j < terms.length; j++)
        best = Math.max(best, wordMatch(f.words[i], f.stems[i], terms[j], stems[j]));
      matched += best;
    }
    return counted ? matched / counted : 0;
  }

  function search(query) {
    var terms = words(query);
    var stems = [];
    for (var t = 0; t < terms.length; t++) stems.push(stem(terms[t]));
    var phrase = fold(query).trim();
    var hits = [];
    if (!terms.length || !docs) return hits;
    for (var i = 0; i < docs.length; i++) {
      var entry = docs[i];
      var total = 0;
      var all = true;
      for (var j = 0; j < terms.length && all; j++) {
        var termScore = 0;
        for (var name in WEIGHTS) {
          if (Object.prototype.hasOwnProperty.call(WEIGHTS, name))
            termScore += WEIGHTS[name] * fieldScore(entry.fields[name], terms[j], stems[j]);
        }
        if (termScore === 0) all = false;
        total += termScore;
      }
      if (!all) continue;
      total += 10 * coverage(entry.fields.t, terms, stems);
      if (phrase && startsWith(entry.title, phrase) && !/[0-9a-zæøå]/.test(entry.title.charAt(phrase.length)))
        total += 8;
      hits.push({ entry: entry, score: total, order: i });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || a.order - b.order;
    });
    return hits;
  }

  function el(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function kindLabel(d) {
    if (d.k) return d.k;
    return d.u === "index.html" ? TEXT.home : TEXT.section;
  }

  // An interface text with its {n} and {q} filled in.
  function fill(text, n, q) {
    return String(text || "").replace(/\{(n|q)\}/g, function (all, name) {
      return name === "n" ? String(n) : q;
    });
  }

  function readTexts(from, into) {
    for (var key in TEXT_ATTRIBUTES) {
      if (Object.prototype.hasOwnProperty.call(TEXT_ATTRIBUTES, key))
        into[key] = from.getAttribute(TEXT_ATTRIBUTES[key]) || "";
    }
  }

  var WORD = /[0-9a-zæøåßçñ]+/gi;
  try {
    WORD = new RegExp("[\\p{L}\\p{N}]+", "gu");
  } catch (e) {
    /* older browsers: as SPLIT above */
  }

  // Puts `text` into `parent` as text, each word that matches a query word inside a <mark>.
  function appendMarked(parent, text, terms, stems) {
    text = String(text || "");
    var last = 0;
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text))) {
      var w = fold(m[0]);
      var ws = stem(w);
      var hit = false;
      for (var j = 0; j < terms.length && !hit; j++) hit = wordMatch(w, ws, terms[j], stems[j]) > 0;
      if (!hit) continue;
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(el("mark", null, m[0]));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  function matches(text, terms, stems) {
    var list = words(text);
    for (var i = 0; i < list.length; i++) {
      var ws = stem(list[i]);
      for (var j = 0; j < terms.length; j++) if (wordMatch(list[i], ws, terms[j], stems[j]) > 0) return true;
    }
    return false;
  }

  // The page's headings that match the query (at most three), joined by " · ".
  function matchingHeadings(d, terms, stems) {
    var found = [];
    var all = String(d.h || "").split(" · ");
    for (var i = 0; i < all.length && found.length < 3; i++) if (all[i] && matches(all[i], terms, stems)) found.push(all[i]);
    return found.join(" · ");
  }

  // One hit as a list item: its kind, its title and its summary, the matching words marked; on
  // the results page (`headings`) also the headings of the page that match.
  function resultItem(d, terms, stems, texts, headings) {
    var li = el("li");
    var a = el("a");
    a.href = root + d.u;
    a.appendChild(el("span", "result-kind", d.k || (d.u === "index.html" ? texts.home : texts.section)));
    a.appendChild(appendMarked(el("span", "result-title"), d.t, terms, stems));
    if (d.s) a.appendChild(appendMarked(el("span", "result-summary"), d.s, terms, stems));
    var h = headings ? matchingHeadings(d, terms, stems) : "";
    if (h) a.appendChild(appendMarked(el("span", "result-summary result-headings"), h, terms, stems));
    li.appendChild(a);
    return li;
  }

  function queryWords(q) {
    var terms = words(q);
    var stems = [];
    for (var i = 0; i < terms.length; i++) stems.push(stem(terms[i]));
    return { terms: terms, stems: stems };
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function openPanel() {
    panel.hidden = false;
  }

  function closePanel() {
    panel.hidden = true;
  }

  function render(query) {
    var q = query.trim();
    results.textContent = "";
    if (more) more.hidden = true;
    if (!q) {
      setStatus("");
      closePanel();
      return;
    }
    openPanel();
    if (fold(q).replace(/\s+/g, "").length < 2) {
      setStatus(TEXT.tooShort);
      return;
    }
    if (!docs) {
      pending = q;
      setStatus(TEXT.loading);
      load();
      return;
    }
    var hits = search(q);
    if (!hits.length) {
      setStatus(fill(TEXT.none, 0, q));
      return;
    }
    var count = fill(hits.length === 1 ? TEXT.one : TEXT.many, hits.length, q);
    var shown = hits.length > MAX_RESULTS ? " " + fill(TEXT.showing, MAX_RESULTS, q) : "";
    setStatus(count + shown);
    var qw = queryWords(q);
    for (var i = 0; i < hits.length && i < MAX_RESULTS; i++)
      results.appendChild(resultItem(hits[i].entry.doc, qw.terms, qw.stems, TEXT));
    var all = form.getAttribute("data-all-results");
    if (hits.length > MAX_RESULTS && all && more) {
      var link = more.firstChild;
      link.href = all + "?q=" + encodeURIComponent(q);
      link.textContent = fill(TEXT.showAll, hits.length, q);
      more.hidden = false;
    }
  }

  function loaded(ok) {
    var waiting = ready;
    ready = [];
    for (var i = 0; i < waiting.length; i++) waiting[i](ok);
  }

  function load(then) {
    if (then) ready.push(then);
    if (docs) return loaded(true);
    if (loading) return;
    if (window.HANDBOOK_SEARCH) {
      docs = prepare(window.HANDBOOK_SEARCH);
      return loaded(true);
    }
    loading = true;
    var script = document.createElement("script");
    script.src = root + "search-index.js";
    script.async = true;
    script.onload = function () {
      loading = false;
      docs = prepare(window.HANDBOOK_SEARCH || []);
      if (pending !== null) {
        var q = input.value.trim() ? input.value : pending;
        pending = null;
        render(q);
      }
      loaded(true);
    };
    script.onerror = function () {
      loading = false;
      if (status) setStatus(TEXT.failed);
      loaded(false);
    };
    document.head.appendChild(script);
  }

  function links() {
    return panel.querySelectorAll("a");
  }

  function focusResult(step) {
    var list = links();
    if (!list.length) return;
    var at = -1;
    for (var i = 0; i < list.length; i++) if (list[i] === document.activeElement) at = i;
    var next = at + step;
    if (next < 0) {
      input.focus();
      return;
    }
    if (next >= list.length) next = list.length - 1;
    list[next].focus();
  }

  // The results page: every hit of the query in its address (?q=...), in the page's own list.
  function initPage(page) {
    var pageInput = page.querySelector("input[type=search]");
    var pageStatus = page.querySelector(".search-status");
    var list = page.querySelector(".search-results");
    if (!pageInput || !pageStatus || !list) return;
    readTexts(page, PAGE_TEXT);
    var q = queryOfAddress().trim();
    pageInput.value = q;
    if (!q) return;
    if (fold(q).replace(/\s+/g, "").length < 2) {
      pageStatus.textContent = PAGE_TEXT.tooShort;
      return;
    }
    pageStatus.textContent = PAGE_TEXT.loading;
    load(function (ok) {
      if (!ok) {
        pageStatus.textContent = PAGE_TEXT.failed;
        return;
      }
      var hits = search(q);
      var qw = queryWords(q);
      list.textContent = "";
      for (var i = 0; i < hits.length; i++) list.appendChild(resultItem(hits[i].entry.doc, qw.terms, qw.stems, PAGE_TEXT, true));
      var text = !hits.length ? PAGE_TEXT.none : hits.length === 1 ? PAGE_TEXT.one : PAGE_TEXT.many;
      pageStatus.textContent = fill(text, hits.length, q);
    });
  }

  function queryOfAddress() {
    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (!match) return "";
    try {
      return decodeURIComponent(match[1].replace(/\+/g, " "));
    } catch (e) {
      return "";
    }
  }

  function init() {
    var page = document.querySelector(".search-page[data-root]");
    if (page) root = page.getAttribute("data-root") || "";
    var box = document.querySelector(".search[data-root]");
    if (box) initBox(box, !!page);
    if (page) initPage(page);
  }

  // The search form in the page header; `onResultsPage`: the page shows the results itself.
  function initBox(box, onResultsPage) {
    root = box.getAttribute("data-root") || "";
    form = box.querySelector("form");
    input = box.querySelector("input[type=search]");
    panel = box.querySelector(".search-panel");
    status = box.querySelector(".search-status");
    results = box.querySelector(".search-results");
    if (!form || !input || !panel || !status || !results) return;
    readTexts(form, TEXT);
    form.hidden = false;
    more = el("p", "search-more");
    more.appendChild(el("a"));
    more.hidden = true;
    panel.appendChild(more);

    input.addEventListener("focus", function () {
      load();
    });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        render(input.value);
      }, 150);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      render(input.value);
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        if (!panel.hidden) {
          closePanel();
          quiet = document.activeElement !== input;
          input.focus();
          event.preventDefault();
        }
      } else if (event.key === "ArrowDown") {
        if (panel.hidden && input.value.trim()) render(input.value);
        focusResult(1);
        if (links().length) event.preventDefault();
      } else if (event.key === "ArrowUp" && document.activeElement !== input) {
        focusResult(-1);
        event.preventDefault();
      }
    });
    box.addEventListener("focusout", function (event) {
      var to = event.relatedTarget;
      if (to && box.contains(to)) return;
      window.setTimeout(function () {
        if (!box.contains(document.activeElement)) closePanel();
      }, 0);
    });
    input.addEventListener("focus", function () {
      if (quiet) quiet = false;
      else if (input.value.trim() && results.childNodes.length) openPanel();
    });
    // A click on the panel's text must not close it.
    panel.addEventListener("mousedown", function (event) {
      if (!event.target.closest || !event.target.closest("a")) event.preventDefault();
    });

    var q = queryOfAddress();
    if (q.trim() && !onResultsPage) {
      input.value = q;
      render(q);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  // For tests and the curious: the same matching the form uses.
  window.HandbookSearch = {
    fold: fold,
    words: words,
    stem: stem,
    // The ranked results for a query as [{t, u, k, s, a, score}], once the index is loaded.
    search: function (query) {
      if (!docs && window.HANDBOOK_SEARCH) docs = prepare(window.HANDBOOK_SEARCH);
      return search(query).map(function (h) {
        return { t: h.entry.doc.t, u: h.entry.doc.u, k: h.entry.doc.k, s: h.entry.doc.s, a: h.entry.doc.a, score: h.score };
      });
    }
  };
})();
