#include "output_target.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace fs = std::filesystem;

namespace hb {

namespace {

// The site's folders that hold sources.
constexpr std::array<const char*, 3> kSourceFolders = {"content", "templates", "theme"};

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
  if (real == real.root_path()) return start + "it is the root folder; choose a new folder";
  if (auto home = home_folder()) {
    if (real == *home) return start + "it is your home folder; choose a new folder inside it";
    if (inside(*home, real))
      return start + "it contains your home folder; choose a new folder inside your home folder";
  }
  const std::string instead =
      "; choose a new folder, or leave out --out to write into the site's _site/ folder";
  if (real == site)
    return start + "it is the site folder, whose sources the build would replace" + instead;
  if (inside(site, real))
    return start + "it contains the site folder, whose sources the build would replace" + instead;
  return std::nullopt;
}

// The content/, templates/ or theme/ folder of `site` that holds `real`, if any.
std::optional<std::string> source_folder(const fs::path& site, const fs::path& real) {
  for (const char* name : kSourceFolders)
    if (inside(real, site / name)) return std::string(name);
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
  const std::string start = "refusing to write into " + quoted(out) + ": ";
  if (auto refusal = refuse_protected(site_real, real, start)) return refusal;
  if (auto name = source_folder(site_real, real))
    return start + "it is in the site's " + *name +
           "/ folder, which holds sources; choose a folder outside content/, templates/ and "
           "theme/, or leave out --out to write into the site's _site/ folder";
  std::error_code ec;
  fs::file_status status = fs::symlink_status(real, ec);
  if (fs::exists(status) && !fs::is_directory(status))
    return start + "it is a file, not a folder; choose a folder for the output";
  if (fs::exists(status) && !force && !empty_folder(real) && !made_by_handbook(real))
    return start + "the folder is not empty and was not made by handbook (no " + kOutputMarker +
           " file); choose an empty or new folder, or pass --force to replace its contents";
  return std::nullopt;
}

std::optional<std::string> refuse_booklet_file(const fs::path& site, const fs::path& file,
                                               const std::string& what) {
  const fs::path real = real_path(file), site_real = real_path(site);
  const std::string start = "refusing to write the " + what + " to " + quoted(file) + ": ";
  std::error_code ec;
  if (fs::is_directory(real, ec))
    return start + "it is a folder, not a file; give a file name with --out";
  if (real == site_real / "handbook.toml")
    return start +
           "it is the site's settings file handbook.toml; give another file name with --out";
  if (auto name = source_folder(site_real, real))
    return start + "it is in the site's " + *name +
           "/ folder, which holds sources; give a file name outside content/, templates/ and "
           "theme/ with --out";
  return std::nullopt;
}

}  // namespace hb
