#include "output_target.h"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "base/messages.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

// The site's folders that hold sources, and its git repository.
constexpr std::array<const char*, 4> kSourceFolders = {"content", "templates", "theme", ".git"};

// True when `path` is `folder` or lies below it; both are real paths.
bool inside(const fs::path& path, const fs::path& folder) {
  auto [f, p] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return f == folder.end();
}

std::optional<fs::path> home_folder() {
  const char* home = std::getenv("HOME");
  if (!home || !*home) return std::nullopt;
  return real_path(home);
}

std::string quoted(const fs::path& path) {
  return "'" + path.generic_string() + "'";
}

// The site folder, its home and the root: folders that a build never replaces.
std::optional<std::string> refuse_protected(const fs::path& site, const fs::path& real,
                                            const std::string& start) {
  if (real == real.root_path()) return start + msg("out_is_root");
  if (auto home = home_folder()) {
    if (real == *home) return start + msg("out_is_home");
    if (inside(*home, real)) return start + msg("out_contains_home");
  }
  if (real == site) return start + msg("out_is_site");
  if (inside(site, real)) return start + msg("out_contains_site");
  return std::nullopt;
}

// The content/, templates/, theme/ or .git/ folder of `site` that holds `real`, if any: as
// named, or where it leads when it is a symbolic link.
std::optional<std::string> source_folder(const fs::path& site, const fs::path& real) {
  for (const char* name : kSourceFolders)
    if (inside(real, site / name) || inside(real, real_path(site / name))) return std::string(name);
  return std::nullopt;
}

}  // namespace

fs::path real_path(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  fs::path real = fs::weakly_canonical(absolute, ec);
  if (ec) real = absolute.lexically_normal();
  while (real.filename().empty() && real != real.root_path())
    real = real.parent_path();
  return real;
}

bool made_by_handbook(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(fs::symlink_status(dir, ec)) &&
         fs::is_regular_file(fs::symlink_status(dir / kOutputMarker, ec));
}

bool empty_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::is_empty(dir, ec) && !ec;
}

std::optional<std::string> refuse_output_folder(const fs::path& site, const fs::path& out,
                                                bool force) {
  const fs::path real = real_path(out), site_real = real_path(site);
  const std::string start = msg("out_refuse_folder", {{"path", quoted(out)}});
  if (auto refusal = refuse_protected(site_real, real, start)) return refusal;
  if (auto name = source_folder(site_real, real))
    return start + msg("out_in_sources", {{"folder", *name}});
  std::error_code ec;
  fs::file_status status = fs::symlink_status(real, ec);
  if (fs::exists(status) && !fs::is_directory(status)) return start + msg("out_is_file");
  if (fs::exists(status) && !force && !empty_folder(real) && !made_by_handbook(real))
    return start + msg("out_not_ours", {{"marker", std::string(kOutputMarker)}});
  return std::nullopt;
}

std::optional<std::string> refuse_booklet_file(const fs::path& site, const fs::path& file,
                                               const std::string& what) {
  const fs::path real = real_path(file), site_real = real_path(site);
  const std::string start =
      msg(what == "PDF" ? "out_refuse_pdf" : "out_refuse_booklet", {{"path", quoted(file)}});
  std::error_code ec;
  if (fs::is_directory(real, ec)) return start + msg("out_file_is_folder");
  if (real == site_real / "handbook.toml") return start + msg("out_file_is_settings");
  if (auto name = source_folder(site_real, real))
    return start + msg("out_file_in_sources", {{"folder", *name}});
  return std::nullopt;
}

}  // namespace hb
