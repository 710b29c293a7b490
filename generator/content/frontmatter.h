// Front matter: the TOML between two `+++` lines at the top of a content file.
#pragma once

#include <optional>
#include <string_view>

#include "base/diagnostics.h"

namespace hb {

struct FrontMatter {
  std::string_view toml;  // the text between the `+++` lines
  int toml_line = 2;      // line number of the first TOML line in the file
  std::string_view body;  // the Markdown after the closing `+++`
  int body_line = 3;      // line number of the first body line in the file
};

// Splits `text`; reports a missing or unclosed front matter at `path` and returns nothing then.
std::optional<FrontMatter> split_front_matter(std::string_view path, std::string_view text,
                                              Diagnostics& diags);

}  // namespace hb
