// `handbook serve`: builds an edition in memory, serves it over HTTP (cpp-httplib), builds it
// again when the site's files change and reloads the open pages (Server-Sent Events).
#pragma once

#include <chrono>
#include <filesystem>
#include <ostream>
#include <string>

namespace hb {

struct ServeOptions {
  std::filesystem::path site = ".";
  std::string profile = "public";
  std::string bind = "127.0.0.1";
  int port = 8000;  // 0: any free port (the address printed says which)
  unsigned threads = 0;
  bool stats = false;                   // print the time of each stage of every build
  std::chrono::milliseconds quiet{50};  // a burst of changes closer than this builds once
};

// Serves until SIGINT or SIGTERM; returns the exit status (0 when stopped, 2 when the address
// cannot be used).
int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

// True for an address that only this machine reaches (127.0.0.0/8, ::1, localhost).
bool is_loopback(const std::string& address);

}  // namespace hb
