#include "huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

namespace hb {

namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

}  // namespace

std::optional<std::string> tunables_for_huge_pages(const char* tunables, std::string_view thp_mode,
                                                   const char* preload) {
  if (thp_mode.find("[madvise]") == std::string_view::npos) return std::nullopt;
  if (preload && std::string_view(preload).find("vgpreload") != std::string_view::npos)
    return std::nullopt;
  std::string value = tunables ? tunables : "";
  if (value.find(kTunable) != std::string::npos) return std::nullopt;  // set, or set otherwise
  return value + (value.empty() ? "" : ":") + std::string(kTunable) + "=1";
}

void restart_with_huge_pages(char** argv) {
  std::ifstream file("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string mode{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  const char* before = std::getenv("GLIBC_TUNABLES");
  std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
  auto tunables = tunables_for_huge_pages(before, mode, std::getenv("LD_PRELOAD"));
  if (!tunables || setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only if it failed: go on as we are, as we were
  if (saved)
    setenv("GLIBC_TUNABLES", saved->c_str(), 1);
  else
    unsetenv("GLIBC_TUNABLES");
}

}  // namespace hb
