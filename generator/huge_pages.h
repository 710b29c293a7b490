// Huge pages for the heap. A build of thousands of pages keeps hundreds of megabytes of page
// text in memory, and the kernel hands that memory out 4 KiB at a time, a page fault each. glibc
// backs its heap with 2 MiB pages when the tunable glibc.malloc.hugetlb=1 is set, which it reads
// only from the environment at start-up: so the generator starts itself again once with it set.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hb {

// What the restart depends on, as the system tells it.
struct HugePageFacts {
  const char* tunables = nullptr;  // GLIBC_TUNABLES, nullptr if unset
  const char* preload = nullptr;   // LD_PRELOAD, nullptr if unset
  std::string_view thp_mode;       // /sys/kernel/mm/transparent_hugepage/enabled
  std::string_view buddyinfo;      // /proc/buddyinfo
};

// Bytes of memory free in blocks of 2 MiB or more, from the free block counts of /proc/buddyinfo
// (one line per zone: "Node 0, zone Normal" then the counts of free blocks of 4 KiB << order).
size_t free_huge_page_bytes(std::string_view buddyinfo);

// The value GLIBC_TUNABLES should have for malloc to ask for huge pages, or nothing if the
// process should stay as it is. It restarts only if the kernel gives huge pages when asked
// ("[madvise]") and has at least 512 MiB of them free (else each fault would wait for the kernel
// to compact memory, which costs more than the faults it saves), the tunable is not set yet, and
// the process does not run under valgrind (whose tools would not follow it into the restart).
std::optional<std::string> tunables_for_huge_pages(const HugePageFacts& facts);

// Starts the program again (argv as given) with the tunable set, when tunables_for_huge_pages
// says so; returns if it need not or cannot.
void restart_with_huge_pages(char** argv);

}  // namespace hb
