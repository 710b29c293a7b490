#include "preview_server.h"

#include <httplib.h>
#include <malloc.h>

#include <algorithm>
#include <cstdio>

#include "base/escape.h"
#include "base/messages.h"
#include "serve.h"
#include "serve_pages.h"
#include "serve_paths.h"

namespace hb {

namespace {

void print_problems(const std::vector<Diagnostic>& problems, std::ostream& err) {
  size_t errors = 0;
  for (auto& d : problems) {
    err << format_text(d);
    errors += d.severity == Severity::Error;
  }
  if (errors)
    err << msg(errors == 1 ? "count_errors_one" : "count_errors_many",
               {{"n", std::to_string(errors)}})
        << "\n";
  err.flush();
}

void no_store(httplib::Response& res) {
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
}

// Sends a file of many pieces (the search index) without joining them: from the piece that
// holds `offset`, as much as the connection asks for.
void send_pieces(const TextPieces& pieces, const std::string& type, httplib::Response& res) {
  size_t size = 0;
  for (auto& piece : pieces)
    size += piece->size();
  res.set_content_provider(
      size, type, [pieces](size_t offset, size_t length, httplib::DataSink& sink) {
        size_t start = 0;
        for (auto& piece : pieces) {
          if (length == 0) break;
          size_t end = start + piece->size();
          if (offset < end) {
            size_t from = offset - start, n = std::min(length, piece->size() - from);
            if (!sink.write(piece->data() + from, n)) return false;
            offset += n;
            length -= n;
          }
          start = end;
        }
        return true;
      });
}

}  // namespace

PreviewServer::PreviewServer(const ServeOptions& options, std::ostream& out, std::ostream& err)
    : options_(options), out_(out), err_(err), http_(std::make_unique<httplib::Server>()) {
  http_->new_task_queue = [] { return new httplib::ThreadPool(16); };
  routes();
}

PreviewServer::~PreviewServer() = default;

void PreviewServer::rebuild(Edition& e, const std::vector<std::string>& changed) {
  std::vector<std::string> all = std::move(e.pending);
  e.pending.clear();
  all.insert(all.end(), changed.begin(), changed.end());
  RebuildReport r = e.live->rebuild(all);
  e.built = true;
  EditionState state = e.live->state();
  char ms[32];
  snprintf(ms, sizeof ms, "%.0f ms", r.seconds * 1000);
  if (!r.ok) {
    if (r.changed) {
      print_problems(state.problems, err_);
      err_ << "handbook: " << msg("serve_not_built", {{"profile", e.live->profile()}}) << "\n";
      err_.flush();
    }
    return;
  }
  print_problems(state.problems, err_);  // warnings
  MessageArgs args = {{"profile", e.live->profile()},
                      {"ms", ms},
                      {"files", std::to_string(r.files_changed)},
                      {"pages", std::to_string(r.pages_rendered)}};
  out_ << "handbook: " << msg(r.full ? "serve_built_full" : "serve_built", args) << std::endl;
  if (options_.stats) {
    out_ << "  stages:";
    for (auto& s : r.stages) {
      char stage[96];
      snprintf(stage, sizeof stage, " %s %.1f ms", s.name.c_str(), s.seconds * 1000);
      out_ << stage;
    }
    out_ << std::endl;
  }
}

void PreviewServer::start() {
  std::lock_guard build(build_mutex_);
  show(options_.profile);
}

LiveEdition& PreviewServer::shown() {
  std::lock_guard lock(mutex_);
  return *editions_.at(shown_).live;
}

void PreviewServer::show(const std::string& name) {
  Edition* e;
  {
    std::lock_guard lock(mutex_);
    auto [it, added] = editions_.try_emplace(name);
    if (added)
      it->second.live = std::make_unique<LiveEdition>(options_.site, name, options_.threads);
    e = &it->second;
  }
  if (!e->built || !e->pending.empty()) rebuild(*e, {});
  bool switched;
  {
    std::lock_guard lock(mutex_);
    switched = shown_ != name;
    shown_ = name;
  }
  if (switched) bump();
  malloc_trim(0);  // as after a change
}

void PreviewServer::changed(const std::vector<std::string>& changed) {
  std::lock_guard build(build_mutex_);
  Edition* current;
  {
    std::lock_guard lock(mutex_);
    current = &editions_.at(shown_);
    for (auto& [name, e] : editions_)
      if (&e != current) e.pending.insert(e.pending.end(), changed.begin(), changed.end());
  }
  uint64_t before = current->live->state().generation;
  rebuild(*current, changed);
  if (current->live->state().generation != before) bump();
  // What the build freed goes back to the system, so that the server does not grow; after the
  // reload event, since the pages are ready and the browsers need not wait for it.
  malloc_trim(0);
}

void PreviewServer::bump() {
  {
    std::lock_guard lock(events_mutex_);
    ++events_;
  }
  events_cv_.notify_all();
}

void PreviewServer::routes() {
  if (is_loopback(options_.bind))
    http_->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
      std::string host = req.get_header_value("Host");
      if (loopback_host(host)) return httplib::Server::HandlerResponse::Unhandled;
      no_store(res);
      res.status = 403;
      res.set_content(msg("serve_wrong_host", {{"host", terminal_text(host, false)}}) + "\n",
                      "text/plain; charset=utf-8");
      return httplib::Server::HandlerResponse::Handled;
    });
  http_->Get("/__handbook/reload.js", [](const httplib::Request&, httplib::Response& res) {
    no_store(res);
    res.set_content(std::string(reload_script()), "text/javascript; charset=utf-8");
  });
  http_->Get("/__handbook/serve.css", [](const httplib::Request&, httplib::Response& res) {
    no_store(res);
    res.set_content(std::string(serve_style()), "text/css; charset=utf-8");
  });
  http_->Get("/__handbook/events", [this](const httplib::Request& req, httplib::Response& res) {
    uint64_t since = 0;
    try {
      since = std::stoull(req.get_param_value("since"));
    } catch (...) {
      std::lock_guard lock(events_mutex_);
      since = events_;
    }
    no_store(res);
    res.set_chunked_content_provider(
        "text/event-stream", [this, since](size_t, httplib::DataSink& sink) mutable {
          std::unique_lock lock(events_mutex_);
          events_cv_.wait_for(lock, std::chrono::seconds(10),
                              [&] { return stopping_ || events_ > since; });
          if (stopping_) return false;
          std::string message = ": waiting\n\n";
          if (events_ > since) {
            since = events_;
            message = "event: reload\ndata: " + std::to_string(since) + "\n\n";
          }
          lock.unlock();
          return sink.write(message.data(), message.size());
        });
  });
  http_->Get(R"(/__handbook/edition/([A-Za-z0-9_-]+))",
             [this](const httplib::Request& req, httplib::Response& res) {
               {
                 std::lock_guard build(build_mutex_);
                 show(req.matches[1].str());
               }
               no_store(res);
               res.set_redirect("/", 303);
             });
  http_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    no_store(res);
    RequestedFile file = requested_file(req.path, req.target);
    if (!file.refusal.empty()) {
      res.status = 400;
      res.set_content(msg("serve_refused", {{"reason", file.refusal}}) + "\n",
                      "text/plain; charset=utf-8");
      return;
    }
    EditionState state = shown().state();
    uint64_t generation;
    {
      std::lock_guard lock(events_mutex_);
      generation = events_;
    }
    if (!state.files) {
      res.status = 500;
      res.set_content(error_page(state.problems, generation), "text/html; charset=utf-8");
      return;
    }
    const ServedFiles& files = *state.files;
    auto it = files.find(file.rel);
    if (it == files.end() && files.count(file.rel + "/index.html")) {
      res.set_redirect(req.path + "/", 301);
      return;
    }
    if (it == files.end()) {
      res.status = 404;
      it = files.find("404.html");
      if (it == files.end())
        return res.set_content(msg("serve_not_found") + "\n", "text/plain; charset=utf-8");
    }
    std::string type = content_type(it->first);
    const TextPieces& pieces = it->second;
    if (it->first.ends_with(".html")) {
      std::string whole = pieces.size() == 1 ? std::string() : joined(pieces);
      std::string_view html = pieces.size() == 1 ? std::string_view(*pieces[0]) : whole;
      res.set_content(served_html(html, generation, state.problems), type);
    } else if (pieces.size() == 1)
      res.set_content(*pieces[0], type);
    else
      send_pieces(pieces, type, res);
  });
}

bool PreviewServer::bind() {
  if (options_.port == 0)
    port_ = http_->bind_to_any_port(options_.bind);
  else
    port_ = http_->bind_to_port(options_.bind, options_.port) ? options_.port : -1;
  if (port_ > 0) return true;
  err_ << "handbook: "
       << msg("serve_cannot_listen",
              {{"address", options_.bind}, {"port", std::to_string(options_.port)}})
       << "\n";
  return false;
}

void PreviewServer::listen() {
  http_->listen_after_bind();
}

void PreviewServer::stop() {
  {
    std::lock_guard lock(events_mutex_);
    stopping_ = true;
  }
  events_cv_.notify_all();
  http_->stop();
}

}  // namespace hb
