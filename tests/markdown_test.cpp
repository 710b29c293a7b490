#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "content/frontmatter.h"
#include "markdown/markdown.h"

using namespace hb;

static bool rewrite_md(std::string_view url) {
  return url.ends_with(".md") || url.find(".md#") != std::string_view::npos;
}

TEST_CASE("slugify gives ASCII file names with Danish letters transliterated") {
  CHECK(slugify("Økonomi og ansvar") == "oekonomi-og-ansvar");
  CHECK(slugify("Byrådets rolle – i 2026!") == "byraadets-rolle-i-2026");
  CHECK(slugify("  Æbler & pærer  ") == "aebler-paerer");
  CHECK(slugify("«»") == "");
  CHECK(slugify("Ä×ö É-ü") == "a-o-e-u");
  CHECK(slugify("a\xC3") == "a");  // a lead byte at the very end
}

// The definition, character by character: ASCII letters and digits (lower-cased) and the listed
// Latin-1 letters (transliterated) are kept; every run of other characters becomes one dash,
// none at either end.
static std::string reference_slug(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> letters[] = {
      {"æ", "ae"}, {"Æ", "ae"}, {"ø", "oe"}, {"Ø", "oe"}, {"å", "aa"}, {"Å", "aa"}, {"é", "e"},
      {"É", "e"},  {"ü", "u"},  {"Ü", "u"},  {"ö", "o"},  {"Ö", "o"},  {"ä", "a"},  {"Ä", "a"}};
  std::string out;
  bool dash = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t len = 1;
    std::string_view piece;
    for (auto& [from, to] : letters)
      if (text.substr(i, from.size()) == from) piece = to, len = from.size();
    if (c < 0x80 && std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
      dash = false;
    } else if (!piece.empty()) {
      out += piece;
      dash = false;
    } else {
      if (!out.empty() && !dash) out += '-';
      dash = true;
      while (c >= 0x80 && i + len < text.size() && (text[i + len] & 0xC0) == 0x80)
        ++len;
    }
    i += len;
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out;
}

TEST_CASE("slugify agrees with the character-by-character definition on random headings") {
  const std::vector<std::string> alphabet = {"a", "Z", "k",    "0",    "9",
                                             " ", "-", "!",    "@",    "[",
                                             "`", "{", "æ",    "Æ",    "Ø",
                                             "å", "×", "É",    "Ü",    "ä",
                                             "€", "–", "\xC3", "\x80", "\xF0\x9F\x98\x80"};
  std::mt19937 rng(11);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (unsigned k = rng() % 40; k > 0; --k)
      text += alphabet[rng() % alphabet.size()];
    INFO("text " << text);
    CHECK(slugify(text) == reference_slug(text));
  }
}

