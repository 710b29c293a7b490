#include "history_stage.h"

#include <ctime>

#include "base/messages.h"
#include "content/content.h"
#include "content/file_gate.h"
#include "history/dates.h"
#include "history/timeline.h"

namespace hb {

HistoryReading start_reading_history(const SiteConfig& config) {
  HistoryReading reading;
  reading.history = std::async(std::launch::async, read_history, config.root,
                               FileGate(config).source().revision());
  return reading;
}

void read_timeline(Site& site, const TemplateSet& templates, unsigned threads,
                   HistoryReading reading, Diagnostics& diags) {
  const SiteConfig& config = *site.config;
  RepoHistory repo;
  try {
    repo = reading.history.get();
  } catch (const std::exception& e) {
    diags.warning(display_path(config, "content"), 0, 0,
                  msg("history_unreadable", {{"reason", e.what()}}), "");
  }
  if (repo.shallow)
    diags.warning(display_path(config, "content"), 0, 0, msg("history_shallow"), "");
  auto timeline = build_timeline(site, std::move(repo), threads);
  timeline->changes_page = templates.has("changes");
  timeline->versions_page = templates.has("versions") && !config.strategy.version_tags.empty();
  timeline->review_page = templates.has("review") && site.profile->include_internal;
  site.timeline = std::move(timeline);
}

namespace {

std::string system_today() {
  std::time_t now = std::time(nullptr);
  return iso_day(static_cast<int64_t>(now), 0);
}

}  // namespace

void check_reviews(const Site& site, const std::string& today, bool fail, Diagnostics& diags) {
  int64_t now = 0;
  if (!day_number(today.empty() ? system_today() : today, now)) return;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    int64_t due = 0;
    if (!site.included[i] || !day_number(p.review_by, due) || due >= now) continue;
    MessageArgs args = {{"date", long_date(p.review_by)}, {"review_by", p.review_by}};
    if (!p.owner.empty()) args.push_back({"owner", p.owner});
    std::string message = msg(p.owner.empty() ? "review_overdue" : "review_overdue_owner", args);
    const SourcePos& at = p.review_pos;
    if (fail)
      diags.error(p.display_path, at.line, at.col, message, at.source_line);
    else
      diags.warning(p.display_path, at.line, at.col, message, at.source_line);
  }
}

}  // namespace hb
