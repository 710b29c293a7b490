#include "sitemap.h"

#include <tinyxml2.h>

#include "view.h"

namespace hb {

static std::string absolute(const Site& site, const std::string& href) {
  std::string base = site.config->base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  std::string_view path = href;  // a folder's index page is the folder itself
  if (path == "index.html" || path.ends_with("/index.html")) path.remove_suffix(10);
  return base + std::string(path);
}

std::string sitemap_xml(const Site& site) {
  tinyxml2::XMLDocument doc;
  doc.InsertEndChild(doc.NewDeclaration());
  auto* set = doc.NewElement("urlset");
  set->SetAttribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  doc.InsertEndChild(set);
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    const Page& p = site.pages[i];
    auto* url = set->InsertNewChildElement("url");
    url->InsertNewChildElement("loc")->SetText(absolute(site, p.url).c_str());
    if (!p.date.empty()) url->InsertNewChildElement("lastmod")->SetText(p.date.c_str());
  }
  for (auto& t : site.terms)
    set->InsertNewChildElement("url")->InsertNewChildElement("loc")->SetText(
        absolute(site, t.url()).c_str());
  tinyxml2::XMLPrinter printer;
  doc.Print(&printer);
  return printer.CStr();
}

std::string robots_txt(const Site& site) {
  if (site.profile->include_internal) return "User-agent: *\nDisallow: /\n";
  return "User-agent: *\nAllow: /\n\nSitemap: " + absolute(site, "sitemap.xml") + "\n";
}

}  // namespace hb
