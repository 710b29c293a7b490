// The sitemap is written by hand; these cases compare it with what an XML printer makes of the
// same addresses, a site without pages, and addresses with characters that need escaping.
#include <doctest/doctest.h>
#include <tinyxml2.h>

#include "output/sitemap.h"

namespace {

std::string printed(const hb::Site& site) {
  tinyxml2::XMLDocument doc;
  doc.InsertEndChild(doc.NewDeclaration());
  auto* set = doc.NewElement("urlset");
  set->SetAttribute("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
  doc.InsertEndChild(set);
  std::string base = site.config->base_url;
  if (!base.empty() && base.back() != '/') base += '/';
  auto absolute = [&](std::string_view path) {
    if (path == "index.html" || path.ends_with("/index.html")) path.remove_suffix(10);
    return base + std::string(path);
  };
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    auto* url = set->InsertNewChildElement("url");
    url->InsertNewChildElement("loc")->SetText(absolute(site.pages[i].url).c_str());
    if (!site.pages[i].date.empty())
      url->InsertNewChildElement("lastmod")->SetText(site.pages[i].date.c_str());
  }
  for (auto& t : site.terms)
    set->InsertNewChildElement("url")->InsertNewChildElement("loc")->SetText(
        absolute(t.url()).c_str());
  tinyxml2::XMLPrinter printer;
  doc.Print(&printer);
  return printer.CStr();
}

hb::Page page(std::string url, std::string date) {
  hb::Page p;
  p.url = std::move(url);
  p.date = std::move(date);
  return p;
}

}  // namespace

TEST_CASE("the sitemap is what an XML printer writes") {
  hb::SiteConfig config;
  hb::ProfileSpec profile;
  hb::Site site;
  site.config = &config;
  site.profile = &profile;
  SUBCASE("no pages") {
    config.base_url = "https://example.org";
    CHECK(hb::sitemap_xml(site) == printed(site));
  }
  SUBCASE("pages, an excluded one, terms and characters to escape") {
    config.base_url = "https://example.org/a&b<c>/\"q\"'s";
    site.pages = {page("index.html", ""), page("roles/index.html", "2024-01-02"),
                  page("roles/x&y.html", "2024-<3>"), page("internal.html", "2020-01-01")};
    site.included = {1, 1, 1, 0};
    site.terms.push_back({"themes", "Økonomi", "oekonomi&", {0}});
    // Addresses are percent-encoded (as the sitemap protocol asks), then escaped as XML text.
    CHECK(hb::sitemap_xml(site) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
          "    <url>\n"
          "        <loc>https://example.org/a&amp;b%3Cc%3E/%22q%22&#39;s/</loc>\n"
          "    </url>\n"
          "    <url>\n"
          "        <loc>https://example.org/a&amp;b%3Cc%3E/%22q%22&#39;s/roles/</loc>\n"
          "        <lastmod>2024-01-02</lastmod>\n"
          "    </url>\n"
          "    <url>\n"
          "        <loc>https://example.org/a&amp;b%3Cc%3E/%22q%22&#39;s/roles/x&amp;y.html</loc>\n"
          "        <lastmod>2024-&lt;3&gt;</lastmod>\n"
          "    </url>\n"
          "    <url>\n"
          "        "
          "<loc>https://example.org/a&amp;b%3Cc%3E/%22q%22&#39;s/themes/oekonomi&amp;.html</loc>\n"
          "    </url>\n"
          "</urlset>\n");
  }
  SUBCASE("no base address") {
    site.pages = {page("index.html", ""), page("a/index.html", "")};
    site.included = {1, 1};
    CHECK(hb::sitemap_xml(site) == printed(site));
  }
}
