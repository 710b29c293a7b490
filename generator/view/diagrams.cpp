#include "diagrams.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "base/escape.h"
#include "base/ui_strings.h"
#include "markup_writer.h"
#include "template/template.h"
#include "view.h"

namespace hb {

namespace {

const char* const kPalette[] = {"#005a9c", "#a3195b", "#1b6e3a", "#8a4b00", "#5b2a86",
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

// Opens a <figure> and its <svg>, with a title and a description that name it. The caller
// draws, then calls end_drawing, which closes the SVG and adds the caption; the text version
// follows, and the caller closes the figure.
void begin_figure(MarkupWriter& w, const std::string& id, const std::string& title,
                  const std::string& desc, int width, int height) {
  w.open("figure").attr("class", "diagram").attr("id", id);
  w.open("svg")
      .attr("xmlns", "http://www.w3.org/2000/svg")
      .attr("viewBox", "0 0 " + std::to_string(width) + " " + std::to_string(height))
      .attr("role", "img")
      .attr("aria-labelledby", id + "-title " + id + "-desc");
  w.open("title").attr("id", id + "-title").text(title).close();
  w.open("desc").attr("id", id + "-desc").text(desc).close();
}

void end_drawing(MarkupWriter& w, const std::string& title) {
  w.close();  // svg
  w.element("figcaption", title);
}

void text_at(MarkupWriter& w, double x, double y, std::string_view s, const char* anchor = "middle",
             const char* cls = nullptr) {
  w.open("text").attr("x", x).attr("y", y).attr("text-anchor", anchor);
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

struct Box {
  double x, y, w, h;
};

void draw_edge(MarkupWriter& w, const Box& from, const Box& to) {
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
  w.open("path").attr("d", d.str()).attr("class", "edge").attr("marker-end", "url(#pil)").close();
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
  std::map<int, Box> boxes;
  for (size_t k = 0; k < columns.size(); ++k)
    for (size_t r = 0; r < columns[k].size(); ++r)
      boxes[columns[k][r]] = {gap + k * (col_w + gap), top + r * (box_h + vgap), col_w, box_h};
  std::string out;
  MarkupWriter w(out);
  begin_figure(w, "organisationsdiagram", title,
               fill(ui_string(site.config->language, "org_diagram_desc"),
                    {{"collection", c->title}, {"group", group->label}}),
               width, height);
  w.open("defs").open("marker");
  for (auto [k, v] : {std::pair{"id", "pil"},
                      {"viewBox", "0 0 10 10"},
                      {"refX", "10"},
                      {"refY", "5"},
                      {"markerWidth", "8"},
                      {"markerHeight", "8"},
                      {"orient", "auto-start-reverse"}})
    w.attr(k, v);
  w.open("path").attr("d", "M0,0 L10,5 L0,10 z").close();
  w.close().close();  // marker, defs
  w.open("g");        // first, so that the boxes cover the lines
  for (auto& [p, box] : boxes)
    for (int t : ref_targets(site, p, spec.org_links))
      if (boxes.count(t)) draw_edge(w, box, boxes[t]);
  w.close();
  w.open("g");
  for (size_t k = 0; k < columns.size(); ++k) {
    double x = gap + k * (col_w + gap);
    text_at(w, x + col_w / 2, 28, enum_label(site, *group, group->values[k]), "middle", "group");
    for (size_t r = 0; r < columns[k].size(); ++r) {
      int p = columns[k][r];
      Box b{x, top + r * (box_h + vgap), col_w, box_h};
      w.open("rect")
          .attr("x", b.x)
          .attr("y", b.y)
          .attr("width", b.w)
          .attr("height", b.h)
          .attr("rx", 6)
          .attr("class", "box box-" + std::to_string(k % 5))
          .close();
      auto lines = wrap(site.pages[static_cast<size_t>(p)].title, 26);
      if (lines.size() > 2) lines.resize(2), lines[1] += " …";
      double y0 = b.y + b.h / 2 - (lines.size() - 1) * 8 + 5;
      for (size_t l = 0; l < lines.size(); ++l)
        text_at(w, b.x + b.w / 2, y0 + l * 16, lines[l]);
    }
  }
  w.close();
  end_drawing(w, title);
  w.open("ul").attr("class", "diagram-text");
  std::string href;
  for (size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].empty()) continue;
    w.open("li").text(enum_label(site, *group, group->values[k])).open("ul");
    for (int p : columns[k]) {
      w.open("li");
      link_to(w, site, p, root, href);
      auto targets = ref_targets(site, p, spec.org_links);
      if (!targets.empty()) {
        const FieldSpec* links = c->field(spec.org_links);
        w.text(" – " + (links ? links->label : spec.org_links) + ": ");
        for (size_t t = 0; t < targets.size(); ++t) {
          if (t) w.text(", ");
          link_to(w, site, targets[t], root, href);
        }
      }
      w.close();  // li
    }
    w.close().close();  // ul, li
  }
  w.close().close();  // ul, figure
  return out;
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
    if (!row.months.empty() || row.per_year) rows.push_back(std::move(row));
  }
  return rows;
}

void mark(MarkupWriter& w, double x, double y, size_t k, bool known) {
  w.open("circle")
      .attr("cx", x)
      .attr("cy", y)
      .attr("r", 7)
      .attr("stroke", kPalette[k % 10])
      .attr("stroke-width", 3)
      .attr("fill", known ? kPalette[k % 10] : "#ffffff")
      .close();
}

}  // namespace

