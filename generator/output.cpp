#include "output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <vector>

#include <stdexcept>
#include "parallel.h"

namespace fs = std::filesystem;

namespace hb {

static fs::path sibling(const fs::path& target, std::string_view tag) {
  fs::path parent = target.parent_path();
  std::string name =
      "." + target.filename().string() + "." + std::string(tag) + "-" + std::to_string(::getpid());
  return parent.empty() ? fs::path(name) : parent / name;
}

OutputDir::OutputDir(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  staging_ = sibling(target_, "new");
  std::error_code ec;
  if (!target_.parent_path().empty()) fs::create_directories(target_.parent_path(), ec);
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_, ec);
  if (ec)
    throw std::runtime_error("cannot create the folder " + staging_.string() + ": " + ec.message());
}

OutputDir::~OutputDir() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

// Creates `dir` and its missing parents with as few system calls as can be: usually one mkdir.
static void make_dirs(const fs::path& dir) {
  if (dir.empty() || ::mkdir(dir.c_str(), 0755) == 0 || errno == EEXIST) return;
  if (errno == ENOENT) {
    make_dirs(dir.parent_path());
    ::mkdir(dir.c_str(), 0755);
  }
}

void OutputDir::write(std::string_view rel, std::string_view content) const {
  fs::path path = staging_ / fs::path(rel);
  make_dirs(path.parent_path());
  // One open, write and close: this runs for every page.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  bool ok = fd >= 0;
  for (size_t done = 0; ok && done < content.size();) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  if (fd >= 0 && ::close(fd) != 0) ok = false;
  if (!ok) throw std::runtime_error("cannot write " + path.string());
}

void OutputDir::write_stream(std::string_view rel,
                             const std::function<void(std::ostream&)>& fill) const {
  fs::path path = staging_ / fs::path(rel);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  fill(out);
  out.close();
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void OutputDir::copy(const fs::path& from, std::string_view rel) const {
  fs::path to = staging_ / fs::path(rel);
  std::error_code ec;
  fs::create_directories(fs::is_directory(from) ? to : to.parent_path(), ec);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
  if (ec) throw std::runtime_error("cannot copy " + from.string() + ": " + ec.message());
}

// Removes a folder tree, its top-level entries in parallel.
static void remove_tree(const fs::path& dir, unsigned threads) {
  std::error_code ec;
  std::vector<fs::path> entries;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    entries.push_back(it->path());
  parallel_for(entries.size(), threads, [&](size_t i) {
    std::error_code e;
    fs::remove_all(entries[i], e);
  });
  fs::remove_all(dir, ec);
}

// Removes the old output in a detached process, so that the build is done as soon as the new
// output is in place (deleting thousands of files can take longer than writing them).
static bool remove_in_background(const fs::path& dir) {
  pid_t child = ::fork();
  if (child < 0) return false;
  if (child == 0) {
    if (::fork() == 0) {  // the grandchild, adopted by init, does the work
      ::setsid();
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return true;
}

void OutputDir::commit(unsigned threads) {
  std::error_code ec;
  fs::path old = sibling(target_, "old");
  fs::remove_all(old, ec);
  bool had_old = fs::exists(target_, ec);
  if (had_old) {
    fs::rename(target_, old, ec);
    if (ec)
      throw std::runtime_error("cannot move the old output " + target_.string() +
                               " aside: " + ec.message());
  }
  fs::rename(staging_, target_, ec);
  if (ec) {
    if (had_old) fs::rename(old, target_, ec);
    throw std::runtime_error("cannot move the new output into " + target_.string());
  }
  committed_ = true;
  if (!remove_in_background(old)) remove_tree(old, threads);
}

}  // namespace hb
