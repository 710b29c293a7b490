// Page cache: pages loaded by an earlier build, kept so that the next build of the same site and
// edition reads only the files that changed (`handbook serve`). The caller says which files
// changed; a page is reused exactly as it was loaded, with the problems found in it.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"
#include "page.h"

namespace hb {

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

 private:
  struct Entry {
    Page page;
    std::string collection;  // the page's collection by name: the settings are loaded anew
    std::unique_ptr<Diagnostics> problems;
  };
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace hb
