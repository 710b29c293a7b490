#include "cmark_arena.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace hb {

namespace {

// Whether a scope lives on this thread.
thread_local bool scope_open = false;

}  // namespace

#ifndef HANDBOOK_CMARK_MALLOC

namespace {

constexpr size_t kAlign = 16;
constexpr size_t kChunk = 256 * 1024;

// Each block is preceded by a header holding its size, so that realloc can copy it.
struct alignas(kAlign) Header {
  size_t size;
};

size_t rounded(size_t n) {
  return (n + kAlign - 1) & ~(kAlign - 1);
}

[[noreturn]] void out_of_memory() {  // as cmark-gfm's own allocator does
  std::fputs("handbook: out of memory\n", stderr);
  std::abort();
}

char* must(void* p) {
  if (!p) out_of_memory();
  return static_cast<char*>(p);
}

// The free part of the chunk in use. Plain data, so that a thread reaches it without a check
// for initialisation on every allocation.
struct Bump {
  char* next;  // first free byte
  char* end;
  char* last;  // the most recent block, which realloc may grow in place
};

thread_local Bump bump;

// The chunks, reused from document to document as they are: calloc clears what it hands out,
// and realloc's new bytes need no clearing.
struct Arena {
  std::vector<char*> chunks;  // kChunk bytes each
  size_t used = 0;            // how many chunks the document has filled and left behind
  std::vector<char*> large;   // blocks too big for a chunk, released at reset

  ~Arena() {
    reset();
    for (char* c : chunks)
      std::free(c);
  }

  void next_chunk() {
    if (bump.next) ++used;
    if (used == chunks.size()) chunks.push_back(must(std::malloc(kChunk)));
    bump.next = chunks[used];
    bump.end = bump.next + kChunk;
    bump.last = nullptr;
  }

  void reset() {
    for (char* b : large)
      std::free(b);
    large.clear();
    used = 0;
    bump = Bump{nullptr, nullptr, nullptr};
  }

  // An allocation that does not fit in the chunk in use. Kept out of line, so that the fast path
  // of every allocation saves no registers.
  [[gnu::noinline]] void* allocate_slow(size_t size) {
    size_t need = sizeof(Header) + rounded(size);
    char* block;
    if (need > kChunk / 4) {
      block = must(std::malloc(need));
      large.push_back(block);
    } else {
      next_chunk();
      block = bump.next;
      bump.next += need;
      bump.last = block;
    }
    reinterpret_cast<Header*>(block)->size = size;
    return block + sizeof(Header);
  }
};

thread_local Arena arena;

// Memory from the chunk in use, or from the slow path.
inline void* allocate(size_t size) {
  size_t need = sizeof(Header) + rounded(size);
  Bump& b = bump;
  if (need > static_cast<size_t>(b.end - b.next)) return arena.allocate_slow(size);
  char* block = b.next;
  b.next += need;
  b.last = block;
  reinterpret_cast<Header*>(block)->size = size;
  return block + sizeof(Header);
}

void* arena_calloc(size_t count, size_t size) {
  size_t bytes;
  if (__builtin_mul_overflow(count, size, &bytes)) out_of_memory();
  return std::memset(allocate(bytes), 0, bytes);
}

void* arena_realloc(void* ptr, size_t size) {
  if (!ptr) return allocate(size);
  char* block = static_cast<char*>(ptr) - sizeof(Header);
  auto* header = reinterpret_cast<Header*>(block);
  Bump& b = bump;
  if (block == b.last && static_cast<size_t>(b.end - block) >= sizeof(Header) + rounded(size)) {
    // Grown or shrunk in place.
    char* end = block + sizeof(Header) + rounded(size);
    if (end > b.next) b.next = end;
    header->size = size;
    return ptr;
  }
  void* grown = allocate(size);
  std::memcpy(grown, ptr, header->size < size ? header->size : size);
  return grown;
}

void arena_free(void*) {}

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

#endif

CmarkScope::CmarkScope() {
  if (scope_open)
    throw std::logic_error(
        "CmarkScope: a scope already lives on this thread, and a second one would wipe its "
        "document: finish the first document before starting another");
  scope_open = true;
}

#ifdef HANDBOOK_CMARK_MALLOC

CmarkScope::~CmarkScope() {
  for (cmark_node* root : roots_)
    cmark_node_free(root);
  for (cmark_parser* parser : parsers_)
    cmark_parser_free(parser);
  scope_open = false;
}

cmark_mem* CmarkScope::mem() const {
  return cmark_get_default_mem_allocator();
}

void CmarkScope::owns(cmark_parser* parser) {
  parsers_.push_back(parser);
}

void CmarkScope::owns(cmark_node* root) {
  roots_.push_back(root);
}

#else

CmarkScope::~CmarkScope() {
  arena.reset();  // the next document starts at the first chunk
  scope_open = false;
}

cmark_mem* CmarkScope::mem() const {
  return &arena_mem;
}

void CmarkScope::owns(cmark_parser*) {}
void CmarkScope::owns(cmark_node*) {}

#endif

}  // namespace hb
