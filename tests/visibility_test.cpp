// Internal passages decided on the parsed document: every place cmark-gfm reads a marker, under
// every line ending, is cut from the public edition (HTML, headings, links, search words) and
// kept in a marked box or span in the internal one; near-miss spellings and markers that cannot
// cut cleanly are errors at their line and column, and the public edition then shows nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

#include "markdown/markdown.h"
#include "support.h"

using namespace hb;

namespace {

constexpr std::string_view kCanary = "kanarie";

struct Rendered {
  RenderedMarkdown md;
  std::vector<Diagnostic> problems;
  // Everything the rest of the build reads of the text, in one string.
  std::string all() const {
    std::string s = md.html + "\n" + md.words;
    for (auto& h : md.headings)
      s += "\n" + h.text + "\n" + h.id;
    for (auto& l : md.links)
      s += "\n" + l.url;
    return s;
  }
  bool leaks() const { return all().find(kCanary) != std::string::npos; }
};

Rendered render(std::string_view body, bool internal, int body_line = 1) {
  Diagnostics diags;
  Visibility vis;
  vis.keep_internal = internal;
  vis.path = "side.md";
  vis.diags = &diags;
  Rendered r{render_markdown(body, body_line, body, nullptr, true, vis), {}};
  r.problems = diags.sorted();
  return r;
}

std::vector<std::string> messages(const Rendered& r) {
  std::vector<std::string> out;
  for (auto& d : r.problems)
    out.push_back(format_text(d));
  return out;
}

// `text` with each "\n" written as `ending`.
std::string with_endings(std::string_view text, std::string_view ending) {
  std::string out;
  for (char c : text)
    if (c == '\n')
      out += ending;
    else
      out += c;
  return out;
}

}  // namespace

TEST_CASE("a passage is cut from the public edition and boxed in the internal one, anywhere") {
  hb::test::EnglishMessages english;
  struct Case {
    const char* where;
    std::string body;
    const char* boxed;  // what the internal edition wraps the passage in
  };
  std::vector<Case> cases = {
      {"page",
       "a\n\n<!-- internal -->\n## Kanarie\n\nkanarie [x](kanarie.md)\n<!-- /internal -->\nb\n",
       "<div class=\"internal-passage\""},
      {"quote", "> a\n> <!-- internal -->\n> kanarie\n> <!-- /internal -->\n> b\n",
       "<div class=\"internal-passage\""},
      {"list item", "- a\n- b\n  <!-- internal -->\n  kanarie\n  <!-- /internal -->\n  c\n- d\n",
       "<div class=\"internal-passage\""},
      {"list in a quote", "> - a\n>   <!-- internal -->\n>   kanarie\n>   <!-- /internal -->\n",
       "<div class=\"internal-passage\""},
      {"footnote",
       "Tekst[^1].\n\n[^1]: Note.\n\n    <!-- internal -->\n    kanarie\n    <!-- /internal -->\n",
       "<div class=\"internal-passage\""},
      {"paragraph", "Offentlig <!-- internal -->kanarie [x](kanarie.md)<!-- /internal --> tekst.\n",
       "<span class=\"internal-inline\""},
      {"paragraph over lines", "a <!-- internal -->kanarie\nkanarie<!-- /internal --> b\n",
       "<span class=\"internal-inline\""},
      {"heading", "## Titel <!-- internal -->kanarie<!-- /internal -->\n",
       "<span class=\"internal-inline\""},
      {"table cell", "| a | b |\n|---|---|\n| c <!-- internal -->kanarie<!-- /internal --> | d |\n",
       "<span class=\"internal-inline\""},
      {"link text", "[se <!-- internal -->kanarie<!-- /internal -->](https://example.org)\n",
       "<span class=\"internal-inline\""},
  };
  for (auto& c : cases) {
    for (std::string_view ending : {"\n", "\r\n", "\r"}) {
      std::string body = with_endings(c.body, ending);
      std::string where = c.where;
      CAPTURE(where);
      CAPTURE(ending.size());
      Rendered pub = render(body, false);
      CHECK(messages(pub).empty());
      CHECK(!pub.leaks());
      CHECK(pub.md.html.find("raw HTML omitted") == std::string::npos);
      Rendered internal = render(body, true);
      CHECK(messages(internal).empty());
      CHECK(internal.md.html.find(kCanary) != std::string::npos);
      CHECK(internal.md.html.find(c.boxed) != std::string::npos);
      CHECK(internal.md.html.find("raw HTML omitted") == std::string::npos);
    }
  }
}

