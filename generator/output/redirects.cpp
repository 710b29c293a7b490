#include "redirects.h"

#include "base/escape.h"
#include "base/ui_strings.h"
#include "view/view.h"

namespace hb {

std::vector<Redirect> redirects(const Site& site) {
  std::vector<Redirect> out;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    if (!site.included[i] || !p.collection || p.is_index) continue;
    for (size_t k = 0; k < p.aliases.size(); ++k)
      out.push_back(
          {p.collection->folder + "/" + p.aliases[k].id + ".html", static_cast<int>(i), k});
  }
  return out;
}

std::string redirect_html(const Site& site, const Redirect& r) {
  const Page& p = site.pages[static_cast<size_t>(r.page)];
  std::string href = root_prefix(r.path);  // escaped for an attribute by append_url
  append_url(href, p.url);
  std::string canonical =
      site.base_url().empty() ? href : html_attribute(page_address(site, p.url));
  const std::string& language = site.config->language;
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + html_attribute(language) + "\">\n<head>\n";
  out += "<meta charset=\"utf-8\" />\n<meta name=\"robots\" content=\"noindex\" />\n";
  out += "<meta http-equiv=\"refresh\" content=\"0; url=" + href + "\" />\n";
  out += "<title>" + html_text(p.title) + " · " + html_text(site.config->title) + "</title>\n";
  out += "<link rel=\"canonical\" href=\"" + canonical + "\" />\n";
  out += "</head>\n<body>\n<p>" + html_text(ui_string(language, "page_moved")) + " <a href=\"" +
         href + "\">" + html_text(p.title) + "</a>.</p>\n</body>\n</html>\n";
  return out;
}

}  // namespace hb
