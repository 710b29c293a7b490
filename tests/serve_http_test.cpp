// handbook serve as editors use it: the program started on a free loopback port over a scratch
// copy of the bundled site, asked over HTTP while its files change.
#include <doctest/doctest.h>
#include <httplib.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "serve/serve_paths.h"

#include <atomic>
#include <chrono>
#include <regex>
#include <thread>

#include "support.h"

using namespace hb::test;
using namespace std::chrono_literals;

namespace {

// Saves as editors do: a temporary file beside it, renamed over it.
void save_like_an_editor(const fs::path& path, const std::string& text) {
  fs::path tmp = path.parent_path() / ("." + path.filename().string() + ".swp");
  write_file(tmp, text);
  fs::rename(tmp, path);
}

// `handbook serve --port 0` running over `site`; stopped with SIGTERM.
class ServeProcess {
 public:
  explicit ServeProcess(const fs::path& site) : log_(site.parent_path() / "serve.log") {
    std::fflush(stdout);
    pid_ = fork();
    if (pid_ == 0) {
      FILE* f = freopen(log_.c_str(), "w", stdout);
      (void)f;
      dup2(fileno(stdout), 2);
      execl(HANDBOOK_BINARY, HANDBOOK_BINARY, "serve", "--site", site.c_str(), "--port", "0",
            "--jobs", "2", static_cast<char*>(nullptr));
      _exit(127);
    }
    std::regex address("http://127\\.0\\.0\\.1:([0-9]+)/");
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::smatch m;
      std::string text = fs::exists(log_) ? read_text(log_) : "";
      if (std::regex_search(text, m, address))
        port_ = std::stoi(m[1]);
      else
        std::this_thread::sleep_for(50ms);
    }
  }
  ~ServeProcess() { stop(); }

  int port() const { return port_; }
  std::string log() const { return read_text(log_); }

  // Stops it with SIGTERM; its exit status.
  int stop() {
    if (pid_ <= 0) return status_;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
  }

 private:
  fs::path log_;
  pid_t pid_ = -1;
  int port_ = 0;
  int status_ = -1;
};

struct Reply {
  int status = 0;
  std::string body;
};

Reply get(int port, const std::string& path) {
  httplib::Client client("127.0.0.1", port);
  auto r = client.Get(path);
  return r ? Reply{r->status, r->body} : Reply{};
}

// A request sent as it is, byte for byte, so that no client tidies its path.
Reply raw_get(int port, const std::string& target) {
  httplib::Client client("127.0.0.1", port);
  httplib::Request req;
  req.method = "GET";
  req.path = target;
  httplib::Response res;
  httplib::Error error;
  if (!client.send(req, res, error)) return {};
  return {res.status, res.body};
}

// Asks for `path` until `done` holds for the reply or `limit` has passed.
bool wait_for(int port, const std::string& path, const std::function<bool(const Reply&)>& done,
              std::chrono::milliseconds limit) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (done(get(port, path))) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

// Counts the reload events of /__handbook/events while it lives.
class EventCounter {
 public:
  EventCounter(int port, const std::string& since) : client_("127.0.0.1", port) {
    thread_ = std::thread([this, since] {
      client_.Get("/__handbook/events?since=" + since, [this](const char* data, size_t n) {
        std::string chunk(data, n);
        for (size_t at = chunk.find("event: reload"); at != std::string::npos;
             at = chunk.find("event: reload", at + 1))
          ++reloads_;
        return !done_;
      });
    });
  }
  ~EventCounter() {
    done_ = true;
    client_.stop();
    thread_.join();
  }
  int reloads() const { return reloads_; }

 private:
  httplib::Client client_;
  std::atomic<bool> done_{false};
  std::atomic<int> reloads_{0};
  std::thread thread_;
};

std::string generation(const std::string& html) {
  std::smatch m;
  std::regex since("reload\\.js\\?since=([0-9]+)");
  return std::regex_search(html, m, since) ? m[1].str() : "";
}

const std::string kPage = "roles/bestyrelsen.html";
const std::string kSource = "content/roles/bestyrelsen.md";

}  // namespace

