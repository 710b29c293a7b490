// Views: what page views show of field references and taxonomy terms.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/escape.h"
#include "config/config.h"
#include "content/content.h"
#include "site/site.h"
#include "support.h"
#include "template/template.h"
#include "view/view.h"

using namespace hb;
using namespace hb::test;

namespace {

struct MiniSite : BuiltSite {
  MiniSite() : BuiltSite("mini", true) { REQUIRE(errors == 0); }
  int page(const std::string& rel) const { return site.find(rel); }
  Value fields(const std::string& rel) const { return fields(rel, common_view(site)); }
  Value fields(const std::string& rel, const std::shared_ptr<const Value>& common) const {
    Value view = page_view(site, page(rel), common);
    return *view.find("page")->find("fields");
  }
};

std::vector<std::string> texts(const Value& list, const std::string& key) {
  std::vector<std::string> out;
  for (const Value& item : list.as_list())
    out.push_back(item.find(key)->as_string());
  return out;
}

std::vector<std::string> urls(const Value& list) {
  return texts(list, "url");
}

}  // namespace

TEST_CASE("a reference shows the summary of the page at its collection's folder and id") {
  MiniSite m;
  CHECK(urls(*m.fields("forums/bestyrelsesmoede.md").find("participants")) ==
        std::vector<std::string>{"roles/bestyrelsen.html"});
  // A page whose file is not at `<folder>/<id>.md` is not what an id names.
  int role = m.page("roles/bestyrelsen.md");
  m.site.pages[static_cast<size_t>(role)].rel = "roles/old/bestyrelsen.md";
  m.site.by_rel.erase("roles/bestyrelsen.md");
  m.site.by_rel.emplace("roles/old/bestyrelsen.md", role);
  CHECK(urls(*m.fields("forums/bestyrelsesmoede.md").find("participants")).empty());
}

TEST_CASE("taxonomy terms are links to their term pages, each under the name the page gives") {
  MiniSite m;
  auto common = common_view(m.site);
  Value themes = *m.fields("roles/bestyrelsen.md", common).find("themes");
  CHECK(texts(themes, "title") == std::vector<std::string>{"Økonomi", "klima"});
  CHECK(urls(themes) == std::vector<std::string>{"themes/oekonomi.html", "themes/klima.html"});
  themes = *m.fields("roles/byraadet.md", common).find("themes");
  CHECK(texts(themes, "title") == std::vector<std::string>{"økonomi"});
  CHECK(urls(themes) == std::vector<std::string>{"themes/oekonomi.html"});
  // Without the links made once for all pages, each page makes its own.
  auto bare = std::make_shared<Value>(*common);
  (*bare)["term_links"] = Value();
  themes = *m.fields("roles/bestyrelsen.md", bare).find("themes");
  CHECK(texts(themes, "title") == std::vector<std::string>{"Økonomi", "klima"});
  CHECK(urls(themes) == std::vector<std::string>{"themes/oekonomi.html", "themes/klima.html"});
}

TEST_CASE("a page body's links point at their output files, relative to the page") {
  MiniSite m;
  int i = m.page("roles/bestyrelsen.md");
  Page& p = m.site.pages[static_cast<size_t>(i)];
  p.body.html = "<a href=\"" + link_placeholder(0) + "\">a</a> <a href=\"" + link_placeholder(1) +
                "\">b</a> <a href=\"" + link_placeholder(2) + "\">c</a> <a href=\"" +
                link_placeholder(7) + "\">d</a> x:";
  p.links = {{"files/a&b.pdf", "", true, -1},
             {"roles/byraadet.md", "x<y", false, m.page("roles/byraadet.md")},
             {"roles/gone.md", "", false, -1}};
  CHECK(page_body_html(m.site, i) ==
        "<a href=\"../files/a&amp;b.pdf\">a</a> <a href=\"../roles/byraadet.html#x%3Cy\">b</a> "
        "<a href=\"#\">c</a> <a href=\"#\">d</a> x:");
}

