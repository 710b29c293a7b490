#include "fuzz_site.h"

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

namespace fs = std::filesystem;

namespace hb::fuzz {

namespace {

fs::path g_root;

void remove_site() {
  std::error_code ec;
  if (!g_root.empty()) fs::remove_all(g_root, ec);
}

fs::path make_root() {
  const char* tmp = std::getenv("TMPDIR");
  std::string base = tmp && *tmp ? tmp : (fs::is_directory("/dev/shm") ? "/dev/shm" : "/tmp");
  std::string pattern = base + "/handbook-fuzz-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) fail("cannot make a folder for the fuzz site", pattern);
  return fs::path(buf.data());
}

}  // namespace

const SiteConfig& site() {
  static const SiteConfig config = [] {
    g_root = make_root();
    std::atexit(remove_site);
    fs::copy_file(fs::path(HANDBOOK_FUZZ_SITE) / "handbook.toml", g_root / "handbook.toml");
    for (const char* f : {"all", "other", "pages"})
      fs::create_directories(g_root / "content" / f);
    Diagnostics diags;
    SiteConfig c = load_config(g_root, diags);
    if (diags.has_errors()) fail("fuzz/site/handbook.toml has errors", "");
    return c;
  }();
  return config;
}

std::string_view folder_for(uint8_t byte) {
  static constexpr std::string_view kFolders[] = {"all", "other", "pages"};
  return kFolders[byte % 3];
}

void format_all(const Diagnostics& diags) {
  for (const Diagnostic& d : diags.sorted()) {
    std::string text = format_text(d) + format_github(d);
    if (text.empty()) fail("a diagnostic formats as nothing", d.message);
  }
}

size_t count_in(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

size_t count_in_value(const Value& v, std::string_view needle) {
  if (const std::string* s = v.if_string()) return count_in(*s, needle);
  size_t n = 0;
  if (const List* l = v.if_list())
    for (const Value& item : *l)
      n += count_in_value(item, needle);
  if (const Map* m = v.if_map())
    for (const auto& [key, item] : *m)
      n += count_in(key, needle) + count_in_value(item, needle);
  return n;
}

size_t count_outside_internal_boxes(std::string_view html, std::string_view needle) {
  // The generator's own <div>s are the only ones in a body: Markdown's raw HTML is omitted and
  // its text escaped. A stack of open divs says whether a place is inside an internal box.
  std::vector<bool> open;  // per open div: it or one around it is an internal box
  size_t n = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 4, "<div") == 0) {
      static constexpr std::string_view kBox = "<div class=\"internal-passage\"";
      bool box = html.compare(i, kBox.size(), kBox) == 0;
      open.push_back(box || (!open.empty() && open.back()));
    } else if (html.compare(i, 6, "</div>") == 0) {
      if (!open.empty()) open.pop_back();
    } else if (html.compare(i, needle.size(), needle) == 0) {
      if (open.empty() || !open.back()) ++n;
    }
  }
  return n;
}

void fail(const char* what, std::string_view detail) {
  std::fprintf(stderr, "\n*** %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
  std::abort();
}

}  // namespace hb::fuzz