// Headings of one page, in order, and the ids GitHub gives them (github-slugger 2.0.0, whose
// fixtures several rows come from): Danish letters kept, punctuation and symbols left out,
// spaces made dashes one for one, and repeated ids numbered in order of appearance.
TEST_CASE("heading ids are GitHub's, Danish letters, punctuation and repeats included") {
  static const std::pair<std::string_view, std::string_view> page[] = {
      {"Åbne spørgsmål til den politiske behandling",
       "åbne-spørgsmål-til-den-politiske-behandling"},
      {"ÆBLER, ØL OG ÅL", "æbler-øl-og-ål"},
      {"Økonomi og ansvar", "økonomi-og-ansvar"},
      {"Byrådets rolle – i 2026!", "byrådets-rolle--i-2026"},
      {"Hvad koster det? (kr./år)", "hvad-koster-det-krår"},
      {"»Oppe i helikopteren«", "oppe-i-helikopteren"},
      {"Kommunen & selskabet", "kommunen--selskabet"},
      {"Café-drift i Ærøskøbing", "café-drift-i-ærøskøbing"},
      {"Åbne spørgsmål", "åbne-spørgsmål"},
      {"Åbne spørgsmål", "åbne-spørgsmål-1"},
      {"åbne-spørgsmål-1", "åbne-spørgsmål-1-1"},
      {"Åbne spørgsmål", "åbne-spørgsmål-2"},
      {"a - b", "a---b"},
      {"a  b", "a--b"},
      {" Forarbejde ", "-forarbejde-"},
      {"-a-", "-a-"},
      {"echo", "echo"},
      {"echo", "echo-1"},
      {"echo 1", "echo-1-1"},
      {"echo-1", "echo-1-2"},
      {"echo", "echo-2"},
      {"heading with an _ underscore", "heading-with-an-_-underscore"},
      {"exchange.bind_headers(exchange, routing [, bindCallback])",
       "exchangebind_headersexchange-routing--bindcallback"},
      {"apostrophe’s should be trimmed", "apostrophes-should-be-trimmed"},
      {"I ♥ unicode", "i--unicode"},
      {"en–dash", "endash"},
      {"😄 unicode emoji", "-unicode-emoji"},
      {"😄-😄 unicode emoji", "--unicode-emoji"},
      {"😄 - an emoji", "---an-emoji"},
      {":ok_hand: Single", "ok_hand-single"},
      {"Привет non-latin 你好", "привет-non-latin-你好"},
      {"CO₂-udledning", "co-udledning"},
      {"§ 60-selskaber", "-60-selskaber"},
      {"10 % af budgettet", "10--af-budgettet"},
      {"Ⅻ ½ x²", "ⅻ--x"},
      {"ΟΔΟΣ Σ", "οδος-σ"},
      {"İstanbul", "i\u0307stanbul"},
      {"ẞ straße", "ß-straße"},
      {"a\u00A0b\tc", "abc"},
      {"Ⓐ ⓑ", "ⓐ-ⓑ"},
  };
  HeadingIds ids;
  for (auto& row : page) {  // no structured binding: clang 14 refuses one in INFO
    INFO("heading " << row.first);
    CHECK(ids.make(row.first) == row.second);
  }
}

TEST_CASE("heading_id alone gives the same id however often it is asked") {
  CHECK(heading_id("Åbne spørgsmål") == "åbne-spørgsmål");
  CHECK(heading_id("Åbne spørgsmål") == "åbne-spørgsmål");
  CHECK(heading_id("«»") == "");
  CHECK(heading_id("a\xC3") == "a");  // a lead byte at the very end is no character
}

TEST_CASE("a heading's id is made from its text as rendered") {
  std::string body = "## Økonomi *og* ansvar\n\n## Se [`byrådet`](x.md) – nu!\n";
  auto r = render_markdown(body, 1, body, nullptr);
  REQUIRE(r.headings.size() == 2);
  CHECK(r.headings[0].id == "økonomi-og-ansvar");
  CHECK(r.headings[1].id == "se-byrådet--nu");
  CHECK(r.html.find("<h2 id=\"økonomi-og-ansvar\">") != std::string::npos);
}

TEST_CASE("headings get unique ids in the HTML") {
  std::string body = "## Ansvar\n\ntekst\n\n## Ansvar\n\n### Økonomi\n";
  auto r = render_markdown(body, 1, body, nullptr);
  REQUIRE(r.headings.size() == 3);
  CHECK(r.headings[0].id == "ansvar");
  CHECK(r.headings[1].id == "ansvar-1");
  CHECK(r.headings[2].id == "økonomi");
  CHECK(r.headings[2].line == 7);
  CHECK(r.html.find("<h2 id=\"ansvar-1\">Ansvar</h2>") != std::string::npos);
}

TEST_CASE("a repeated heading id is numbered past the ids that earlier headings took") {
  std::string body = "# A\n# A-2\n# A\n# A\n# «»\n# Afsnit\n";
  auto r = render_markdown(body, 1, body, nullptr);
  std::vector<std::string> ids;
  for (auto& h : r.headings)
    ids.push_back(h.id);
  CHECK(ids == std::vector<std::string>{"a", "a-2", "a-1", "a-3", "afsnit", "afsnit-1"});
}