std::string annual_wheel(const Site& site, const std::string& root) {
  const DiagramSpec& spec = site.config->diagrams;
  const CollectionSpec* c = site.config->collection(spec.wheel_collection);
  if (!c) return "";
  std::vector<WheelRow> rows = wheel_rows(site, spec);
  if (rows.empty()) return "";
  const std::string& lang = site.config->language;
  std::vector<std::string> names;
  std::istringstream all(ui_string(lang, "all_months"));
  for (std::string m; std::getline(all, m, ',');)
    names.push_back(m);
  const double size = 440, cx = size / 2, cy = size / 2, outer = 205;
  std::string title = ui_string(lang, "annual_wheel") + ": " + c->title;
  std::string out;
  MarkupWriter w(out);
  begin_figure(w, "aarshjul", title, ui_string(lang, "annual_wheel_desc"), static_cast<int>(size),
               static_cast<int>(size));
  w.open("g");
  for (int m = 0; m < 12; ++m) {
    double a = (m * 30 - 90) * M_PI / 180;
    w.open("line")
        .attr("x1", cx)
        .attr("y1", cy)
        .attr("x2", cx + outer * std::cos(a))
        .attr("y2", cy + outer * std::sin(a))
        .attr("class", "spoke")
        .close();
    double la = ((m + 0.5) * 30 - 90) * M_PI / 180;
    text_at(w, cx + (outer - 14) * std::cos(la), cy + (outer - 14) * std::sin(la) + 4,
            m < static_cast<int>(names.size()) ? names[m].substr(0, 3) : std::to_string(m + 1));
  }
  double step = 150.0 / std::max<size_t>(rows.size(), 6);
  std::vector<double> at;  // months, possibly fractional
  for (size_t k = 0; k < rows.size(); ++k) {
    double r = outer - 40 - k * step;
    w.open("circle").attr("cx", cx).attr("cy", cy).attr("r", r).attr("class", "ring").close();
    at.clear();
    for (int m : rows[k].months)
      at.push_back(m);
    for (int n = 0; n < rows[k].per_year; ++n)  // spread the rings' first marks apart
      at.push_back(1 + std::fmod(k * 0.7, 12.0 / rows[k].per_year) + n * 12.0 / rows[k].per_year);
    for (double m : at) {
      double a = ((m - 0.5) * 30 - 90) * M_PI / 180;
      mark(w, cx + r * std::cos(a), cy + r * std::sin(a), k, !rows[k].months.empty());
    }
  }
  w.close();  // g
  end_drawing(w, title);
  w.open("table").attr("class", "diagram-text");
  w.open("thead").open("tr");
  w.open("th").attr("scope", "col").text(c->singular).close();
  w.open("th").attr("scope", "col").text(ui_string(lang, "frequency")).close();
  w.open("th").attr("scope", "col").text(ui_string(lang, "months")).close();
  w.close().close();  // tr, thead
  w.open("tbody");
  const FieldSpec* freq = c->field(spec.wheel_frequency);
  const std::string not_fixed = ui_string(lang, "months_not_fixed");
  std::string href, months;
  for (size_t k = 0; k < rows.size(); ++k) {
    w.open("tr").open("th").attr("scope", "row");
    // The ring's mark as the wheel draws it, in SVG attributes (no inline style: the
    // site's Content-Security-Policy forbids it).
    w.open("svg")
        .attr("class", "wheel-key")
        .attr("width", 16)
        .attr("height", 16)
        .attr("viewBox", "0 0 20 20")
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    mark(w, 10, 10, k, !rows[k].months.empty());
    w.close();  // svg
    w.text(" ");
    link_to(w, site, rows[k].page, root, href);
    w.close();  // th
    w.element("td", freq ? enum_label(site, *freq, rows[k].frequency) : rows[k].frequency);
    months.clear();
    for (int m : rows[k].months) {
      if (!months.empty()) months += ", ";
      months += m <= static_cast<int>(names.size()) ? names[m - 1] : std::to_string(m);
    }
    w.element("td", months.empty() ? not_fixed : months);
    w.close();  // tr
  }
  w.close().close().close();  // tbody, table, figure
  return out;
}

