// A cmark-gfm node's fields, read from the struct itself. The library's accessors are calls into
// the shared library for every field, and cmark_node_get_literal and cmark_node_get_url copy
// text that still points into the parsed document into a fresh C string on first use. The
// struct is cmark-gfm's own, from the <cmark-gfm/node.h> that libcmark-gfm-dev installs with
// the library it describes.
#pragma once

#include <string_view>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm/node.h>
// clang-format on

namespace hb::cmark {

inline cmark_node_type type(const cmark_node* n) {
  return static_cast<cmark_node_type>(n->type);
}

inline std::string_view text(const cmark_chunk& c) {
  return {reinterpret_cast<const char*>(c.data), static_cast<size_t>(c.len)};
}

// What cmark_node_get_literal gives, without its copy: the text of a text, code, HTML or code
// block node or a footnote reference, empty for other nodes.
inline std::string_view literal(const cmark_node* n) {
  switch (n->type) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return text(n->as.literal);
    case CMARK_NODE_CODE_BLOCK:
      return text(n->as.code.literal);
    default:
      return {};
  }
}

// A link's or image's target and title.
inline std::string_view url(const cmark_node* n) {
  return text(n->as.link.url);
}
inline std::string_view title(const cmark_node* n) {
  return text(n->as.link.title);
}

}  // namespace hb::cmark
