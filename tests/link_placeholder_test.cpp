// The placeholder that stands for a rewritten link's address in rendered Markdown cannot be
// written by content: text that looks like an old placeholder survives, and the byte that marks
// a real one is refused where the file is read.
#include <doctest/doctest.h>

#include <string>

#include "markdown/markdown.h"
#include "support.h"

using namespace hb;
using namespace hb::test;

namespace {

size_t count(const std::string& text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

bool rewrite_md(std::string_view url) {
  return url.ends_with(".md");
}

}  // namespace

TEST_CASE("only rewritten links carry the placeholder mark in rendered Markdown") {
  std::string md =
      "hb-link:0 `hb-link:1` [a](hb-link:2 \"hb-link:3\") ![hb-link:4](x.png)\n\n"
      "[b](b.md \"hb-link:5\")\n\n```hb-link:6\nhb-link:7\n```\n";
  RenderedMarkdown r = render_markdown(md, 1, md, &rewrite_md);
  REQUIRE(r.links.size() == 3);
  CHECK(count(r.html, std::string(1, kLinkMark)) == 2);
  CHECK(r.html ==
        "<p>hb-link:0 <code>hb-link:1</code> <a href=\"hb-link:2\" title=\"hb-link:3\">a</a> <img "
        "src=\"x.png\" alt=\"hb-link:4\" /></p>\n<p><a href=\"" +
            link_placeholder(2) +
            "\" title=\"hb-link:5\">b</a></p>\n<pre><code "
            "class=\"language-hb-link:6\">hb-link:7\n</code></pre>\n");
}

TEST_CASE("content that looks like a link placeholder is published as written") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  write_file(tmp / "site/content/roles/byraadet.md",
             "+++\ntitle = \"Byrådet hb-link:0\"\nweight = 1\ngroup = \"ejer\"\n"
             "summary = \"hb-link:0 i resuméet\"\n+++\n\n"
             "## Om hb-link:0\n\n"
             "Tekst hb-link:0 og `hb-link:1` og <hb-link:2> og [et link](hb-link:3) og "
             "[bestyrelsen](bestyrelsen.md \"hb-link:0 titel\") og "
             "![hb-link:0](data:image/png;base64,aGItbGluazow).\n\n"
             "```hb-link:0\nhb-link:0 i kode\n```\n\n"
             "| hb-link:0 | [b](bestyrelsen.md) |\n|---|---|\n| hb-link:1 | `hb-link:2` |\n");
  auto r = run({"build", "--site", (tmp / "site").string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(tmp / "out/roles/byraadet.html");
  CHECK(html.find('\xFF') == std::string::npos);
  for (std::string_view piece :
       {"<h1>Byrådet hb-link:0</h1>", "<h2 id=\"om-hb-link0\">Om hb-link:0</h2>",
        "Tekst hb-link:0 og <code>hb-link:1</code> og <a href=\"hb-link:2\">hb-link:2</a> og "
        "<a href=\"hb-link:3\">et link</a> og <a href=\"../roles/bestyrelsen.html\" "
        "title=\"hb-link:0 titel\">bestyrelsen</a> og <img "
        "src=\"data:image/png;base64,aGItbGluazow\" "
        "alt=\"hb-link:0\" />.",
        "<pre><code class=\"language-hb-link:0\">hb-link:0 i kode\n</code></pre>",
        "<th>hb-link:0</th>\n<th><a href=\"../roles/bestyrelsen.html\">b</a></th>",
        "<td>hb-link:1</td>\n<td><code>hb-link:2</code></td>"}) {
    CAPTURE(piece);
    CHECK(html.find(piece) != std::string::npos);
  }
}

TEST_CASE("the byte that marks a link placeholder is refused in content") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  write_file(tmp / "site/content/roles/byraadet.md",
             "+++\ntitle = \"Byrådet\"\nweight = 1\ngroup = \"ejer\"\n+++\n\nSe \xFF"
             "0\xFF her.\n");
  auto r = run({"build", "--site", (tmp / "site").string(), "--out", (tmp / "out").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/byraadet.md:7:4: fejl: filen er ikke gyldig UTF-8 her") !=
        std::string::npos);
}
