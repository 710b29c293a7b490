// The views of time: a page's last change and history, the pages "Ændringer", "Versioner" and
// "Til revision", and the strategy's own life. Only the internal edition's views hold commit
// subjects and authors (see history/timeline.h).
#pragma once

#include <memory>
#include <string>

#include "base/value.h"
#include "history/git_history.h"
#include "site/site.h"

namespace hb {

// Where the pages of time are written.
inline constexpr const char* kChangesPage = "aendringer.html";
inline constexpr const char* kVersionsPage = "versioner.html";
inline constexpr const char* kReviewPage = "til-revision.html";
inline constexpr const char* kFeed = "feed.xml";

// Page i's last change: {day, date, author, uncommitted, history: [{date, author, subject, sha,
// url}]}; null when nothing tells when it changed.
Value changed_view(const Site& site, int i);
// "Ny side", "Ændret" or "Fjernet".
const char* change_label(ChangeKind kind);
// The address of a commit on the repository's web site ([repository] url), or "".
std::string commit_url(const SiteConfig& config, const std::string& sha);
// {status, status_label, decided_by, decided_on, version, next_revision}, or null.
Value strategy_view(const SiteConfig& config);
// Adds to the common view's `site`: feed, changes, versions, review (the addresses of the pages
// of time the build writes) and strategy.
void time_links(const Site& site, Value& site_view);

Value changes_view(const Site& site, const std::shared_ptr<const Value>& common);
Value versions_view(const Site& site, const std::shared_ptr<const Value>& common);
Value review_view(const Site& site, const std::shared_ptr<const Value>& common);

}  // namespace hb
