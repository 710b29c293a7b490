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
  CHECK(resolve_link("roles", "/").problem ==
        "link '/' is an absolute path: link to a file inside content/ by its path from this page");
  CHECK(resolve_link("roles", "/../handbook.toml").problem ==
        "link '/../handbook.toml' is an absolute path: link to a file inside content/ by its path "
        "from this page");
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

TEST_CASE("an absolute link names a file from content/, written with or without content/") {
  for (std::string url : {"/roles/borgmester.md#anker", "/content/roles/borgmester.md#anker",
                          "/roles/./borgmester.md/#anker", "/roles/borgmest%65r.md#anker"}) {
    CAPTURE(url);
    LinkTarget t = resolve_link("cases", url);
    CHECK(t.problem == "");
    CHECK(t.page);
    CHECK(t.path == "roles/borgmester.md");
    CHECK(t.anchor == "anker");
  }
  LinkTarget file = resolve_link("cases", "/filer/plan.pdf");
  CHECK(file.problem == "");
  CHECK(!file.page);
  CHECK(file.path == "filer/plan.pdf");
}

TEST_CASE("the relative path to write is counted from the page's folder and keeps the anchor") {
  CHECK(relative_link("cases", "roles/borgmester.md", "/roles/borgmester.md") ==
        "../roles/borgmester.md");
  CHECK(relative_link("cases", "roles/borgmester.md", "/content/roles/borgmester.md#%C3%A5") ==
        "../roles/borgmester.md#%C3%A5");
  CHECK(relative_link("roles", "roles/borgmester.md", "/roles/borgmester.md#a") ==
        "borgmester.md#a");
  CHECK(relative_link("", "roles/borgmester.md", "/roles/borgmester.md") == "roles/borgmester.md");
  CHECK(relative_link("roles", "_index.md", "/_index.md") == "../_index.md");
  CHECK(relative_link("a/b", "a/c/d.md", "") == "../c/d.md");
  CHECK(relative_link("a/b", "a/b.md", "") == "../b.md");
  CHECK(relative_link("roles", "filer/plan (v2) 100%.pdf", "") ==
        "../filer/plan%20%28v2%29%20100%25.pdf");
  CHECK(relative_link("roles", "roles/økonomi.md", "") == "økonomi.md");
  CHECK(folder_of("roles/x.md") == "roles");
  CHECK(folder_of("x.md") == "");
}

TEST_CASE("an absolute link is reported with the path to write, or the nearest file's") {
  CHECK(absolute_link_problem("cases", "/roles/borgmester.md#anker", "roles/borgmester.md", true,
                              "") ==
        "linket '/roles/borgmester.md#anker' begynder med '/', så det virker hverken på sitet "
        "eller i GitHubs visning af filen: skriv stien fra denne side, "
        "../roles/borgmester.md#anker");
  CHECK(absolute_link_problem("cases", "/roles/borgmestr.md", "roles/borgmestr.md", false,
                              "roles/borgmester.md") ==
        "linket '/roles/borgmestr.md' begynder med '/', og der er ingen fil "
        "content/roles/borgmestr.md: link til en fil i content/ med stien fra denne side (mente "
        "du ../roles/borgmester.md?)");
  CHECK(absolute_link_problem("cases", "/x/y.md", "x/y.md", false, "") ==
        "linket '/x/y.md' begynder med '/', og der er ingen fil content/x/y.md: link til en fil "
        "i content/ med stien fra denne side");
  hb::test::EnglishMessages english;
  CHECK(absolute_link_problem("cases", "/content/roles/borgmester.md", "roles/borgmester.md", true,
                              "") ==
        "link '/content/roles/borgmester.md' starts with '/', so it works neither on the site "
        "nor in GitHub's view of the file: write the path from this page, "
        "../roles/borgmester.md");
  CHECK(absolute_link_problem("cases", "/roles/borgmestr.md", "roles/borgmestr.md", false,
                              "roles/borgmester.md") ==
        "link '/roles/borgmestr.md' starts with '/', and there is no file "
        "content/roles/borgmestr.md: link to a file inside content/ by its path from this page "
        "(did you mean ../roles/borgmester.md?)");
}

TEST_CASE("an anchor is percent-decoded, as GitHub's preview and browsers decode it") {
  std::string anchor, problem;
  for (std::string url :
       {"side.md#%C3%A5bne-sp%C3%B8rgsm%C3%A5l", "#%C3%A5bne-sp%C3%B8rgsm%C3%A5l",
        "#%c3%a5bne-sp%c3%b8rgsm%c3%a5l", "#åbne-sp%C3%B8rgsmål", "#åbne-spørgsmål"}) {
    CAPTURE(url);
    CHECK(link_anchor(url, anchor, problem));
    CHECK(anchor == "åbne-spørgsmål");
  }
  CHECK(link_anchor("side.md", anchor, problem));
  CHECK(anchor == "");
  CHECK(link_anchor("#", anchor, problem));
  CHECK(anchor == "");
  CHECK(problem == "");
  CHECK(resolve_link("roles", "side.md#%C3%A5bne").anchor == "åbne");
}

TEST_CASE("an anchor with a %-code that does not decode to text is a problem naming the code") {
  std::string anchor, problem;
  auto expected = [](std::string url, std::string code) {
    return "linket '" + url + "' har en %-kode efter '#', som ikke kan læses: '" + code +
           "'. En %-kode er '%' og to tegn 0-9 eller A-F, og æ, ø og å fylder to koder hver (ø "
           "er %C3%B8); skriv hellere overskriftens id med almindelige bogstaver, fx "
           "#åbne-spørgsmål";
  };
  struct Case {
    std::string url, code;
  };
  for (const Case& c : {Case{"#%G1", "%G1"}, Case{"side.md#a%C3", "%C3"}, Case{"#%C3-b", "%C3"},
                        Case{"#ab%", "%"}, Case{"#ab%4", "%4"}, Case{"#a%0Ab", "%0A"},
                        Case{"#%C3%A5%FF", "%FF"}, Case{"#%E2%82", "%E2"}}) {
    CAPTURE(c.url);
    CHECK(!link_anchor(c.url, anchor, problem));
    CHECK(anchor == "");
    CHECK(problem == expected(c.url, c.code));
  }
  CHECK(resolve_link("roles", "side.md#%G1").problem == expected("side.md#%G1", "%G1"));
  CHECK(resolve_link("roles", "/roles/side.md#%G1").problem ==
        expected("/roles/side.md#%G1", "%G1"));
  hb::test::EnglishMessages english;
  CHECK(!link_anchor("#%G1", anchor, problem));
  CHECK(problem ==
        "link '#%G1' has a %-code after '#' that cannot be read: '%G1'. A %-code is '%' and two "
        "characters 0-9 or A-F, and æ, ø and å take two codes each (ø is %C3%B8); better write "
        "the heading's id in plain letters, e.g. #åbne-spørgsmål");
}
