#include "serve.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

#include "base/messages.h"
#include "preview_server.h"
#include "watcher.h"

namespace hb {

bool is_loopback(const std::string& address) {
  return address == "localhost" || address == "::1" || address.starts_with("127.");
}

int run_serve(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  // SIGINT and SIGTERM are taken by this thread alone (sigwait below): every thread started
  // from here on has them blocked.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A server that builds again and again on a pool of threads: with glibc's default of up to 8
  // memory arenas per core, what one build's threads free is spread over arenas that the next
  // build's threads may not use, and the server grew by 14 % over 40 edits of 10,000 pages
  // (bench/serve). Two arenas keep it flat (+0.7 % over 100 edits), though rebuilds were slower
  // in those runs (bench/README.md).
  mallopt(M_ARENA_MAX, 2);

  std::unique_ptr<Watcher> watcher;
  try {
    watcher = std::make_unique<Watcher>(options.site);
  } catch (const std::exception& e) {
    err << "handbook: "
        << msg("serve_cannot_watch",
               {{"folder", options.site.generic_string()}, {"reason", e.what()}})
        << "\n";
    return 1;
  }
  PreviewServer server(options, out, err);
  if (!server.bind()) return 2;
  if (!is_loopback(options.bind))
    err << "handbook: "
        << msg("serve_network", {{"address", options.bind}, {"profile", options.profile}}) << "\n";
  server.start();
  std::string host =
      options.bind.find(':') != std::string::npos ? "[" + options.bind + "]" : options.bind;
  out << "handbook: "
      << msg("serve_serving",
             {{"profile", options.profile},
              {"url", "http://" + host + ":" + std::to_string(server.port()) + "/"}})
      << std::endl;

  std::atomic<bool> stop{false};
  std::thread http([&] { server.listen(); });
  std::thread watch([&] {
    watcher->run(stop, options.quiet,
                 [&](const std::vector<std::string>& changed) { server.changed(changed); });
  });
  int sig = 0;
  sigwait(&signals, &sig);
  stop = true;
  server.stop();
  http.join();
  watch.join();
  out << "handbook: " << msg("serve_stopped") << std::endl;
  return 0;
}

}  // namespace hb
