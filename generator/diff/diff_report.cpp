#include "diff_report.h"

#include <nlohmann/json.hpp>

#include "base/escape.h"

namespace hb {

namespace {

// How the markdown and text reports write the same things.
struct Style {
  bool markdown;
  std::string text(const std::string& s) const { return markdown ? markdown_text(s) : s; }
  std::string code(const std::string& s) const { return markdown ? "`" + s + "`" : s; }
  std::string strong(const std::string& s) const { return markdown ? "**" + text(s) + "**" : s; }
  std::string removed(const std::string& s) const {
    return markdown ? "~~" + text(s) + "~~" : "[-" + s + "-]";
  }
  std::string added(const std::string& s) const {
    return markdown ? "<ins>" + text(s) + "</ins>" : "{+" + s + "+}";
  }
  std::string heading(int level, const std::string& s) const {
    if (markdown) return std::string(static_cast<size_t>(level), '#') + " " + s + "\n\n";
    size_t chars = 0;  // the underline is as long as the heading, in characters
    for (unsigned char c : s)
      chars += (c & 0xC0) != 0x80;
    return s + "\n" + std::string(chars, level <= 2 ? '=' : '-') + "\n";
  }
  std::string label(const std::string& s) const {
    return markdown ? "**" + s + "**\n\n" : s + "\n";
  }
  std::string item(int depth) const {
    return std::string(static_cast<size_t>(depth) * 2, ' ') + "- ";
  }
};

// A path in code style: safe in Markdown as long as it has no backtick, which an output path of
// the build never has (the file gate refuses such names).
std::string page_line(const Style& st, const std::string& title, const std::string& path) {
  return st.strong(title.empty() ? path : title) + " (" + st.code(path) + ")";
}

std::string edition_title(const EditionDiff& e) {
  if (e.is_public) return "Det ændrer sig for borgerne (den offentlige udgave)";
  if (e.edition == "internal") return "Det ændrer sig på intranettet (den interne udgave)";
  return "Det ændrer sig i udgaven '" + e.edition + "'";
}

std::string change_line(const Style& st, const WordChange& c) {
  std::string out = "…";
  for (auto& run : c.runs)
    out += " " + (run.kind == WordRun::Same      ? st.text(run.text)
                  : run.kind == WordRun::Removed ? st.removed(run.text)
                                                 : st.added(run.text));
  return out + " …";
}

std::string section_name(const Style& st, const SectionChange& s) {
  return s.heading.empty() ? "Sidens start" : "Afsnit »" + st.text(s.heading) + "«";
}

void write_pages(const Style& st, const std::string& label, const std::vector<PageRef>& pages,
                 std::string& out) {
  if (pages.empty()) return;
  out += st.label(label);
  for (auto& p : pages)
    out += st.item(0) + page_line(st, p.title, p.path) + "\n";
  out += "\n";
}

void write_changed(const Style& st, const std::string& label, const std::vector<ChangedPage>& pages,
                   std::string& out) {
  if (pages.empty()) return;
  out += st.label(label);
  for (auto& p : pages) {
    out += st.item(0) + page_line(st, p.title, p.path) + "\n";
    for (auto& s : p.sections) {
      out += st.item(1) + section_name(st, s) + ":\n";
      for (auto& c : s.changes)
        out += st.item(2) + change_line(st, c) + "\n";
    }
  }
  out += "\n";
}

void write_files(const Style& st, const EditionDiff& e, std::string& out) {
  if (e.files_added.empty() && e.files_removed.empty() && e.files_changed.empty()) return;
  out += st.label("Filer (bilag, tema, hæfte)");
  auto list = [&](const char* what, const std::vector<std::string>& files) {
    for (auto& f : files)
      out += st.item(0) + what + ": " + st.code(f) + "\n";
  };
  list("ny", e.files_added);
  list("fjernet", e.files_removed);
  list("ændret", e.files_changed);
  out += "\n";
}

void write_made_public(const Style& st, const EditionDiff& e, std::string& out) {
  if (e.made_public.empty()) return;
  out += st.label("Fra intern til offentlig: tjek at det må offentliggøres");
  for (auto& m : e.made_public)
    out += st.item(0) +
           (m.text.empty() ? "Hele siden " + page_line(st, m.title, m.path) +
                                 " var kun i den interne udgave og er nu offentlig"
                           : page_line(st, m.title, m.path) + ": teksten »" + st.text(m.text) +
                                 "« stod før kun i den interne udgave") +
           "\n";
  out += "\n";
}

std::string where(const Diagnostic& d) {
  std::string at = d.path;
  if (d.line > 0) at += ":" + std::to_string(d.line);
  if (d.col > 0) at += ":" + std::to_string(d.col);
  return at;
}

std::string write_report(const DiffReport& r, const Style& st) {
  std::string out = st.heading(st.markdown ? 2 : 1, "Hvad ændringen gør ved håndbogen");
  out += "Sammenligner " + st.code(r.base) + " med " +
         (r.head.empty() ? std::string("arbejdskopien") : st.code(r.head)) + ".\n\n";
  if (r.head_has_errors) {
    out += st.label("Ændringen kan ikke bygges. Ret disse fejl først:");
    for (auto& d : r.head_errors)
      out += st.item(0) + st.code(where(d)) + ": " + st.text(d.message) + "\n";
    return out + "\n";
  }
  if (r.base_has_errors)
    out += "Udgangspunktet " + st.code(r.base) +
           " kan ikke bygges, så alt i ændringen vises som nyt.\n\n";
  for (auto& e : r.editions) {
    out += st.heading(3, edition_title(e));
    if (e.empty() && e.made_public.empty()) {
      out += "Ingen ændringer.\n\n";
      continue;
    }
    write_made_public(st, e, out);
    write_pages(st, "Nye sider", e.added, out);
    write_pages(st, "Fjernede sider", e.removed, out);
    write_changed(st, "Ændrede sider", e.changed, out);
    write_changed(st, "Sider der ændrer sig som følge heraf (lister, henvisninger, oversigter)",
                  e.consequential, out);
    write_files(st, e, out);
  }
  if (!r.new_warnings.empty()) {
    out += st.heading(3, "Nye advarsler fra handbook check");
    for (auto& d : r.new_warnings)
      out += st.item(0) + st.code(where(d)) + ": " + st.text(d.message) + "\n";
    out += "\n";
  }
  return out;
}

nlohmann::json pages_json(const std::vector<PageRef>& pages) {
  nlohmann::json list = nlohmann::json::array();
  for (auto& p : pages)
    list.push_back({{"path", p.path}, {"title", p.title}});
  return list;
}

nlohmann::json changed_json(const std::vector<ChangedPage>& pages) {
  nlohmann::json list = nlohmann::json::array();
  for (auto& p : pages) {
    nlohmann::json sections = nlohmann::json::array();
    for (auto& s : p.sections) {
      nlohmann::json changes = nlohmann::json::array();
      for (auto& c : s.changes) {
        nlohmann::json runs = nlohmann::json::array();
        for (auto& run : c.runs)
          runs.push_back({{"kind", run.kind == WordRun::Same      ? "same"
                                   : run.kind == WordRun::Removed ? "removed"
                                                                  : "added"},
                          {"text", run.text}});
        changes.push_back(runs);
      }
      sections.push_back({{"heading", s.heading}, {"changes", changes}});
    }
    list.push_back({{"path", p.path}, {"title", p.title}, {"sections", sections}});
  }
  return list;
}

nlohmann::json diagnostics_json(const std::vector<Diagnostic>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& d : list)
    out.push_back({{"path", d.path}, {"line", d.line}, {"col", d.col}, {"message", d.message}});
  return out;
}

}  // namespace

