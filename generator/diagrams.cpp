#include "diagrams.h"

#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "template.h"
#include "ui_strings.h"
#include "view.h"

namespace hb {

namespace {

using tinyxml2::XMLDocument;
using tinyxml2::XMLElement;

const char* const kPalette[] = {"#005a9c", "#a3195b", "#1b6e3a", "#8a4b00", "#5b2a86",
                                "#00626b", "#9c2b23", "#4a5a00", "#3b3b98", "#7a3e00"};

std::string print(const XMLDocument& doc) {
  tinyxml2::XMLPrinter printer(nullptr, true);
  doc.Print(&printer);
  return printer.CStr();
}

XMLElement* add(XMLElement* parent, const char* name, const char* text = nullptr) {
  XMLElement* e = parent->InsertNewChildElement(name);
  if (text) e->SetText(text);
  return e;
}

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

// <figure> with an SVG whose title and description name it, and room for the text version.
struct Figure {
  XMLDocument doc;
  XMLElement* figure = nullptr;
  XMLElement* svg = nullptr;

  Figure(const std::string& id, const std::string& title, const std::string& desc, int w, int h) {
    figure = doc.NewElement("figure");
    doc.InsertEndChild(figure);
    figure->SetAttribute("class", "diagram");
    figure->SetAttribute("id", id.c_str());
    svg = add(figure, "svg");
    svg->SetAttribute("xmlns", "http://www.w3.org/2000/svg");
    svg->SetAttribute("viewBox", ("0 0 " + std::to_string(w) + " " + std::to_string(h)).c_str());
    svg->SetAttribute("role", "img");
    svg->SetAttribute("aria-labelledby", (id + "-title " + id + "-desc").c_str());
    add(svg, "title", title.c_str())->SetAttribute("id", (id + "-title").c_str());
    add(svg, "desc", desc.c_str())->SetAttribute("id", (id + "-desc").c_str());
    add(figure, "figcaption", title.c_str());
  }
};

XMLElement* text_at(XMLElement* parent, double x, double y, const std::string& s,
                    const char* anchor = "middle", const char* cls = nullptr) {
  XMLElement* t = add(parent, "text", s.c_str());
  t->SetAttribute("x", x);
  t->SetAttribute("y", y);
  t->SetAttribute("text-anchor", anchor);
  if (cls) t->SetAttribute("class", cls);
  return t;
}

XMLElement* link_to(XMLElement* parent, const Site& site, int page, const std::string& root) {
  XMLElement* a = add(parent, "a", site.pages[static_cast<size_t>(page)].title.c_str());
  a->SetAttribute("href", (root + page_href(site, page)).c_str());
  return a;
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

struct Box {
  double x, y, w, h;
};

void draw_edge(XMLElement* g, const Box& from, const Box& to) {
  double x1, y1 = from.y + from.h / 2, x2, y2 = to.y + to.h / 2, bend;
  if (to.x > from.x)
    x1 = from.x + from.w, x2 = to.x, bend = (x2 - x1) / 2;
  else if (to.x < from.x)
    x1 = from.x, x2 = to.x + to.w, bend = -(x1 - x2) / 2;
  else
    x1 = x2 = from.x + from.w, bend = 40;
  std::ostringstream d;
  d << "M" << x1 << "," << y1 << " C" << x1 + bend << "," << y1 << " "
    << x2 - (to.x == from.x ? -bend : bend) << "," << y2 << " " << x2 << "," << y2;
  XMLElement* p = add(g, "path");
  p->SetAttribute("d", d.str().c_str());
  p->SetAttribute("class", "edge");
  p->SetAttribute("marker-end", "url(#pil)");
}

}  // namespace

std::string organisation_diagram(const Site& site, const std::string& root) {
  const DiagramSpec& spec = site.config->diagrams;
  const CollectionSpec* c = site.config->collection(spec.org_collection);
  const FieldSpec* group = c ? c->field(spec.org_group) : nullptr;
  std::vector<int> pages = members(site, spec.org_collection);
  if (!c || !group || pages.empty()) return "";
  const double col_w = 190, gap = 24, box_h = 50, vgap = 16, top = 50;
  std::vector<std::vector<int>> columns(group->values.size());
  for (int p : pages) {
    const Value* v = site.pages[static_cast<size_t>(p)].fields.find(group->name);
    for (size_t k = 0; v && k < group->values.size(); ++k)
      if (group->values[k] == v->to_string()) columns[k].push_back(p);
  }
  size_t rows = 0;
  for (auto& col : columns)
    rows = std::max(rows, col.size());
  int width = static_cast<int>(columns.size() * (col_w + gap) + gap);
  int height = static_cast<int>(top + rows * (box_h + vgap) + 20);
  std::string title = ui_string(site.config->language, "org_diagram") + ": " + c->title;
  Figure fig("organisationsdiagram", title,
             fill(ui_string(site.config->language, "org_diagram_desc"),
                  {{"collection", c->title}, {"group", group->label}}),
             width, height);
  XMLElement* defs = add(fig.svg, "defs");
  XMLElement* marker = add(defs, "marker");
  for (auto [k, v] : {std::pair{"id", "pil"},
                      {"viewBox", "0 0 10 10"},
                      {"refX", "10"},
                      {"refY", "5"},
                      {"markerWidth", "8"},
                      {"markerHeight", "8"},
                      {"orient", "auto-start-reverse"}})
    marker->SetAttribute(k, v);
  add(marker, "path")->SetAttribute("d", "M0,0 L10,5 L0,10 z");
  std::map<int, Box> boxes;
  XMLElement* edges = add(fig.svg, "g");  // first, so that the boxes cover the lines
  XMLElement* nodes = add(fig.svg, "g");
  for (size_t k = 0; k < columns.size(); ++k) {
    double x = gap + k * (col_w + gap);
    text_at(nodes, x + col_w / 2, 28, enum_label(site, *group, group->values[k]), "middle",
            "group");
    for (size_t r = 0; r < columns[k].size(); ++r) {
      int p = columns[k][r];
      Box b{x, top + r * (box_h + vgap), col_w, box_h};
      boxes[p] = b;
      XMLElement* rect = add(nodes, "rect");
      rect->SetAttribute("x", b.x);
      rect->SetAttribute("y", b.y);
      rect->SetAttribute("width", b.w);
      rect->SetAttribute("height", b.h);
      rect->SetAttribute("rx", 6);
      rect->SetAttribute("class", ("box box-" + std::to_string(k % 5)).c_str());
      auto lines = wrap(site.pages[static_cast<size_t>(p)].title, 26);
      if (lines.size() > 2) lines.resize(2), lines[1] += " …";
      double y0 = b.y + b.h / 2 - (lines.size() - 1) * 8 + 5;
      for (size_t l = 0; l < lines.size(); ++l)
        text_at(nodes, b.x + b.w / 2, y0 + l * 16, lines[l]);
    }
  }
  for (auto& [p, box] : boxes)
    for (int t : ref_targets(site, p, spec.org_links))
      if (boxes.count(t)) draw_edge(edges, box, boxes[t]);
  XMLElement* list = add(fig.figure, "ul");
  list->SetAttribute("class", "diagram-text");
  for (size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].empty()) continue;
    XMLElement* li = add(list, "li", enum_label(site, *group, group->values[k]).c_str());
    XMLElement* sub = add(li, "ul");
    for (int p : columns[k]) {
      XMLElement* item = add(sub, "li");
      link_to(item, site, p, root);
      auto targets = ref_targets(site, p, spec.org_links);
      if (targets.empty()) continue;
      const FieldSpec* links = c->field(spec.org_links);
      item->InsertNewText((" – " + (links ? links->label : spec.org_links) + ": ").c_str());
      for (size_t t = 0; t < targets.size(); ++t) {
        if (t) item->InsertNewText(", ");
        link_to(item, site, targets[t], root);
      }
    }
  }
  return print(fig.doc);
}

