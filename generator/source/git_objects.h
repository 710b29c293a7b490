// libgit2 objects owned by the C++ code that looked them up, and libgit2's one-time start.
#pragma once

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

}  // namespace hb
