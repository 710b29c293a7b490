// Sitemap and robots.txt of an edition.
#pragma once

#include <string>

#include "site/site.h"

namespace hb {

// sitemap.xml listing every page of the edition, with absolute addresses under base_url.
std::string sitemap_xml(const Site& site);
// The public edition allows indexing and names its sitemap; the internal one disallows all.
std::string robots_txt(const Site& site);

}  // namespace hb