TEST_CASE("serve: a saved edit shows over HTTP within 2 s, with exactly one reload event") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  ServeProcess serve(tmp / "site");
  REQUIRE(serve.port() > 0);
  Reply before = get(serve.port(), "/" + kPage);
  REQUIRE(before.status == 200);
  CHECK(before.body.find("<script src=\"/__handbook/reload.js?since=") != std::string::npos);
  EventCounter events(serve.port(), generation(before.body));
  std::this_thread::sleep_for(200ms);  // the event stream is open
  std::string text = read_text(tmp / "site" / kSource);
  text += "\nEt helt nyt afsnit om spildevandsledninger.\n";
  auto saved = std::chrono::steady_clock::now();
  save_like_an_editor(tmp / "site" / kSource, text);
  CHECK(wait_for(
      serve.port(), "/" + kPage,
      [](const Reply& r) { return r.body.find("helt nyt afsnit") != std::string::npos; }, 2000ms));
  CHECK(std::chrono::steady_clock::now() - saved < 2s);
  std::this_thread::sleep_for(500ms);
  CHECK(events.reloads() == 1);
  // The built output itself carries no reload script: only served pages do.
  CHECK(read_text(tmp / "site" / kSource).find("reload.js") == std::string::npos);
  CHECK(serve.stop() == 0);
  CHECK(serve.log().find("handbook: stoppet") != std::string::npos);
}

TEST_CASE("serve: broken front matter shows the problems on the last good pages until mended") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  ServeProcess serve(tmp / "site");
  REQUIRE(serve.port() > 0);
  std::string good = read_text(tmp / "site" / kSource);
  save_like_an_editor(tmp / "site" / kSource, "+++\ntitle = \"Bestyrelsen\n" + good.substr(4));
  auto broken = [](const Reply& r) {
    return r.body.find("Håndbogen kan ikke bygges") != std::string::npos;
  };
  REQUIRE(wait_for(serve.port(), "/" + kPage, broken, 2000ms));
  Reply page = get(serve.port(), "/" + kPage);
  CHECK(page.status == 200);
  CHECK(page.body.find("role=\"alert\"") != std::string::npos);
  CHECK(page.body.find("content/roles/bestyrelsen.md:2:") != std::string::npos);
  // The message at its place, the line and the caret under column 9 (the opening quote), as
  // `handbook check` prints.
  CHECK(page.body.find("content/roles/bestyrelsen.md:2:9: fejl: teksten i anførselstegn, der "
                       "begynder her, bliver aldrig afsluttet") != std::string::npos);
  CHECK(page.body.find("\n    title = \"Bestyrelsen\n            ^\n") != std::string::npos);
  CHECK(page.body.find("<h1") != std::string::npos);  // the last good page, below the panel
  Reply other = get(serve.port(), "/index.html");
  CHECK(other.status == 200);
  CHECK(broken(other));
  // The same problems on the terminal, printed right after the build.
  bool printed = false;
  for (int i = 0; i < 100 && !printed; ++i, std::this_thread::sleep_for(20ms))
    printed = serve.log().find("content/roles/bestyrelsen.md:2:9: fejl: teksten i anførselstegn") !=
              std::string::npos;
  CHECK(printed);
  save_like_an_editor(tmp / "site" / kSource, good);
  CHECK(wait_for(
      serve.port(), "/" + kPage, [&](const Reply& r) { return !broken(r); }, 2000ms));
}

TEST_CASE("serve: paths out of the edition are refused, and so is a symlink out of the site") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  write_file(tmp / "secret.txt", "hemmeligt indhold");
  ServeProcess serve(tmp / "site");
  REQUIRE(serve.port() > 0);
  for (std::string target : {"/../handbook.toml", "/%2e%2e/handbook.toml", "/%2E%2E/handbook.toml",
                             "/roles/../../handbook.toml", "/%252e%252e/handbook.toml",
                             "//etc/passwd", "/..%2fhandbook.toml"}) {
    CAPTURE(target);
    Reply r = raw_get(serve.port(), target);
    CHECK(r.status == 400);
    CHECK(r.body.find("[site]") == std::string::npos);
  }
  CHECK(get(serve.port(), "/handbook.toml").status == 404);
  fs::create_symlink(tmp / "secret.txt", tmp / "site" / "theme" / "leak.css");
  fs::create_symlink(tmp / "secret.txt", tmp / "site" / "content" / "leak.txt");
  std::this_thread::sleep_for(500ms);  // built again
  for (std::string path : {"/theme/leak.css", "/leak.txt"}) {
    CAPTURE(path);
    Reply r = get(serve.port(), path);
    CHECK(r.status == 404);
    CHECK(r.body.find("hemmeligt") == std::string::npos);
  }
}

