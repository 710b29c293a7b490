// Reading a cmark-gfm tree through the library's public API only: a node's type, text and link
// target as string views, and a walk over a tree with the events of cmark_iter.
#pragma once

#include <string_view>

// clang-format off
#include <cmark-gfm.h>
// clang-format on

namespace hb::cmark {

inline cmark_node_type type(cmark_node* n) {
  return cmark_node_get_type(n);
}

inline std::string_view view(const char* s) {
  return s ? std::string_view(s) : std::string_view();
}

// The text of a text, code, HTML or code block node or a footnote reference; empty for others.
inline std::string_view literal(cmark_node* n) {
  return view(cmark_node_get_literal(n));
}

// A link's or image's target and title.
inline std::string_view url(cmark_node* n) {
  return view(cmark_node_get_url(n));
}
inline std::string_view title(cmark_node* n) {
  return view(cmark_node_get_title(n));
}

// The node types that a walk enters without leaving.
inline bool is_leaf(cmark_node_type type) {
  switch (type) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      return true;
    default:
      return false;
  }
}

}  // namespace hb::cmark

namespace hb {

// The events of cmark_iter over `root`: an enter and an exit event for each container, one
// enter event for each leaf. The tree must not change during the walk.
class TreeWalk {
 public:
  explicit TreeWalk(cmark_node* root) : iter_(cmark_iter_new(root)) {}
  ~TreeWalk() { cmark_iter_free(iter_); }
  TreeWalk(const TreeWalk&) = delete;
  TreeWalk& operator=(const TreeWalk&) = delete;

  // The next event and its node's type: false when the walk is done.
  bool next(cmark_node*& node, bool& entering, cmark_node_type& type) {
    cmark_event_type event = cmark_iter_next(iter_);
    if (event == CMARK_EVENT_DONE) return false;
    node = cmark_iter_get_node(iter_);
    entering = event == CMARK_EVENT_ENTER;
    type = cmark_node_get_type(node);
    return true;
  }

 private:
  cmark_iter* iter_;
};

}  // namespace hb
