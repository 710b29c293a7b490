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

  // For load_pages. Copies the page kept for `rel` into `page` and its problems into `diags`;
  // false when none is kept. Safe from many threads while nothing is kept or forgotten.
  bool reuse(const SiteConfig& config, const std::string& rel, Page& page,
             Diagnostics& diags) const;
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
  };
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace hb
