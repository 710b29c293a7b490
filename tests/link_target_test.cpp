// Link targets: every spelling of a link to a page's source names the page, never a file to copy.
#include <doctest/doctest.h>

#include "content/link_target.h"
#include "support.h"

using namespace hb;

TEST_CASE("every spelling of a link to a .md file is a link to the page") {
  hb::test::EnglishMessages english;
  for (std::string url : {"hemmelig.md", "hemmelig.md/", "./hemmelig.md/.", "hemmelig.md//",
                          "hemmelig.md/./", "hemmelig.m%64", "hemmelig%2Emd", "hemmelig.md%2F",
                          "hemmelig%2emd%2f", "%2e/hemmelig.md", "../roles/hemmelig.md",
                          "%2e%2e/roles/hemmelig.md", "hemmelig.md?raw=1", "hemmelig.md/?x#y"}) {
    CAPTURE(url);
    LinkTarget t = resolve_link("roles", url);
    CHECK(t.problem == "");
    CHECK(t.path == "roles/hemmelig.md");
    CHECK(t.page);
  }
  // other spellings of a Markdown ending are links to pages too, which a check then reports
  for (std::string url : {"hemmelig.MD", "hemmelig.Md", "hemmelig.markdown", "hemmelig.M%44/"}) {
    CAPTURE(url);
    LinkTarget t = resolve_link("roles", url);
    CHECK(t.page);
    CHECK(t.path.starts_with("roles/hemmelig."));
  }
}

TEST_CASE("a link to another file is an attachment, decoded and normalised") {
  hb::test::EnglishMessages english;
  LinkTarget t = resolve_link("roles", "../filer/./plan%20v2.pdf#side=2");
  CHECK(t.problem == "");
  CHECK(t.path == "filer/plan v2.pdf");
  CHECK(t.anchor == "side=2");
  CHECK(!t.page);
  CHECK(resolve_link("roles", "plan.md.pdf").page == false);
  CHECK(resolve_link("roles", "a%zz.pdf").path == "roles/a%zz.pdf");  // not an escape: kept
  CHECK(resolve_link("", "plan.pdf").path == "plan.pdf");
}

TEST_CASE("links that name no file inside content/ are problems") {
  hb::test::EnglishMessages english;
  CHECK(resolve_link("roles", "../../handbook.toml").problem ==
        "link '../../handbook.toml' leaves the content folder: link to a file inside content/");
  CHECK(resolve_link("roles", "%2e%2e/%2e%2e/x.pdf").problem ==
        "link '%2e%2e/%2e%2e/x.pdf' leaves the content folder: link to a file inside content/");
  CHECK(resolve_link("roles", "/etc/passwd").problem ==
        "link '/etc/passwd' is an absolute path: link to a file inside content/ by its path from "
        "this page");
  CHECK(resolve_link("roles", "x.pdf%00.md").problem ==
        "link 'x.pdf%00.md' encodes a control character: remove it");
  CHECK(resolve_link("", "./").problem ==
        "link './' names the content folder itself: link to a file inside it");
}

TEST_CASE("absolute paths are told from addresses without a scheme") {
  hb::test::EnglishMessages english;
  CHECK(is_absolute_path("/etc/passwd"));
  CHECK(is_absolute_path("/"));
  CHECK(!is_absolute_path("//example.org/x.png"));
  CHECK(!is_absolute_path("x/etc"));
}
