// Site source: where the build reads a site's files from. A folder on disk (the working tree)
// or a commit's tree in a git repository (source/git_source.h), read without a checkout.
//
// Every read of the build goes through a source: handbook.toml, templates/, content/ and theme/.
// A source finds a file only inside the folder it is asked about: on disk, a symbolic link is
// followed only when the file it leads to lies inside that folder; in a git tree no link is
// followed at all.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hb {

// A file that a source found, or why not.
struct Found {
  // What `SiteSource::read` takes: on disk the file's real path (every link resolved), in a
  // git tree the file's path in the tree. Empty when refused.
  std::filesystem::path real;
  std::string refusal;   // a sentence for a diagnostic that names the file
  bool outside = false;  // refused because it leads out of its folder
  // On disk: found through a symbolic link inside its folder, so that its real path is not the
  // path it was asked for.
  bool linked = false;
  uint64_t bytes = 0;  // the file's size
  explicit operator bool() const { return refusal.empty(); }
};

class SiteSource {
 public:
  virtual ~SiteSource() = default;

  // Finds the file `rel` of the site folder `folder` ("content", "theme", "templates", or ""
  // for the site folder itself). `rel` is a plain relative path ('/' between parts, no `.` or
  // `..` part); `shown` names the file in a refusal ("content/x.pdf").
  virtual Found find(std::string_view folder, std::string_view rel,
                     const std::string& shown) const = 0;

  // Reads a file that `find` found; false if it cannot be read.
  virtual bool read(const std::filesystem::path& real, std::string& out) const = 0;

  // The entries below the site folder `folder`, relative to it with '/', sorted; names that
  // start with '.' and everything below them are left out. Files and symbolic links are listed
  // (a link is for `find` to judge); folders are not. Empty when the folder does not exist.
  virtual std::vector<std::string> files(std::string_view folder) const = 0;

  // True when the site folder `folder` exists.
  virtual bool has_folder(std::string_view folder) const = 0;

  // True for the working tree on disk: its files can be handed to other programs by path.
  virtual bool on_disk() const = 0;

  // The full id of the commit the site is read from; "" for the working tree.
  virtual std::string revision() const { return ""; }
};

// The site in the folder `root` on disk.
std::shared_ptr<const SiteSource> disk_source(const std::filesystem::path& root);

}  // namespace hb
