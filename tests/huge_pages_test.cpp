#include <doctest/doctest.h>

#include "huge_pages.h"

using hb::free_huge_page_bytes;
using hb::HugePageFacts;
using hb::tunables_for_huge_pages;

namespace {

// Free blocks per order 0..10 in each zone: Normal has 300 of 2 MiB and 100 of 4 MiB (1,000 MiB)
const char* kRoomy =
    "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1  "
    "    3 \n"
    "Node 0, zone   Normal  15547  15035   6486    998    473    118     20      0      0    300  "
    "  100 \n";
// The same memory cut up: 54 blocks of 2 MiB and 18 of 4 MiB in DMA32 (180 MiB), none in Normal.
const char* kFragmented =
    "Node 0, zone    DMA32   2760    927   1083    996    919    243     38      4      9     54   "
    "  18 \n"
    "Node 0, zone   Normal  15547  15035   6486    998    473    118     20      0      0      0   "
    "   0 \n";
const char* kMadvise = "always [madvise] never\n";

std::optional<std::string> restart(const char* tunables, const char* mode = kMadvise,
                                   const char* buddyinfo = kRoomy, const char* preload = nullptr) {
  return tunables_for_huge_pages(HugePageFacts{tunables, preload, mode, buddyinfo});
}

}  // namespace

TEST_CASE("huge pages: free memory in blocks of 2 MiB and more, from /proc/buddyinfo") {
  CHECK(free_huge_page_bytes(kRoomy) == (2u + 4u * 3u + 600u + 400u) << 20);
  CHECK(free_huge_page_bytes(kFragmented) == 180u << 20);
  CHECK(free_huge_page_bytes("") == 0);
}

TEST_CASE("huge pages: the malloc tunable is added only when the kernel has them to give") {
  CHECK(restart(nullptr) == "glibc.malloc.hugetlb=1");
  CHECK(restart("") == "glibc.malloc.hugetlb=1");
  CHECK(restart("glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
  // Set already (by the restart itself, or by the user to another value): no second restart.
  CHECK(restart("glibc.malloc.hugetlb=1") == std::nullopt);
  CHECK(restart("glibc.malloc.hugetlb=0") == std::nullopt);
  // The kernel gives huge pages to every process, or to none; or the file could not be read.
  CHECK(restart(nullptr, "[always] madvise never\n") == std::nullopt);
  CHECK(restart(nullptr, "always madvise [never]\n") == std::nullopt);
  CHECK(restart(nullptr, "") == std::nullopt);
  // Too little memory free in whole 2 MiB blocks: faults would wait for the kernel to compact.
  CHECK(restart(nullptr, kMadvise, kFragmented) == std::nullopt);
  CHECK(restart(nullptr, kMadvise, "") == std::nullopt);
  // Under valgrind, which would run the restarted program outside its tool; other preloads stay.
  CHECK(restart(nullptr, kMadvise, kRoomy, "/usr/libexec/valgrind/vgpreload_core-amd64-linux.so") ==
        std::nullopt);
  CHECK(restart(nullptr, kMadvise, kRoomy, "/usr/lib/libheaptrack_preload.so") ==
        "glibc.malloc.hugetlb=1");
}
