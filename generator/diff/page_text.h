// Page text: what a reader reads on a rendered page, as words in sections. The page's <main>
// element (the whole body when it has none) is read with the Gumbo HTML5 parser; scripts, styles
// and diagrams' SVG are left out. A section starts at each heading.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hb {

struct TextSection {
  std::string heading;             // "" for the text before the first heading
  std::vector<std::string> words;  // the section's words, the heading's own words first
};

struct PageText {
  std::string title;  // the first <h1>, else <title>
  std::vector<TextSection> sections;
};

PageText page_text(std::string_view html);

}  // namespace hb
