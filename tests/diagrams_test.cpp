#include <doctest/doctest.h>
#include <tinyxml2.h>

#include <functional>

#include "config/config.h"
#include "content/content.h"
#include "site/site.h"
#include "support.h"
#include "view/diagrams.h"

using namespace hb;
using namespace hb::test;

namespace {

void mini_diagrams(SiteConfig& config) {
  config.diagrams = {"role",      "group", "answers_to", "forum",        "months",
                     "frequency", "role",  "forum",      "participants", "Roller og fora"};
}

struct MiniSite : BuiltSite {
  explicit MiniSite(bool internal) : BuiltSite("mini", internal, mini_diagrams) {
    REQUIRE(errors == 0);
  }
};

void parse(tinyxml2::XMLDocument& doc, const std::string& html) {
  REQUIRE(doc.Parse(html.c_str()) == tinyxml2::XML_SUCCESS);
}

}  // namespace

TEST_CASE("the organisation diagram is an SVG with a title, a description and a list") {
  MiniSite m(false);
  std::string html = organisation_diagram(m.site, "../");
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  auto* svg = doc.RootElement()->FirstChildElement("svg");
  REQUIRE(svg);
  CHECK(std::string(svg->Attribute("role")) == "img");
  CHECK(std::string(svg->FirstChildElement("title")->GetText()) == "Organisationsdiagram: Roller");
  CHECK(svg->FirstChildElement("desc"));
  CHECK(html.find("<ul class=\"diagram-text\">") != std::string::npos);
  CHECK(html.find("<a href=\"../roles/byraadet.html\">Byrådet</a>") != std::string::npos);
  CHECK(html.find("Svarer til: <a href=\"../roles/byraadet.html\">") != std::string::npos);
  CHECK(html.find("<marker") == std::string::npos);  // WeasyPrint draws no markers
  CHECK(html.find("<path d=\"M") != std::string::npos);
  CHECK(html.find("class=\"arrow\" fill=\"#55636f\"/>") != std::string::npos);
  CHECK(html.find("Pilen går fra en rolle til den, rollen svarer til</text>") != std::string::npos);
  CHECK(html.find("Hemmelig") == std::string::npos);
  CHECK(organisation_diagram(MiniSite(true).site, "").find("Hemmelig rolle") != std::string::npos);
}

namespace {

// The marks the wheel itself draws (not the keys in its table).
int wheel_marks(const std::string& html) {
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  int n = 0;
  std::function<void(const tinyxml2::XMLElement*)> walk = [&](const tinyxml2::XMLElement* e) {
    if (e->Attribute("class", "mark")) ++n;
    for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
      walk(c);
  };
  walk(doc.RootElement()->FirstChildElement("svg"));
  return n;
}

}  // namespace

TEST_CASE("the annual wheel places known months and lists them in a table") {
  MiniSite m(false);
  std::string html = annual_wheel(m.site, "");
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  CHECK(doc.RootElement()->FirstChildElement("svg")->FirstChildElement("desc"));
  CHECK(html.find("Marts, Juni, September, December") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">") != std::string::npos);
  CHECK(wheel_marks(html) == 4);
  CHECK(html.find("Prik: en fastlagt mødemåned. Farven viser forummet (se tabellen).</text>") !=
        std::string::npos);
  CHECK(html.find("Hyppighed uden faste måneder") == std::string::npos);  // every forum has months
}

TEST_CASE("the annual wheel shows no month for a forum that declares none") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp.path());
  write_file(tmp / "content/forums/aarsmoede.md",
             "+++\ntitle = \"Årsmøde\"\nparticipants = [\"bestyrelsen\"]\nfrequency = "
             "\"årlig\"\n+++\n");
  write_file(tmp / "content/forums/kvartalsmoede.md",
             "+++\ntitle = \"Kvartalsmøde\"\nparticipants = [\"bestyrelsen\"]\nfrequency = "
             "\"kvartalsvis\"\n+++\n");
  BuiltSite m(tmp.path().string(), false, mini_diagrams);
  REQUIRE(m.errors == 0);
  std::string html = annual_wheel(m.site, "");
  CHECK(wheel_marks(html) == 4);  // Bestyrelsesmøde's four months, nothing for the others
  CHECK(html.find("class=\"group\">Hyppighed uden faste måneder</text>") != std::string::npos);
  CHECK(html.find(">Kvartalsvis: Kvartalsmøde</text>") != std::string::npos);
  CHECK(html.find(">Årlig: Årsmøde</text>") != std::string::npos);
  CHECK(html.find("<th scope=\"row\"><a href=\"forums/aarsmoede.html\">Årsmøde</a></th><td>Årlig"
                  "</td><td>Ikke fastlagt</td>") != std::string::npos);
}

TEST_CASE("the bundled handbook's wheel draws no month that its forums do not declare") {
  Diagnostics d;
  SiteConfig config = load_config(source_dir(), d);
  Site site = build_site(config, *config.profile("public"), load_pages(config, {false, 1}, d), d);
  REQUIRE(d.error_count() == 0);
  int declared = 0;
  for (int p : site.collections.at("forum"))
    if (const Value* v = site.pages[static_cast<size_t>(p)].fields.find("months");
        v && v->is_list())
      declared += static_cast<int>(v->as_list().size());
  std::string html = annual_wheel(site, "");
  CHECK(wheel_marks(html) == declared);
  CHECK(html.find("Hyppighed uden faste måneder") != std::string::npos);
}

TEST_CASE("the matrix marks who takes part in which forum") {
  MiniSite m(false);
  std::string html = matrix_table(m.site, "");
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  CHECK(html.find("<caption id=\"matrix-caption\">Roller og fora</caption>") != std::string::npos);
  CHECK(html.find("<span class=\"visually-hidden\">deltager</span>") != std::string::npos);
}

TEST_CASE("the matrix's hint about scrolling is for the screen only") {
  MiniSite m(false);
  const std::string hint =
      "<p class=\"scroll-hint screen-only\">Tabellen er bredere end "
      "skærmen: rul til siden for at se alle fora.</p>";
  CHECK(matrix_table(m.site, "").find(hint) != std::string::npos);
  std::string print = matrix_table(m.site, "", Medium::Print);
  CHECK(print.find("<table class=\"matrix\">") != std::string::npos);
  CHECK(print.find("rul til siden") == std::string::npos);
  CHECK(print.find("screen-only") == std::string::npos);
}

TEST_CASE("a matrix too big for a table is a list of each role with its forums") {
  MiniSite m(false);
  std::string table = matrix_table(m.site, "");
  CHECK(table.find("<table") != std::string::npos);
  std::string html = matrix_table(m.site, "", Medium::Screen, 1);
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  CHECK(html.find("<table") == std::string::npos);
  CHECK(html.starts_with("<p>Der er for mange roller og fora til én tabel"));
  CHECK(html.find("<ul class=\"matrix-list\">") != std::string::npos);
  CHECK(html.find("<li><a href=\"roles/byraadet.html\">Byrådet</a> – deltager ikke i "
                  "nogen fora</li>") != std::string::npos);
  CHECK(html.find("<li><a href=\"roles/bestyrelsen.html\">Bestyrelsen</a><ul><li><a "
                  "href=\"forums/bestyrelsesmoede.html\">Bestyrelsesmøde</a></li></ul></li>") !=
        std::string::npos);
}

TEST_CASE("a site without diagram settings draws none") {
  MiniSite m(false);
  m.config.diagrams = {};
  CHECK(organisation_diagram(m.site, "").empty());
  CHECK(annual_wheel(m.site, "").empty());
  CHECK(matrix_table(m.site, "").empty());
}
