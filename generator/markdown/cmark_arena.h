// A per-thread bump allocator for cmark-gfm: parsing and rendering one document allocates from
// it, nothing is freed one by one, and the whole document is released at once when the scope
// that owns it ends. This spares the many small mallocs and frees of a cmark syntax tree.
//
// Built with the CMake option HANDBOOK_CMARK_MALLOC, a scope hands out cmark-gfm's own
// allocator instead and frees what it was given to own, so that AddressSanitizer sees every
// block of cmark-gfm's memory.
#pragma once

#include <vector>

#include <cmark-gfm.h>

namespace hb {

// While a CmarkScope lives, `mem()` hands out memory that stays valid until the scope ends.
// Scopes do not nest: one document per thread at a time. A second scope on a thread where one
// lives would wipe the first one's document, so its constructor throws std::logic_error.
class CmarkScope {
 public:
  CmarkScope();
  ~CmarkScope();
  CmarkScope(const CmarkScope&) = delete;
  CmarkScope& operator=(const CmarkScope&) = delete;

  cmark_mem* mem() const;

  // Hands over what must be freed when the scope ends: a parser, and each tree that is no longer
  // part of another (a document, an unlinked node). The arena frees them all at once anyway.
  void owns(cmark_parser* parser);
  void owns(cmark_node* root);

 private:
  std::vector<cmark_parser*> parsers_;  // with plain malloc only
  std::vector<cmark_node*> roots_;
};

}  // namespace hb
