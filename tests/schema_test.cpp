#include <doctest/doctest.h>

#include <toml++/toml.h>

#include "content/schema.h"

using namespace hb;

TEST_CASE("built-in front matter fields are read into the page, dates as YYYY-MM-DD") {
  std::string text = "+++\ntitle = \"Møde\"\ndate = 0987-03-04\nvisibility = \"internal\"\n+++\n";
  toml::table fm = toml::parse(text.substr(4, text.size() - 8));
  SiteConfig config;
  Page page;
  Diagnostics diags;
  apply_front_matter(fm, config, page, {"x.md", text, 1, false}, diags);
  CHECK(diags.error_count() == 0);
  CHECK(page.title == "Møde");
  CHECK(page.date == "0987-03-04");
  CHECK(page.internal);
}

TEST_CASE("a marker in a plain-text field is an error: it would hide nothing") {
  std::string text =
      "+++\ntitle = \"Møde\"\nsummary = \"Kort <!-- internal -->hemmelig<!-- /internal -->\"\n"
      "+++\n";
  toml::table fm = toml::parse(text.substr(4, text.size() - 8));
  SiteConfig config;
  Page page;
  Diagnostics diags;
  apply_front_matter(fm, config, page, {"x.md", text, 1, false}, diags);
  auto all = diags.sorted();
  REQUIRE(all.size() == 1);
  CHECK(format_text(all[0]) ==
        "x.md:3:11: fejl: feltet 'summary' (Resumé) er almindelig tekst, hvor en intern-markering "
        "ikke skjuler noget: fjern den interne tekst, eller sæt den i et felt, der er erklæret "
        "internt\n"
        "    summary = \"Kort <!-- internal -->hemmelig<!-- /internal -->\"\n              ^\n");
}
