// MarkupWriter: the same bytes as tinyxml2's compact printer gives for the same tree.
#include <doctest/doctest.h>
#include <tinyxml2.h>

#include <cmath>
#include <string>

#include "view/markup_writer.h"

using namespace hb;

TEST_CASE("MarkupWriter writes what tinyxml2's compact printer prints") {
  const char* tricky = "a & b < c > d \"e\" 'f' æøå";
  tinyxml2::XMLDocument doc;
  tinyxml2::XMLElement* figure = doc.NewElement("figure");
  doc.InsertEndChild(figure);
  figure->SetAttribute("id", tricky);
  figure->SetAttribute("x", 269.43443761458144);
  figure->SetAttribute("y", 220.0);
  figure->SetAttribute("r", 7);
  tinyxml2::XMLElement* empty = figure->InsertNewChildElement("td");
  (void)empty;
  figure->InsertNewChildElement("td")->SetText("");
  tinyxml2::XMLElement* li = figure->InsertNewChildElement("li");
  li->SetText(tricky);
  li->InsertNewChildElement("a")->SetAttribute("href", "x.html");
  li->InsertNewText(" – ");
  tinyxml2::XMLPrinter printer(nullptr, true);
  doc.Print(&printer);

  std::string out;
  MarkupWriter w(out);
  w.open("figure").attr("id", tricky).attr("x", 269.43443761458144).attr("y", 220.0).attr("r", 7);
  w.open("td").close();
  w.element("td", "");
  w.open("li").text(tricky);
  w.open("a").attr("href", "x.html").close();
  w.text(" – ").close();
  w.close();
  CHECK(out == printer.CStr());
}

TEST_CASE("MarkupWriter writes numbers as tinyxml2 does") {
  for (double v : {0.0, -0.0, 0.1, 1.0 / 3, 117.50000000000001, 1e-7, 123456789012345678.0, 1e21,
                   -205.5, 39.508167178787943, 1e300, 5e-324}) {
    tinyxml2::XMLDocument doc;
    tinyxml2::XMLElement* e = doc.NewElement("c");
    doc.InsertEndChild(e);
    e->SetAttribute("v", v);
    int i = std::fabs(v) < 1e9 ? static_cast<int>(v) : -2147483647 - 1;
    e->SetAttribute("i", i);
    tinyxml2::XMLPrinter printer(nullptr, true);
    doc.Print(&printer);
    std::string out;
    MarkupWriter(out).open("c").attr("v", v).attr("i", i).close();
    CHECK(out == printer.CStr());
  }
}

TEST_CASE("MarkupWriter escapes characters at every place of a long text as tinyxml2 does") {
  for (char special : {'&', '<', '>', '"', '\''}) {
    for (size_t at = 0; at < 40; ++at) {
      std::string text(40, 'x');
      text[at] = special;
      text[39 - at] = special;
      tinyxml2::XMLDocument doc;
      tinyxml2::XMLElement* e = doc.NewElement("p");
      doc.InsertEndChild(e);
      e->SetAttribute("title", text.c_str());
      e->SetText(text.c_str());
      tinyxml2::XMLPrinter printer(nullptr, true);
      doc.Print(&printer);
      std::string out;
      MarkupWriter(out).open("p").attr("title", text).text(text).close();
      CHECK(out == printer.CStr());
    }
  }
}
