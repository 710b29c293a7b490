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
    section: "data-kind-section"
  };
  var TEXT = {};

  var root = "";
  var form, input, panel, status, results;
  var docs = null;
  var loading = false;
  var pending = null;
  var timer = 0;
  var quiet = false; // the next focus on the field comes from Escape: keep the panel closed

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

  function readTexts() {
    for (var key in TEXT_ATTRIBUTES) {
      if (Object.prototype.hasOwnProperty.call(TEXT_ATTRIBUTES, key))
        TEXT[key] = form.getAttribute(TEXT_ATTRIBUTES[key]) || "";
    }
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
    for (var i = 0; i < hits.length && i < MAX_RESULTS; i++) {
      var d = hits[i].entry.doc;
      var li = el("li");
      var a = el("a");
      a.href = root + d.u;
      a.appendChild(el("span", "result-kind", kindLabel(d)));
      a.appendChild(el("span", "result-title", d.t));
      if (d.s) a.appendChild(el("span", "result-summary", d.s));
      li.appendChild(a);
      results.appendChild(li);
    }
  }

  function load() {
    if (docs || loading) return;
    if (window.HANDBOOK_SEARCH) {
      docs = prepare(window.HANDBOOK_SEARCH);
      return;
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
    };
    script.onerror = function () {
      loading = false;
      setStatus(TEXT.failed);
    };
    document.head.appendChild(script);
  }

  function links() {
    return results.querySelectorAll("a");
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

  function init() {
    var box = document.querySelector(".search[data-root]");
    if (!box) return;
    root = box.getAttribute("data-root") || "";
    form = box.querySelector("form");
    input = box.querySelector("input[type=search]");
    panel = box.querySelector(".search-panel");
    status = box.querySelector(".search-status");
    results = box.querySelector(".search-results");
    if (!form || !input || !panel || !status || !results) return;
    readTexts();
    form.hidden = false;

    input.addEventListener("focus", load);
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

    var match = /[?&]q=([^&#]*)/.exec(window.location.search);
    if (match) {
      var q = decodeURIComponent(match[1].replace(/\+/g, " "));
      if (q.trim()) {
        input.value = q;
        render(q);
      }
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
