// A walk over a cmark-gfm tree with the events of cmark_iter (an enter and an exit event for
// each container, one enter event for each leaf), without the iterator's calls per event.
#pragma once

#include "cmark_node.h"

namespace hb {

class TreeWalk {
 public:
  explicit TreeWalk(cmark_node* root) : root_(root), node_(root) {}

  // The next event and its node's type: false when the walk is done.
  bool next(cmark_node*& node, bool& entering, cmark_node_type& type) {
    if (!node_) return false;
    node = node_;
    entering = entering_;
    type = cmark::type(node_);
    if (entering_ && !is_leaf(type) && node_->first_child) {
      node_ = node_->first_child;
    } else if (entering_ && !is_leaf(type)) {
      entering_ = false;  // an empty container: its exit comes next
    } else if (node_ == root_) {
      node_ = nullptr;
    } else if (node_->next) {
      node_ = node_->next;
      entering_ = true;
    } else {
      node_ = node_->parent;
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
