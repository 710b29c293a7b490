#include "diagram_parts.h"

#include <cmath>
#include <sstream>

#include "graph_layout.h"
#include "view.h"

namespace hb::diagram {

const char* const kPalette[10] = {"#005a9c", "#a3195b", "#1b6e3a", "#8a4b00", "#5b2a86",
                                  "#00626b", "#9c2b23", "#4a5a00", "#3b3b98", "#7a3e00"};

std::vector<std::string> wrap(const std::string& text, size_t width) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string word, line;
  while (in >> word) {
    if (!line.empty() && utf8_length(line + " " + word) > static_cast<int>(width)) {
      lines.push_back(line);
      line = word;
    } else {
      line = line.empty() ? word : line + " " + word;
    }
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

void begin_figure(MarkupWriter& w, const std::string& id, const std::string& title,
                  const std::string& desc, double width, double height) {
  w.open("figure").attr("class", "diagram").attr("id", id);
  w.open("svg")
      .attr("xmlns", "http://www.w3.org/2000/svg")
      .attr("viewBox", "0 0 " + std::to_string(static_cast<int>(std::ceil(width))) + " " +
                           std::to_string(static_cast<int>(std::ceil(height))))
      .attr("role", "img")
      .attr("aria-labelledby", id + "-title " + id + "-desc");
  w.open("title").attr("id", id + "-title").text(title).close();
  w.open("desc").attr("id", id + "-desc").text(desc).close();
}

void end_drawing(MarkupWriter& w, const std::string& title) {
  w.close();  // svg
  w.element("figcaption", title);
}

void text_at(MarkupWriter& w, double x, double y, std::string_view s, const char* anchor,
             const char* cls) {
  w.open("text").attr("x", tenths(x)).attr("y", tenths(y)).attr("text-anchor", anchor);
  if (cls) w.attr("class", cls);
  w.text(s).close();
}

void link_to(MarkupWriter& w, const Site& site, int page, const std::string& root,
             std::string& href) {
  const Page& p = site.pages[static_cast<size_t>(page)];
  href.assign(root).append(p.url);
  w.open("a").attr("href", href).text(p.title).close();
}

std::vector<int> members(const Site& site, const std::string& collection) {
  auto it = site.collections.find(collection);
  return it == site.collections.end() ? std::vector<int>() : it->second;
}

std::vector<int> ref_targets(const Site& site, int page, const std::string& field) {
  std::vector<int> out;
  for (auto& r : site.pages[static_cast<size_t>(page)].refs)
    if (r.field == field && site.is_included(r.target)) out.push_back(r.target);
  return out;
}

}  // namespace hb::diagram