TEST_CASE("the public edition keeps the text around a passage") {
  hb::test::EnglishMessages english;
  Rendered r = render("> a\n> <!-- internal -->\n> kanarie\n> <!-- /internal -->\n> b\n", false);
  CHECK(r.md.html == "<blockquote>\n<p>a</p>\n<p>b</p>\n</blockquote>\n");
  r = render("Offentlig <!-- internal -->kanarie<!-- /internal -->tekst.\n", false);
  CHECK(r.md.html == "<p>Offentlig tekst.</p>\n");
  CHECK(r.md.words == "offentlig tekst");
  r = render("<!-- internal -->kanarie<!-- /internal -->\n", false);  // an HTML block: an error
  CHECK(r.md.html == "");
  r = render("a\n\nx <!-- internal -->kanarie<!-- /internal -->\n\nb\n", false);
  CHECK(r.md.html == "<p>a</p>\n<p>x </p>\n<p>b</p>\n");
  r = render("a\n\n<!-- internal -->\n## Kanarie\n<!-- /internal -->\n\n## Kanarie\n", false);
  REQUIRE(r.md.headings.size() == 1);
  CHECK(r.md.headings[0].id == "kanarie");  // the cut heading took no id
}

TEST_CASE("an inline passage in the internal edition is a marked span") {
  hb::test::EnglishMessages english;
  Rendered r = render("Offentlig <!-- internal -->*intern*<!-- /internal --> tekst.\n", true);
  CHECK(r.md.html ==
        "<p>Offentlig <span class=\"internal-inline\" title=\"Intern passage\"><em>intern</em>"
        "</span> tekst.</p>\n");
}

TEST_CASE("definitions inside a passage serve nothing outside it in the public edition") {
  hb::test::EnglishMessages english;
  // A link reference defined inside a passage and used outside it.
  std::string body =
      "Se [kilden].\n\n<!-- internal -->\n[kilden]: https://kanarie.example\n<!-- /internal -->\n";
  Rendered pub = render(body, false);
  CHECK(messages(pub) ==
        std::vector<std::string>{
            "side.md:1:4: warning: the link uses a link definition ('[name]: address') that "
            "stands in an internal passage: the public edition lacks the definition and shows "
            "the link as text in square brackets; move the definition out of the passage, or "
            "write the address in the link: [text](address)\n"
            "    Se [kilden].\n"
            "       ^\n"});
  CHECK(!pub.leaks());
  CHECK(pub.md.html == "<p>Se [kilden].</p>\n");
  Rendered in = render(body, true);
  CHECK(messages(in).empty());
  CHECK(in.md.html.find("https://kanarie.example") != std::string::npos);
  // The same address defined again outside the passage serves the link in both editions.
  pub = render(body + "\n[kilden]: https://kanarie.example\n", false);
  CHECK(messages(pub).empty());
  // A footnote defined inside a passage and referred to outside it.
  body = "Tekst[^n].\n\n<!-- internal -->\n[^n]: kanarie\n<!-- /internal -->\n";
  pub = render(body, false);
  CHECK(messages(pub) ==
        std::vector<std::string>{
            "side.md:1:6: warning: the footnote [^n] stands outside the internal passages, but "
            "its text stands in an internal passage: the public edition shows '[^n]' as text; "
            "move the footnote's text out of the passage, or move the reference into it\n"
            "    Tekst[^n].\n"
            "         ^\n"});
  CHECK(!pub.leaks());
  // A footnote referred to only inside a passage, defined outside it: not shown in public.
  body = "a\n\n<!-- internal -->\nTekst[^n].\n<!-- /internal -->\n\n[^n]: kanarie\n";
  pub = render(body, false);
  CHECK(messages(pub).empty());
  CHECK(!pub.leaks());
  CHECK(render(body, true).md.html.find(kCanary) != std::string::npos);
}

