// The renderer writes through its own buffer: texts of every length, with characters to escape
// at every place, come out as html_attribute makes them; a render inside a render and a large
// output keep their text.
#include <doctest/doctest.h>

#include <string>

#include "base/escape.h"
#include "template/template.h"

namespace {

hb::TemplateSet templates(const std::string& source) {
  hb::TemplateSet set;
  hb::Diagnostics diags;
  REQUIRE(set.add("t", source, "t.mustache", diags));
  return set;
}

}  // namespace

TEST_CASE("escaped and raw values of any length come out whole") {
  auto set = templates("[{{v}}|{{{v}}}]");
  for (size_t n = 0; n <= 70; ++n) {
    std::string plain(n, 'a');
    for (size_t i = 0; i < n; ++i)
      plain[i] = static_cast<char>('a' + i % 26);
    hb::Value data;
    data["v"] = plain;
    CHECK(set.render("t", data) == "[" + plain + "|" + plain + "]");
    for (size_t at = 0; at < n; ++at)
      for (char c : {'&', '<', '>', '"', '\''}) {
        std::string text = plain;
        text[at] = c;
        if (at + 3 < n) text[at + 3] = '<';
        data["v"] = text;
        CHECK(set.render("t", data) == "[" + hb::html_attribute(text) + "|" + text + "]");
      }
  }
}

TEST_CASE("a large output and output appended to a string keep their text") {
  auto set = templates("{{#items}}{{.}} & {{/items}}");
  hb::Value data;
  std::string expected;
  for (int i = 0; i < 40000; ++i) {
    data["items"].push_back(std::string(i % 40, 'x'));
    expected += std::string(i % 40, 'x') + " & ";
  }
  std::string out = "before ";
  set.render("t", data, out);
  CHECK(out == "before " + expected);
  std::string seen;
  set.render("t", data, [&](std::string_view text) {
    seen = text;
    CHECK(set.render("t", data) == expected);  // a render while the outer text is held
    CHECK(text == expected);
  });
  CHECK(seen == expected);
}

TEST_CASE("escaping changes exactly the five characters, whatever bytes surround them") {
  auto set = templates("{{v}}");
  for (int c = 1; c < 256; ++c) {
    std::string text(40, 'x');
    text[7] = text[20] = text[39] = static_cast<char>(c);
    std::string expected;
    for (char ch : text) {
      switch (ch) {
        case '&':
          expected += "&amp;";
          break;
        case '<':
          expected += "&lt;";
          break;
        case '>':
          expected += "&gt;";
          break;
        case '"':
          expected += "&quot;";
          break;
        case '\'':
          expected += "&#39;";
          break;
        default:
          expected += ch;
      }
    }
    hb::Value data;
    data["v"] = text;
    CHECK(set.render("t", data) == expected);
    CHECK(hb::html_attribute(text) == expected);
  }
}
