// Output targets: which folder `handbook build` may replace, and which file `handbook booklet`
// may write.
//
// The generator replaces only a folder that it made itself. It writes the marker file
// `.handbook-output` into every output (and into its staging and spare folders), and a folder
// is recognised as its own by that file. It refuses, before loading anything:
//   - a non-empty folder without the marker (unless the user passes --force);
//   - the site folder, a folder that contains it, and a folder in its content/, templates/ or
//     theme/ folders;
//   - the root folder, the home directory ($HOME) and a folder that contains it;
//   - a path that exists and is not a folder.
// Paths are compared as real paths (symlinks and `..` resolved), so no spelling gets past.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace hb {

inline constexpr const char* kOutputMarker = ".handbook-output";
inline constexpr const char* kOutputMarkerText =
    "Written by handbook build. The next build replaces this folder and everything in it.\n";

// The absolute path with symlinks, `.` and `..` resolved as far as the path exists, and
// without a trailing slash.
std::filesystem::path real_path(const std::filesystem::path& path);

// True when `dir` is a folder (not a symlink to one) that holds the marker file.
bool made_by_handbook(const std::filesystem::path& dir);

// True when `dir` is a folder with nothing in it.
bool empty_folder(const std::filesystem::path& dir);

// Why `handbook build` must not write into `out` for the site in `site`, as a message that
// names `out` as given and says what to do; nothing when it may. `force` lets it replace a
// non-empty folder without the marker, and nothing else.
std::optional<std::string> refuse_output_folder(const std::filesystem::path& site,
                                                const std::filesystem::path& out, bool force);

// Why `handbook booklet` must not write `file` (`what`: "booklet" or "PDF"): a folder, the
// site's handbook.toml, or a file in its content/, templates/ or theme/ folders.
std::optional<std::string> refuse_booklet_file(const std::filesystem::path& site,
                                               const std::filesystem::path& file,
                                               const std::string& what = "booklet");

}  // namespace hb
