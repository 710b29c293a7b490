#include "diagrams.h"

#include <algorithm>

#include "base/escape.h"
#include "base/ui_strings.h"
#include "diagram_parts.h"

namespace hb {

using namespace diagram;

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

std::string matrix_table(const Site& site, const std::string& root, Medium medium,
                         size_t max_cells) {
  const DiagramSpec& spec = site.config->diagrams;
  std::vector<int> rows = members(site, spec.matrix_rows),
                   cols = members(site, spec.matrix_columns);
  if (rows.empty() || cols.empty() || spec.matrix_field.empty()) return "";
  std::vector<std::vector<int>> named;  // per column, the rows its field names: read once
  for (int c : cols)
    named.push_back(ref_targets(site, c, spec.matrix_field));
  if (rows.size() * cols.size() > max_cells) return matrix_list(site, root, rows, cols, named);
  const std::string& lang = site.config->language;
  std::string out = paragraph(ui_string(lang, "matrix_dot"));
  if (medium == Medium::Screen)
    out += paragraph(ui_string(lang, "matrix_scroll_hint"), "scroll-hint screen-only");
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
