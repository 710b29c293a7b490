// Link reports as an editor reads them in `handbook check`: absolute links with the path to write,
// the caret under the very link a report is about when a line repeats a target, and anchors
// written with %-codes, which match the heading they decode to.
#include <doctest/doctest.h>

#include "support.h"

using namespace hb::test;

namespace {

// The mini site with content/roles/byraadet.md's body replaced by `body`.
fs::path site_with_body(const TempDir& tmp, const std::string& body) {
  fs::path site = tmp / "site";
  copy_tree(fixture("mini"), site);
  write_file(
      site / "content/roles/byraadet.md",
      "+++\ntitle = \"Byrådet\"\nweight = 1\ngroup = \"ejer\"\nthemes = [\"økonomi\"]\n+++\n\n" +
          body);
  return site;
}

// `expected` with each "@" replaced by the page's path as `check` shows it.
std::string at_page(const fs::path& site, const std::string& expected) {
  return at_file(site / "content/roles/byraadet.md", expected);
}

}  // namespace

TEST_CASE("an absolute link to a page is an error that names the relative path to write") {
  TempDir tmp;
  fs::path site =
      site_with_body(tmp,
                     "Se [mødet](/forums/bestyrelsesmoede.md#dagsorden) og "
                     "[igen](/content/forums/bestyrelsesmoede.md).\n"
                     "Se [mødet](/forums/bestyrelsesmode.md) og [plan](/filer/plan.pdf).\n");
  CliResult r = run({"check", "--site", site.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        at_page(site,
                "@:8:12: fejl: linket '/forums/bestyrelsesmoede.md#dagsorden' begynder med '/', "
                "så det virker hverken på sitet eller i GitHubs visning af filen: skriv stien fra "
                "denne side, ../forums/bestyrelsesmoede.md#dagsorden\n"
                "    Se [mødet](/forums/bestyrelsesmoede.md#dagsorden) og "
                "[igen](/content/forums/bestyrelsesmoede.md).\n"
                "               ^\n"
                "@:8:61: fejl: linket '/content/forums/bestyrelsesmoede.md' begynder med '/', så "
                "det virker hverken på sitet eller i GitHubs visning af filen: skriv stien fra "
                "denne side, ../forums/bestyrelsesmoede.md\n"
                "    Se [mødet](/forums/bestyrelsesmoede.md#dagsorden) og "
                "[igen](/content/forums/bestyrelsesmoede.md).\n"
                "                                                                ^\n"
                "@:9:12: fejl: linket '/forums/bestyrelsesmode.md' begynder med '/', og der er "
                "ingen fil content/forums/bestyrelsesmode.md: link til en fil i content/ med "
                "stien fra denne side (mente du ../forums/bestyrelsesmoede.md?)\n"
                "    Se [mødet](/forums/bestyrelsesmode.md) og [plan](/filer/plan.pdf).\n"
                "               ^\n"
                "@:9:50: fejl: linket '/filer/plan.pdf' begynder med '/', og der er ingen fil "
                "content/filer/plan.pdf: link til en fil i content/ med stien fra denne side\n"
                "    Se [mødet](/forums/bestyrelsesmode.md) og [plan](/filer/plan.pdf).\n"
                "                                                     ^\n"
                "4 fejl\n"));
  // Nothing is built with it.
  CliResult b = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  CHECK(b.exit_code == 1);
  CHECK(!fs::exists(tmp / "out" / "roles" / "byraadet.html"));
}

TEST_CASE("an absolute link to an attachment that is there names its relative path, in English") {
  TempDir tmp;
  fs::path site = site_with_body(tmp, "[Plan](/content/filer/plan-v2.pdf)\n");
  write_file(site / "content/filer/plan-v2.pdf", "%PDF-1.4\n");
  CliResult r = run({"check", "--site", site.string(), "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == at_page(site,
                         "@:8:8: error: link '/content/filer/plan-v2.pdf' starts with '/', so "
                         "it works neither on the site nor in GitHub's view of the file: write "
                         "the path from this page, ../filer/plan-v2.pdf\n"
                         "    [Plan](/content/filer/plan-v2.pdf)\n"
                         "           ^\n"
                         "1 error\n"));
}

TEST_CASE("when a line repeats a broken link target, each caret is under its own link") {
  TempDir tmp;
  fs::path site = site_with_body(tmp,
                                 "Se [x](mangler.md) og [y](mangler.md).\n"
                                 "Se [andet (mangler.md)](andet.md) og [z](mangler.md).\n"
                                 "- Se [x](mangler.md) og ![y](mangler.md).\n");
  CliResult r = run({"check", "--site", site.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        at_page(site,
                "@:8:8: fejl: linket til 'mangler.md': der er ingen fil content/roles/mangler.md\n"
                "    Se [x](mangler.md) og [y](mangler.md).\n"
                "           ^\n"
                "@:8:27: fejl: linket til 'mangler.md': der er ingen fil content/roles/mangler.md\n"
                "    Se [x](mangler.md) og [y](mangler.md).\n"
                "                              ^\n"
                "@:9:25: fejl: linket til 'andet.md': der er ingen fil content/roles/andet.md "
                "(mente du content/roles/_index.md?)\n"
                "    Se [andet (mangler.md)](andet.md) og [z](mangler.md).\n"
                "                            ^\n"
                "@:9:42: fejl: linket til 'mangler.md': der er ingen fil content/roles/mangler.md\n"
                "    Se [andet (mangler.md)](andet.md) og [z](mangler.md).\n"
                "                                             ^\n"
                "@:10:10: fejl: linket til 'mangler.md': der er ingen fil "
                "content/roles/mangler.md\n"
                "    - Se [x](mangler.md) og ![y](mangler.md).\n"
                "             ^\n"
                "@:10:30: fejl: linket til 'mangler.md': der er ingen fil "
                "content/roles/mangler.md\n"
                "    - Se [x](mangler.md) og ![y](mangler.md).\n"
                "                                 ^\n"
                "6 fejl\n"));
}

TEST_CASE("an anchor written with %-codes matches the heading it decodes to, and works as href") {
  TempDir tmp;
  fs::path site = site_with_body(tmp,
                                 "Se [B](bestyrelsen.md#%C3%B8konomi-og-ansvar) og "
                                 "[her](#%C3%A6ndringer).\n\n## Ændringer\n");
  CliResult r = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(tmp / "out" / "roles" / "byraadet.html");
  CHECK(html.find("<p>Se <a href=\"../roles/bestyrelsen.html#%C3%B8konomi-og-ansvar\">B</a> og "
                  "<a href=\"#%C3%A6ndringer\">her</a>.</p>") != std::string::npos);
  CHECK(html.find("<h2 id=\"ændringer\">") != std::string::npos);
  CHECK(read_text(tmp / "out" / "roles" / "bestyrelsen.html")
            .find("<h2 id=\"" + percent_decoded("%C3%B8konomi-og-ansvar") + "\">") !=
        std::string::npos);
}

TEST_CASE("an anchor with a %-code that does not decode, or to no heading, is an error") {
  TempDir tmp;
  fs::path site = site_with_body(tmp,
                                 "> [a](bestyrelsen.md#%G1) og [b](#%C3) og "
                                 "[c](bestyrelsen.md#%C3%B8konomi-og-ansvr)\n");
  CliResult r = run({"check", "--site", site.string()});
  CHECK(r.exit_code == 1);
  auto with = [](const std::string& code) {
    return "har en %-kode efter '#', som ikke kan læses: '" + code +
           "'. En %-kode er '%' og to tegn 0-9 eller A-F, og æ, ø og å fylder to koder hver (ø "
           "er %C3%B8); skriv hellere overskriftens id med almindelige bogstaver, fx "
           "#åbne-spørgsmål\n";
  };
  std::string line =
      "    > [a](bestyrelsen.md#%G1) og [b](#%C3) og [c](bestyrelsen.md#%C3%B8konomi-og-ansvr)\n";
  CHECK(r.err ==
        at_page(site, "@:8:7: fejl: linket 'bestyrelsen.md#%G1' " + with("%G1") + line +
                          "          ^\n"
                          "@:8:34: fejl: linket '#%C3' " +
                          with("%C3") + line +
                          "                                     ^\n"
                          "@:8:47: fejl: 'roles/bestyrelsen.md' har ingen overskrift "
                          "med id'et 'økonomi-og-ansvr' (mente du 'økonomi-og-ansvar'?)\n" +
                          line +
                          "                                                  ^\n"
                          "3 fejl\n"));
}
