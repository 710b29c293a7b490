#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// clang-format on

#include "markdown/html_writer.h"
#include "markdown/tree_walk.h"

using namespace hb;

namespace {

// cmark-gfm's own HTML and the walked HtmlWriter's for `markdown`, parsed with footnotes and
// the table, strikethrough, autolink and tagfilter extensions.
std::pair<std::string, std::string> both(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, mem);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* doc = cmark_parser_finish(parser);
  cmark_llist* extensions = cmark_parser_get_syntax_extensions(parser);
  char* theirs =
      cmark_render_html_with_mem(doc, CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, extensions, mem);
  std::string expected = theirs;
  mem->free(theirs);
  std::string ours;
  HtmlWriter writer(ours, extensions, mem);
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
    writer.event(cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER);
  cmark_iter_free(it);
  writer.finish();
  cmark_node_free(doc);
  cmark_parser_free(parser);
  return {expected, ours};
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

TEST_CASE("the walked HTML writer writes what cmark-gfm's renderer writes") {
  for (const std::string& piece : kInlines) {
    auto [expected, ours] = both(piece);
    CHECK(ours == expected);
  }
  for (const std::string& piece : kBlocks) {
    auto [expected, ours] = both(piece);
    CHECK(ours == expected);
  }
  std::mt19937 rng(20261201);
  for (int round = 0; round < 400; ++round) {
    std::string doc = random_document(rng);
    auto [expected, ours] = both(doc);
    INFO("round " << round << ":\n" << doc);
    CHECK(ours == expected);
  }
}

TEST_CASE("headings get their id as they are written") {
  std::string out;
  cmark_mem* mem = cmark_get_default_mem_allocator();
  cmark_node* doc = cmark_parse_document("## Roller og fora\n", 18, CMARK_OPT_DEFAULT);
  HtmlWriter writer(out, nullptr, mem);
  cmark_iter* it = cmark_iter_new(doc);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
    writer.event(cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER, "roller-og-fora");
  cmark_iter_free(it);
  cmark_node_free(doc);
  CHECK(out == "<h2 id=\"roller-og-fora\">Roller og fora</h2>\n");
}

TEST_CASE("text and links are escaped as cmark-gfm escapes them") {
  std::string out;
  append_escaped_text(out, "a & b < c > d \"e\" 'f' /g 0123456789abcdef&<>\"");
  CHECK(out == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f' /g 0123456789abcdef&amp;&lt;&gt;&quot;");
  out.clear();
  append_escaped_url(out, "https://x.dk/a b?c=1&d='2'#ø");
  CHECK(out == "https://x.dk/a%20b?c=1&amp;d=&#x27;2&#x27;#%C3%B8");
  out.clear();
  append_escaped_url(out, "JavaScript:alert(1)");
  CHECK(out.empty());
  append_escaped_url(out, "data:image/webp;base64,x");
  CHECK(out == "data:image/webp;base64,x");
}

TEST_CASE("text of every length is escaped at every position") {
  auto reference = [](const std::string& text) {
    std::string out;
    for (char c : text)
      out += c == '&'   ? "&amp;"
             : c == '<' ? "&lt;"
             : c == '>' ? "&gt;"
             : c == '"' ? "&quot;"
                        : std::string(1, c);
    return out;
  };
  const std::string specials = "&<>\"";
  for (size_t n = 0; n <= 40; ++n) {
    for (size_t at = 0; at < n; ++at) {
      std::string text(n, 'x');
      text[at] = specials[at % specials.size()];
      text[n - 1 - at] = specials[n % specials.size()];
      std::string out = "<";
      append_escaped_text(out, text);
      INFO("n " << n << " at " << at);
      CHECK(out == "<" + reference(text));
    }
  }
}

TEST_CASE("a tree walk gives the events of cmark_iter, task lists and footnotes included") {
  cmark_gfm_core_extensions_ensure_registered();
  cmark_mem* mem = cmark_get_default_mem_allocator();
  std::mt19937 rng(20261202);
  for (int round = 0; round < 300; ++round) {
    std::string doc = random_document(rng) + (round % 3 ? "- [ ] open\n- [x] done\n\n- \n" : "");
    cmark_parser* parser = cmark_parser_new_with_mem(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES, mem);
    for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"})
      cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    cmark_parser_feed(parser, doc.data(), doc.size());
    cmark_node* root = cmark_parser_finish(parser);
    std::vector<std::pair<cmark_node*, bool>> expected, walked;
    cmark_iter* it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;)
      expected.push_back({cmark_iter_get_node(it), ev == CMARK_EVENT_ENTER});
    cmark_iter_free(it);
    TreeWalk walk(root);
    cmark_node* n;
    bool entering;
    cmark_node_type type;
    while (walk.next(n, entering, type)) {
      walked.push_back({n, entering});
      CHECK(type == cmark_node_get_type(n));
    }
    INFO("round " << round << ":\n" << doc);
    CHECK(walked == expected);
    cmark_node_free(root);
    cmark_parser_free(parser);
  }
}
