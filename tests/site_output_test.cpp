// Whole-site checks on the bundled handbook: every generated HTML file is well-formed XML
// (polyglot HTML5), ids are unique within a page, every internal link and anchor resolves, and
// no page has inline style or script, which the Content-Security-Policy of docs/nginx/ forbids.
#include <doctest/doctest.h>
#include <tinyxml2.h>

#include <algorithm>
#include <set>

#include "support.h"

using namespace hb::test;

namespace {

// What a policy of `style-src 'self'; script-src 'self'` would refuse: a style attribute, a
// <style> element, a <script> without src, an event handler attribute.
void inline_code(const tinyxml2::XMLElement* e, std::vector<std::string>& found) {
  std::string name = e->Name();
  if (name == "style" || (name == "script" && !e->Attribute("src")))
    found.push_back("<" + name + ">");
  for (auto* a = e->FirstAttribute(); a; a = a->Next()) {
    std::string attr = a->Name();
    if (attr == "style" || attr.starts_with("on")) found.push_back(name + " " + attr + "=");
  }
}

void collect(const tinyxml2::XMLElement* e, std::vector<std::string>& ids,
             std::vector<std::string>& hrefs, std::vector<std::string>& inline_found) {
  for (; e; e = e->NextSiblingElement()) {
    inline_code(e, inline_found);
    if (const char* id = e->Attribute("id")) ids.push_back(id);
    for (const char* attr : {"href", "src"})
      if (const char* v = e->Attribute(attr)) hrefs.push_back(v);
    collect(e->FirstChildElement(), ids, hrefs, inline_found);
  }
}

bool external(const std::string& url) {
  return url.find("://") != std::string::npos || url.starts_with("mailto:") ||
         url.starts_with("tel:") || url.starts_with("data:");
}

struct Parsed {
  std::set<std::string> ids;
  std::vector<std::string> hrefs;
};

}  // namespace

TEST_CASE(
    "every page of both editions of the bundled handbook is well-formed, links resolve, and no "
    "page has inline style or script") {
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    TempDir tmp;
    auto r = run({"build", "--site", source_dir().string(), "--profile", profile, "--out",
                  (tmp / "out").string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::map<std::string, Parsed> pages;
    for (auto& [key, text] : read_tree(tmp / "out")) {
      const std::string& rel = key;  // doctest's CAPTURE cannot take a structured binding on clang
      if (!rel.ends_with(".html")) continue;
      CAPTURE(rel);
      std::string xml = text.starts_with("<!DOCTYPE html>") ? text.substr(15) : text;
      tinyxml2::XMLDocument doc;
      REQUIRE_MESSAGE(doc.Parse(xml.c_str(), xml.size()) == tinyxml2::XML_SUCCESS, doc.ErrorStr());
      std::vector<std::string> ids, inline_found;
      Parsed& p = pages[rel];
      collect(doc.RootElement(), ids, p.hrefs, inline_found);
      CHECK_MESSAGE(
          inline_found.empty(),
          rel << " has inline code: " << (inline_found.empty() ? "" : inline_found.front()));
      p.ids = std::set<std::string>(ids.begin(), ids.end());
      CHECK_MESSAGE(p.ids.size() == ids.size(), "duplicate id in " << rel);
    }
    CHECK(pages.size() > 50);
    for (auto& [key, p] : pages) {
      const std::string& rel = key;
      fs::path dir = fs::path(rel).parent_path();
      for (auto& href : p.hrefs) {
        if (external(href)) continue;
        CAPTURE(rel);
        CAPTURE(href);
        size_t hash = href.find('#');
        std::string file =
            href.substr(0, std::min(hash, href.find('?')));  // no "?v=" of theme files
        std::string anchor =
            hash == std::string::npos ? "" : percent_decoded(href.substr(hash + 1));
        std::string target = file.empty() ? rel : (dir / file).lexically_normal().generic_string();
        if (href.starts_with("/")) {  // only the 404 page, from the path of the edition's address
          CHECK(rel == "404.html");
          REQUIRE(file.starts_with("/ejerstrategi/"));
          target = file.substr(14);
        }
        REQUIRE(fs::exists(tmp / "out" / target));
        if (!anchor.empty() && pages.count(target)) CHECK(pages[target].ids.count(anchor) == 1);
      }
    }
  }
}
