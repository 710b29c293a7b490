// Markdown work that must stay linear in the size of the text: each case is generated large
// enough that quadratic time would take minutes, and must finish within a generous limit.
#include <doctest/doctest.h>

#include <ctime>
#include <string>

#include "markdown/markdown.h"
#include "support.h"

using namespace hb;
using namespace hb::test;

namespace {

constexpr double kLimitSeconds = 10;  // of CPU time; linear time takes well under one

bool rewrite_md(std::string_view url) {
  return url.ends_with(".md");
}

}  // namespace

TEST_CASE("20,000 equal headings get their ids in linear time") {
  std::string md;
  for (int i = 0; i < 20000; ++i)
    md += "## a\n\n";
  std::clock_t start = std::clock();
  RenderedMarkdown r = render_markdown(md, 1, md, nullptr);
  CHECK(cpu_seconds_since(start) < time_limit(kLimitSeconds));
  REQUIRE(r.headings.size() == 20000);
  CHECK(r.headings[0].id == "a");
  CHECK(r.headings[1].id == "a-1");
  CHECK(r.headings[19999].id == "a-19999");
  CHECK(r.html.find("<h2 id=\"a-19999\">a</h2>") != std::string::npos);
}

TEST_CASE("100,000 autolinks on one line are located in linear time") {
  std::string md = "Se ";
  std::vector<int> cols;
  for (int i = 0; i < 100000; ++i) {
    cols.push_back(static_cast<int>(md.size()) + 2);  // after the '<'
    md += "<https://x.dk/" + std::to_string(i) + "> ";
  }
  md += "\n";
  std::clock_t start = std::clock();
  RenderedMarkdown r = render_markdown(md, 1, md, nullptr);
  CHECK(cpu_seconds_since(start) < time_limit(kLimitSeconds));
  REQUIRE(r.links.size() == 100000);
  bool all_right = true;
  for (size_t i = 0; i < r.links.size(); ++i)
    all_right = all_right && r.links[i].line == 1 && r.links[i].col == cols[i];
  CHECK(all_right);
}

TEST_CASE("links whose URL is not written as such are located in linear time on a long line") {
  // `&amp;` stands for the '&' of the URL: the URL is not on the line, and each link is placed
  // at its start.
  std::string md = "Æ ";
  std::vector<int> cols;
  for (int i = 0; i < 50000; ++i) {
    cols.push_back(static_cast<int>(md.size()));  // Æ is two bytes, one column
    md += "[a](m&amp;" + std::to_string(i) + ".md) ";
  }
  md += "\n";
  std::clock_t start = std::clock();
  RenderedMarkdown r = render_markdown(md, 1, md, &rewrite_md);
  CHECK(cpu_seconds_since(start) < time_limit(kLimitSeconds));
  REQUIRE(r.links.size() == 50000);
  CHECK(r.links[7].url == "m&7.md");
  bool all_right = true;
  for (size_t i = 0; i < r.links.size(); ++i)
    all_right = all_right && r.links[i].line == 1 && r.links[i].col == cols[i];
  CHECK(all_right);
}

TEST_CASE("many broken links on one long line are reported in linear time") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  std::string page = "+++\ntitle = \"Byrådet\"\nweight = 1\ngroup = \"ejer\"\n+++\n\n";
  for (int i = 0; i < 30000; ++i)
    page += "[x](mangler" + std::to_string(i) + ".md) ";
  write_file(tmp / "site/content/roles/byraadet.md", page + "\n");
  std::clock_t start = std::clock();
  auto r = run({"check", "--site", (tmp / "site").string()});
  CHECK(cpu_seconds_since(start) < time_limit(kLimitSeconds));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/byraadet.md:7:5: fejl:") != std::string::npos);
  CHECK(r.err.find("content/roles/byraadet.md:7:22: fejl:") != std::string::npos);
}
