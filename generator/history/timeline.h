// Timeline: what each edition says about time. For every page of the edition, the day it last
// changed, and in the internal edition its author and history; the site's latest changes for
// the page "Ændringer" and feed.xml.
//
// No leak: the public edition's day for a page is that of the newest commit that changed what
// the public edition renders for it. Older versions of the file are read from the repository
// and loaded as the public edition loads pages, and compared. Commit subjects and authors are
// only in the internal edition. A file with changes not committed counts as changed at the
// date of the commit checked out (HEAD): the build's own clock is never read, so one commit
// always builds the same output.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "git_history.h"
#include "site/site.h"

namespace hb {

struct PageTime {
  std::string day;           // "2026-12-05", or "" when nothing tells
  std::string timestamp;     // the same as RFC 3339
  int64_t time = 0;          // seconds since 1970, for ordering
  bool uncommitted = false;  // internal edition: changes not committed yet
  std::string author;        // internal edition: who made the last commit
  std::vector<int> commits;  // internal edition: the page's commits, newest first
};

struct ChangeEntry {
  int commit = -1;  // index in RepoHistory::commits
  int page = -1;    // in the site, or -1 for a removed page
  ChangeKind kind = ChangeKind::Changed;
  std::string title;
};

struct Timeline {
  RepoHistory repo;
  std::vector<PageTime> pages;       // parallel to Site::pages
  std::vector<ChangeEntry> changes;  // this edition's latest changes, newest first
  PageTime newest;                   // the newest date any page shows (empty day when none)
  // The pages of time the build writes (their templates exist; "Til revision" internal only).
  bool changes_page = false, versions_page = false, review_page = false;
};

// The most changes the page "Ændringer" and the feed list.
inline constexpr size_t kMaxChanges = 100;

// Reads the history around the site (see git_history.h) and dates the edition's pages.
std::shared_ptr<Timeline> build_timeline(const Site& site, RepoHistory repo, unsigned threads);

}  // namespace hb
