// What the diagrams share: the SVG figure's frame, text, links to pages and the pages a diagram
// draws. Internal to the diagrams (diagrams.cpp, diagram_org.cpp, diagram_wheel.cpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "markup_writer.h"
#include "site/site.h"

namespace hb::diagram {

// The colours of the annual wheel's rings, one for each forum with months.
extern const char* const kPalette[10];

// `text` in lines of at most `width` characters, broken between words.
std::vector<std::string> wrap(const std::string& text, size_t width);

// Opens a <figure> and its <svg>, with a title and a description that name it. The caller
// draws, then calls end_drawing, which closes the SVG and adds the caption; the text version
// follows, and the caller closes the figure.
void begin_figure(MarkupWriter& w, const std::string& id, const std::string& title,
                  const std::string& desc, double width, double height);
void end_drawing(MarkupWriter& w, const std::string& title);

void text_at(MarkupWriter& w, double x, double y, std::string_view s, const char* anchor = "middle",
             const char* cls = nullptr);
// A link to page `page` with its title; `href` is scratch space.
void link_to(MarkupWriter& w, const Site& site, int page, const std::string& root,
             std::string& href);

// The pages of a collection in this edition, and the pages a refs field of `page` names.
std::vector<int> members(const Site& site, const std::string& collection);
std::vector<int> ref_targets(const Site& site, int page, const std::string& field);

}  // namespace hb::diagram
