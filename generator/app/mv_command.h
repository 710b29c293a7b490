// handbook mv: renames a page. The file gets the new id as its name, every front matter
// reference to the page (a ref field, `owner`) and every Markdown link to it across content/
// is rewritten in place, and the page keeps its old id in `aliases`, so that the build writes a
// redirect at the old address (output/redirects.h). Only the spans that name the page change:
// every other byte of each file stays as it was. Every change is planned and the renamed site
// checked in memory, in each edition, before the first file is written.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace hb {

struct MovePageRequest {
  std::filesystem::path site = ".";
  std::string collection, old_id, new_id;
};

struct MovePageResult {
  int status = 0;        // 0 renamed, 1 the site has errors (in the diagnostics), 2 refused
  std::string message;   // why it was refused, or what stops it (status 1)
  std::string from, to;  // the page's file before and after, as the site was given
  std::vector<std::string> rewritten;  // the other files changed, sorted
};

MovePageResult move_page(const MovePageRequest& request, Diagnostics& diags);

}  // namespace hb
