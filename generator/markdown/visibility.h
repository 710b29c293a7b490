// Visibility: internal passages, decided on the parsed document. A passage lies between the
// HTML comments `<!-- internal -->` and `<!-- /internal -->`, wherever cmark-gfm reads them as
// HTML: on lines of their own in the page, a quote, a list item or a footnote, or within one
// paragraph, heading or table cell. The public edition loses every passage before anything reads
// the tree; the internal edition keeps it in a box (or a span) marked "Intern passage". A comment
// that looks like a marker but is not exactly one, and a marker that cannot cut a passage cleanly,
// are errors in both editions; the public edition then renders nothing of the text.
#pragma once

#include <functional>
#include <string_view>

// clang-format off
#include <cmark-gfm.h>
// clang-format on

#include "base/diagnostics.h"

namespace hb {

inline constexpr std::string_view kInternalOpen = "<!-- internal -->";
inline constexpr std::string_view kInternalClose = "<!-- /internal -->";

// The edition a Markdown text is rendered for, and where its problems are reported.
struct Visibility {
  bool keep_internal = false;    // the internal edition: passages are kept and marked
  std::string_view path;         // the file, for reports
  Diagnostics* diags = nullptr;  // null: problems go unreported, but still cut fail-closed
  // A front matter field: every report stands at the field's place. 0 for a page body, whose
  // line 1 is line `first_line` of the file.
  int field_line = 0, field_col = 0;
  std::string_view field_source;  // the field's line
};

// Parses `text` with `parse` (which may be called twice: the public edition parses again when a
// passage holds link or footnote definitions, so that nothing outside can use them) and applies
// `vis` to the tree. `first_line` is the file line of the text's line 1. Returns the document to
// render, empty in the public edition when a marker is wrong.
cmark_node* parse_visible(std::string_view text, int first_line, const Visibility& vis,
                          cmark_mem* mem,
                          const std::function<cmark_node*(std::string_view)>& parse);

// True when `text` holds a marker or a comment that looks like one: in a plain-text field it
// would hide nothing.
bool mentions_marker(std::string_view text);

}  // namespace hb