TEST_CASE("markers in code are text") {
  hb::test::EnglishMessages english;
  Rendered r = render("`<!-- internal -->`\n\n```\n<!-- /internal -->\n```\n", false);
  CHECK(messages(r).empty());
  CHECK(r.md.html ==
        "<p><code>&lt;!-- internal --&gt;</code></p>\n<pre><code>&lt;!-- /internal --&gt;\n"
        "</code></pre>\n");
}

namespace {

// Each body, rendered for either edition, gives its message among others, and the public
// edition shows nothing of the passage (it fails closed).
struct Case {
  std::string body;
  std::string message;
};

void expect_reported(const std::vector<Case>& cases) {
  for (auto& c : cases) {
    CAPTURE(c.body);
    for (bool internal : {false, true}) {
      Rendered r = render(c.body, internal);
      std::vector<std::string> all = messages(r);
      CHECK(std::find(all.begin(), all.end(), c.message) != all.end());
      if (!internal) CHECK(!r.leaks());
    }
  }
}

}  // namespace

TEST_CASE("a comment that looks like a marker is an error with the right spelling") {
  hb::test::EnglishMessages english;
  std::vector<Case> cases = {
      {"<!--internal-->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!--internal-->' looks like an internal marker but is not one: "
       "write '<!-- internal -->'\n    <!--internal-->\n    ^\n"},
      {"<!-- INTERNAL -->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!-- INTERNAL -->' looks like an internal marker but is not one: "
       "write '<!-- internal -->'\n    <!-- INTERNAL -->\n    ^\n"},
      {"<!--  internal  -->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!--  internal  -->' looks like an internal marker but is not one: "
       "write '<!-- internal -->'\n    <!--  internal  -->\n    ^\n"},
      {"<!-- intern -->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!-- intern -->' looks like an internal marker but is not one: "
       "write '<!-- internal -->'\n    <!-- intern -->\n    ^\n"},
      {"<!-- internal -->\nkanarie\n<!-- /Internal-->\n",
       "side.md:3:1: error: '<!-- /Internal-->' looks like an internal marker but is not one: "
       "write '<!-- /internal -->'\n    <!-- /Internal-->\n    ^\n"},
      {"<!-- internal -->\nkanarie\n<!-- end internal -->\n",
       "side.md:3:1: error: '<!-- end internal -->' looks like an internal marker but is not "
       "one: write '<!-- /internal -->'\n    <!-- end internal -->\n    ^\n"},
      {"> a\n> <!--internal-->\n> kanarie\n> <!-- /internal -->\n",
       "side.md:2:3: error: '<!--internal-->' looks like an internal marker but is not one: "
       "write '<!-- internal -->'\n    > <!--internal-->\n      ^\n"},
      {"Tekst <!-- internal -- x -->kanarie\n",
       "side.md:1:7: error: '<!-- internal -- x -->' looks like an internal marker but is not "
       "one: write '<!-- internal -->'\n    Tekst <!-- internal -- x -->kanarie\n          ^\n"},
      {"Tekst <!-- Internal -->kanarie<!-- /internal -->\n",
       "side.md:1:7: error: '<!-- Internal -->' looks like an internal marker but is not one: "
       "write '<!-- internal -->'\n    Tekst <!-- Internal -->kanarie<!-- /internal -->\n"
       "          ^\n"},
      {"<!-- internal -->kanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!-- internal -->' must stand alone on its line: move 'kanarie' to "
       "a line of its own\n    <!-- internal -->kanarie\n    ^\n"},
      {"<div>\n<!-- internal -->\n</div>\n\nkanarie\n\n<!-- /internal -->\n",
       "side.md:2:1: error: '<!-- internal -->' stands inside a block of HTML, where it marks "
       "nothing: leave a blank line between the HTML and the marker\n    <!-- internal -->\n"
       "    ^\n"},
  };
  expect_reported(cases);
}

