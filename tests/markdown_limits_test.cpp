// Small texts on which cmark-gfm 0.29.0.gfm.6 takes time or memory that grows with the square of
// their size are refused before they are parsed, each with an error at the construct; texts an
// editor writes, large ones included, pass. Each hostile case took from 3 s to minutes, or over a
// gigabyte, before it was refused; the limit here would catch a return to that.
#include <doctest/doctest.h>

#include <ctime>
#include <string>
#include <vector>

#include "markdown/markdown.h"
#include "support.h"

using namespace hb;
using namespace hb::test;

namespace {

constexpr double kLimitSeconds = 5;  // of CPU time; the check takes a few milliseconds

struct Checked {
  RenderedMarkdown md;
  std::vector<std::string> problems;
  double seconds = 0;
};

Checked check(const std::string& body, int body_line = 1) {
  Diagnostics diags;
  Visibility vis;
  vis.path = "side.md";
  vis.diags = &diags;
  std::clock_t start = std::clock();
  Checked c{render_markdown(body, body_line, body, nullptr, true, vis), {}, 0};
  c.seconds = cpu_seconds_since(start);
  for (auto& d : diags.sorted())
    c.problems.push_back(d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.col) +
                         ": " + d.message);
  return c;
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += s;
  return out;
}

}  // namespace

TEST_CASE("a table row of more cells than a table may have is refused at the cell over the limit") {
  hb::test::EnglishMessages english;
  const std::string message =
      "a table may have at most 100 cells in a row, and this line has more ('|'): split the "
      "table";
  // a body row of 40,000 cells took 4 s; a header row of as many, under a one-column
  // delimiter row, 3 s; a delimiter row of 20,000 columns, over 1 s
  struct Case {
    std::string body;
    std::string at;
  };
  for (const Case& one : std::vector<Case>{
           {"Tekst.\n\n|a|b|\n|-|-|\n" + repeat("|", 40000) + "\n", "14:101"},
           {"Tekst.\n\n" + repeat("|", 40000) + " a\n|-|\n", "12:101"},
           {"Tekst.\n\n" + repeat("a|", 20000) + "\n" + repeat("-|", 20000) + "\n", "12:202"},
           {"> |a|\n> |-|\n> " + repeat("|", 40000) + "\n", "12:103"}}) {
    const std::string& at = one.at;
    CAPTURE(at);
    Checked c = check(one.body, 10);
    CHECK(c.seconds < time_limit(kLimitSeconds));
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0] == "side.md:" + at + ": " + message);
    CHECK(c.md.html.empty());
  }
}

TEST_CASE("tables whose empty cells would be too many are refused at the table") {
  hb::test::EnglishMessages english;
  // 100 columns over 20,000 rows of one cell each: 14 kB of text, 2 million cells, 40 MB of
  // HTML and seconds of work
  std::string body =
      "Tekst.\n\n" + repeat("|a", 100) + "\n" + repeat("|-", 100) + "\n" + repeat("|x\n", 20000);
  Checked c = check(body);
  CHECK(c.seconds < time_limit(kLimitSeconds));
  REQUIRE(c.problems.size() == 1);
  CHECK(c.problems[0] ==
        "side.md:3:1: the tables here would have more than 100000 cells in all (columns times "
        "rows, empty ones too): split them over several pages, or end each table with a blank "
        "line");
}

TEST_CASE("brackets that cmark-gfm would look back over too often are refused") {
  hb::test::EnglishMessages english;
  const std::string message =
      "too many '[' and ']' in one paragraph: Markdown would take too long to read them; put "
      "blank lines between the paragraphs, or write \\[ and \\] for brackets that belong to no "
      "link";
  // `![[]()` 40,000 times took 6 s; 40,000 `![` before 40,000 links, over 20 s
  for (std::string body : {repeat("![[]()", 40000), repeat("![", 40000) + repeat("[]()", 40000),
                           repeat("[[]()", 40000)}) {
    Checked c = check("Tekst.\n\n" + body + "\n");
    CHECK(c.seconds < time_limit(kLimitSeconds));
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].starts_with("side.md:3:"));
    CHECK(c.problems[0].ends_with(": " + message));
  }
}

