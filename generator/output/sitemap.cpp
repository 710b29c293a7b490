#include "sitemap.h"

#include "base/escape.h"
#include "history/timeline.h"
#include "view/view.h"

namespace hb {

namespace {

std::string base_folder(const Site& site) {
  std::string base = site.config->base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  return base;
}

// The absolute address of `href` under `base`: a folder's index page is the folder itself.
std::string_view page_path(std::string_view href) {
  if (href == "index.html" || href.ends_with("/index.html")) href.remove_suffix(10);
  return href;
}

void append_entry(std::string& out, const std::string& base, std::string_view href,
                  std::string_view lastmod) {
  out += "    <url>\n        <loc>";
  append_url(out, base);
  append_url(out, page_path(href));
  out += "</loc>\n";
  if (!lastmod.empty()) {
    out += "        <lastmod>";
    append_xml_text(out, lastmod);
    out += "</lastmod>\n";
  }
  out += "    </url>\n";
}

}  // namespace

// Written as an XML printer indents it: four spaces a level, text inline.
std::string sitemap_xml(const Site& site) {
  std::string base = base_folder(site);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  std::string_view open = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
  out.reserve(site.pages.size() * (base.size() + 96) + site.terms.size() * (base.size() + 64));
  out += open;
  out += ">\n";
  size_t empty = out.size();
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    const Page& p = site.pages[i];
    const Timeline* t = site.timeline.get();
    append_entry(out, base, p.url, t ? std::string_view(t->pages[i].day) : p.date);
  }
  for (auto& t : site.terms)
    append_entry(out, base, t.url(), {});
  if (out.size() == empty) {  // no children: an empty element
    out.resize(empty - 2);
    out += "/>\n";
    return out;
  }
  out += "</urlset>\n";
  return out;
}

std::string robots_txt(const Site& site) {
  if (site.profile->include_internal) return "User-agent: *\nDisallow: /\n";
  return "User-agent: *\nAllow: /\n\nSitemap: " + base_folder(site) +
         std::string(page_path("sitemap.xml")) + "\n";
}

}  // namespace hb