TEST_CASE("serve: a request for another host than this machine is refused") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  ServeProcess serve(tmp / "site");
  REQUIRE(serve.port() > 0);
  auto with_host = [&](const std::string& host, const std::string& path) {
    httplib::Client client("127.0.0.1", serve.port());
    auto r = client.Get(path, {{"Host", host}});
    return r ? Reply{r->status, r->body} : Reply{};
  };
  Reply refused = with_host("evil.example", "/__handbook/edition/internal");
  CHECK(refused.status == 403);
  CHECK(refused.body ==
        "Afvist: forespørgslen er til værten 'evil.example', men handbook serve svarer kun "
        "forespørgsler til denne maskine (localhost, 127.0.0.1, [::1]); så kan en hjemmeside ikke "
        "læse udgaverne gennem et navn, der peger på 127.0.0.1\n");
  CHECK(with_host("evil.example:" + std::to_string(serve.port()), "/").status == 403);
  CHECK(get(serve.port(), "/pages/workshop-og-interview.html").status == 404);  // still public
  CHECK(with_host("localhost:" + std::to_string(serve.port()), "/").status == 200);
  CHECK(with_host("127.0.0.1", "/").status == 200);
}

TEST_CASE("serve: /__handbook/edition/NAME switches between the editions without a restart") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  ServeProcess serve(tmp / "site");
  REQUIRE(serve.port() > 0);
  const std::string internal_page = "/pages/workshop-og-interview.html";
  CHECK(get(serve.port(), internal_page).status == 404);
  CHECK(raw_get(serve.port(), "/__handbook/edition/internal").status == 303);
  CHECK(get(serve.port(), internal_page).status == 200);
  CHECK(raw_get(serve.port(), "/__handbook/edition/public").status == 303);
  CHECK(get(serve.port(), internal_page).status == 404);
}

TEST_CASE("serve: the search index, sent in the pieces kept with its pages, equals the built one") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  ServeProcess serve(tmp / "site");
  REQUIRE(serve.port() > 0);
  std::string text = read_text(tmp / "site" / kSource) + "\nOrdet vandløbsregulativ er nyt.\n";
  save_like_an_editor(tmp / "site" / kSource, text);
  CHECK(wait_for(
      serve.port(), "/search-index.js",
      [](const Reply& r) { return r.body.find("vandløbsregulativ") != std::string::npos; },
      2000ms));
  Reply served = get(serve.port(), "/search-index.js");
  REQUIRE(run({"build", "--site", (tmp / "site").string(), "--out", (tmp / "out").string()})
              .exit_code == 0);
  std::string built = read_text(tmp / "out" / "search-index.js");
  CHECK(served.status == 200);
  CHECK(served.body.size() == built.size());
  CHECK(served.body == built);
  // A part of it, across the pieces of several pages.
  httplib::Client client("127.0.0.1", serve.port());
  auto part = client.Get("/search-index.js", {{"Range", "bytes=20000-29999"}});
  REQUIRE(part);
  CHECK(part->status == 206);
  CHECK(part->body == built.substr(20000, 10000));
}

TEST_CASE("serve: the hosts of this machine are told from every other") {
  for (std::string host : {"localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:8765",
                           "127.1.2.3", "[::1]", "[::1]:8000"}) {
    CAPTURE(host);
    CHECK(hb::loopback_host(host));
  }
  for (std::string host : {"", "evil.example", "localhost.evil.example", "127.0.0.1.evil.example",
                           "127.0.0.1:x", "127.0.0.256", "127.0.0", "127.0.0.1.2", "[::1]x",
                           "[::2]", "::1", "10.0.0.1:8000", "localhost:", "127.0.0.1:80:80"}) {
    CAPTURE(host);
    CHECK_FALSE(hb::loopback_host(host));
  }
}
