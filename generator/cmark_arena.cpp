#include "cmark_arena.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace hb {

namespace {

constexpr size_t kAlign = 16;
constexpr size_t kChunk = 256 * 1024;

// Each block is preceded by a header holding its size, so that realloc can copy it.
struct alignas(kAlign) Header {
  size_t size;
};

struct Arena {
  std::vector<char*> chunks;  // kChunk bytes each, reused from document to document
  std::vector<char*> large;   // blocks too big for a chunk, released at reset
  size_t chunk = 0;           // index of the chunk in use
  char* next = nullptr;       // first free byte of that chunk
  char* end = nullptr;
  char* last = nullptr;  // the most recent block, which realloc may grow in place

  ~Arena() {
    reset();
    for (char* c : chunks)
      std::free(c);
  }

  static char* must(void* p) {
    if (!p) {  // as cmark-gfm's own allocator does
      std::fputs("handbook: out of memory\n", stderr);
      std::abort();
    }
    return static_cast<char*>(p);
  }

  void start_chunk(size_t index) {
    if (index == chunks.size()) chunks.push_back(must(std::malloc(kChunk)));
    chunk = index;
    next = chunks[index];
    end = next + kChunk;
  }

  void reset() {
    for (char* b : large)
      std::free(b);
    large.clear();
    next = end = last = nullptr;
    chunk = 0;
  }

  static size_t rounded(size_t n) { return (n + kAlign - 1) & ~(kAlign - 1); }

  void* allocate(size_t size) {
    size_t need = sizeof(Header) + rounded(size);
    char* block;
    if (need > kChunk / 4) {
      block = must(std::malloc(need));
      large.push_back(block);
    } else {
      if (!next) start_chunk(0);
      if (static_cast<size_t>(end - next) < need) start_chunk(chunk + 1);
      block = next;
      next += need;
      last = block;
    }
    reinterpret_cast<Header*>(block)->size = size;
    return block + sizeof(Header);
  }

  void* reallocate(void* ptr, size_t size) {
    if (!ptr) return allocate(size);
    char* block = static_cast<char*>(ptr) - sizeof(Header);
    auto* header = reinterpret_cast<Header*>(block);
    if (block == last && static_cast<size_t>(end - block) >= sizeof(Header) + rounded(size)) {
      header->size = size;
      next = block + sizeof(Header) + rounded(size);
      return ptr;
    }
    void* grown = allocate(size);
    std::memcpy(grown, ptr, header->size < size ? header->size : size);
    return grown;
  }
};

thread_local Arena arena;

void* arena_calloc(size_t count, size_t size) {
  size_t bytes = count * size;
  void* p = arena.allocate(bytes);
  std::memset(p, 0, bytes);
  return p;
}

void* arena_realloc(void* ptr, size_t size) {
  return arena.reallocate(ptr, size);
}

void arena_free(void*) {}

cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

}  // namespace

CmarkScope::CmarkScope() {
  arena.reset();
}

CmarkScope::~CmarkScope() {
  arena.reset();
}

cmark_mem* CmarkScope::mem() const {
  return &arena_mem;
}

}  // namespace hb