namespace {

std::string paragraph(const std::string& text, const char* cls = nullptr) {
  std::string out = cls ? "<p class=\"" + std::string(cls) + "\">" : "<p>";
  return out + html_text(text) + "</p>\n";
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
  std::string out = paragraph(ui_string(lang, "matrix_as_list"));
  MarkupWriter w(out);
  w.open("ul").attr("class", "matrix-list");
  const std::string none = " – " + ui_string(lang, "matrix_none");
  std::string href;
  for (size_t k = 0; k < rows.size(); ++k) {
    w.open("li");
    link_to(w, site, rows[k], root, href);
    if (in_row[k].empty()) {
      w.text(none).close();
      continue;
    }
    w.open("ul");
    for (int c : in_row[k]) {
      w.open("li");
      link_to(w, site, c, root, href);
      w.close();
    }
    w.close().close();  // ul, li
  }
  w.close();
  return out;
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
  const std::string& lang = site.config->language;
  std::string out = paragraph(ui_string(lang, "matrix_dot")) +
                    paragraph(ui_string(lang, "matrix_scroll_hint"), "scroll-hint");
  MarkupWriter w(out);
  w.open("div")
      .attr("class", "matrix-wrap")
      .attr("tabindex", "0")
      .attr("role", "region")
      .attr("aria-labelledby", "matrix-caption");
  w.open("table").attr("class", "matrix");
  w.open("caption").attr("id", "matrix-caption").text(spec.matrix_title).close();
  w.open("thead").open("tr");
  w.open("td").close();
  std::string href;
  for (int c : cols) {
    w.open("th").attr("scope", "col");
    link_to(w, site, c, root, href);
    w.close();
  }
  w.close().close();  // tr, thead
  w.open("tbody");
  std::string yes = ui_string(lang, "matrix_yes");
  for (int r : rows) {
    w.open("tr").open("th").attr("scope", "row");
    link_to(w, site, r, root, href);
    w.close();  // th
    for (const auto& targets : named) {
      w.open("td");
      if (std::find(targets.begin(), targets.end(), r) != targets.end()) {
        w.attr("class", "yes");
        w.open("span").attr("aria-hidden", "true").text("●").close();
        w.open("span").attr("class", "visually-hidden").text(yes).close();
      }
      w.close();  // td
    }
    w.close();  // tr
  }
  w.close().close().close();  // tbody, table, div
  return out;
}

}  // namespace hb