namespace {

// Meetings a year for the frequencies the wheel can draw without knowing the months.
int meetings_per_year(const std::string& frequency) {
  static const std::pair<const char*, int> known[] = {
      {"månedlig", 12}, {"kvartalsvis", 4}, {"halvårlig", 2}, {"årlig", 1}};
  for (auto& [name, n] : known)
    if (frequency == name) return n;
  return 0;
}

struct WheelRow {
  int page = -1;
  std::vector<int> months;  // known months, 1-12
  int per_year = 0;         // from the frequency when the months are not known
  std::string frequency;
};

std::vector<WheelRow> wheel_rows(const Site& site, const DiagramSpec& spec) {
  std::vector<WheelRow> rows;
  for (int p : members(site, spec.wheel_collection)) {
    const Page& page = site.pages[static_cast<size_t>(p)];
    WheelRow row{p, {}, 0, ""};
    if (const Value* v = page.fields.find(spec.wheel_months); v && v->is_list())
      for (auto& m : v->as_list())
        if (m.is_int() && m.as_int() >= 1 && m.as_int() <= 12)
          row.months.push_back(static_cast<int>(m.as_int()));
    if (const Value* f = page.fields.find(spec.wheel_frequency)) row.frequency = f->to_string();
    if (row.months.empty()) row.per_year = meetings_per_year(row.frequency);
    if (!row.months.empty() || row.per_year) rows.push_back(row);
  }
  return rows;
}

void mark(XMLElement* g, double x, double y, size_t k, bool known) {
  XMLElement* dot = add(g, "circle");
  dot->SetAttribute("cx", x);
  dot->SetAttribute("cy", y);
  dot->SetAttribute("r", 7);
  dot->SetAttribute("stroke", kPalette[k % 10]);
  dot->SetAttribute("stroke-width", 3);
  dot->SetAttribute("fill", known ? kPalette[k % 10] : "#ffffff");
}

}  // namespace

