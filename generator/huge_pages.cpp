#include "huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

namespace hb {

namespace {

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";
constexpr size_t kEnoughFree = size_t{512} << 20;
constexpr int kHugeOrder = 9;  // 4 KiB << 9 = 2 MiB

std::string read_file(const char* path) {
  std::ifstream file(path);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace

size_t free_huge_page_bytes(std::string_view buddyinfo) {
  size_t bytes = 0;
  std::istringstream lines{std::string(buddyinfo)};
  for (std::string line; std::getline(lines, line);) {
    size_t zone = line.find("zone");
    if (zone == std::string::npos) continue;
    std::istringstream fields(line.substr(zone + 4));
    std::string name;
    fields >> name;
    size_t count;
    for (int order = 0; fields >> count; ++order)
      if (order >= kHugeOrder) bytes += count * (size_t{4096} << order);
  }
  return bytes;
}

std::optional<std::string> tunables_for_huge_pages(const HugePageFacts& facts) {
  if (facts.thp_mode.find("[madvise]") == std::string_view::npos) return std::nullopt;
  if (free_huge_page_bytes(facts.buddyinfo) < kEnoughFree) return std::nullopt;
  if (facts.preload && std::string_view(facts.preload).find("vgpreload") != std::string_view::npos)
    return std::nullopt;
  std::string value = facts.tunables ? facts.tunables : "";
  if (value.find(kTunable) != std::string::npos) return std::nullopt;  // set, or set otherwise
  return value + (value.empty() ? "" : ":") + std::string(kTunable) + "=1";
}

void restart_with_huge_pages(char** argv) {
  const char* before = std::getenv("GLIBC_TUNABLES");
  std::string mode = read_file("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string buddyinfo = read_file("/proc/buddyinfo");
  auto tunables = tunables_for_huge_pages({before, std::getenv("LD_PRELOAD"), mode, buddyinfo});
  std::optional<std::string> saved = before ? std::optional<std::string>(before) : std::nullopt;
  if (!tunables || setenv("GLIBC_TUNABLES", tunables->c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);  // returns only if it failed: go on as we are, as we were
  if (saved)
    setenv("GLIBC_TUNABLES", saved->c_str(), 1);
  else
    unsetenv("GLIBC_TUNABLES");
}

}  // namespace hb
