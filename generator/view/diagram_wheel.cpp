// The annual wheel: the forums with fixed months drawn at their months, each on its own ring;
// the forums without fixed months listed apart under the wheel with their frequency, so that
// no forum is drawn at a month it does not have.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "base/ui_strings.h"
#include "diagram_parts.h"
#include "diagrams.h"
#include "graph_layout.h"
#include "view.h"

namespace hb {

using namespace diagram;

namespace {

constexpr double kSize = 440, kOuter = 205, kLine = 18, kBandWrap = 60;

struct WheelRow {
  int page = -1;
  std::vector<int> months;  // the fixed months, 1-12; none when the forum declares none
  std::string frequency;
};

std::vector<WheelRow> wheel_rows(const Site& site, const DiagramSpec& spec) {
  std::vector<WheelRow> rows;
  for (int p : members(site, spec.wheel_collection)) {
    const Page& page = site.pages[static_cast<size_t>(p)];
    WheelRow row{p, {}, ""};
    if (const Value* v = page.fields.find(spec.wheel_months); v && v->is_list())
      for (auto& m : v->as_list())
        if (m.is_int() && m.as_int() >= 1 && m.as_int() <= 12)
          row.months.push_back(static_cast<int>(m.as_int()));
    if (const Value* f = page.fields.find(spec.wheel_frequency)) row.frequency = f->to_string();
    rows.push_back(std::move(row));
  }
  return rows;
}

void mark(MarkupWriter& w, double x, double y, const char* colour, const char* cls = "mark") {
  w.open("circle")
      .attr("cx", tenths(x))
      .attr("cy", tenths(y))
      .attr("r", 7)
      .attr("class", cls)
      .attr("stroke", colour)
      .attr("stroke-width", 3)
      .attr("fill", colour)
      .close();
}

struct Wheel {
  const Site& site;
  const CollectionSpec& c;
  std::vector<WheelRow> fixed, loose;  // with months, and without
  std::vector<std::string> names;      // the months' names
};

void draw_wheel(MarkupWriter& w, const Wheel& wh) {
  const double cx = kSize / 2, cy = kSize / 2;
  w.open("g");
  for (int m = 0; m < 12; ++m) {
    double a = (m * 30 - 90) * M_PI / 180;
    w.open("line")
        .attr("x1", tenths(cx))
        .attr("y1", tenths(cy))
        .attr("x2", tenths(cx + kOuter * std::cos(a)))
        .attr("y2", tenths(cy + kOuter * std::sin(a)))
        .attr("class", "spoke")
        .close();
    double la = ((m + 0.5) * 30 - 90) * M_PI / 180;
    text_at(w, cx + (kOuter - 14) * std::cos(la), cy + (kOuter - 14) * std::sin(la) + 4,
            m < static_cast<int>(wh.names.size()) ? wh.names[static_cast<size_t>(m)].substr(0, 3)
                                                  : std::to_string(m + 1));
  }
  double step = 150.0 / static_cast<double>(std::max<size_t>(wh.fixed.size(), 6));
  for (size_t k = 0; k < wh.fixed.size(); ++k) {
    double r = kOuter - 40 - static_cast<double>(k) * step;
    w.open("circle")
        .attr("cx", tenths(cx))
        .attr("cy", tenths(cy))
        .attr("r", tenths(r))
        .attr("class", "ring")
        .close();
    for (int m : wh.fixed[k].months) {
      double a = ((m - 0.5) * 30 - 90) * M_PI / 180;
      mark(w, cx + r * std::cos(a), cy + r * std::sin(a), kPalette[k % 10]);
    }
  }
  if (wh.fixed.empty()) {
    w.open("circle")
        .attr("cx", tenths(cx))
        .attr("cy", tenths(cy))
        .attr("r", 105)
        .attr("class", "hub")
        .attr("fill", "#ffffff")
        .close();
    text_at(w, cx, cy + 5, ui_string(wh.site.config->language, "wheel_no_months"), "middle",
            "wheel-empty");
  }
  w.close();  // g
}

// The frequency of a row as the reader sees it.
std::string frequency_label(const Wheel& wh, const WheelRow& row) {
  const FieldSpec* freq = wh.c.field(wh.site.config->diagrams.wheel_frequency);
  if (row.frequency.empty()) return ui_string(wh.site.config->language, "months_not_fixed");
  return freq ? enum_label(wh.site, *freq, row.frequency) : row.frequency;
}

struct BandLine {
  std::string text;
  bool heading = false, continued = false;
};

// The band under the wheel: the forums without fixed months, by frequency.
std::vector<BandLine> band_lines(const Wheel& wh) {
  const std::string& lang = wh.site.config->language;
  std::vector<BandLine> lines;
  if (wh.loose.empty()) return lines;
  lines.push_back({ui_string(lang, "wheel_without_months"), true, false});
  std::vector<std::string> order;  // the frequencies in the order they first occur
  for (auto& r : wh.loose)
    if (std::find(order.begin(), order.end(), r.frequency) == order.end())
      order.push_back(r.frequency);
  const FieldSpec* freq = wh.c.field(wh.site.config->diagrams.wheel_frequency);
  if (freq)
    std::stable_sort(order.begin(), order.end(), [&](const std::string& a, const std::string& b) {
      auto at = [&](const std::string& v) {
        return std::find(freq->values.begin(), freq->values.end(), v) - freq->values.begin();
      };
      return at(a) < at(b);
    });
  for (auto& f : order) {
    std::string text;
    for (auto& r : wh.loose)
      if (r.frequency == f) {
        if (text.empty())
          text = frequency_label(wh, r) + ": ";
        else
          text += ", ";
        text += wh.site.pages[static_cast<size_t>(r.page)].title;
      }
    bool first = true;
    for (auto& l : wrap(text, static_cast<size_t>(kBandWrap)))
      lines.push_back({l, false, !first}), first = false;
  }
  return lines;
}

void text_version(MarkupWriter& w, const Wheel& wh, const std::string& root) {
  const std::string& lang = wh.site.config->language;
  w.open("table").attr("class", "diagram-text");
  w.open("thead").open("tr");
  w.open("th").attr("scope", "col").text(wh.c.singular).close();
  w.open("th").attr("scope", "col").text(ui_string(lang, "frequency")).close();
  w.open("th").attr("scope", "col").text(ui_string(lang, "months")).close();
  w.close().close();  // tr, thead
  w.open("tbody");
  const std::string not_fixed = ui_string(lang, "months_not_fixed");
  std::string href, months;
  auto row_of = [&](const WheelRow& row, long k) {
    w.open("tr").open("th").attr("scope", "row");
    if (k >= 0) {
      // The ring's mark as the wheel draws it, in SVG attributes (no inline style: the
      // site's Content-Security-Policy forbids it).
      w.open("svg")
          .attr("class", "wheel-key")
          .attr("width", 16)
          .attr("height", 16)
          .attr("viewBox", "0 0 20 20")
          .attr("aria-hidden", "true")
          .attr("focusable", "false");
      mark(w, 10, 10, kPalette[static_cast<size_t>(k) % 10], "key");
      w.close().text(" ");  // svg
    }
    link_to(w, wh.site, row.page, root, href);
    w.close();  // th
    w.element("td", frequency_label(wh, row));
    months.clear();
    for (int m : row.months) {
      if (!months.empty()) months += ", ";
      months += m <= static_cast<int>(wh.names.size()) ? wh.names[static_cast<size_t>(m - 1)]
                                                       : std::to_string(m);
    }
    w.element("td", months.empty() ? not_fixed : months);
    w.close();  // tr
  };
  for (size_t k = 0; k < wh.fixed.size(); ++k)
    row_of(wh.fixed[k], static_cast<long>(k));
  for (auto& r : wh.loose)
    row_of(r, -1);
  w.close().close();  // tbody, table
}

}  // namespace

std::string annual_wheel(const Site& site, const std::string& root) {
  const DiagramSpec& spec = site.config->diagrams;
  const CollectionSpec* c = site.config->collection(spec.wheel_collection);
  if (!c) return "";
  Wheel wh{site, *c, {}, {}, {}};
  for (auto& row : wheel_rows(site, spec))
    (row.months.empty() ? wh.loose : wh.fixed).push_back(std::move(row));
  if (wh.fixed.empty() && wh.loose.empty()) return "";
  const std::string& lang = site.config->language;
  std::istringstream all(ui_string(lang, "all_months"));
  for (std::string m; std::getline(all, m, ',');)
    wh.names.push_back(m);
  auto lines = band_lines(wh);
  double legend = wh.fixed.empty() ? 0 : 30;
  double height = kSize + legend + static_cast<double>(lines.size()) * kLine + 10;
  std::string title = ui_string(lang, "annual_wheel") + ": " + c->title;
  std::string out;
  MarkupWriter w(out);
  begin_figure(w, "aarshjul", title, ui_string(lang, "annual_wheel_desc"), kSize, height);
  draw_wheel(w, wh);
  w.open("g").attr("class", "legend");
  double y = kSize;
  if (!wh.fixed.empty()) {
    mark(w, 24, y + 6, "#55636f", "key");
    text_at(w, 40, y + 11, ui_string(lang, "wheel_legend_mark"), "start");
    y += legend;
  }
  for (auto& l : lines) {
    y += kLine;
    text_at(w, l.continued ? 28 : 16, y, l.text, "start", l.heading ? "group" : nullptr);
  }
  w.close();  // g
  end_drawing(w, title);
  text_version(w, wh, root);
  w.close();  // figure
  return out;
}

}  // namespace hb
