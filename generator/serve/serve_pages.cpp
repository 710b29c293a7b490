#include "serve_pages.h"

#include <cctype>

#include "base/escape.h"

namespace hb {

namespace {

std::string head_tags(uint64_t generation) {
  return "<link rel=\"stylesheet\" href=\"/__handbook/serve.css\">"
         "<script src=\"/__handbook/reload.js?since=" +
         std::to_string(generation) + "\" defer></script>";
}

size_t error_count(const std::vector<Diagnostic>& problems) {
  size_t n = 0;
  for (auto& d : problems)
    n += d.severity == Severity::Error;
  return n;
}

// The problems as a section: a heading, what to do, and each problem as `handbook check`
// prints it, in a <pre> so that the caret stays under its column.
std::string problems_section(const std::vector<Diagnostic>& problems, bool page_below) {
  size_t errors = error_count(problems);
  std::string s =
      "<section class=\"handbook-serve-problems\" role=\"alert\" "
      "aria-labelledby=\"handbook-serve-problems-title\">"
      "<h2 id=\"handbook-serve-problems-title\">Håndbogen kan ikke bygges: " +
      std::to_string(errors) + " fejl</h2><p>";
  s += page_below ? "Siden nedenfor er fra den seneste udgave, der kunne bygges. "
                  : "Ingen udgave af håndbogen kunne bygges endnu. ";
  s += "Ret fejlene og gem filen, så bygges håndbogen igen, og siden opdateres af sig selv.</p>"
       "<ol>";
  for (auto& d : problems) {
    s += "<li><pre>";
    append_html_text(s, format_text(d));
    s += "</pre></li>";
  }
  s += "</ol></section>";
  return s;
}

// Where a tag ends, searching from `from`, ignoring case in the tag's name; npos if absent.
size_t find_tag(std::string_view html, std::string_view tag) {
  for (size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (html.size() - i < tag.size() + 1) break;
    bool same = true;
    for (size_t k = 0; k < tag.size() && same; ++k)
      same = std::tolower(static_cast<unsigned char>(html[i + 1 + k])) == tag[k];
    char after = i + 1 + tag.size() < html.size() ? html[i + 1 + tag.size()] : '\0';
    if (same && (after == '>' || after == ' ' || after == '\n' || after == '\t')) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string served_html(std::string_view html, uint64_t generation,
                        const std::vector<Diagnostic>& problems) {
  std::string out;
  out.reserve(html.size() + 4096);
  std::string tags = head_tags(generation);
  size_t head_end = find_tag(html, "/head");
  if (head_end == std::string_view::npos) head_end = 0;
  out.append(html.substr(0, head_end));
  out += tags;
  std::string_view rest = html.substr(head_end);
  if (error_count(problems) > 0) {
    size_t body = find_tag(rest, "body");
    size_t at = 0;
    if (body != std::string_view::npos && rest.find('>', body) != std::string_view::npos)
      at = rest.find('>', body) + 1;
    out.append(rest.substr(0, at));
    out += problems_section(problems, true);
    rest = rest.substr(at);
  }
  out.append(rest);
  return out;
}

std::string error_page(const std::vector<Diagnostic>& problems, uint64_t generation) {
  return "<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>Fejl i håndbogen</title>" +
         head_tags(generation) + "</head><body><main>" + problems_section(problems, false) +
         "</main></body></html>\n";
}

std::string_view reload_script() {
  return R"((function () {
  // handbook serve: reloads the page when the handbook has been built again.
  var since = new URL(document.currentScript.src).searchParams.get("since") || "0";
  var events = new EventSource("/__handbook/events?since=" + since);
  events.addEventListener("reload", function () { events.close(); location.reload(); });
})();
)";
}

std::string_view serve_style() {
  return R"(.handbook-serve-problems {
  margin: 0; padding: 1rem 1.5rem; background: #fff4f2; color: #1a1a1a;
  border-bottom: 4px solid #b3261e; font: 1rem/1.5 system-ui, sans-serif;
}
.handbook-serve-problems h2 { margin: 0 0 0.5rem; font-size: 1.25rem; color: #8c1d18; }
.handbook-serve-problems ol { padding-left: 1.5rem; }
.handbook-serve-problems pre {
  white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.25rem 0 0.75rem;
  font: 0.9rem/1.4 ui-monospace, monospace; background: #fff; padding: 0.5rem;
  border: 1px solid #e0b4b0;
}
)";
}

}  // namespace hb