std::string annual_wheel(const Site& site, const std::string& root) {
  const DiagramSpec& spec = site.config->diagrams;
  const CollectionSpec* c = site.config->collection(spec.wheel_collection);
  if (!c) return "";
  std::vector<WheelRow> rows = wheel_rows(site, spec);
  if (rows.empty()) return "";
  std::vector<std::string> names;
  std::istringstream all(ui_string(site.config->language, "all_months"));
  for (std::string m; std::getline(all, m, ',');)
    names.push_back(m);
  const double size = 440, cx = size / 2, cy = size / 2, outer = 205;
  std::string title = ui_string(site.config->language, "annual_wheel") + ": " + c->title;
  Figure fig("aarshjul", title, ui_string(site.config->language, "annual_wheel_desc"),
             static_cast<int>(size), static_cast<int>(size));
  XMLElement* g = add(fig.svg, "g");
  for (int m = 0; m < 12; ++m) {
    double a = (m * 30 - 90) * M_PI / 180;
    XMLElement* line = add(g, "line");
    line->SetAttribute("x1", cx);
    line->SetAttribute("y1", cy);
    line->SetAttribute("x2", cx + outer * std::cos(a));
    line->SetAttribute("y2", cy + outer * std::sin(a));
    line->SetAttribute("class", "spoke");
    double la = ((m + 0.5) * 30 - 90) * M_PI / 180;
    text_at(g, cx + (outer - 14) * std::cos(la), cy + (outer - 14) * std::sin(la) + 4,
            m < static_cast<int>(names.size()) ? names[m].substr(0, 3) : std::to_string(m + 1));
  }
  double step = 150.0 / std::max<size_t>(rows.size(), 6);
  for (size_t k = 0; k < rows.size(); ++k) {
    double r = outer - 40 - k * step;
    XMLElement* ring = add(g, "circle");
    ring->SetAttribute("cx", cx);
    ring->SetAttribute("cy", cy);
    ring->SetAttribute("r", r);
    ring->SetAttribute("class", "ring");
    std::vector<double> at;  // months, possibly fractional
    for (int m : rows[k].months)
      at.push_back(m);
    for (int n = 0; n < rows[k].per_year; ++n)  // spread the rings' first marks apart
      at.push_back(1 + std::fmod(k * 0.7, 12.0 / rows[k].per_year) + n * 12.0 / rows[k].per_year);
    for (double m : at) {
      double a = ((m - 0.5) * 30 - 90) * M_PI / 180;
      mark(g, cx + r * std::cos(a), cy + r * std::sin(a), k, !rows[k].months.empty());
    }
  }
  XMLElement* table = add(fig.figure, "table");
  table->SetAttribute("class", "diagram-text");
  XMLElement* head = add(add(table, "thead"), "tr");
  add(head, "th", c->singular.c_str())->SetAttribute("scope", "col");
  add(head, "th", ui_string(site.config->language, "frequency").c_str())
      ->SetAttribute("scope", "col");
  add(head, "th", ui_string(site.config->language, "months").c_str())->SetAttribute("scope", "col");
  XMLElement* body = add(table, "tbody");
  for (size_t k = 0; k < rows.size(); ++k) {
    XMLElement* tr = add(body, "tr");
    XMLElement* th = add(tr, "th");
    th->SetAttribute("scope", "row");
    XMLElement* swatch = add(th, "span", rows[k].months.empty() ? "○" : "●");
    swatch->SetAttribute("style", ("color:" + std::string(kPalette[k % 10])).c_str());
    swatch->SetAttribute("aria-hidden", "true");
    th->InsertNewText(" ");
    link_to(th, site, rows[k].page, root);
    const FieldSpec* freq = c->field(spec.wheel_frequency);
    add(tr, "td",
        freq ? enum_label(site, *freq, rows[k].frequency).c_str() : rows[k].frequency.c_str());
    std::string months;
    for (int m : rows[k].months)
      months += (months.empty() ? "" : ", ") +
                (m <= static_cast<int>(names.size()) ? names[m - 1] : std::to_string(m));
    add(tr, "td",
        months.empty() ? ui_string(site.config->language, "months_not_fixed").c_str()
                       : months.c_str());
  }
  return print(fig.doc);
}

