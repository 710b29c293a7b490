// Search index: what the edition contains, as a script that the theme's search reads. A script
// rather than JSON so that search works from file:// as well as from a server.
#pragma once

#include <ostream>
#include <string>

#include "output/output_sink.h"
#include "site/site.h"

namespace hb {

// `window.HANDBOOK_SEARCH = [...]`: per page its title (t), address relative to the root (u),
// kind (k), summary (s), short text fields such as a role's short name (a), headings (h) and the
// words of its text, all lower-case words unique per page.
void write_search_index(const Site& site, std::ostream& out);

// The same index as pieces, for `handbook serve`: each page's entry is made once and kept with
// the page (Page::search_entry), so that a rebuild after an edit makes only the entries of the
// pages read again and shares the rest, with the files of the builds before it.
TextPieces search_index_pieces(const Site& site);

}  // namespace hb
