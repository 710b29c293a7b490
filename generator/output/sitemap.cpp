#include "sitemap.h"

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

// Text content as XML printers write it: &, < and > as entities, everything else as it is.
void append_text(std::string& out, std::string_view text) {
  size_t from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = text[i] == '&'   ? "&amp;"
                         : text[i] == '<' ? "&lt;"
                         : text[i] == '>' ? "&gt;"
                                          : nullptr;
    if (!entity) continue;
    out.append(text, from, i - from);
    out += entity;
    from = i + 1;
  }
  out.append(text, from);
}

void append_url(std::string& out, const std::string& base, std::string_view href,
                std::string_view lastmod) {
  out += "    <url>\n        <loc>";
  append_text(out, base);
  append_text(out, page_path(href));
  out += "</loc>\n";
  if (!lastmod.empty()) {
    out += "        <lastmod>";
    append_text(out, lastmod);
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
    append_url(out, base, p.url, p.date);
  }
  for (auto& t : site.terms)
    append_url(out, base, t.url(), {});
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
