#include "booklet.h"

#include <unistd.h>

#include <fstream>
#include <stdexcept>

#include "base/messages.h"
#include "booklet_links.h"
#include "booklet_plan.h"
#include "booklet_view.h"
#include "content/content.h"
#include "content/file_gate.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

// Line and column of `"entry"` in the [booklet] table of handbook.toml (0, 0 if not found).
std::pair<int, int> entry_position(std::string_view toml, const std::string& entry) {
  size_t table = toml.find("[booklet]");
  if (table == std::string_view::npos) return {0, 0};
  size_t at = toml.find("\"" + entry + "\"", table);
  if (at == std::string_view::npos) return {0, 0};
  int line = 1;
  size_t line_start = 0;
  for (size_t k = 0; k < at; ++k)
    if (toml[k] == '\n') ++line, line_start = k + 1;
  return {line, column_of_byte(line_of(toml, line), at + 1 - line_start)};
}

void report_plan_problems(const Site& site, const BookletPlan& plan, Diagnostics& diags) {
  if (plan.problems.empty()) return;
  std::string toml;
  const SiteSource& source = FileGate(*site.config).source();
  if (Found file = source.find("", "handbook.toml", "handbook.toml")) source.read(file.real, toml);
  std::string path = display_path(*site.config, "handbook.toml");
  for (auto& problem : plan.problems) {
    auto [line, col] = entry_position(toml, problem.entry);
    if (line > 0)
      diags.error_at(path, toml, line, col, problem.message);
    else
      diags.error(path, 0, 0, problem.message, "");
  }
}

// A theme file's text, read through the file gate; "" when it refuses the file (the build
// reports that) or the file is missing.
std::string theme_text(const Site& site, const char* rel) {
  std::string text;
  Admission file = FileGate(*site.config).admit(FileRole::ThemeFile, rel);
  if (file) FileGate(*site.config).source().read(file.real, text);
  return text;
}

BookletStyles read_styles(const Site& site, BookletReader reader) {
  BookletStyles styles;
  if (reader == BookletReader::Printer) {
    styles.document = theme_text(site, kBookletStyles);
    styles.diagrams = theme_text(site, kBookletDiagramStyles);
    styles.print = true;
    return styles;
  }
  for (const char* rel : {kBookletStyles, kBookletDiagramStyles})
    if (FileGate(*site.config).admit(FileRole::ThemeFile, rel))
      styles.links.push_back(std::string("theme/") + rel + "?v=" + site.theme_version);
  return styles;
}

}  // namespace

void check_booklet(const Site& site, const TemplateSet& templates, Diagnostics& diags) {
  if (!templates.has(kBookletTemplate))
    diags.error(display_path(*site.config, "templates/booklet.mustache"), 0, 0,
                msg("booklet_no_template"), "");
  report_plan_problems(site, plan_booklet(site), diags);
  if (!FileGate(*site.config).admit(FileRole::ThemeFile, kBookletStyles))
    diags.warning(display_path(*site.config, std::string("theme/") + kBookletStyles), 0, 0,
                  msg("booklet_no_styles"), "");
}

std::string render_booklet(const Site& site, const TemplateSet& templates, BookletReader reader) {
  BookletPlan plan = plan_booklet(site);
  return templates.render(kBookletTemplate, booklet_view(site, plan, read_styles(site, reader)));
}

std::vector<PdfFile> booklet_files(const Site& site) {
  BookletPlan plan = plan_booklet(site);
  BookletLinks links(site, plan);
  std::vector<PdfFile> files;
  for (auto& [i, anchor] : plan.anchors) {
    const Page& p = site.pages[static_cast<size_t>(i)];
    for (size_t k = 0; k < p.links.size(); ++k) {
      const Attachment* a = p.links[k].asset ? site.attachment(p.links[k].path) : nullptr;
      if (a && p.body.links[k].image) files.push_back({links.web(a->rel), a->real});
    }
  }
  return files;
}

void write_booklet(const Site& site, const TemplateSet& templates, const fs::path& file) {
  std::string html = render_booklet(site, templates, BookletReader::Printer);
  if (!file.parent_path().empty()) fs::create_directories(file.parent_path());
  fs::path temp = file;
  temp += ".tmp-" + std::to_string(getpid());
  {
    std::ofstream out(temp, std::ios::binary);
    out << html;
    out.close();
    if (!out) {
      std::error_code ec;
      fs::remove(temp, ec);
      throw std::runtime_error(msg("out_cannot_write", {{"path", temp.generic_string()}}));
    }
  }
  fs::rename(temp, file);
}

}  // namespace hb
