#include "output.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "base/messages.h"
#include "base/parallel.h"
#include "output_target.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

fs::path sibling(const fs::path& target, std::string_view tag) {
  std::string name = "." + target.filename().string() + "." + std::string(tag);
  return target.parent_path().empty() ? fs::path(name) : target.parent_path() / name;
}

// Creates `dir` and its missing parents with as few system calls as can be: usually one mkdir.
void make_dirs(const fs::path& dir) {
  if (dir.empty() || ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST) return;
  if (errno == ENOENT) {
    make_dirs(dir.parent_path());
    ::mkdir(dir.c_str(), 0755);
  }
}

// True when the file at `path` holds exactly `content`. Reads it piece by piece into a buffer of
// the calling thread, stopping at the first piece that differs.
bool same_content(const fs::path& path, std::string_view content) {
  constexpr size_t kPiece = 64 * 1024;
  static thread_local std::unique_ptr<char[]> buffer(new char[kPiece]);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool same = ::fstat(fd, &st) == 0 && static_cast<size_t>(st.st_size) == content.size();
  for (size_t done = 0; same && done < content.size();) {
    ssize_t n = ::read(fd, buffer.get(), std::min(kPiece, content.size() - done));
    same = n > 0 && std::memcmp(buffer.get(), content.data() + done, static_cast<size_t>(n)) == 0;
    if (same) done += static_cast<size_t>(n);
  }
  ::close(fd);
  return same;
}

// Creates the file's folders only when opening it shows they are missing: one system call
// fewer for every file in a folder that exists.
int create_file(const fs::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {
    make_dirs(path.parent_path());
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  return fd;
}

void write_whole(const fs::path& path, std::string_view content) {
  int fd = create_file(path);
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) throw std::runtime_error(msg("out_cannot_write", {{"path", path.string()}}));
}

// True when no process `pid` exists. This process counts too: a folder with its number was left
// by an earlier process that had the same number, since this one has not made its own yet.
bool process_gone(pid_t pid) {
  return pid == ::getpid() || (::kill(pid, 0) != 0 && errno == ESRCH);
}

// The process id in a folder name `.<target>.new-PID` or `.<target>.old-PID`, or 0.
pid_t leftover_pid(const std::string& name, const std::string& prefix) {
  if (!name.starts_with(prefix)) return 0;
  std::string_view rest = std::string_view(name).substr(prefix.size());
  if (!rest.starts_with("new-") && !rest.starts_with("old-")) return 0;
  rest.remove_prefix(4);
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (rest.empty() || rest.size() > 9 || !std::all_of(rest.begin(), rest.end(), digit)) return 0;
  return static_cast<pid_t>(std::stol(std::string(rest)));
}

// Removes the staging folders that killed builds left beside `target`: those that carry the
// marker and whose process has ended.
void remove_leftovers(const fs::path& target) {
  const std::string prefix = "." + target.filename().string() + ".";
  std::error_code ec;
  std::vector<fs::path> gone;
  for (auto& entry : fs::directory_iterator(target.parent_path(), ec)) {
    pid_t pid = leftover_pid(entry.path().filename().string(), prefix);
    if (pid > 0 && process_gone(pid) && made_by_handbook(entry.path()))
      gone.push_back(entry.path());
  }
  for (auto& path : gone)
    fs::remove_all(path, ec);
}

// Whether `root` holds only folders and regular files. A recycled output with a symbolic link in
// it, which handbook never writes, would have the build write through the link, out of the
// output.
bool only_files_and_folders(const fs::path& root) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    fs::file_status status = it->symlink_status(ec);
    if (ec || !(fs::is_regular_file(status) || fs::is_directory(status))) return false;
  }
  return !ec;
}

}  // namespace

OutputDir::OutputDir(fs::path target, OutputOptions options)
    : target_(real_path(target)), options_(std::move(options)) {
  staging_ = sibling(target_, "new-" + std::to_string(::getpid()));
  spare_ = sibling(target_, "spare");
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  remove_leftovers(target_);
  if (fs::exists(fs::symlink_status(staging_, ec)))
    throw std::runtime_error(msg("out_staging_in_way", {{"path", staging_.string()}}));
  if (made_by_handbook(spare_) && only_files_and_folders(spare_)) {  // recycle the last output
    fs::rename(spare_, staging_, ec);
    recycled_ = !ec;
  }
  start_staging();
}

// Creates the staging folder unless it was recycled, and marks it as handbook's.
void OutputDir::start_staging() {
  std::error_code ec;
  if (!recycled_) fs::create_directory(staging_, ec);
  try {
    if (ec)
      throw std::runtime_error(
          msg("out_cannot_create", {{"path", staging_.string()}, {"reason", ec.message()}}));
    fs::path marker = staging_ / kOutputMarker;
    if (!recycled_ || !same_content(marker, kOutputMarkerText))
      write_whole(marker, kOutputMarkerText);
    record(kOutputMarker);
  } catch (...) {
    if (!ec) fs::remove_all(staging_, ec);
    throw;
  }
}

OutputDir::~OutputDir() {
  if (committed_) return;
  std::error_code ec;
  if (made_by_handbook(spare_)) fs::remove_all(spare_, ec);
  if (!fs::exists(fs::symlink_status(spare_, ec))) {
    fs::rename(staging_, spare_, ec);  // the next build still saves what this one wrote
    if (!ec) return;
  }
  fs::remove_all(staging_, ec);
}

void OutputDir::record(std::string_view rel) const {
  if (!recycled_) return;  // an empty staging folder has nothing to prune
  std::lock_guard lock(mutex_);
  written_.insert(fs::path(rel).lexically_normal().generic_string());
}

