// The words of the user interface, in one place per language, so that another can be added.
#pragma once

#include <string_view>

#include "value.h"

namespace hb {

// The interface strings for `language` ("da"; others fall back to Danish) as a map for views.
const Value& ui_strings(std::string_view language);
// One string by key; the key itself if unknown.
std::string ui_string(std::string_view language, std::string_view key);

}  // namespace hb