// What a word processor or a copy from a web page puts into a marker looks right on the screen:
// the report names the character.
TEST_CASE("a marker that holds a character it cannot hold is an error that names the character") {
  hb::test::EnglishMessages english;
  std::vector<Case> cases = {
      {"<!--\u00A0internal -->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!--\u00A0internal -->' looks like an internal marker but is not one: "
       "it holds the character U+00A0 (no-break space), which a marker cannot hold: write "
       "'<!-- internal -->'\n    <!--\u00A0internal -->\n    ^\n"},
      {"<!--\u200Binternal -->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!--\u200Binternal -->' looks like an internal marker but is not one: "
       "it holds the character U+200B (zero-width space), which a marker cannot hold: write "
       "'<!-- internal -->'\n    <!--\u200Binternal -->\n    ^\n"},
      {"<!\u2013 internal \u2013>\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!\u2013 internal \u2013>' looks like an internal marker but is not "
       "one: it holds the character U+2013 (en dash), which a marker cannot hold: write "
       "'<!-- internal -->'\n    <!\u2013 internal \u2013>\n    ^\n"},
      {"<!-- internal\u00E6 -->\nkanarie\n<!-- /internal -->\n",
       "side.md:1:1: error: '<!-- internal\u00E6 -->' looks like an internal marker but is not "
       "one: it holds the character U+00E6, which a marker cannot hold: write "
       "'<!-- internal -->'\n    <!-- internal\u00E6 -->\n    ^\n"},
  };
  expect_reported(cases);
}

TEST_CASE("the body's line numbers are the file's, under any line ending") {
  hb::test::EnglishMessages english;
  for (std::string_view ending : {"\n", "\r\n", "\r"}) {
    std::string body = with_endings("a\n\n> <!-- INTERNAL -->\n", ending);
    Rendered r = render(body, false, 7);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].line == 9);
    CHECK(r.problems[0].col == 3);
    CHECK(r.problems[0].source_line == "> <!-- INTERNAL -->");
  }
}

