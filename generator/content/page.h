// Page: one content file after loading: where it came from, its validated fields, its
// references and links with their source positions, and its rendered body.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/value.h"
#include "config/config.h"
#include "markdown/markdown.h"

namespace hb {

// A place in a source file, kept so that later stages can report problems there.
struct SourcePos {
  int line = 0, col = 0;
  std::string source_line;
};

// A front matter reference to another page by id (`participants = ["bestyrelsen"]`).
struct FieldRef {
  std::string field;  // "participants"
  std::string label;  // "Deltagere"
  std::string collection;
  std::string id;
  SourcePos pos;
  int target = -1;  // page index once resolved
};

// A body link to another page's source file or to an asset, resolved against content/.
struct PageLink {
  std::string path;    // normalised, relative to content/ ("roles/bestyrelsen.md")
  std::string anchor;  // without '#'
  bool asset = false;  // not a page: a file copied as it is
  int target = -1;     // page index once resolved
};

// An id that a page had before it was renamed (`aliases = ["old-id"]`): its old address
// redirects to the page.
struct Alias {
  std::string id;
  SourcePos pos;  // where it is written, without its line (read again for a report)
};

struct Page {
  std::string rel;           // relative to content/, with '/' ("roles/bestyrelsen.md")
  std::string display_path;  // as diagnostics show it ("content/roles/bestyrelsen.md")
  const CollectionSpec* collection = nullptr;  // null for the home page and section indexes
  std::string section;                         // first folder ("roles"), empty for the home
  bool is_index = false;                       // an `_index.md`
  std::string id;                              // file name without `.md`

  std::string title, summary, date;
  int64_t weight = 0;
  bool has_weight = false;
  bool internal = false;
  std::string owner;      // `owner`: the id of the role that keeps the page true
  std::string review_by;  // `review_by`: the day the page is due for review ("2027-06-01")
  SourcePos review_pos;   // where `review_by` is written
  SourcePos owner_pos;    // where `owner` is written
  std::vector<Alias> aliases;

  Value fields;  // validated values of the collection's fields, this edition's only
  std::vector<FieldRef> refs;
  std::vector<std::pair<std::string, std::string>> terms;  // (taxonomy, term)

  RenderedMarkdown body;
  std::vector<PageLink> links;  // parallel to body.links
  SourcePos front_pos;          // the opening `+++`

  std::string url;  // output file relative to the site root: "index.html", "roles/index.html",
                    // "roles/bestyrelsen.html"
  bool is_home() const { return url == "index.html"; }
  bool ok = true;  // loaded without errors

  // The page's entry in the search index, made by the first build that keeps entries
  // (output/search_index.h: `handbook serve`) and kept with the page while its file does not
  // change; null until then.
  mutable std::shared_ptr<const std::string> search_entry;
};

}  // namespace hb