TEST_CASE("a page view's content writes the body with its links where a template shows it") {
  MiniSite m;
  int i = m.page("roles/bestyrelsen.md");
  Page& p = m.site.pages[static_cast<size_t>(i)];
  p.body.html =
      "<p>" + link_placeholder(0) + " &amp; <a href=\"" + link_placeholder(1) + "\">b</a></p>";
  p.links = {{"files/a.pdf", "", true, -1},
             {"roles/byraadet.md", "", false, m.page("roles/byraadet.md")}};
  std::string html = "<p>../files/a.pdf &amp; <a href=\"../roles/byraadet.html\">b</a></p>";
  Value view = page_view(m.site, i, common_view(m.site));
  CHECK(view.find("page")->find("content")->to_string() == html);
  TemplateSet t;
  Diagnostics d;
  REQUIRE(t.add("raw", "[{{{page.content}}}|{{&page.content}}]", "raw", d));
  REQUIRE(t.add("escaped", "{{page.content}}", "escaped", d));
  REQUIRE(t.add("section", "{{#page.content}}({{{.}}}){{/page.content}}", "section", d));
  CHECK(t.render("raw", view) == "[" + html + "|" + html + "]");
  CHECK(t.render("escaped", view) == html_attribute(html));
  CHECK(t.render("section", view) == "(" + html + ")");
}

TEST_CASE("a page view lists the headings of levels 2 and 3 and the pages that link to it") {
  MiniSite m;
  int i = m.page("roles/bestyrelsen.md");
  Page& p = m.site.pages[static_cast<size_t>(i)];
  p.body.headings = {{1, "Top", "top", 1}, {2, "A", "a", 2}, {3, "B", "b", 3}, {4, "C", "c", 4}};
  m.site.backlinks[static_cast<size_t>(i)] = {{m.page("roles/byraadet.md"), ""},
                                              {m.page("forums/bestyrelsesmoede.md"), "Deltagere"}};
  TemplateSet t;
  Diagnostics d;
  REQUIRE(t.add("toc",
                "{{#page.toc}}[{{id}} {{text}} {{level}}{{#sub}} sub{{/sub}}]{{/page.toc}}"
                "{{#page.backlinks}}({{title}}: {{via}}){{/page.backlinks}}",
                "toc", d));
  CHECK(t.render("toc", page_view(m.site, i, common_view(m.site))) ==
        "[a A 2][b B 3 sub](Byrådet: i teksten)(Bestyrelsesmøde: Deltagere)");
}

TEST_CASE("breadcrumbs lead home and to the page's section, shared or made for the page") {
  MiniSite m;
  auto common = common_view(m.site);
  auto bare = std::make_shared<Value>(*common);
  (*bare)["crumbs_by_section"] = Value();
  (*bare)["home_crumbs"] = Value();
  TemplateSet t;
  Diagnostics d;
  REQUIRE(t.add("crumbs", "{{#page.breadcrumbs}}[{{title}} {{url}}]{{/page.breadcrumbs}}", "c", d));
  auto crumbs = [&](const std::string& rel, const std::shared_ptr<const Value>& with) {
    return t.render("crumbs", page_view(m.site, m.page(rel), with));
  };
  for (const std::shared_ptr<const Value>& with : {common, std::shared_ptr<const Value>(bare)}) {
    CHECK(crumbs("_index.md", with) == "");
    CHECK(crumbs("roles/_index.md", with) == "[Forside index.html]");
    CHECK(crumbs("roles/bestyrelsen.md", with) == "[Forside index.html][Roller roles/index.html]");
  }
}

TEST_CASE("views read the site's page summaries in place, without taking a share of them") {
  MiniSite m;
  auto common = common_view(m.site);
  int role = m.page("roles/bestyrelsen.md");
  const std::shared_ptr<const Value>& kept = m.site.summaries[static_cast<size_t>(role)];
  long shares = kept.use_count();
  Value summary = page_summary(m.site, role);
  CHECK(summary.find("url") == kept->find("url"));
  CHECK(summary.find("url")->as_string() == "roles/bestyrelsen.html");
  Value view = page_view(m.site, m.page("forums/bestyrelsesmoede.md"), common);
  const Value& participants = *view.find("page")->find("fields")->find("participants");
  REQUIRE(participants.as_list().size() == 1);
  CHECK(participants.as_list()[0].find("title") == kept->find("title"));
  CHECK(kept.use_count() == shares);
}