std::string format_diff_markdown(const DiffReport& report) {
  return write_report(report, Style{true});
}

std::string format_diff_text(const DiffReport& report) {
  return write_report(report, Style{false});
}

std::string format_diff_json(const DiffReport& report) {
  nlohmann::json editions = nlohmann::json::array();
  for (auto& e : report.editions) {
    nlohmann::json made_public = nlohmann::json::array();
    for (auto& m : e.made_public)
      made_public.push_back(
          {{"path", m.path}, {"title", m.title}, {"whole_page", m.text.empty()}, {"text", m.text}});
    editions.push_back({{"edition", e.edition},
                        {"public", e.is_public},
                        {"made_public", made_public},
                        {"pages_added", pages_json(e.added)},
                        {"pages_removed", pages_json(e.removed)},
                        {"pages_changed", changed_json(e.changed)},
                        {"pages_changed_as_a_consequence", changed_json(e.consequential)},
                        {"files_added", e.files_added},
                        {"files_removed", e.files_removed},
                        {"files_changed", e.files_changed}});
  }
  nlohmann::json out = {{"base", {{"name", report.base}, {"commit", report.base_commit}}},
                        {"head",
                         {{"name", report.head.empty() ? "working tree" : report.head},
                          {"commit", report.head_commit}}},
                        {"builds", !report.head_has_errors},
                        {"base_builds", !report.base_has_errors},
                        {"errors", diagnostics_json(report.head_errors)},
                        {"editions", editions},
                        {"new_warnings", diagnostics_json(report.new_warnings)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace hb