namespace {

std::string paragraph(const std::string& text, const char* cls = nullptr) {
  std::string out = cls ? "<p class=\"" + std::string(cls) + "\">" : "<p>";
  return out + html_escape(text) + "</p>\n";
}

std::string matrix_list(const Site& site, const std::string& root, const std::vector<int>& rows,
                        const std::vector<int>& cols, const std::vector<std::vector<int>>& named) {
  const std::string& lang = site.config->language;
  std::vector<int> row_of(site.pages.size(), -1);
  for (size_t k = 0; k < rows.size(); ++k)
    row_of[static_cast<size_t>(rows[k])] = static_cast<int>(k);
  std::vector<std::vector<int>> in_row(rows.size());
  for (size_t c = 0; c < cols.size(); ++c)
    for (int r : named[c])
      if (row_of[static_cast<size_t>(r)] >= 0)
        in_row[static_cast<size_t>(row_of[static_cast<size_t>(r)])].push_back(cols[c]);
  XMLDocument doc;
  XMLElement* list = doc.NewElement("ul");
  doc.InsertEndChild(list);
  list->SetAttribute("class", "matrix-list");
  for (size_t k = 0; k < rows.size(); ++k) {
    XMLElement* li = add(list, "li");
    link_to(li, site, rows[k], root);
    if (in_row[k].empty()) {
      li->InsertNewText((" – " + ui_string(lang, "matrix_none")).c_str());
      continue;
    }
    XMLElement* inner = add(li, "ul");
    for (int c : in_row[k])
      link_to(add(inner, "li"), site, c, root);
  }
  return paragraph(ui_string(lang, "matrix_as_list")) + print(doc);
}

}  // namespace

std::string matrix_table(const Site& site, const std::string& root, size_t max_cells) {
  const DiagramSpec& spec = site.config->diagrams;
  std::vector<int> rows = members(site, spec.matrix_rows),
                   cols = members(site, spec.matrix_columns);
  if (rows.empty() || cols.empty() || spec.matrix_field.empty()) return "";
  std::vector<std::vector<int>> named;  // per column, the rows its field names: read once
  for (int c : cols)
    named.push_back(ref_targets(site, c, spec.matrix_field));
  if (rows.size() * cols.size() > max_cells) return matrix_list(site, root, rows, cols, named);
  XMLDocument doc;
  XMLElement* wrap_div = doc.NewElement("div");
  doc.InsertEndChild(wrap_div);
  wrap_div->SetAttribute("class", "matrix-wrap");
  wrap_div->SetAttribute("tabindex", "0");
  wrap_div->SetAttribute("role", "region");
  wrap_div->SetAttribute("aria-labelledby", "matrix-caption");
  XMLElement* table = add(wrap_div, "table");
  table->SetAttribute("class", "matrix");
  add(table, "caption", spec.matrix_title.c_str())->SetAttribute("id", "matrix-caption");
  XMLElement* head = add(add(table, "thead"), "tr");
  add(head, "td");
  for (int c : cols) {
    XMLElement* th = add(head, "th");
    th->SetAttribute("scope", "col");
    link_to(th, site, c, root);
  }
  XMLElement* body = add(table, "tbody");
  const std::string& lang = site.config->language;
  std::string yes = ui_string(lang, "matrix_yes");
  for (int r : rows) {
    XMLElement* tr = add(body, "tr");
    XMLElement* th = add(tr, "th");
    th->SetAttribute("scope", "row");
    link_to(th, site, r, root);
    for (const auto& targets : named) {
      XMLElement* td = add(tr, "td");
      if (std::find(targets.begin(), targets.end(), r) == targets.end()) continue;
      td->SetAttribute("class", "yes");
      XMLElement* mark = add(td, "span", "●");
      mark->SetAttribute("aria-hidden", "true");
      XMLElement* hidden = add(td, "span", yes.c_str());
      hidden->SetAttribute("class", "visually-hidden");
    }
  }
  return paragraph(ui_string(lang, "matrix_dot")) +
         paragraph(ui_string(lang, "matrix_scroll_hint"), "scroll-hint") + print(doc);
}

}  // namespace hb
