#include "history_view.h"

#include <fnmatch.h>

#include <algorithm>
#include <map>

#include "history/dates.h"
#include "history/timeline.h"
#include "view.h"

namespace hb {

namespace {

constexpr size_t kMaxHistory = 30;  // commits listed on a page in the internal edition
constexpr int64_t kSoonDays = 60;   // "Til revision" lists pages due within this many days

std::string short_sha(const std::string& sha) {
  return sha.substr(0, 7);
}

// A commit as the internal edition shows it.
Value commit_view(const SiteConfig& config, const CommitInfo& c) {
  Map m;
  m.emplace("author", c.author);
  m.emplace("date", long_date(iso_day(c.time, c.offset)));
  m.emplace("sha", short_sha(c.sha));
  m.emplace("subject", c.subject);
  std::string url = commit_url(config, c.sha);
  if (!url.empty()) m.emplace("url", std::move(url));
  return m;
}

Value titled_page(const Site& site, const std::shared_ptr<const Value>& common, const char* url,
                  const char* kind, std::string title, Map extra) {
  extra.emplace("is_" + std::string(kind), true);
  extra.emplace("kind", kind);
  extra.emplace("title", std::move(title));
  extra.emplace("url", url);
  return frame_view(site, common, url, std::move(extra));
}

}  // namespace

const char* change_label(ChangeKind k) {
  return k == ChangeKind::Added ? "Ny side" : k == ChangeKind::Removed ? "Fjernet" : "Ændret";
}

std::string commit_url(const SiteConfig& config, const std::string& sha) {
  std::string base = config.repository.url;  // without a trailing '/'
  if (base.empty()) return "";
  bool gitlab = config.repository.kind == "gitlab";
  return base + (gitlab ? "/-/commit/" : "/commit/") + sha;
}

Value strategy_view(const SiteConfig& config) {
  const StrategySpec& s = config.strategy;
  if (s.status.empty() && s.decided_by.empty() && s.version.empty()) return {};
  Map m;
  if (!s.decided_by.empty()) m.emplace("decided_by", s.decided_by);
  if (!s.decided_on.empty()) m.emplace("decided_on", long_date(s.decided_on));
  if (!s.next_revision.empty()) m.emplace("next_revision", long_date(s.next_revision));
  if (!s.status.empty()) {
    std::string label = s.status;
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    m.emplace("status", s.status);
    m.emplace("status_label", std::move(label));
  }
  if (!s.version.empty()) m.emplace("version", s.version);
  return m;
}

void time_links(const Site& site, Value& v) {
  const Timeline* t = site.timeline.get();
  if (t && t->changes_page) v["changes"] = kChangesPage;
  v["feed"] = kFeed;
  if (t && t->review_page) v["review"] = kReviewPage;
  v["strategy"] = strategy_view(*site.config);
  if (t && t->versions_page) v["versions"] = kVersionsPage;
}

Value changed_view(const Site& site, int i) {
  if (!site.timeline) return {};
  const PageTime& t = site.timeline->pages[static_cast<size_t>(i)];
  if (t.day.empty()) return {};
  bool internal = site.profile->include_internal;
  const RepoHistory& repo = site.timeline->repo;
  Map m;
  if (internal && !t.author.empty()) m.emplace("author", t.author);
  m.emplace("date", long_date(t.day));
  m.emplace("day", t.day);
  if (internal && !t.commits.empty()) {
    List history;
    for (size_t k = 0; k < t.commits.size() && k < kMaxHistory; ++k)
      history.push_back(commit_view(*site.config, repo.commits[static_cast<size_t>(t.commits[k])]));
    m.emplace("history", std::move(history));
    if (t.commits.size() > kMaxHistory)
      m.emplace("history_more", static_cast<int64_t>(t.commits.size() - kMaxHistory));
  }
  const Page& p = site.pages[static_cast<size_t>(i)];
  if (internal && !p.owner.empty()) m.emplace("owner", Value::borrowed(p.owner));
  if (internal && !p.review_by.empty()) m.emplace("review_by", long_date(p.review_by));
  if (internal && t.uncommitted) m.emplace("uncommitted", true);
  return m;
}

Value changes_view(const Site& site, const std::shared_ptr<const Value>& common) {
  bool internal = site.profile->include_internal;
  const Timeline& t = *site.timeline;
  List months;
  std::string current;
  for (const ChangeEntry& e : t.changes) {
    const CommitInfo& c = t.repo.commits[static_cast<size_t>(e.commit)];
    std::string day = iso_day(c.time, c.offset), month = month_heading(day);
    if (month != current) {
      Map m;
      m.emplace("items", List());
      m.emplace("month", month);
      months.push_back(std::move(m));
      current = month;
    }
    Map item;
    if (internal) item.emplace("commit", commit_view(*site.config, c));
    item.emplace("date", long_date(day));
    item.emplace("kind", change_label(e.kind));
    item.emplace("title", e.title);
    if (e.page >= 0) item.emplace("url", page_href(site, e.page));
    (*months.back().map().find("items")).push_back(std::move(item));
  }
  Map page;
  page.emplace("months", std::move(months));
  return titled_page(site, common, kChangesPage, "changes", "Ændringer", std::move(page));
}

Value versions_view(const Site& site, const std::shared_ptr<const Value>& common) {
  const SiteConfig& config = *site.config;
  std::vector<const TagInfo*> tags;
  for (auto& tag : site.timeline->repo.tags)
    if (fnmatch(config.strategy.version_tags.c_str(), tag.name.c_str(), 0) == 0)
      tags.push_back(&tag);
  std::stable_sort(tags.begin(), tags.end(), [](const TagInfo* a, const TagInfo* b) {
    return a->commit.time > b->commit.time;
  });
  List items;
  for (const TagInfo* tag : tags) {
    Map m;
    if (site.profile->include_internal) m.emplace("commit", commit_view(config, tag->commit));
    m.emplace("date", long_date(iso_day(tag->commit.time, tag->commit.offset)));
    m.emplace("name", tag->name);
    items.push_back(std::move(m));
  }
  Map page;
  page.emplace("versions", std::move(items));
  return titled_page(site, common, kVersionsPage, "versions", "Versioner", std::move(page));
}

Value review_view(const Site& site, const std::shared_ptr<const Value>& common) {
  const Timeline& t = *site.timeline;
  // The day the list is made for: the newest commit's (or, outside a repository, the newest
  // date a page shows), never the build's clock, so that one commit builds one output.
  std::string today =
      !t.repo.head.sha.empty() ? iso_day(t.repo.head.time, t.repo.head.offset) : t.newest.day;
  int64_t now = 0;
  day_number(today, now);
  std::map<std::string, List> by_owner;
  std::vector<int> order;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    int64_t due = 0;
    if (!site.included[i] || !day_number(p.review_by, due) || due - now > kSoonDays) continue;
    Map m;
    m.emplace("date", long_date(p.review_by));
    if (due < now) m.emplace("overdue", true);
    m.emplace("title", p.title);
    m.emplace("url", p.url);
    by_owner[p.owner].push_back(std::move(m));
  }
  List owners;
  for (auto& [owner, pages] : by_owner) {
    Map m;
    std::string title = owner.empty() ? "Uden ejer" : owner;
    for (size_t i = 0; i < site.pages.size(); ++i)
      if (!owner.empty() && site.pages[i].id == owner && site.included[i] &&
          site.pages[i].collection) {
        title = site.pages[i].title;
        m.emplace("owner_url", site.pages[i].url);
        break;
      }
    m.emplace("owner", std::move(title));
    m.emplace("pages", std::move(pages));
    owners.push_back(std::move(m));
  }
  Map page;
  page.emplace("day", long_date(today));
  page.emplace("owners", std::move(owners));
  return titled_page(site, common, kReviewPage, "review", "Til revision", std::move(page));
}

}  // namespace hb
