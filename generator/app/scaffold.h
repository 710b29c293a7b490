// handbook new: a page written from its collection's schema in handbook.toml, with a placeholder
// in each required field (which check refuses until it is filled in) and the optional fields as
// comments that say what each holds.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"

namespace hb {

// The ids of the pages of each collection (by collection name), sorted.
using IdsByCollection = std::map<std::string, std::vector<std::string>>;

// The text of a new page of `collection`: front matter with the required fields first, each
// holding kPlaceholder (title holds `title` when it is not empty), then the optional fields as
// TOML comments with their label, type, enum values and the ids a ref can take. `today` is the
// example value of date fields (YYYY-MM-DD).
std::string scaffold_page(const SiteConfig& config, const CollectionSpec& collection,
                          const std::string& title, const IdsByCollection& ids,
                          const std::string& today);

// Why `id` cannot be the id of a page in `folder`, or "": the file gate's rules for the name of
// a page (content/<folder>/<id>.md).
std::string id_refusal(const std::string& id, const std::string& folder);

// The refusal of the collection `name`, which handbook.toml does not declare, with the names it
// does declare.
std::string unknown_collection(const SiteConfig& config, const std::string& name);

struct NewPageRequest {
  std::filesystem::path site = ".";
  std::string collection, id, title;
};

struct NewPageResult {
  int status = 0;       // 0 written, 1 handbook.toml has errors (in the diagnostics), 2 refused
  std::string message;  // why it was refused
  std::string written;  // the file written, as the site folder was given ("content/roles/x.md")
};

// Writes content/<folder>/<id>.md. Refuses an unknown collection (with did-you-mean), an id
// that a page of the collection has already, and an id that is not a page's file name.
NewPageResult write_new_page(const NewPageRequest& request, Diagnostics& diags);

}  // namespace hb
