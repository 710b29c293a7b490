// Redirects: a page renamed with `handbook mv` keeps its old ids in `aliases`, and each old
// address (<folder>/<old-id>.html) gets a small page that sends the reader on to the page's
// new address, so that bookmarks and links from elsewhere keep working. A redirect page is no
// page of the handbook: it is left out of the sitemap, the feed and the search index, asks
// search engines not to index it, and has no script or style of its own (the site's Content
// Security Policy allows neither inline).
#pragma once

#include <string>
#include <vector>

#include "site/site.h"

namespace hb {

struct Redirect {
  std::string path;  // the old address, relative to the edition's root ("roles/gammel.html")
  int page = -1;     // the page it leads to
  size_t alias = 0;  // which of the page's aliases
};

// The redirects of the edition: one for each alias of each page it includes, in page order.
std::vector<Redirect> redirects(const Site& site);

// The redirect page at `r.path`.
std::string redirect_html(const Site& site, const Redirect& r);

}  // namespace hb