TEST_CASE("markers that cannot cut a passage cleanly are errors that say where they may stand") {
  hb::test::EnglishMessages english;
  const std::string where =
      "a passage begins and ends in the same place: both markers on lines of their own (in the "
      "page, or in one quote, list item or footnote), or both within one paragraph, heading or "
      "table cell";
  struct Case {
    std::string body;
    std::vector<std::string> messages;
  };
  std::vector<Case> cases = {
      {"a\n<!-- internal -->\nkanarie\n",
       {"side.md:2:1: error: internal passage is never closed: add a line '<!-- /internal -->' "
        "after it\n    <!-- internal -->\n    ^\n"}},
      {"kanarie\n<!-- /internal -->\n",
       {"side.md:2:1: error: '<!-- /internal -->' closes no internal passage: add '<!-- "
        "internal -->' before the internal text, or remove this line\n    <!-- /internal -->\n"
        "    ^\n"}},
      {"> <!-- internal -->\n> kanarie\n\n<!-- /internal -->\n",
       {"side.md:1:3: error: internal passage is never closed in this quote: add '<!-- "
        "/internal -->' before it ends; " +
            where + "\n    > <!-- internal -->\n      ^\n",
        "side.md:4:1: error: '<!-- /internal -->' closes no internal passage: add '<!-- "
        "internal -->' before the internal text, or remove this line\n    <!-- /internal -->\n"
        "    ^\n"}},
      {"- <!-- internal -->\n- kanarie\n- <!-- /internal -->\n",
       {"side.md:1:3: error: internal passage is never closed in this list item: add '<!-- "
        "/internal -->' before it ends; " +
            where + "\n    - <!-- internal -->\n      ^\n",
        "side.md:3:3: error: '<!-- /internal -->' closes no internal passage in this list item: " +
            where + "\n    - <!-- /internal -->\n      ^\n"}},
      {"| <!-- internal --> a | kanarie <!-- /internal --> |\n|---|---|\n",
       {"side.md:1:3: error: internal passage is never closed in this table cell: add '<!-- "
        "/internal -->' before it ends; " +
            where + "\n    | <!-- internal --> a | kanarie <!-- /internal --> |\n      ^\n",
        "side.md:1:33: error: '<!-- /internal -->' closes no internal passage in this table "
        "cell: " +
            where + "\n    | <!-- internal --> a | kanarie <!-- /internal --> |\n" +
            std::string(36, ' ') + "^\n"}},
      {"<!-- internal -->\na\n<!-- internal -->\nkanarie\n<!-- /internal -->\n",
       {"side.md:3:1: error: '<!-- internal -->' inside an internal passage that began on line "
        "1: close that one with '<!-- /internal -->' first\n    <!-- internal -->\n    ^\n"}},
      {"<!-- internal -->\n> <!-- internal -->\n> kanarie\n> <!-- /internal -->\n\n<!-- "
       "/internal -->\n",
       {"side.md:2:3: error: '<!-- internal -->' inside an internal passage that began on line "
        "1: close that one with '<!-- /internal -->' first\n    > <!-- internal -->\n      ^\n",
        "side.md:4:3: error: '<!-- /internal -->' inside an internal passage that began on line "
        "1: " +
            where + "\n    > <!-- /internal -->\n      ^\n"}},
      {"<!-- internal -->\nTekst <!-- internal -->kanarie<!-- /internal -->\n<!-- /internal -->\n",
       {"side.md:2:7: error: '<!-- internal -->' inside an internal passage that began on line "
        "1: close that one with '<!-- /internal -->' first\n    Tekst <!-- internal "
        "-->kanarie<!-- /internal -->\n          ^\n",
        "side.md:2:31: error: '<!-- /internal -->' inside an internal passage that began on line "
        "1: " +
            where + "\n    Tekst <!-- internal -->kanarie<!-- /internal -->\n" +
            std::string(34, ' ') + "^\n"}},
  };
  for (auto& c : cases) {
    CAPTURE(c.body);
    for (bool internal : {false, true}) {
      Rendered r = render(c.body, internal);
      std::vector<std::string> all = messages(r);
      CHECK(all.size() == c.messages.size());
      for (size_t i = 0; i < all.size() && i < c.messages.size(); ++i)
        CHECK(all[i] == c.messages[i]);
      if (!internal) CHECK(!r.leaks());
    }
  }
}

TEST_CASE("a Markdown field holds passages too, and its problems stand at the field") {
  hb::test::EnglishMessages english;
  Visibility pub;
  CHECK(render_markdown_field("Formål. <!-- internal -->kanarie<!-- /internal -->", true, pub) ==
        "Formål. ");
  CHECK(render_markdown_field("a\n\n<!-- internal -->\nkanarie\n<!-- /internal -->\n", false,
                              pub) == "<p>a</p>");
  Visibility internal;
  internal.keep_internal = true;
  CHECK(
      render_markdown_field("Formål. <!-- internal -->intern<!-- /internal -->", true, internal) ==
      "Formål. <span class=\"internal-inline\" title=\"Intern passage\">intern</span>");
  Diagnostics diags;
  Visibility field;
  field.path = "forum.md";
  field.diags = &diags;
  field.field_line = 3;
  field.field_col = 11;
  field.field_source = "purpose = \"a <!--internal-->kanarie\"";
  CHECK(render_markdown_field("a <!--internal-->kanarie", true, field) == "");
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(format_text(all[0]) ==
        "forum.md:3:11: error: '<!--internal-->' looks like an internal marker but is not one: "
        "write '<!-- internal -->'\n    purpose = \"a <!--internal-->kanarie\"\n              ^\n");
}

