#include <doctest/doctest.h>

#include "huge_pages.h"

using hb::tunables_for_huge_pages;

TEST_CASE("huge pages: the malloc tunable is added only when the kernel waits to be asked") {
  const char* madvise = "always [madvise] never\n";
  CHECK(tunables_for_huge_pages(nullptr, madvise, nullptr) == "glibc.malloc.hugetlb=1");
  CHECK(tunables_for_huge_pages("", madvise, nullptr) == "glibc.malloc.hugetlb=1");
  CHECK(tunables_for_huge_pages("glibc.malloc.arena_max=2", madvise, nullptr) ==
        "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  // Set already (by the restart itself, or by the user to another value): no second restart.
  CHECK(tunables_for_huge_pages("glibc.malloc.hugetlb=1", madvise, nullptr) == std::nullopt);
  CHECK(tunables_for_huge_pages("glibc.malloc.hugetlb=0", madvise, nullptr) == std::nullopt);
  // The kernel gives huge pages to every process, or to none; or the file could not be read.
  CHECK(tunables_for_huge_pages(nullptr, "[always] madvise never\n", nullptr) == std::nullopt);
  CHECK(tunables_for_huge_pages(nullptr, "always madvise [never]\n", nullptr) == std::nullopt);
  CHECK(tunables_for_huge_pages(nullptr, "", nullptr) == std::nullopt);
  // Under valgrind, which would run the restarted program outside its tool.
  CHECK(tunables_for_huge_pages(nullptr, madvise,
                                "/usr/libexec/valgrind/vgpreload_core-amd64-linux.so") ==
        std::nullopt);
  CHECK(tunables_for_huge_pages(nullptr, madvise, "/usr/lib/libheaptrack_preload.so") ==
        "glibc.malloc.hugetlb=1");
}
