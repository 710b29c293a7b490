#include "live_edition.h"

#include <chrono>

#include "app/build.h"

namespace hb {

namespace {

constexpr std::string_view kContent = "content/";

bool is_page_file(std::string_view rel) {
  return rel.starts_with(kContent) && rel.size() > 3 && rel.substr(rel.size() - 3) == ".md";
}

// Whether a file change is one that every page can show: the settings, a template, the theme,
// or an attachment in content/.
bool changes_everything(std::string_view rel) {
  return !is_page_file(rel);
}

size_t count_changes(const ServedFiles& before, const ServedFiles& after) {
  size_t n = 0;
  for (auto& [path, content] : after) {
    auto it = before.find(path);
    if (it == before.end() || !same_bytes(it->second, content)) ++n;
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
    if (changes_everything(rel)) choice_.render_all();
    if (is_page_file(rel)) pages_.forget(rel.substr(kContent.size()));
  }
  if (report.full) {
    pages_.clear();
    choice_.render_all();
  }
  built_ = true;
  const ServedFiles* last = last_good_.get();
  choice_.set_kept([last](std::string_view path) { return last && last->count(path) > 0; });

  MemoryOutput memory;
  BuildOptions options;
  options.site = site_;
  options.profile = profile_;
  options.threads = threads_;
  options.memory = &memory;
  options.pages = &pages_;
  options.choice = &choice_;
  Diagnostics diags;
  BuildResult result;
  report.ok = build(options, diags, result);
  std::vector<Diagnostic> problems = diags.sorted();
  std::shared_ptr<const ServedFiles> files;
  if (report.ok) {
    files = std::make_shared<const ServedFiles>(merged(memory));
    choice_.succeeded();
  }
  for (char r : choice_.rendered())
    report.pages_rendered += r != 0;
  report.stages = std::move(result.stages);

  std::unique_lock lock(mutex_);
  bool problems_changed = !same_problems(problems, state_.problems) || state_.failed != !report.ok;
  if (report.ok) {
    report.files_changed = state_.files ? count_changes(*state_.files, *files) : files->size();
    if (report.files_changed) state_.files = std::move(files);
    last_good_ = state_.files;
  }
  state_.problems = std::move(problems);
  state_.failed = !report.ok;
  report.changed = problems_changed || report.files_changed > 0;
  if (report.changed) ++state_.generation;
  lock.unlock();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

// The files of the build that just ended: those it wrote, and those it did not render again
// from the last good build.
ServedFiles LiveEdition::merged(MemoryOutput& memory) const {
  ServedFiles out;
  const std::vector<std::string>& paths = choice_.paths();
  for (size_t k = 0; k < paths.size(); ++k)
    if (!choice_.rendered()[k]) out.emplace(*last_good_->find(paths[k]));
  for (auto& [path, pieces] : memory.take_pieces())
    out.insert_or_assign(path, std::move(pieces));
  return out;
}

EditionState LiveEdition::state() const {
  std::lock_guard lock(mutex_);
  return state_;
}

}  // namespace hb
