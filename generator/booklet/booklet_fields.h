// Booklet fields: a page's front matter fields as print shows them, for any collection, from the
// collection's field schema: short values as facts, references as links into the booklet,
// Markdown fields as text, lists of long strings as bullet lists, lists of tables as tables.
#pragma once

#include <string>

#include "base/value.h"
#include "booklet_links.h"

namespace hb {

// {has_facts (facts or refs), facts: [{label, value}], refs: [{label, items: [{title, url,
// in_booklet}]}],
//  texts: [{label, html}], lists: [{label, items: [text]}],
//  tables: [{label, columns: [text], rows: [{cells: [text]}]}]}
// Only the fields this edition holds: the site has already dropped internal-only ones.
Value booklet_fields(const Site& site, const BookletLinks& links, int page);

// "2026-11-23" -> "23. november 2026" with the site's month names; other text as it is.
std::string long_date(const Site& site, const std::string& iso_date);

}  // namespace hb
