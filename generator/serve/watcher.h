// Watcher: reports changes to a site's content/, templates/, theme/ and handbook.toml with
// inotify. Folders made later are watched too. Editors save by writing a temporary file and
// renaming it over the old one: the rename is caught as a change of the file it lands on. A
// burst of events is reported once, after `quiet` without further events; when the last event
// completed a file (it was closed after writing, or renamed into place, as an editor's save
// ends), after 10 ms without further events, so that a save is built at once.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hb {

class Watcher {
 public:
  // Throws std::runtime_error when inotify cannot be used.
  explicit Watcher(std::filesystem::path site);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits for changes and calls `changed` with the files that changed, relative to the site
  // ("content/roles/x.md"), sorted, after `quiet` without events; returns when `stop` is set
  // (checked at least every 100 ms).
  void run(const std::atomic<bool>& stop, std::chrono::milliseconds quiet,
           const std::function<void(const std::vector<std::string>&)>& changed);

 private:
  void watch_tree(const std::string& rel);  // a folder and every folder below it
  void watch(const std::string& rel, bool is_root);
  void unwatch_tree(const std::string& rel);  // a folder that moved away or went
  // Reads the events waiting; adds the files they name to `pending`. True when the last of
  // them completed a file.
  bool read_events(std::vector<std::string>& pending);

  std::filesystem::path site_;
  int fd_ = -1;
  std::map<int, std::string> folders_;  // watch descriptor -> folder relative to the site
};

}  // namespace hb
