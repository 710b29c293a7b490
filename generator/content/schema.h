// Schema: checks a page's front matter against its collection's declared fields and turns it
// into typed values for the view.
#pragma once

#include <string_view>

#include <toml++/toml.h>

#include "base/diagnostics.h"
#include "config/config.h"
#include "page.h"

namespace hb {

// The most entries a list field may hold: each may draw a line in a diagram or a row on another
// page, and 700,000 references of one page made the build crash.
inline constexpr size_t kMaxListItems = 1000;
// The most former ids (`aliases`) a page may keep: each is a file of its own in each edition.
inline constexpr size_t kMaxAliases = 100;

struct FrontMatterSource {
  std::string_view path;  // for diagnostics
  std::string_view text;  // the whole file
  int line_offset = 1;    // file line of the TOML's line 1, minus one
  bool include_internal = false;
};

// Fields every page may have, whatever its collection.
const std::vector<std::string>& builtin_fields();

// Validates `fm` and fills `page` (title, summary, weight, visibility, fields, refs, terms).
void apply_front_matter(const toml::table& fm, const SiteConfig& config, Page& page,
                        const FrontMatterSource& src, Diagnostics& diags);

}  // namespace hb
