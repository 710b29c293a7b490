// Huge pages for the heap. A build of thousands of pages keeps hundreds of megabytes of page
// text in memory, and the kernel hands that memory out 4 KiB at a time, a page fault each. glibc
// backs its heap with 2 MiB pages when the tunable glibc.malloc.hugetlb=1 is set, which it reads
// only from the environment at start-up: so the generator starts itself again once with it set.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hb {

// The value GLIBC_TUNABLES should have for malloc to ask for huge pages, given its present value
// (nullptr if unset), the contents of /sys/kernel/mm/transparent_hugepage/enabled and LD_PRELOAD;
// nothing if the process should stay as it is. It restarts only if the kernel gives huge pages
// when asked ("[madvise]"), the tunable is not set yet, and the process does not run under
// valgrind (whose tools would not follow it into the restart).
std::optional<std::string> tunables_for_huge_pages(const char* tunables, std::string_view thp_mode,
                                                   const char* preload);

// Starts the program again (argv as given) with the tunable set, when tunables_for_huge_pages
// says so; returns if it need not or cannot.
void restart_with_huge_pages(char** argv);

}  // namespace hb
