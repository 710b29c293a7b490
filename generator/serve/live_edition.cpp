#include "live_edition.h"

#include <malloc.h>

#include <chrono>

#include "app/build.h"

namespace hb {

namespace {

constexpr std::string_view kContent = "content/";

bool is_page_file(std::string_view rel) {
  return rel.starts_with(kContent) && rel.size() > 3 && rel.substr(rel.size() - 3) == ".md";
}

size_t count_changes(const EditionFiles& before, const EditionFiles& after) {
  size_t n = 0;
  for (auto& [path, content] : after) {
    auto it = before.find(path);
    if (it == before.end() || it->second != content) ++n;
  }
  for (auto& entry : before)
    if (!after.count(entry.first)) ++n;
  return n;
}

bool same_problems(const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (format_text(a[i]) != format_text(b[i])) return false;
  return true;
}

}  // namespace

LiveEdition::LiveEdition(std::filesystem::path site, std::string profile, unsigned threads)
    : site_(std::move(site)), profile_(std::move(profile)), threads_(threads) {}

RebuildReport LiveEdition::rebuild(const std::vector<std::string>& changed) {
  auto start = std::chrono::steady_clock::now();
  RebuildReport report;
  // A page depends on its own file and on the settings only (content/content.h): a change to
  // the settings reads every page again, and a page file that changed is read again.
  report.full = !built_;
  for (auto& rel : changed) {
    if (rel == "handbook.toml") report.full = true;
    if (is_page_file(rel)) pages_.forget(rel.substr(kContent.size()));
  }
  if (report.full) pages_.clear();
  built_ = true;

  MemoryOutput memory;
  BuildOptions options;
  options.site = site_;
  options.profile = profile_;
  options.threads = threads_;
  options.memory = &memory;
  options.pages = &pages_;
  Diagnostics diags;
  BuildResult result;
  report.ok = build(options, diags, result);
  std::vector<Diagnostic> problems = diags.sorted();

  std::unique_lock lock(mutex_);
  bool problems_changed = !same_problems(problems, state_.problems) || state_.failed != !report.ok;
  if (report.ok) {
    auto files = std::make_shared<const EditionFiles>(memory.take());
    report.files_changed = state_.files ? count_changes(*state_.files, *files) : files->size();
    if (report.files_changed) state_.files = std::move(files);
  }
  state_.problems = std::move(problems);
  state_.failed = !report.ok;
  report.changed = problems_changed || report.files_changed > 0;
  if (report.changed) ++state_.generation;
  lock.unlock();
  malloc_trim(0);  // what the build freed goes back to the system: the server does not grow
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

EditionState LiveEdition::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

}  // namespace hb
