#include "watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace hb {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kFolderEvents = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE |
                                   IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF |
                                   IN_ONLYDIR;
// How long the watcher waits after an event that completes a file (see watcher.h).
constexpr std::chrono::milliseconds kSettle{10};
// The site folder itself: only handbook.toml and the three folders appearing or going.
constexpr const char* kWatched[] = {"content", "templates", "theme"};

bool hidden(std::string_view name) {
  return !name.empty() && name.front() == '.';
}

// A file the build reads: handbook.toml, or anything below the three folders but hidden files
// and editors' temporary files ("x.md~", "#x.md#", "4913" of vim is a plain name and harmless).
bool relevant(const std::string& folder, std::string_view name) {
  if (name.empty() || hidden(name)) return false;
  if (folder.empty())
    return name == "handbook.toml" || name == "content" || name == "templates" || name == "theme";
  if (name.back() == '~' || name.front() == '#') return false;
  return true;
}

}  // namespace

Watcher::Watcher(fs::path site) : site_(std::move(site)) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
  watch("", true);
  for (const char* folder : kWatched)
    watch_tree(folder);
}

Watcher::~Watcher() {
  if (fd_ >= 0) close(fd_);
}

void Watcher::watch(const std::string& rel, bool is_root) {
  fs::path path = rel.empty() ? site_ : site_ / rel;
  uint32_t mask = is_root ? (IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM |
                             IN_MOVED_TO | IN_ATTRIB | IN_ONLYDIR)
                          : kFolderEvents;
  int wd = inotify_add_watch(fd_, path.c_str(), mask);
  if (wd >= 0) folders_[wd] = rel;
}

void Watcher::watch_tree(const std::string& rel) {
  std::error_code ec;
  if (!fs::is_directory(site_ / rel, ec) || fs::is_symlink(site_ / rel, ec)) return;
  watch(rel, false);
  for (auto it = fs::recursive_directory_iterator(site_ / rel, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (hidden(name)) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory(ec) && !it->is_symlink(ec))
      watch(fs::relative(it->path(), site_).generic_string(), false);
  }
}

void Watcher::unwatch_tree(const std::string& rel) {
  for (auto it = folders_.begin(); it != folders_.end();) {
    if (it->second == rel || it->second.starts_with(rel + "/")) {
      inotify_rm_watch(fd_, it->first);
      it = folders_.erase(it);
    } else {
      ++it;
    }
  }
}

bool Watcher::read_events(std::vector<std::string>& pending) {
  bool complete = false;
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) return complete;
    for (char* p = buffer; p < buffer + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      p += sizeof(inotify_event) + e->len;
      if (e->mask & IN_Q_OVERFLOW) {  // events were lost: treat everything as changed
        pending.push_back("handbook.toml");
        continue;
      }
      auto it = folders_.find(e->wd);
      if (it == folders_.end()) continue;
      if (e->mask & IN_IGNORED) {
        folders_.erase(it);
        continue;
      }
      std::string folder = it->second;
      std::string name = e->len ? std::string(e->name) : "";
      if (!relevant(folder, name)) continue;
      std::string rel = folder.empty() ? name : folder + "/" + name;
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_MOVED_FROM | IN_DELETE))) unwatch_tree(rel);
      if ((e->mask & IN_ISDIR) && (e->mask & (IN_CREATE | IN_MOVED_TO))) {
        // A new folder: watch it and everything already in it (it may have filled up before
        // the watch was added).
        watch_tree(rel);
        std::error_code ec;
        for (auto f = fs::recursive_directory_iterator(site_ / rel, ec);
             !ec && f != fs::recursive_directory_iterator(); f.increment(ec))
          if (!f->is_directory(ec))
            pending.push_back(fs::relative(f->path(), site_).generic_string());
      }
      pending.push_back(rel);
      complete = !(e->mask & IN_ISDIR) && (e->mask & (IN_CLOSE_WRITE | IN_MOVED_TO));
    }
  }
}

void Watcher::run(const std::atomic<bool>& stop, std::chrono::milliseconds quiet,
                  const std::function<void(const std::vector<std::string>&)>& changed) {
  using Clock = std::chrono::steady_clock;
  std::vector<std::string> pending;
  Clock::time_point last;
  std::chrono::milliseconds wait_for = quiet;  // after the last event, before the build
  while (!stop) {
    int wait = 100;
    if (!pending.empty()) {
      auto left =
          wait_for - std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - last);
      wait = static_cast<int>(std::max<long>(0, std::min<long>(left.count(), 100)));
    }
    pollfd p{fd_, POLLIN, 0};
    int ready = poll(&p, 1, wait);
    if (ready > 0) {
      size_t before = pending.size();
      bool complete = read_events(pending);
      if (pending.size() != before) {
        last = Clock::now();
        wait_for = complete ? std::min(quiet, kSettle) : quiet;
      }
      continue;
    }
    if (!pending.empty() && Clock::now() - last >= wait_for) {
      std::sort(pending.begin(), pending.end());
      pending.erase(std::unique(pending.begin(), pending.end()), pending.end());
      std::vector<std::string> batch;
      batch.swap(pending);
      changed(batch);
    }
  }
}

}  // namespace hb
