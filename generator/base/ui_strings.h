// The words of the user interface, in one place per language, so that another can be added.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "value.h"

namespace hb {

// The interface strings for `language` (a code like "da", or "da-DK" for "da") as a map for
// views. A language without a table of its own gets Danish; one with a table gets Danish for
// every key its table leaves out. See docs/view-model.md, "Adding a language".
const Value& ui_strings(std::string_view language);
// One string by key; the key itself if unknown.
std::string ui_string(std::string_view language, std::string_view key);
// `text` with each `{name}` replaced by its value.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values);
// The first letter in upper case (ASCII and Latin-1: "årlig" -> "Årlig").
std::string capitalise(std::string s);

}  // namespace hb