TEST_CASE("links are collected with the URL's file position and become placeholders") {
  std::string file =
      "+++\ntitle = \"x\"\n+++\nSe [bestyrelsen](../roles/b.md#ansvar) og [KL](https://kl.dk).\n";
  auto r = render_markdown(file.substr(file.find("Se")), 4, file, &rewrite_md);
  REQUIRE(r.links.size() == 2);
  CHECK(r.links[0].url == "../roles/b.md#ansvar");
  CHECK(r.links[0].line == 4);
  CHECK(r.links[0].col == 18);
  CHECK(r.html.find("href=\"" + link_placeholder(0) + "\"") != std::string::npos);
  CHECK(r.html.find("href=\"https://kl.dk\"") != std::string::npos);
}

TEST_CASE("a link's column is that of its URL after '(' or '<', not of the same text before") {
  std::string file = "+++\ntitle = \"x\"\n+++\nb.md og [b](b.md) <https://kl.dk>\n";
  auto r = render_markdown(file.substr(file.find("b.md")), 4, file, nullptr);
  REQUIRE(r.links.size() == 2);
  CHECK(r.links[0].col == 13);
  CHECK(r.links[1].col == 20);
}

TEST_CASE("raw HTML is not passed through and GFM extensions work") {
  std::string body =
      "<script>alert(1)</script>\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n- [x] "
      "gjort\n\nwww.vejle.dk\n";
  auto r = render_markdown(body, 1, body, nullptr);
  CHECK(r.html.find("<script>") == std::string::npos);
  CHECK(r.html.find("<table>") != std::string::npos);
  CHECK(r.html.find("<del>2</del>") != std::string::npos);
  CHECK(r.html.find("checkbox") != std::string::npos);
  CHECK(r.html.find("href=\"http://www.vejle.dk\"") != std::string::npos);
}

TEST_CASE("footnotes render as well-formed XML with Danish labels") {
  std::string body = "Tekst.[^1]\n\n[^1]: Note.\n";
  auto r = render_markdown(body, 1, body, nullptr);
  CHECK(r.html.find("data-footnote-ref=\"\"") != std::string::npos);
  CHECK(r.html.find("Tilbage til teksten") != std::string::npos);
  CHECK(r.html.find("Back to content") == std::string::npos);
  CHECK(r.html.find(" data-footnotes=\"\">") != std::string::npos);
  CHECK(r.html.find(" data-footnote-backref=\"\" ") != std::string::npos);
  // Also where the whole document is written by cmark-gfm (task lists).
  std::string tasks = "- [ ] Opgave.[^1]\n\n[^1]: Note.\n";
  auto t = render_markdown(tasks, 1, tasks, nullptr);
  CHECK(t.html.find("checkbox") != std::string::npos);
  CHECK(t.html.find("data-footnote-ref=\"\"") != std::string::npos);
  CHECK(t.html.find("Tilbage til teksten") != std::string::npos);
}

TEST_CASE("the text of a page is never taken for footnote markup") {
  std::string body = "Ordet data-footnote-backref er ikke en egenskab.[^1]\n\n[^1]: Note.\n";
  auto r = render_markdown(body, 1, body, nullptr);
  CHECK(r.html.find("<p>Ordet data-footnote-backref er ikke") != std::string::npos);
}

TEST_CASE("words for search are lower-case and unique") {
  std::string body = "Byrådet og byrådet mødes. Økonomi\n";
  auto r = render_markdown(body, 1, body, nullptr);
  CHECK(r.words == "byrådet og mødes økonomi");
}

