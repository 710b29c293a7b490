// libgit2 objects owned by the C++ code that looked them up, and libgit2's one-time start.
#pragma once

#include <git2.h>

#include <cstddef>

namespace hb {

// Owns one libgit2 object and frees it with the matching function.
template <typename T, void (*Free)(T*)>
struct Owned {
  T* ptr = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (ptr) Free(ptr);
  }
  T** out() { return &ptr; }
};

// Starts libgit2 once per process (it is never shut down).
void init_libgit2();

// The size of the object `id` in `repo`, read from its header without reading the object (so a
// blob that packs small but is large costs nothing); false when it cannot be read.
bool object_size(git_repository* repo, const git_oid* id, size_t& size);

}  // namespace hb
