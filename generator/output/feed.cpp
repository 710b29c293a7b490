#include "feed.h"

#include "base/escape.h"
#include "history/dates.h"
#include "history/timeline.h"
#include "view/history_view.h"

namespace hb {

namespace {

constexpr size_t kMaxEntries = 50;

void element(std::string& out, std::string_view indent, std::string_view name,
             std::string_view text) {
  out += indent;
  out += '<';
  out += name;
  out += '>';
  append_xml_text(out, text);
  out += "</";
  out += name;
  out += ">\n";
}

void link(std::string& out, std::string_view indent, std::string_view rel, std::string_view href) {
  out += indent;
  out += "<link";
  if (!rel.empty()) {
    out += " rel=\"";
    out += rel;
    out += '"';
  }
  out += " href=\"";
  append_xml_text(out, href);
  out += "\"/>\n";
}

}  // namespace

std::string feed_xml(const Site& site) {
  const SiteConfig& config = *site.config;
  bool internal = site.profile->include_internal;
  std::string base = site.base_url();
  if (!base.empty() && base.back() != '/') base += '/';
  std::string id_base = base.empty() ? "urn:handbook:" + site.profile->name + ":" : base;
  const Timeline* t = site.timeline.get();
  std::string updated = "1970-01-01T00:00:00Z";
  if (t && !t->changes.empty()) {
    const CommitInfo& c = t->repo.commits[static_cast<size_t>(t->changes.front().commit)];
    updated = iso_timestamp(c.time, c.offset);
  } else if (t && !t->newest.timestamp.empty()) {
    updated = t->newest.timestamp;
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"";
  append_xml_text(out, config.language);
  out += "\">\n";
  element(out, "  ", "title", config.title + " · Ændringer");
  element(out, "  ", "id", id_base + kFeed);
  element(out, "  ", "updated", updated);
  if (!base.empty()) {
    link(out, "  ", "self", base + kFeed);
    link(out, "  ", "alternate", base + (t && t->changes_page ? kChangesPage : "index.html"));
  }
  out += "  <author>\n";
  element(out, "    ", "name", config.owner.empty() ? config.title : config.owner);
  out += "  </author>\n";
  size_t n = 0;
  for (const ChangeEntry& e : t ? t->changes : std::vector<ChangeEntry>{}) {
    if (n++ == kMaxEntries) break;
    const CommitInfo& c = t->repo.commits[static_cast<size_t>(e.commit)];
    std::string when = iso_timestamp(c.time, c.offset);
    std::string url = e.page >= 0 ? site.pages[static_cast<size_t>(e.page)].url : "";
    out += "  <entry>\n";
    element(out, "    ", "title", std::string(change_label(e.kind)) + ": " + e.title);
    std::string key = url.empty() ? std::string(kChangesPage) : url;
    const char* code = e.kind == ChangeKind::Added     ? "ny"
                       : e.kind == ChangeKind::Removed ? "fjernet"
                                                       : "aendret";
    element(out, "    ", "id", id_base + key + "#" + code + "-" + std::to_string(c.time));
    element(out, "    ", "updated", when);
    if (!url.empty()) link(out, "    ", "alternate", base + url);
    if (internal) {
      out += "    <author>\n";
      element(out, "      ", "name", c.author);
      out += "    </author>\n";
      element(out, "    ", "summary", c.subject);
    } else {
      element(out, "    ", "summary",
              std::string(change_label(e.kind)) + " " + long_date(when.substr(0, 10)));
    }
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace hb
