// The search results page: all the hits of a query (`soeg.html?q=...`), found and shown by
// theme/search.js from the search index, with the words that match marked.
#pragma once

#include <memory>

#include "base/value.h"
#include "site/site.h"

namespace hb {

// Its address, relative to the edition's root.
inline constexpr const char* kSearchPage = "soeg.html";
// Its template; a site without it has no search results page.
inline constexpr const char* kSearchTemplate = "search";

Value search_view(const Site& site, const std::shared_ptr<const Value>& common);

}  // namespace hb
