// The organisation diagram: the pages of a collection as boxes in columns by an enum field, and
// an arrow for each page a refs field names ("svarer til"), laid out by Graphviz so that no
// arrow crosses a box.
#include <map>
#include <set>

#include "base/ui_strings.h"
#include "diagram_parts.h"
#include "diagrams.h"
#include "graph_layout.h"
#include "view.h"

namespace hb {

using namespace diagram;

namespace {

constexpr double kBoxWidth = 168, kLineHeight = 16, kTop = 40, kLegend = 34, kArrowHalf = 4.5;
constexpr const char* kArrowFill = "#55636f";  // also in the style sheets: printed without CSS
// The largest organisation diagram drawn: beyond it there is none (the pages still list whom
// each answers to).
constexpr size_t kMaxOrgBoxes = 300, kMaxOrgArrows = 1500;

struct OrgGraph {
  GraphSpec spec;
  std::vector<int> pages;                       // the page of each node
  std::vector<size_t> group;                    // the group (an index into the enum) of each node
  std::vector<std::vector<std::string>> lines;  // each box's text
};

// The boxes of each non-empty group share a rank, in the enum's order; an arrow for each
// reference to a page that has a box.
OrgGraph org_graph(const Site& site, const std::vector<std::vector<int>>& columns,
                   const std::string& links) {
  OrgGraph g;
  g.spec.top = kTop;
  std::map<int, int> node_of;
  int rank = 0;
  for (size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].empty()) continue;
    for (int p : columns[k]) {
      auto lines = wrap(site.pages[static_cast<size_t>(p)].title, 24);
      if (lines.size() > 3) lines.resize(3), lines[2] += " …";
      node_of[p] = static_cast<int>(g.pages.size());
      g.pages.push_back(p);
      g.group.push_back(k);
      g.lines.push_back(lines);
      g.spec.nodes.push_back({kBoxWidth, std::max(40.0, 18 + kLineHeight * lines.size()), rank});
    }
    ++rank;
  }
  std::set<std::pair<int, int>> drawn;  // one arrow for a reference written twice
  for (size_t n = 0; n < g.pages.size(); ++n)
    for (int t : ref_targets(site, g.pages[n], links))
      if (auto it = node_of.find(t); it != node_of.end())
        if (drawn.insert({static_cast<int>(n), it->second}).second)
          g.spec.edges.push_back({static_cast<int>(n), it->second});
  return g;
}

void draw_arrow(MarkupWriter& w, const EdgeRoute& route) {
  w.open("path").attr("d", route_path(route)).attr("class", "edge").close();
  // A filled path, not an SVG marker: WeasyPrint does not draw markers.
  w.open("path")
      .attr("d", arrow_path(route, kArrowHalf))
      .attr("class", "arrow")
      .attr("fill", kArrowFill)
      .close();
}

void draw_boxes(MarkupWriter& w, const OrgGraph& g, const GraphLayout& layout) {
  w.open("g");
  for (size_t n = 0; n < g.pages.size(); ++n) {
    const LayoutBox& b = layout.boxes[n];
    w.open("rect")
        .attr("x", tenths(b.x))
        .attr("y", tenths(b.y))
        .attr("width", tenths(b.w))
        .attr("height", tenths(b.h))
        .attr("rx", 6)
        .attr("class", "box box-" + std::to_string(g.group[n] % 5))
        .close();
    const auto& lines = g.lines[n];
    double y0 = b.y + b.h / 2 - (static_cast<double>(lines.size()) - 1) * kLineHeight / 2 + 5;
    for (size_t l = 0; l < lines.size(); ++l)
      text_at(w, b.x + b.w / 2, y0 + static_cast<double>(l) * kLineHeight, lines[l]);
  }
  w.close();
}

