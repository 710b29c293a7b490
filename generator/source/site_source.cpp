#include "site_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>

#include "base/messages.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

// The path with every symbolic link resolved, or "" when it leads to nothing.
fs::path real_path(const fs::path& path) {
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
  return real ? fs::path(real.get()) : fs::path();
}

bool inside(const std::string& path, const std::string& folder) {
  return !folder.empty() && path.size() > folder.size() && path.starts_with(folder) &&
         path[folder.size()] == '/';
}

std::string folder_name(std::string_view folder) {
  return folder.empty() ? msg("source_site_folder") : std::string(folder) + "/";
}

Found refuse(std::string why, bool outside = false) {
  return {{}, std::move(why), outside};
}

class DiskSource final : public SiteSource {
 public:
  explicit DiskSource(fs::path root) : root_(std::move(root)), root_real_(real_path(root_)) {
    for (const char* folder : {"content", "theme", "templates"})
      folders_real_.emplace(folder, folder_real(folder));
  }

  Found find(std::string_view folder, std::string_view rel,
             const std::string& shown) const override {
    fs::path lexical = root_ / fs::path(folder) / fs::path(rel);
    fs::path real = real_path(lexical);
    struct stat st;
    if (real.empty())
      return refuse(::lstat(lexical.c_str(), &st) == 0
                        ? msg("source_dangling_link", {{"file", shown}})
                        : msg("source_no_file", {{"file", shown}}));
    auto known = folders_real_.find(folder);
    fs::path within = known != folders_real_.end() ? known->second : folder_real(folder);
    if (!inside(real.native(), within.native()))
      return refuse(msg("source_link_out", {{"file", shown}, {"folder", folder_name(folder)}}),
                    true);
    if (::stat(real.c_str(), &st) != 0) return refuse(msg("source_no_file", {{"file", shown}}));
    if (S_ISDIR(st.st_mode)) return refuse(msg("source_folder", {{"file", shown}}));
    if (!S_ISREG(st.st_mode)) return refuse(msg("source_not_regular", {{"file", shown}}));
    if (st.st_nlink > 1)
      return refuse(msg("source_hard_link", {{"file", shown}, {"folder", folder_name(folder)}}));
    bool linked = real != within / fs::path(rel);
    return {real, {}, false, linked, static_cast<uint64_t>(st.st_size)};
  }

  // One open, fstat, read and close: this runs for every page.
  bool read(const fs::path& real, std::string& out) const override {
    int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st;
    bool ok = ::fstat(fd, &st) == 0;
    out.resize(ok ? static_cast<size_t>(st.st_size) : 0);
    size_t done = 0;
    while (ok && done < out.size()) {
      ssize_t n = ::read(fd, out.data() + done, out.size() - done);
      if (n < 0) ok = false;
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    out.resize(done);
    ::close(fd);
    return ok;
  }

  std::vector<std::string> files(std::string_view folder) const override {
    std::vector<std::string> out;
    fs::path dir = root_ / fs::path(folder);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      bool hidden = it->path().filename().string().starts_with(".");
      if (hidden && it->is_directory(ec)) it.disable_recursion_pending();
      if (hidden || (it->is_directory(ec) && !it->is_symlink(ec))) continue;
      out.push_back(it->path().lexically_relative(dir).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  bool has_folder(std::string_view folder) const override {
    std::error_code ec;
    return fs::is_directory(root_ / fs::path(folder), ec);
  }

  bool on_disk() const override { return true; }

 private:
  // The real path of the site folder `folder`, or "" when it leads out of the site: a
  // `content` that is itself a link to /etc admits nothing.
  fs::path folder_real(std::string_view folder) const {
    if (folder.empty()) return root_real_;
    fs::path real = real_path(root_ / fs::path(folder));
    return inside(real.native(), root_real_.native()) ? real : fs::path();
  }

  fs::path root_;
  fs::path root_real_;
  std::map<std::string, fs::path, std::less<>> folders_real_;  // content/, theme/, templates/
};

}  // namespace

std::shared_ptr<const SiteSource> disk_source(const fs::path& root) {
  return std::make_shared<DiskSource>(root);
}

}  // namespace hb
