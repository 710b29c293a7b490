// Page cache: pages loaded by an earlier build, kept so that the next build of the same site and
// edition reads only the files that changed (`handbook serve`). The caller says which files
// changed; a page is reused exactly as it was loaded, with the problems found in it.
//
// With each page the cache keeps its fingerprint: a hash of what other outputs can show of it
// (its face: title, summary, fields, links, ...) and one of everything else (its body), so that
// the next build can tell which pages changed and how (serve/render_choice.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"
#include "page.h"

namespace hb {

struct PageFingerprint {
  uint64_t face = 0;  // what other pages, lists and diagrams can show of the page
  uint64_t body = 0;  // the rest: its text, headings and words, shown on its own page only
  bool operator==(const PageFingerprint&) const = default;
};

// The fingerprint of a page as loaded (before the site graph resolves its references).
PageFingerprint page_fingerprint(const Page& page);

class PageCache {
 public:
  // The file `rel` (relative to content/) changed, appeared or went: the next build reads it.
  void forget(const std::string& rel) { entries_.erase(rel); }
  // The settings changed: every page is read again.
  void clear() { entries_.clear(); }
  size_t size() const { return entries_.size(); }

  // For load_pages. Lends the page kept for `rel` to the build: moves it into `page` (copies an
  // internal page, which an edition may leave out and blank) and copies its problems into
  // `diags`; false when none is kept or it is lent already. Safe from many threads for distinct
  // files while nothing is kept or forgotten.
  bool reuse(const SiteConfig& config, const std::string& rel, Page& page, Diagnostics& diags);
  // The build that borrowed pages ended, however it ended: the pages of its site come back,
  // those it read as well as those lent, with what the build kept in them (those that
  // `included` leaves out were copied and are not taken). A page lent that does not come back
  // (the build threw) is read again by the next build.
  void give_back(std::vector<Page>& pages, const std::vector<char>& included);
  // Keeps a page just loaded with the problems found in it.
  void keep(const Page& page, std::unique_ptr<Diagnostics> problems);
  // Forgets every page whose file is not among `rels` (sorted).
  void keep_only(const std::vector<std::string>& rels);
  // The fingerprint of the page kept for `rel`; null when none is kept.
  const PageFingerprint* fingerprint(const std::string& rel) const;

 private:
  struct Entry {
    Page page;
    std::string collection;  // the page's collection by name: the settings are loaded anew
    std::unique_ptr<Diagnostics> problems;
    PageFingerprint print;
    bool lent = false;  // `page` is in a build
  };
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace hb