TEST_CASE("many unclosed processing instructions or CDATA sections in one paragraph are refused") {
  hb::test::EnglishMessages english;
  // 40,000 of each took 3 and 4 s
  for (const auto& one : std::vector<std::pair<std::string, std::string>>{
           {repeat("a <?", 40000), "<?"}, {repeat("a <![CDATA[", 40000), "<![CDATA["}}) {
    const std::string& what = one.second;
    CAPTURE(what);
    Checked c = check(one.first + "\n");
    CHECK(c.seconds < time_limit(kLimitSeconds));
    REQUIRE(c.problems.size() == 1);
    CHECK(c.problems[0].starts_with("side.md:1:"));
    CHECK(c.problems[0].ends_with(": '" + what +
                                  "' is never closed, and so many of them in one paragraph would "
                                  "take too long to read: write &lt; for a '<' that begins no "
                                  "HTML"));
  }
}

TEST_CASE("large texts that an editor writes are within the limits") {
  // a table of 50 columns and 1,500 rows, a list of 20,000 links, a paragraph of 2,000 links,
  // 1,000 paragraphs that each mention '<?php', and a long page of pipes outside any table
  std::string body = repeat("| a ", 50) + "|\n" + repeat("|---", 50) + "|\n" +
                     repeat(repeat("| x ", 50) + "|\n", 1500) + "\n";
  body += repeat("- [Side](side.md) og [en anden](anden.md#afsnit)\n", 20000) + "\n";
  body += repeat("Se [Side](side.md), ![kort](kort.png) og [^1] ", 2000) + "\n\n[^1]: Note.\n\n";
  body += repeat("Skriv <?php echo 1; i en fil.\n\n", 1000);
  body += repeat("a | b | c | d | e | f\n", 5000);
  Checked c = check(body);
  CHECK(c.seconds < time_limit(kLimitSeconds));
  CHECK(c.problems.empty());
  CHECK(c.md.html.find("<table>") != std::string::npos);
  CHECK(c.md.links.size() == 20000 * 2 + 2000 * 2);
}

TEST_CASE("link definitions that their uses would copy into too many bytes are refused") {
  hb::test::EnglishMessages english;
  // 30,000 uses of one 10 KB address took 21 s and 2.2 GB, for a page of 288 MB
  Checked c =
      check(repeat("[a] ", 30000) + "\n\n[a]: https://example.org/" + repeat("x", 10000) + "\n");
  CHECK(c.seconds < time_limit(kLimitSeconds));
  CHECK(c.problems == std::vector<std::string>{
                          "side.md:3:1: a link definition here may take 10025 bytes, and each of "
                          "the text's 30001 ']' may repeat it in a link: that may make over 32 MB "
                          "of HTML; write a shorter address, or write it in the links themselves"});
  // The same uses of a short address pass.
  c = check(repeat("[a] ", 30000) + "\n\n[a]: https://example.org/\n");
  CHECK(c.problems.empty());
  CHECK(c.md.links.size() == 30000);
}

TEST_CASE("too many footnote references in one text are refused at the one over the limit") {
  hb::test::EnglishMessages english;
  // 400,000 references to one footnote took 24 s for a page of 99 MB
  Checked c = check(repeat("[^a]", 400000) + "\n\n[^a]: Note.\n");
  CHECK(c.seconds < time_limit(kLimitSeconds));
  CHECK(c.problems == std::vector<std::string>{
                          "side.md:1:20001: over 5000 footnote references ('[^') in one text: "
                          "each adds a link back in the footnote, and the page grows too large; "
                          "gather the references, or split the text"});
  c = check(repeat("[^a]", 4999) + "\n\n[^a]: Note.\n");
  CHECK(c.problems.empty());
}
