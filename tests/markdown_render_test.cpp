#include <doctest/doctest.h>

#include <random>
#include <regex>
#include <string>
#include <vector>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// clang-format on

#include "markdown/markdown.h"

using namespace hb;

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
}

// cmark-gfm's own HTML for `markdown`, parsed with footnotes and every GFM extension, with the
// address of every link and image set to `url` when it is given, and footnote markup made
// well-formed and Danish as render_markdown makes it.
std::string cmark_html(const std::string& markdown, const char* url = nullptr) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, mem);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; url && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    auto type = cmark_node_get_type(n);
    if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
      cmark_node_set_url(n, url);
  }
  cmark_iter_free(it);
  char* html = cmark_render_html_with_mem(doc, CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES,
                                          cmark_parser_get_syntax_extensions(parser), mem);
  std::string out = html;
  mem->free(html);
  cmark_node_free(doc);
  cmark_parser_free(parser);
  replace_all(out, " data-footnote-ref>", " data-footnote-ref=\"\">");
  replace_all(out, " data-footnotes>", " data-footnotes=\"\">");
  replace_all(out, " data-footnote-backref ", " data-footnote-backref=\"\" ");
  replace_all(out, "aria-label=\"Back to content\"", "aria-label=\"Tilbage til teksten\"");
  return out;
}

bool every_link(std::string_view) {
  return true;
}

// render_markdown's HTML with its headings' ids taken out, and with `url` for each link
// placeholder when every link is rewritten.
std::string ours(const std::string& markdown, const char* url = nullptr) {
  RenderedMarkdown r = render_markdown(markdown, 1, markdown, url ? &every_link : nullptr);
  std::string html = replace_link_placeholders(r.html, [&](size_t) { return std::string(url); });
  return std::regex_replace(html, std::regex("<h([1-6]) id=\"[^\"]+\">"), "<h$1>");
}

const std::vector<std::string> kInlines = {
    "plain words",
    "Ærø & <b>bold</b> \"quoted\" it's a/b",
    "*em* and **strong** and ***both***",
    "`code <x> & \"y\"`",
    "[link](http://example.com/a?b=1&c='2'#x \"Title \\\"q\\\" & <t>\")",
    "[bad](javascript:alert(1)) [bad2](VBScript:x) [file](FILE:///etc) [data](data:text/html,x)",
    "[ok image data](DATA:image/PNG;base64,AAA) ![img *alt* `c` <i>x</i>](pic.png \"t & t\")",
    "![](empty.png) ![nested ![inner](i.png) end](o.png)",
    "<span class=\"x\">inline html</span>",
    "<http://auto.example.com/x?y=1> www.example.dk foo@example.com",
    "~~struck~~ and ~single~",
    "line with hard break  \nnext line\\\nlast",
    "&amp; &copy; &#35; &nbsp; &bogus;",
    "[space link](<a b.html>) [unicode](æøå.html) [pct](a%20b|c{d}.html)",
    "soft\nbreak",
    "note[^1] again[^1] other[^b] missing[^x]",
    "in *emphasis[^b]* and [link[^1]](l.html)",
};

const std::vector<std::string> kBlocks = {
    "# Heading *one*",
    "## Heading `two` & more",
    "Setext heading\n---",
    "> quoted **text**\n> more",
    "- tight\n- list\n  - nested",
    "1. loose\n\n2. list",
    "3. starts\n4. at three",
    "```python extra words\nprint(\"<x>\" & 'y')\n```",
    "```\nno info\n```",
    "    indented code <x>",
    "<div>\nraw block\n</div>",
    "<!-- comment -->",
    "***",
    "| a | b & c |\n|---|:-:|\n| 1 | ~~x~~ |\n| `y` | [l](u.html) |",
    "| one |\n| --- |",
    "| l | c | r | n |\n|:--|:-:|--:|---|\n| 1 | 2 |\n| 1 | 2 \\| x | 3 | 4 | 5 |\n",
    "- item with\n\n  two paragraphs",
    "[^1]: The *first* note[^b].\n\n    second paragraph",
    "[^b]: A note\n\n    ```\n    code last\n    ```",
    "[^u]: never referenced",
    "> [^q]: quoted definition\n\nref[^q]",
};

// Blocks and inlines of the lists above, in random order and number.
std::string random_document(std::mt19937& rng) {
  std::string doc;
  for (unsigned k = 1 + rng() % 10; k > 0; --k) {
    if (rng() % 2)
      doc += kBlocks[rng() % kBlocks.size()];
    else
      doc += kInlines[rng() % kInlines.size()] + " " + kInlines[rng() % kInlines.size()];
    doc += rng() % 3 ? "\n\n" : "\n";
  }
  return doc;
}

}  // namespace

TEST_CASE("Markdown is written by cmark-gfm's renderer, headings given ids, links rewritten") {
  std::vector<std::string> docs = kInlines;
  docs.insert(docs.end(), kBlocks.begin(), kBlocks.end());
  docs.push_back("- [ ] open\n- [x] done *now*\n\n- \n");
  std::mt19937 rng(20261201);
  for (int round = 0; round < 400; ++round)
    docs.push_back(random_document(rng) + (round % 3 ? "" : "- [ ] open\n- [x] done\n"));
  for (const std::string& doc : docs) {
    INFO(doc);
    CHECK(ours(doc) == cmark_html(doc));
    CHECK(ours(doc, "/U") == cmark_html(doc, "/U"));
  }
}

TEST_CASE("a rewritten link keeps its title and an image its description and title") {
  std::string md = "[a *b*](x.md \"T & \\\"t\\\" <\") ![c `d` *e*\nf](y.png \"G\") ![](z.png)\n";
  RenderedMarkdown r = render_markdown(md, 1, md, &every_link);
  CHECK(r.html == "<p><a href=\"" + link_placeholder(0) +
                      "\" title=\"T &amp; &quot;t&quot; &lt;\">a <em>b</em></a> <img src=\"" +
                      link_placeholder(1) + "\" alt=\"c d e f\" title=\"G\" /> <img src=\"" +
                      link_placeholder(2) + "\" alt=\"\" /></p>\n");
}
