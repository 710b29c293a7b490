// Preview server: the editions of one site, built live, and what a browser asks of them over
// HTTP. One edition is shown at a time; /__handbook/edition/NAME switches to another, which is
// built (or brought up to date) first.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include "live_edition.h"
#include "serve.h"

namespace httplib {
class Server;
}

namespace hb {

class PreviewServer {
 public:
  PreviewServer(const ServeOptions& options, std::ostream& out, std::ostream& err);
  ~PreviewServer();

  // Builds the edition asked for and prints what came of it.
  void start();
  // The files in `changed` (relative to the site) changed: builds the shown edition again and
  // tells the open pages to reload when what they show changed.
  void changed(const std::vector<std::string>& changed);
  // Binds to the address; false (with the reason on `err`) when it cannot.
  bool bind();
  int port() const { return port_; }
  // Serves until stop() (from another thread).
  void listen();
  void stop();

 private:
  struct Edition {
    std::unique_ptr<LiveEdition> live;
    std::vector<std::string> pending;  // changes since it was last built
    bool built = false;
  };
  void routes();
  // Switches to the edition `name`, building it first; with the build lock held.
  void show(const std::string& name);
  void rebuild(Edition& e, const std::vector<std::string>& changed);
  LiveEdition& shown();
  void bump();

  ServeOptions options_;
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<httplib::Server> http_;
  int port_ = 0;

  std::mutex build_mutex_;  // one build at a time
  std::mutex mutex_;        // guards shown_ and editions_'s map
  std::string shown_;
  std::map<std::string, Edition> editions_;

  std::mutex events_mutex_;
  std::condition_variable events_cv_;
  uint64_t events_ = 0;  // counts changes of what the shown edition serves
  bool stopping_ = false;
};

}  // namespace hb
