#include "output.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "base/parallel.h"

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
  if (!ok) throw std::runtime_error("cannot write " + path.string());
}

}  // namespace

OutputDir::OutputDir(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  staging_ = sibling(target_, "new-" + std::to_string(::getpid()));
  spare_ = sibling(target_, "spare");
  std::error_code ec;
  if (!target_.parent_path().empty()) fs::create_directories(target_.parent_path(), ec);
  fs::remove_all(staging_, ec);
  if (fs::is_directory(spare_, ec)) {  // recycle the last output
    fs::rename(spare_, staging_, ec);
    recycled_ = !ec;
  }
  if (ec || !fs::is_directory(staging_)) {
    recycled_ = false;
    ec.clear();
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_, ec);
  }
  if (ec)
    throw std::runtime_error("cannot create the folder " + staging_.string() + ": " + ec.message());
}

OutputDir::~OutputDir() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(spare_, ec);
  fs::rename(staging_, spare_, ec);  // the next build still saves what this one wrote
  if (ec) fs::remove_all(staging_, ec);
}

void OutputDir::record(std::string_view rel) const {
  if (!recycled_) return;  // an empty staging folder has nothing to prune
  std::lock_guard lock(mutex_);
  written_.insert(fs::path(rel).lexically_normal().generic_string());
}

void OutputDir::write(std::string_view rel, std::string_view content) const {
  fs::path path = staging_ / fs::path(rel);
  if (!recycled_ || !same_content(path, content)) write_whole(path, content);
  record(rel);
}

void OutputDir::write_stream(std::string_view rel,
                             const std::function<void(std::ostream&)>& fill) const {
  fs::path path = staging_ / fs::path(rel);
  make_dirs(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  fill(out);
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
  record(rel);
}

void OutputDir::copy(const fs::path& from, std::string_view rel) const {
  fs::path to = staging_ / fs::path(rel);
  std::error_code ec;
  fs::create_directories(fs::is_directory(from) ? to : to.parent_path(), ec);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
  if (ec) throw std::runtime_error("cannot copy " + from.string() + ": " + ec.message());
  if (!fs::is_directory(from)) return record(rel);
  for (auto& e : fs::recursive_directory_iterator(from))
    if (e.is_regular_file()) record((fs::path(rel) / e.path().lexically_relative(from)).string());
}

namespace {

// Reads one folder: its files and sub-folders, as paths relative to `root`.
void read_folder(const fs::path& root, const std::string& rel, std::vector<std::string>& files,
                 std::vector<std::string>& folders) {
  DIR* dir = ::opendir((root / rel).c_str());
  if (!dir) throw std::runtime_error("cannot read " + (root / rel).string());
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
    if (e) throw std::runtime_error("cannot remove " + stale[i] + ": " + e.message());
  });
  for (auto& rel : stale)  // emptied folders, innermost first; a folder with files stays
    for (fs::path dir = fs::path(rel).parent_path(); !dir.empty(); dir = dir.parent_path())
      if (::rmdir((staging_ / dir).c_str()) != 0) break;
}

void OutputDir::commit(unsigned threads) {
  prune(threads);
  std::error_code ec;
  fs::remove_all(spare_, ec);
  bool had_old = fs::exists(target_, ec);
  if (had_old) {
    fs::rename(target_, spare_, ec);
    if (ec)
      throw std::runtime_error("cannot move the old output " + target_.string() +
                               " aside: " + ec.message());
  }
  fs::rename(staging_, target_, ec);
  if (ec) {
    if (had_old) fs::rename(spare_, target_, ec);
    throw std::runtime_error("cannot move the new output into " + target_.string());
  }
  committed_ = true;
}

}  // namespace hb
