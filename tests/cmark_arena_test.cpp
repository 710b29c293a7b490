#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "markdown/cmark_arena.h"

using namespace hb;

namespace {

bool all_zero(const void* p, size_t n) {
  const auto* b = static_cast<const unsigned char*>(p);
  for (size_t i = 0; i < n; ++i)
    if (b[i]) return false;
  return true;
}

}  // namespace

TEST_CASE("the cmark arena hands out zeroed memory in every scope and keeps data on realloc") {
  std::mt19937 rng(5);
  for (int scope_round = 0; scope_round < 6; ++scope_round) {
    CmarkScope scope;
    cmark_mem* mem = scope.mem();
    std::vector<std::tuple<unsigned char*, size_t, unsigned char>> blocks;
    bool zeroed = true, kept = true;
    for (int k = 0; k < 3000; ++k) {
      // Mostly small blocks, now and then one larger than a quarter of a chunk.
      size_t n = rng() % 50 == 0 ? 70000 + rng() % 100000 : 1 + rng() % 600;
      auto* p = static_cast<unsigned char*>(mem->calloc(1, n));
      zeroed = zeroed && all_zero(p, n);
      std::memset(p, 0xA5, n);
      auto fill = static_cast<unsigned char>(k % 255 + 1);
      if (rng() % 4 == 0) {  // grow or shrink it, often while it is the last block
        size_t m = 1 + rng() % 2000;
        p = static_cast<unsigned char*>(mem->realloc(p, m));
        for (size_t i = 0; i < std::min(n, m); ++i)
          kept = kept && p[i] == 0xA5;
        n = m;
      }
      std::memset(p, fill, n);
      blocks.push_back({p, n, fill});
    }
    CHECK(zeroed);
    CHECK(kept);
    bool intact = true;  // no block overlaps another
    for (auto& [p, n, fill] : blocks)
      for (size_t i = 0; i < n; ++i)
        intact = intact && p[i] == fill;
    CHECK(intact);
    for (auto& [p, n, fill] : blocks)  // a no-op for the arena; plain malloc's blocks are freed
      mem->free(p);
  }
}

TEST_CASE("a second cmark scope on a thread is refused, and the first one's memory stays") {
  CmarkScope outer;
  auto* kept = static_cast<char*>(outer.mem()->calloc(1, 64));
  std::memcpy(kept, "outer document", 15);
  std::string message;
  try {
    CmarkScope inner;
  } catch (const std::logic_error& e) {
    message = e.what();
  }
  CHECK(message ==
        "CmarkScope: a scope already lives on this thread, and a second one would wipe its "
        "document: finish the first document before starting another");
  auto* more = static_cast<char*>(outer.mem()->calloc(1, 64));
  CHECK(std::string(kept) == "outer document");
  CHECK(all_zero(more, 64));
  outer.mem()->free(kept);
  outer.mem()->free(more);
}

TEST_CASE("after a scope ends, another may begin on the same thread") {
  { CmarkScope first; }
  CHECK_NOTHROW(CmarkScope second);
}
