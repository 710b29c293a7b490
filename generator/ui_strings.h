// The words of the user interface, in one place per language, so that another can be added.
#pragma once

#include <string_view>

#include "value.h"

namespace hb {

// The interface strings for `language` (a code like "da", or "da-DK" for "da") as a map for
// views. A language without a table of its own gets Danish; one with a table gets Danish for
// every key its table leaves out. See docs/view-model.md, "Adding a language".
const Value& ui_strings(std::string_view language);
// One string by key; the key itself if unknown.
std::string ui_string(std::string_view language, std::string_view key);

}  // namespace hb
