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
