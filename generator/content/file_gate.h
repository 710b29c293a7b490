// File gate: the one check that every file passes before the build reads it from content/ or
// theme/ or copies it into an edition. docs/security.md describes what it guarantees.
//
// A file is admitted when
//   - its path, with every symbolic link resolved, is a regular file with one name (no hard
//     link) inside the site's own content/ (pages and attachments) or theme/ (theme files);
//     in a build from a git revision, a file of the commit's tree and never a symbolic link
//     (source/site_source.h finds it);
//   - no part of its name breaks a web address (a space, '#', '?', '%', ...) or hides it ('.x');
//   - a page is a `.md` file other than `index.md` (`_index.md` is a section's own page), and
//     not a symbolic link: its folder decides its collection and edition;
//   - an attachment is of a type that [attachments] allowed in handbook.toml lists, and
//     neither its name nor the file it leads to is a Markdown source, in any spelling.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"

namespace hb {

// The largest file of each role: a page is read whole into memory, an attachment copied into each
// edition, a theme file read whole (for its version and the booklet's styles). A file of git can
// be thousands of times its size in the repository, and a sparse file on disk takes no space.
inline constexpr uint64_t kMaxPageBytes = 16'000'000;
inline constexpr uint64_t kMaxAttachmentBytes = 250'000'000;
inline constexpr uint64_t kMaxThemeFileBytes = 50'000'000;

enum class FileRole {
  Page,        // content/**.md, read and rendered
  Attachment,  // a file in content/ that a page links to, copied as it is
  ThemeFile,   // theme/**, copied as it is
};

// What the gate says about one file: the file to read or copy, or why not.
struct Admission {
  std::filesystem::path real;  // what SiteSource::read takes (site_source.h); empty when refused
  std::string refusal;         // a sentence for a diagnostic that names the file
  explicit operator bool() const { return refusal.empty(); }
};

// A file that the gate admitted, by its path relative to its folder.
struct AdmittedFile {
  std::string rel;
  std::filesystem::path real;
};

class FileGate {
 public:
  explicit FileGate(const SiteConfig& config);

  // Decides whether the file `rel` may be read or copied as `role`. `rel` is relative to
  // content/ (pages, attachments) or theme/ (theme files), with '/' between folders and no
  // `.` or `..` parts.
  Admission admit(FileRole role, std::string_view rel) const;

  // Where the files are read from: the site's source (a folder on disk when it has none).
  const SiteSource& source() const { return *source_; }

  // The folder a role's files are in: "content" or "theme".
  static std::string folder_of(FileRole role);

  // Every file under theme/ that the gate admits, sorted; each file it refuses is an error.
  // Hidden files and folders (a name that starts with '.') are left out.
  std::vector<AdmittedFile> theme_files(Diagnostics& diags) const;

 private:
  Admission check_name(std::string_view rel, const std::string& shown) const;
  Admission check_page(std::string_view rel, const std::filesystem::path& real,
                       const std::string& shown) const;
  Admission check_attachment(std::string_view rel, const std::filesystem::path& real,
                             const std::string& shown) const;
  Admission check_real(FileRole role, std::string_view rel, const std::filesystem::path& real,
                       const std::string& shown) const;
  Admission resolve(FileRole role, std::string_view rel, const std::string& shown) const;

  std::shared_ptr<const SiteSource> source_;
  std::filesystem::path site_real_;   // the site folder, every link resolved
  std::string theme_display_;         // theme/ as diagnostics show it
  std::vector<std::string> allowed_;  // attachment types, lower case
};

// The first character in `name` that breaks a web address, as a message names it ("a space",
// "'#'"), or "" when there is none. Such a name is refused for every file.
std::string breaking_character_in(std::string_view name);

// The ending of a file name after its last dot, or "" when it has none.
std::string_view file_type(std::string_view name);

}  // namespace hb