// Each group's name above its column.
void draw_headings(MarkupWriter& w, const Site& site, const FieldSpec& group, const OrgGraph& g,
                   const GraphLayout& layout) {
  w.open("g");
  for (size_t n = 0; n < g.pages.size(); ++n)
    if (n == 0 || g.group[n] != g.group[n - 1])
      text_at(w, layout.boxes[n].x + layout.boxes[n].w / 2, kTop - 12,
              enum_label(site, group, group.values[g.group[n]]), "middle", "group");
  w.close();
}

// What an arrow means, drawn under the diagram.
void draw_legend(MarkupWriter& w, const std::string& text, double y) {
  EdgeRoute sample{{{12, y}, {24, y}, {36, y}, {48, y}}, {58, y}};
  w.open("g").attr("class", "legend");
  draw_arrow(w, sample);
  text_at(w, 66, y + 4.5, text, "start");
  w.close();
}

void text_version(MarkupWriter& w, const Site& site, const CollectionSpec& c,
                  const FieldSpec& group, const std::vector<std::vector<int>>& columns,
                  const std::string& root) {
  const std::string& links_field = site.config->diagrams.org_links;
  const FieldSpec* links = c.field(links_field);
  w.open("ul").attr("class", "diagram-text");
  std::string href;
  for (size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].empty()) continue;
    w.open("li").text(enum_label(site, group, group.values[k])).open("ul");
    for (int p : columns[k]) {
      w.open("li");
      link_to(w, site, p, root, href);
      auto targets = ref_targets(site, p, links_field);
      if (!targets.empty()) {
        w.text(" – " + (links ? links->label : links_field) + ": ");
        for (size_t t = 0; t < targets.size(); ++t) {
          if (t) w.text(", ");
          link_to(w, site, targets[t], root, href);
        }
      }
      w.close();  // li
    }
    w.close().close();  // ul, li
  }
  w.close();  // ul
}

std::string lower_first(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

std::string organisation_diagram(const Site& site, const std::string& root) {
  const DiagramSpec& spec = site.config->diagrams;
  const CollectionSpec* c = site.config->collection(spec.org_collection);
  const FieldSpec* group = c ? c->field(spec.org_group) : nullptr;
  std::vector<int> pages = members(site, spec.org_collection);
  if (!c || !group || pages.empty()) return "";
  std::vector<std::vector<int>> columns(group->values.size());
  for (int p : pages) {
    const Value* v = site.pages[static_cast<size_t>(p)].fields.find(group->name);
    for (size_t k = 0; v && k < group->values.size(); ++k)
      if (group->values[k] == v->to_string()) columns[k].push_back(p);
  }
  OrgGraph g = org_graph(site, columns, spec.org_links);
  // No reader can follow a diagram of more, and Graphviz would take minutes to lay it out.
  if (g.pages.empty() || g.pages.size() > kMaxOrgBoxes || g.spec.edges.size() > kMaxOrgArrows)
    return "";
  GraphLayout layout = layout_graph(g.spec);
  const std::string& lang = site.config->language;
  std::string title = ui_string(lang, "org_diagram") + ": " + c->title;
  const FieldSpec* links = c->field(spec.org_links);
  std::string out;
  MarkupWriter w(out);
  bool arrows = !g.spec.edges.empty();
  begin_figure(w, "organisationsdiagram", title,
               fill(ui_string(lang, "org_diagram_desc"),
                    {{"collection", c->title}, {"group", group->label}}),
               std::max(layout.width, 360.0), layout.height + (arrows ? kLegend : 0));
  draw_headings(w, site, *group, g, layout);
  draw_boxes(w, g, layout);
  w.open("g");  // after the boxes, so that the arrowheads lie on their borders
  for (const EdgeRoute& r : layout.routes)
    draw_arrow(w, r);
  w.close();
  if (arrows)
    draw_legend(w,
                fill(ui_string(lang, "org_diagram_legend"),
                     {{"label", lower_first(links ? links->label : spec.org_links)}}),
                layout.height + kLegend / 2);
  end_drawing(w, title);
  text_version(w, site, *c, *group, columns, root);
  w.close();  // figure
  return out;
}

}  // namespace hb