// Spellings that read as a marker but that no edit distance on the bytes finds: full-width
// letters (24 bytes for 8 letters), letters spaced apart, a marker word run on into another.
// Written at both ends, they published the passage without a word.
TEST_CASE("a comment that reads as a marker in other letters or spacing is an error too") {
  hb::test::EnglishMessages english;
  struct Markers {
    std::string open, close, holds;  // what the report says of a character it cannot hold
  };
  const std::string full_width = "it holds the character U+FF49, which a marker cannot hold: ";
  for (const auto& m : std::vector<Markers>{
           {"<!-- \uFF49\uFF4E\uFF54\uFF45\uFF52\uFF4E\uFF41\uFF4C -->",
            "<!-- /\uFF49\uFF4E\uFF54\uFF45\uFF52\uFF4E\uFF41\uFF4C -->", full_width},
           {"<!-- \uFF29\uFF4E\uFF54\uFF45\uFF52\uFF4E -->",
            "<!-- /\uFF29\uFF4E\uFF54\uFF45\uFF52\uFF4E -->",
            "it holds the character U+FF29, which a marker cannot hold: "},
           {"<!-- i n t e r n a l -->", "<!-- / i n t e r n a l -->", ""},
           {"<!-- internalonly -->", "<!-- /internalonly -->", ""},
           {"<!-- in-ter-nal -->", "<!-- end in-ter-nal -->", ""}}) {
    CAPTURE(m.open);
    for (bool internal : {false, true}) {
      Rendered r = render(m.open + "\nkanarie\n" + m.close + "\n", internal);
      std::vector<std::string> all = messages(r);
      REQUIRE(all.size() == 2);
      CHECK(all[0] == "side.md:1:1: error: '" + m.open +
                          "' looks like an internal marker but is not one: " + m.holds +
                          "write '<!-- internal -->'\n    " + m.open + "\n    ^\n");
      CHECK(all[1] == "side.md:3:1: error: '" + m.close +
                          "' looks like an internal marker but is not one: " + m.holds +
                          "write '<!-- /internal -->'\n    " + m.close + "\n    ^\n");
      if (!internal) CHECK(!r.leaks());
    }
  }
  // comments that only mention the word, or other words, stay comments
  Rendered r = render(
      "<!-- husk at spørge internal audit om tallene her -->\n\n<!-- internationalt -->\n\nTekst\n",
      false);
  CHECK(messages(r).empty());
}

// A marker spelt right but written so that cmark-gfm reads it as text (its '<' escaped, or
// written as an entity) hid nothing: the passage was published without a word.
TEST_CASE("a marker that Markdown reads as text is an error, not a published passage") {
  hb::test::EnglishMessages english;
  const std::string text =
      "' stands here as text (written with '\\' or '&lt;'), so it hides nothing and the text "
      "after it is published: write the marker without them on a line of its own, or in "
      "`backticks` to show it\n";
  for (bool internal : {false, true}) {
    Rendered r = render("Tekst.\n\n\\<!-- internal -->\nkanarie\n\\<!-- /internal -->\n", internal);
    std::vector<std::string> all = messages(r);
    REQUIRE(all.size() == 2);
    CHECK(all[0] ==
          "side.md:3:2: error: '<!-- internal -->" + text + "    \\<!-- internal -->\n     ^\n");
    CHECK(all[1] ==
          "side.md:5:2: error: '<!-- /internal -->" + text + "    \\<!-- /internal -->\n     ^\n");
    if (!internal) CHECK(!r.leaks());
    Rendered e = render("a &lt;!-- internal --> kanarie &lt;!-- /internal -->\n", internal);
    CHECK(messages(e).size() == 2);
    if (!internal) CHECK(!e.leaks());
  }
  // in code, a marker is shown as it is written
  CHECK(messages(render("Skriv `<!-- internal -->` før den interne tekst.\n", false)).empty());
}

