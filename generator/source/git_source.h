// Git source: a site read from one revision of the git repository that holds it, straight from
// the repository's objects with libgit2 (no checkout, no temporary clone).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "site_source.h"

namespace hb {

struct GitRevision {
  std::shared_ptr<const SiteSource> source;  // null when the revision cannot be read
  std::string commit;                        // the commit's full id
  std::string error;                         // why not, for the user
};

// The site in folder `site` as it is in revision `rev` ("main", "v1.0", "HEAD~2", a commit id)
// of the repository that holds the folder.
GitRevision git_source(const std::filesystem::path& site, const std::string& rev);

}  // namespace hb
