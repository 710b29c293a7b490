#include <doctest/doctest.h>
#include <tinyxml2.h>

#include "config/config.h"
#include "content/content.h"
#include "site/site.h"
#include "support.h"
#include "view/diagrams.h"

using namespace hb;
using namespace hb::test;

namespace {

struct MiniSite : BuiltSite {
  explicit MiniSite(bool internal)
      : BuiltSite("mini", internal, [](SiteConfig& config) {
          config.diagrams = {"role",      "group", "answers_to", "forum",        "months",
                             "frequency", "role",  "forum",      "participants", "Roller og fora"};
        }) {
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
  CHECK(html.find("marker-end") != std::string::npos);
  CHECK(html.find("Hemmelig") == std::string::npos);
  CHECK(organisation_diagram(MiniSite(true).site, "").find("Hemmelig rolle") != std::string::npos);
}

TEST_CASE("the annual wheel places known months and lists them in a table") {
  MiniSite m(false);
  std::string html = annual_wheel(m.site, "");
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  CHECK(doc.RootElement()->FirstChildElement("svg")->FirstChildElement("desc"));
  CHECK(html.find("Marts, Juni, September, December") != std::string::npos);
  CHECK(html.find("<th scope=\"row\">") != std::string::npos);
}

TEST_CASE("the matrix marks who takes part in which forum") {
  MiniSite m(false);
  std::string html = matrix_table(m.site, "");
  tinyxml2::XMLDocument doc;
  parse(doc, html);
  CHECK(html.find("<caption id=\"matrix-caption\">Roller og fora</caption>") != std::string::npos);
  CHECK(html.find("<span class=\"visually-hidden\">deltager</span>") != std::string::npos);
}

TEST_CASE("a matrix too big for a table is a list of each role with its forums") {
  MiniSite m(false);
  std::string table = matrix_table(m.site, "");
  CHECK(table.find("<table") != std::string::npos);
  std::string html = matrix_table(m.site, "", 1);
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