TEST_CASE("the internal edition shows internal passages in a labelled box") {
  std::string body = "a\n<!-- internal -->\n## Hemmelig\n\ntekst\n<!-- /internal -->\nb\n";
  Visibility internal;
  internal.keep_internal = true;
  auto r = render_markdown(body, 1, body, nullptr, true, internal);
  CHECK(r.html ==
        "<p>a</p>\n<div class=\"internal-passage\" role=\"note\">\n<p "
        "class=\"internal-label\">Intern "
        "passage</p>\n<h2 id=\"hemmelig\">Hemmelig</h2>\n<p>tekst</p>\n</div>\n<p>b</p>\n");
  REQUIRE(r.headings.size() == 1);
}

TEST_CASE("front matter is split with line numbers") {
  Diagnostics d;
  std::string text = "+++\ntitle = \"x\"\n+++\nbody\n";
  auto fm = split_front_matter("a.md", text, d);
  REQUIRE(fm);
  CHECK(fm->toml == "title = \"x\"\n");
  CHECK(fm->toml_line == 2);
  CHECK(fm->body == "body\n");
  CHECK(fm->body_line == 4);
}

TEST_CASE("missing or unclosed front matter is an error at line 1") {
  Diagnostics d;
  CHECK(!split_front_matter("a.md", "# Titel\n", d));
  CHECK(!split_front_matter("b.md", "+++\ntitle = \"x\"\n", d));
  auto all = d.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].message.starts_with("sidens felter mangler: filen skal begynde med en linje '+++'"));
  CHECK(all[1].message ==
        "sidens felter bliver aldrig afsluttet: tilføj en linje '+++' efter det sidste felt");
}

TEST_CASE("external URLs are recognised") {
  CHECK(is_external_url("https://vejle.dk"));
  CHECK(is_external_url("mailto:a@b.dk"));
  CHECK(is_external_url("//cdn.example"));
  CHECK(!is_external_url("../roles/a.md"));
  CHECK(!is_external_url("a.md#x:y"));
}

TEST_CASE("every GFM extension works in a text that needs it, alone") {
  auto html = [](std::string_view md) { return render_markdown(md, 1, md, nullptr).html; };
  CHECK(html("a | b\n--|--\n1 | 2\n").find("<table>") != std::string::npos);
  CHECK(html("Kolonne\n:--\nværdi\n").find("<th align=\"left\">Kolonne</th>") != std::string::npos);
  CHECK(html("Overskrift\n---\n") == "<h2 id=\"overskrift\">Overskrift</h2>\n");
  CHECK(html("~~gammel~~ ny\n") == "<p><del>gammel</del> ny</p>\n");
  CHECK(html("Se www.vejle.dk\n").find("<a href=\"http://www.vejle.dk\">") != std::string::npos);
  CHECK(html("Skriv til kontakt@vejle.dk\n").find("href=\"mailto:kontakt@vejle.dk\"") !=
        std::string::npos);
  CHECK(html("- [ ] åben\n- [x] lukket\n").find("type=\"checkbox\"") != std::string::npos);
  CHECK(html("Tekst[^1]\n\n[^1]: Note\n").find("data-footnotes") != std::string::npos);
  CHECK(html("Ingen af dem: 3 - 2 = 1, [link](a.md)\n") ==
        "<p>Ingen af dem: 3 - 2 = 1, <a href=\"a.md\">link</a></p>\n");
  // The same texts after a paragraph of 40 bytes, where they are looked at 16 bytes at a time.
  const std::string before = "Et afsnit uden noget af det, de ser efter\n\n";
  for (std::string_view md :
       {"a | b\n--|--\n1 | 2\n", "Kolonne\n:--\nværdi\n", "~~gammel~~ ny\n", "Se www.vejle.dk\n",
        "Skriv til kontakt@vejle.dk\n", "- [ ] åben\n- [x] lukket\n", "Tekst[^1]\n\n[^1]: Note\n",
        "Se https://vejle.dk\n", "Ingen af dem: 3 - 2 = 1, [link](a.md)\n"}) {
    INFO(md);
    CHECK(html(before + std::string(md)) == html(before) + html(md));
  }
}