TEST_CASE("ordinary comments and HTML are left alone") {
  hb::test::EnglishMessages english;
  Rendered r = render("<!-- en note til redaktøren -->\n\nTekst <!-- TODO --> her.\n", false);
  CHECK(messages(r).empty());
  CHECK(r.md.html.find("Tekst") != std::string::npos);
}

TEST_CASE("many passages and near misses on one line take linear time") {
  hb::test::EnglishMessages english;
  std::string line, misses;
  for (int i = 0; i < 20000; ++i) {
    // footnote references in the first 1,000 (a text may hold 5,000)
    line += i < 1000 ? "a <!-- internal -->kanarie[^n]<!-- /internal --> "
                     : "a <!-- internal -->kanarie<!-- /internal --> ";
    misses += "<!--internal--> ";
  }
  std::string body = line + "\n\n[^n]: kanarie\n\n" + misses + "\n";
  std::clock_t start = std::clock();  // processor time: a busy machine does not count
  Rendered pub = render(line + "\n\n[^n]: kanarie\n", false);
  Rendered broken = render(body, false);
  double seconds = static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  CHECK(!pub.leaks());
  CHECK(messages(pub).empty());
  CHECK(broken.md.html.empty());
  CHECK(broken.problems.size() == kMaxProblemsPerFile);
  CHECK(seconds < test::time_limit(10));  // generous: a return to quadratic time takes minutes
}

TEST_CASE("a marker where Markdown reads but does not show the text is an error") {
  hb::test::EnglishMessages english;
  std::string unread =
      "' stands in text that Markdown reads but does not show (a footnote that nothing refers "
      "to, or a link definition), so it cannot mark a passage: refer to the footnote, or move "
      "the passage into the text\n";
  std::string in_link =
      "' stands in a link's address or title, where it hides nothing: put the markers around "
      "the whole link\n";
  // A footnote that nothing refers to: cmark-gfm drops it, and the definitions in it would
  // still serve the text outside.
  std::string footnote =
      "Se [r2].\n\n[^x]: Fodnote.\n\n    <!-- internal -->\n    [r2]: https://e.org/kanarie\n"
      "    <!-- /internal -->\n";
  expect_reported({
      {footnote, "side.md:5:5: error: '<!-- internal -->" + unread +
                     "        <!-- internal -->\n        ^\n"},
      {footnote, "side.md:7:5: error: '<!-- /internal -->" + unread +
                     "        <!-- /internal -->\n        ^\n"},
      {"Brug[^y].\n\n[^x]: a\n\n    <!-- internal -->\n    [^y]: kanarie\n    <!-- /internal -->\n",
       "side.md:5:5: error: '<!-- internal -->" + unread +
           "        <!-- internal -->\n        ^\n"},
      {"Tekst.\n\n[^x]: a\n\n    <!-- INTERN -->\n    kanarie\n",
       "side.md:5:5: error: '<!-- INTERN -->" + unread + "        <!-- INTERN -->\n        ^\n"},
      // A marker in a link's title, inline or in its definition.
      {"Se [x](https://example.org \"<!-- internal -->kanarie<!-- /internal -->\") her.\n",
       "side.md:1:29: error: '<!-- internal -->" + in_link +
           "    Se [x](https://example.org \"<!-- internal -->kanarie<!-- /internal -->\") "
           "her.\n" +
           std::string(32, ' ') + "^\n"},
      {"Se [x] her.\n\n[x]: https://example.org \"<!-- internal -->kanarie<!-- /internal -->\"\n",
       "side.md:1:4: error: '<!-- internal -->" + in_link + "    Se [x] her.\n       ^\n"},
  });
}
