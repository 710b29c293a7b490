#include "version_cache.h"

#include <charconv>
#include <system_error>

#include "config/config.h"
#include "record_file.h"
#include "source/site_source.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

// After the first line, the settings; then for each version its path, blob, print (decimal),
// shown, plain and loaded ("1" or "0") and title.
constexpr std::string_view kMagic = "handbook page versions 2\n";

std::string key(std::string_view rel, std::string_view blob) {
  std::string k(rel);
  k += '\0';
  k += blob;
  return k;
}

bool flag(RecordReader& in) {
  std::string_view f = in.next();
  if (f != "0" && f != "1") in.ok = false;
  return f == "1";
}

uint64_t number(RecordReader& in) {
  std::string_view f = in.next();
  uint64_t n = 0;
  auto [end, error] = std::from_chars(f.data(), f.data() + f.size(), n);
  if (f.empty() || error != std::errc() || end != f.data() + f.size()) in.ok = false;
  return n;
}

}  // namespace

std::string edition_settings(const SiteConfig& config, bool internal) {
  std::error_code ec;
  fs::path program = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  auto size = fs::file_size(program, ec);
  if (ec) return "";
  auto changed = fs::last_write_time(program, ec);
  if (ec) return "";
  std::string toml;
  Found file = config.source->find("", "handbook.toml", "handbook.toml");
  if (!file || !config.source->read(file.real, toml)) return "";
  return program.string() + '\n' + std::to_string(size) + '\n' +
         std::to_string(changed.time_since_epoch().count()) + '\n' +
         (internal ? "internal\n" : "public\n") + toml;
}

VersionCache::VersionCache(const fs::path& dir, const SiteConfig& config, bool internal) {
  if (dir.empty()) return;
  settings_ = edition_settings(config, internal);
  if (settings_.empty()) return;
  file_ = dir / (internal ? "page-versions-internal" : "page-versions-public");
  auto file = read_record_file(file_, kMagic);
  if (!file) return;
  RecordReader in(file->fields);
  if (in.next() != settings_) return;  // made under other settings
  std::unordered_map<std::string, Version> read;
  while (in.ok && !in.done()) {
    std::string_view rel = in.next();
    std::string_view blob = in.next();
    Version v;
    v.print = number(in);
    v.shown = flag(in);
    v.plain = flag(in);
    v.loaded = flag(in);
    v.title = in.next();
    read[key(rel, blob)] = std::move(v);
  }
  if (in.ok) versions_ = std::move(read);
}

const Version* VersionCache::find(const std::string& rel, const std::string& blob) const {
  auto it = versions_.find(key(rel, blob));
  return it == versions_.end() ? nullptr : &it->second;
}

void VersionCache::put(const std::string& rel, const std::string& blob, const Version& v) {
  if (file_.empty()) return;
  versions_[key(rel, blob)] = v;
  added_ = true;
}

void VersionCache::save() const {
  if (!added_) return;
  std::vector<std::string> out{settings_};
  for (const auto& [k, v] : versions_) {
    size_t nul = k.find('\0');
    out.push_back(k.substr(0, nul));
    out.push_back(k.substr(nul + 1));
    out.push_back(std::to_string(v.print));
    out.push_back(v.shown ? "1" : "0");
    out.push_back(v.plain ? "1" : "0");
    out.push_back(v.loaded ? "1" : "0");
    out.push_back(v.title);
  }
  write_record_file(file_, kMagic, out);
}

}  // namespace hb