void OutputDir::about_to_write(std::string_view rel) const {
  if (options_.before_write) options_.before_write(rel);
}

void OutputDir::write(std::string_view rel, std::string_view content) const {
  about_to_write(rel);
  fs::path path = staging_ / fs::path(rel);
  if (!recycled_ || !same_content(path, content)) write_whole(path, content);
  record(rel);
}

void OutputDir::write_stream(std::string_view rel,
                             const std::function<void(std::ostream&)>& fill) const {
  about_to_write(rel);
  fs::path path = staging_ / fs::path(rel);
  make_dirs(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  fill(out);
  out.close();
  if (!out) throw std::runtime_error(msg("out_cannot_write", {{"path", path.string()}}));
  record(rel);
}

void OutputDir::copy(const SiteSource& source, const fs::path& real, std::string_view rel) const {
  if (!source.on_disk()) {
    std::string content;
    if (!source.read(real, content))
      throw std::runtime_error(msg("out_cannot_read", {{"path", real.string()}}));
    return write(rel, content);
  }
  about_to_write(rel);
  fs::path to = staging_ / fs::path(rel);
  std::error_code ec;
  fs::create_directories(to.parent_path(), ec);
  fs::copy_file(real, to, fs::copy_options::overwrite_existing, ec);
  if (ec)
    throw std::runtime_error(
        msg("out_cannot_copy", {{"path", real.string()}, {"reason", ec.message()}}));
  record(rel);
}

fs::path OutputDir::external(std::string_view rel) const {
  about_to_write(rel);
  fs::path to = staging_ / fs::path(rel);
  make_dirs(to.parent_path());
  record(rel);
  return to;
}

namespace {

// Reads one folder: its files and sub-folders, as paths relative to `root`.
void read_folder(const fs::path& root, const std::string& rel, std::vector<std::string>& files,
                 std::vector<std::string>& folders) {
  DIR* dir = ::opendir((root / rel).c_str());
  if (!dir) throw std::runtime_error(msg("out_cannot_read", {{"path", (root / rel).string()}}));
  while (dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    std::string path = rel.empty() ? std::string(name) : rel + "/" + std::string(name);
    bool folder = e->d_type == DT_DIR || (e->d_type == DT_UNKNOWN && fs::is_directory(root / path));
    (folder ? folders : files).push_back(std::move(path));
  }
  ::closedir(dir);
}

// Every file below `root`, relative to it, reading the folders of each level in parallel.
std::vector<std::string> all_files(const fs::path& root, unsigned threads) {
  std::vector<std::string> files, level = {""};
  while (!level.empty()) {
    std::vector<std::vector<std::string>> found(level.size()), below(level.size());
    parallel_for(level.size(), threads,
                 [&](size_t i) { read_folder(root, level[i], found[i], below[i]); });
    level.clear();
    for (size_t i = 0; i < found.size(); ++i) {
      files.insert(files.end(), found[i].begin(), found[i].end());
      level.insert(level.end(), below[i].begin(), below[i].end());
    }
  }
  return files;
}

}  // namespace

// Removes every file of the staging folder that this build did not write (what a recycled
// output holds of pages that are gone), and the folders that leaves empty.
void OutputDir::prune(unsigned threads) const {
  if (!recycled_) return;
  std::vector<std::string> stale;
  for (auto& rel : all_files(staging_, threads))
    if (!written_.count(rel)) stale.push_back(rel);
  parallel_for(stale.size(), threads, [&](size_t i) {
    std::error_code e;
    fs::remove(staging_ / stale[i], e);
    if (e)
      throw std::runtime_error(
          msg("out_cannot_remove", {{"path", stale[i]}, {"reason", e.message()}}));
  });
  for (auto& rel : stale)  // emptied folders, innermost first; a folder with files stays
    for (fs::path dir = fs::path(rel).parent_path(); !dir.empty(); dir = dir.parent_path())
      if (::rmdir((staging_ / dir).c_str()) != 0) break;
}

void OutputDir::commit(unsigned threads) {
  prune(threads);
  swap_in();
  committed_ = true;
}

// Moves the target aside (to the spare when handbook made it, else to `.X.old-PID`, removed
// after the swap) and the staging folder into its place.
void OutputDir::swap_in() {
  std::error_code ec;
  fs::file_status old = fs::symlink_status(target_, ec);
  const bool had_old = fs::exists(old), ours = made_by_handbook(target_);
  if (had_old && !fs::is_directory(old))
    throw std::runtime_error(msg("out_replace_not_folder", {{"path", target_.string()}}));
  if (had_old && !ours && !empty_folder(target_) && !options_.replace_foreign)
    throw std::runtime_error(msg("out_replace_not_ours", {{"path", target_.string()}}));
  if (made_by_handbook(spare_)) fs::remove_all(spare_, ec);
  const bool keep = ours && !fs::exists(fs::symlink_status(spare_, ec));
  const fs::path aside = keep ? spare_ : sibling(target_, "old-" + std::to_string(::getpid()));
  if (had_old) {
    fs::rename(target_, aside, ec);
    if (ec)
      throw std::runtime_error(
          msg("out_move_old", {{"path", target_.string()}, {"reason", ec.message()}}));
  }
  fs::rename(staging_, target_, ec);
  if (ec) {
    if (had_old) fs::rename(aside, target_, ec);
    throw std::runtime_error(msg("out_move_new", {{"path", target_.string()}}));
  }
  if (had_old && !keep) fs::remove_all(aside, ec);
}

}  // namespace hb
