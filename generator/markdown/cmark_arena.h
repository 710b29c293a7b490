// A per-thread bump allocator for cmark-gfm: parsing and rendering one document allocates from
// it, nothing is freed one by one, and the whole document is released at once when the scope
// that owns it ends. This spares the many small mallocs and frees of a cmark syntax tree.
#pragma once

#include <cmark-gfm.h>

namespace hb {

// While a CmarkScope lives, `mem()` hands out memory that stays valid until the scope ends.
// Scopes do not nest: one document per thread at a time.
class CmarkScope {
 public:
  CmarkScope();
  ~CmarkScope();
  CmarkScope(const CmarkScope&) = delete;
  CmarkScope& operator=(const CmarkScope&) = delete;

  cmark_mem* mem() const;
};

}  // namespace hb
