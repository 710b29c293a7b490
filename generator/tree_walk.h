// A walk over a cmark-gfm tree with the events of cmark_iter (an enter and an exit event for
// each container, one enter event for each leaf), without the iterator's calls per event.
#pragma once

// clang-format off
#include <cmark-gfm.h>
// clang-format on

namespace hb {

class TreeWalk {
 public:
  explicit TreeWalk(cmark_node* root) : root_(root), node_(root) {}

  // The next event and its node's type: false when the walk is done.
  bool next(cmark_node*& node, bool& entering, cmark_node_type& type) {
    if (!node_) return false;
    node = node_;
    entering = entering_;
    type = cmark_node_get_type(node_);
    cmark_node* child;
    if (entering_ && !is_leaf(type) && (child = cmark_node_first_child(node_))) {
      node_ = child;
    } else if (entering_ && !is_leaf(type)) {
      entering_ = false;  // an empty container: its exit comes next
    } else if (node_ == root_) {
      node_ = nullptr;
    } else if (cmark_node* sibling = cmark_node_next(node_)) {
      node_ = sibling;
      entering_ = true;
    } else {
      node_ = cmark_node_parent(node_);
      entering_ = false;
    }
    return true;
  }

  // The node types that cmark_iter enters without leaving.
  static bool is_leaf(cmark_node_type type) {
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

 private:
  cmark_node* root_;
  cmark_node* node_;
  bool entering_ = true;
};

}  // namespace hb
