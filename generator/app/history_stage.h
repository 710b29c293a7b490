// The build's stages of time: the repository's history read into the edition's timeline, and
// `handbook check`'s review dates.
#pragma once

#include <future>
#include <string>

#include "base/diagnostics.h"
#include "history/git_history.h"
#include "site/site.h"
#include "template/template.h"

namespace hb {

// The repository's history as it is being read: started on a thread of its own before the pages
// load, since it needs nothing of them.
struct HistoryReading {
  std::future<RepoHistory> history;
};
HistoryReading start_reading_history(const SiteConfig& config);

// Takes the history into site.timeline and decides which pages of time the edition gets (those
// whose templates exist). A shallow clone gives one warning; a site outside any repository gets
// no history and no problem.
void read_timeline(Site& site, const TemplateSet& templates, unsigned threads,
                   HistoryReading reading, Diagnostics& diags);

// Warns of every page whose `review_by` day is before `today` ("2026-12-05"; "" for the
// system's date), at the field; errors instead when `fail` is set.
void check_reviews(const Site& site, const std::string& today, bool fail, Diagnostics& diags);

}  // namespace hb
