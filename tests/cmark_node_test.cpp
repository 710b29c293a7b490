#include <doctest/doctest.h>

#include <string>
#include <vector>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// clang-format on

#include "markdown/cmark_node.h"

using namespace hb;

namespace {

std::string or_empty(const char* s) {
  return s ? s : "";
}

}  // namespace

TEST_CASE("a node's fields read from the struct are what cmark-gfm's accessors give") {
  const std::string doc =
      "# Head *em* `code`\n\n"
      "Text & <span>html</span> [link](a.md \"T & t\") ![alt](p.png) <https://x.dk>\n"
      "note[^1] ~~gone~~\n\n"
      "```js extra\nlet a = '<b>';\n```\n\n"
      "    indented\n\n"
      "<div>\nblock\n</div>\n\n"
      "| a |\n|---|\n| b |\n\n"
      "[^1]: The note.\n";
  cmark_gfm_core_extensions_ensure_registered();
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "strikethrough", "autolink"})
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  cmark_parser_feed(parser, doc.data(), doc.size());
  cmark_node* root = cmark_parser_finish(parser);
  std::vector<std::string> literals, urls;
  cmark_iter* it = cmark_iter_new(root);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    std::string literal(cmark::literal(n)), url, title;
    if (cmark_node_get_type(n) == CMARK_NODE_LINK || cmark_node_get_type(n) == CMARK_NODE_IMAGE) {
      url = cmark::url(n);
      title = cmark::title(n);
      CHECK(url == or_empty(cmark_node_get_url(n)));
      CHECK(title == or_empty(cmark_node_get_title(n)));
      urls.push_back(url);
    }
    CHECK(cmark::type(n) == cmark_node_get_type(n));
    CHECK(literal == or_empty(cmark_node_get_literal(n)));
    if (!literal.empty()) literals.push_back(literal);
  }
  cmark_iter_free(it);
  CHECK(literals == std::vector<std::string>{"Head ",
                                             "em",
                                             " ",
                                             "code",
                                             "Text & ",
                                             "<span>",
                                             "html",
                                             "</span>",
                                             " ",
                                             "link",
                                             " ",
                                             "alt",
                                             " ",
                                             "https://x.dk",
                                             "note",
                                             "1",
                                             " ",
                                             "gone",
                                             "let a = '<b>';\n",
                                             "indented\n",
                                             "<div>\nblock\n</div>\n",
                                             "a",
                                             "b",
                                             "The note."});
  CHECK(urls == std::vector<std::string>{"a.md", "p.png", "https://x.dk"});
  cmark_node_free(root);
  cmark_parser_free(parser);
}
