// The watcher of `handbook serve`: an editor's save is reported at once, and a burst of events
// as one change.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "serve/watcher.h"
#include "support.h"

using namespace hb;
using namespace hb::test;
using namespace std::chrono_literals;

namespace {

// A watcher running on its own thread, keeping each batch of changes it reports.
class Watching {
 public:
  explicit Watching(const fs::path& site) : watcher_(site) {
    thread_ = std::thread([this] {
      watcher_.run(stop_, 50ms, [this](const std::vector<std::string>& changed) {
        std::lock_guard lock(mutex_);
        batches_.push_back(changed);
      });
    });
  }
  ~Watching() {
    stop_ = true;
    thread_.join();
  }
  std::vector<std::vector<std::string>> batches() {
    std::lock_guard lock(mutex_);
    return batches_;
  }

 private:
  Watcher watcher_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<std::vector<std::string>> batches_;
  std::thread thread_;
};

void save_like_an_editor(const fs::path& path, const std::string& text) {
  fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".swp");
  write_file(tmp, text);
  fs::rename(tmp, path);
}

}  // namespace

TEST_CASE("serve: the watcher reports two saves in a row as one change") {
  TempDir tmp;
  write_file(tmp / "handbook.toml", "");
  write_file(tmp / "content/a.md", "a");
  write_file(tmp / "content/b.md", "b");
  Watching watching(tmp.path());
  save_like_an_editor(tmp / "content/a.md", "a2");
  save_like_an_editor(tmp / "content/b.md", "b2");
  std::this_thread::sleep_for(400ms);
  using Batches = std::vector<std::vector<std::string>>;
  CHECK(watching.batches() == Batches{{"content/a.md", "content/b.md"}});
}

TEST_CASE("serve: the watcher waits for a file that is still being written") {
  TempDir tmp;
  write_file(tmp / "content/a.md", "a");
  Watching watching(tmp.path());
  int fd = ::open((tmp / "content/a.md").c_str(), O_WRONLY | O_TRUNC);
  REQUIRE(fd >= 0);
  CHECK(::write(fd, "+++\n", 4) == 4);
  std::this_thread::sleep_for(25ms);  // less than the quiet time: the same burst
  CHECK(::write(fd, "+++\n", 4) == 4);
  ::close(fd);
  std::this_thread::sleep_for(400ms);
  using Batches = std::vector<std::vector<std::string>>;
  CHECK(watching.batches() == Batches{{"content/a.md"}});
}
