// handbook mv: a page renamed on a scratch copy of the bundled site. Every reference and link to
// it is rewritten and nothing else changes; both editions check clean; the old address
// redirects to the new one; and each refusal changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>

#include "support.h"

using namespace hb::test;

namespace {

const std::string kOld = "bestyrelsen", kNew = "selskabets-bestyrelse";

// `text` with every reference to the old id that mv rewrites spelt with the new one: the id in
// quotes (a ref field), and the file name in a link ("../roles/bestyrelsen.md#x").
std::string renamed(const std::string& text) {
  std::string out = std::regex_replace(text, std::regex("\"" + kOld + "\""), "\"" + kNew + "\"");
  return std::regex_replace(out, std::regex("([(/<])" + kOld + "\\.md"), "$1" + kNew + ".md");
}

// The text of the renamed page: as it was, with `aliases` before the closing `+++`.
std::string with_alias(const std::string& text) {
  size_t close = text.find("+++\n", 4);
  return renamed(text.substr(0, close)) + "aliases = [\"" + kOld + "\"]\n" +
         renamed(text.substr(close));
}

struct Scratch {
  TempDir dir;
  std::string site = dir.path().string();
  Scratch() { copy_bundled_site(dir.path()); }
  std::map<std::string, std::string> content() const { return read_tree(dir / "content"); }
  CliResult mv(const std::string& collection, const std::string& from, const std::string& to,
               const std::string& lang = "da") {
    return run({"mv", collection, from, to, "--site", site, "--lang", lang});
  }
};

}  // namespace

TEST_CASE("handbook mv renames a page and rewrites only the spans that name it") {
  Scratch s;
  auto before = s.content();
  CliResult r = s.mv("role", kOld, kNew);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.starts_with("handbook: " + s.site + "/content/roles/bestyrelsen.md er omdøbt til " +
                          s.site +
                          "/content/roles/selskabets-bestyrelse.md; den gamle adresse fører til "
                          "den nye (aliases)\n"));
  auto after = s.content();
  CHECK(after.count("roles/bestyrelsen.md") == 0);
  REQUIRE(after.count("roles/selskabets-bestyrelse.md") == 1);
  CHECK(after["roles/selskabets-bestyrelse.md"] == with_alias(before["roles/bestyrelsen.md"]));
  size_t changed = 0;
  for (auto& file : before) {
    const std::string& rel = file.first;
    const std::string& text = file.second;
    if (rel == "roles/bestyrelsen.md") continue;
    CAPTURE(rel);
    REQUIRE(after.count(rel) == 1);
    CHECK(after[rel] == renamed(text));  // the same bytes but for the renamed references
    if (after[rel] != text) {
      ++changed;
      CHECK(r.out.find("handbook: henvisningerne i " + s.site + "/content/" + rel +
                       " er rettet\n") != std::string::npos);
    }
  }
  CHECK(after.size() == before.size());
  CHECK(changed >= 10);  // the bundled handbook names its board on many pages
  for (std::string edition : {"public", "internal"}) {
    CliResult check = run({"check", "--site", s.site, "--profile", edition});
    INFO(check.err);
    CHECK(check.exit_code == 0);
  }
}

TEST_CASE("handbook mv --lang en says what it renamed and rewrote in English") {
  Scratch s;
  CliResult r = s.mv("role", kOld, kNew, "en");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.starts_with("handbook: renamed " + s.site + "/content/roles/bestyrelsen.md to " +
                          s.site +
                          "/content/roles/selskabets-bestyrelse.md; its old address "
                          "leads to the new one (aliases)\n"));
  CHECK(r.out.find("handbook: rewrote the references in " + s.site +
                   "/content/forums/generalforsamling.md\n") != std::string::npos);
}

TEST_CASE("the old address of a renamed page redirects to its new one, in neither index") {
  Scratch s;
  REQUIRE(s.mv("role", kOld, kNew).exit_code == 0);
  fs::path out = s.dir / "out";
  CliResult b = run({"build", "--site", s.site, "--out", out.string()});
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  std::string html = read_text(out / "roles/bestyrelsen.html");
  CHECK(html.find("<meta http-equiv=\"refresh\" content=\"0; url=../roles/"
                  "selskabets-bestyrelse.html\" />") != std::string::npos);
  CHECK(html.find("<link rel=\"canonical\" href=\"https://www.vejle.dk/ejerstrategi/roles/"
                  "selskabets-bestyrelse.html\" />") != std::string::npos);
  CHECK(html.find("<meta name=\"robots\" content=\"noindex\" />") != std::string::npos);
  CHECK(html.find("<p>Siden er flyttet til <a href=\"../roles/selskabets-bestyrelse.html\">"
                  "Selskabets bestyrelse</a>.</p>") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<style") == std::string::npos);
  CHECK(html.find("style=") == std::string::npos);
  CHECK(fs::exists(out / "roles/selskabets-bestyrelse.html"));
  std::string sitemap = read_text(out / "sitemap.xml");
  CHECK(sitemap.find("roles/bestyrelsen.html") == std::string::npos);
  CHECK(sitemap.find("roles/selskabets-bestyrelse.html") != std::string::npos);
  CHECK(read_text(out / "search-index.js").find("roles/bestyrelsen.html") == std::string::npos);
}

TEST_CASE("handbook mv refuses, changing nothing, with a message that says why") {
  Scratch s;
  auto before = s.content();
  // Each refusal in Danish (the site's language) and with --lang en in English.
  auto refused = [&](std::vector<std::string> args, int code, const std::string& da,
                     const std::string& en) {
    args.insert(args.begin(), "mv");
    args.insert(args.end(), {"--site", s.site});
    for (std::string lang : {"da", "en"}) {
      std::vector<std::string> with = args;
      with.insert(with.end(), {"--lang", lang});
      CliResult r = run(with);
      CAPTURE(lang);
      CHECK(r.exit_code == code);
      CHECK(r.err == (lang == "da" ? da : en));
      CHECK(r.out.empty());
      CHECK(s.content() == before);
    }
  };
  std::string roles = s.site + "/content/roles/";
  refused({"role", "bestyrelsn", kNew}, 2,
          "handbook: der er ingen role med id'et 'bestyrelsn': der er ingen fil " + roles +
              "bestyrelsn.md (mente du 'bestyrelsen'?)\n",
          "handbook: there is no role with the id 'bestyrelsn': no file " + roles +
              "bestyrelsn.md (did you mean 'bestyrelsen'?)\n");
  refused({"role", kOld, "borgmester"}, 2,
          "handbook: der er allerede en role med id'et 'borgmester': " + roles +
              "borgmester.md; vælg et andet id\n",
          "handbook: there is a role with the id 'borgmester' already: " + roles +
              "borgmester.md; choose another id\n");
  refused({"role", kOld, "ny bestyrelse"}, 2,
          "handbook: id'et 'ny bestyrelse' indeholder et mellemrum, som ødelægger webadresser: "
          "brug bogstaver, tal, '-', '_' og '.'\n",
          "handbook: the id 'ny bestyrelse' contains a space, which breaks web addresses: use "
          "letters, digits, '-', '_' and '.'\n");
  refused({"role", kOld, "roller/ny"}, 2,
          "handbook: id'et 'roller/ny' indeholder '/': et id er sidens filnavn uden '.md' og "
          "uden mapper\n",
          "handbook: the id 'roller/ny' contains '/': an id is the page's file name without "
          "'.md', without folders\n");
  refused({"role", kOld, "ny.md"}, 2, "handbook: skriv id'et uden '.md': 'ny'\n",
          "handbook: write the id without '.md': 'ny'\n");
  refused({"role", kOld, ".ny"}, 2,
          "handbook: id'et '.ny' begynder med '.', og så ville siden være skjult: skjulte filer "
          "bliver aldrig offentliggjort\n",
          "handbook: the id '.ny' starts with '.', which would hide the page: hidden files are "
          "never published\n");
  refused({"role", kOld, "_index"}, 2,
          "handbook: '_index' er navnet på afsnittets egen side (content/roles/_index.md), ikke "
          "på en side i samlingen: vælg et andet id\n",
          "handbook: '_index' is the name of the section's own page (content/roles/_index.md), "
          "not of a page in the collection: choose another id\n");
  refused({"role", kOld, "index"}, 2,
          "handbook: id'et 'index' ville tage adressen fra afsnittets oversigtsside, "
          "roles/index.html: vælg et andet id\n",
          "handbook: the id 'index' would take the address of the section's list page, "
          "roles/index.html: choose another id\n");
  refused({"role", kOld, kOld}, 2, "handbook: det nye id er allerede sidens id: 'bestyrelsen'\n",
          "handbook: the new id is the page's id already: 'bestyrelsen'\n");
  refused({"rolle", kOld, kNew}, 2,
          "handbook: der er ingen samling, der hedder 'rolle' (mente du 'role'?): samlingerne i "
          "handbook.toml er vision, role, forum, case, guide, source, page\n",
          "handbook: unknown collection 'rolle' (did you mean 'role'?): the collections in "
          "handbook.toml are vision, role, forum, case, guide, source, page\n");
}

TEST_CASE("handbook mv without its three words says how it is used") {
  CliResult r = run({"mv", "role", kOld, "--site", "."});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "handbook: mv skal have en samling, sidens id og dens nye id: handbook mv <samling> "
        "<gammelt-id> <nyt-id>\nSkriv 'handbook --help' for at se, hvordan kommandoen bruges.\n");
  r = run({"mv", "role", kOld, kNew, "x", "--site", ".", "--lang", "en"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "handbook: mv takes a collection and two ids, not also 'x'\nRun 'handbook --help' for "
        "usage.\n");
}

TEST_CASE("handbook mv renames nothing in a site that has errors") {
  Scratch s;
  fs::path page = s.dir / "content/forums/generalforsamling.md";
  std::string text = read_text(page);
  size_t at = text.find("\"ejerrepraesentant\"");
  REQUIRE(at != std::string::npos);
  write_file(page, text.replace(at, 19, "\"ejerrepresentant\""));
  auto before = s.content();
  CliResult r = s.mv("role", kOld, kNew);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("fejl: feltet 'participants' (Deltagere) nævner 'ejerrepresentant', men der er "
                   "ingen role "
                   "med det id (mente du 'ejerrepraesentant'?)") != std::string::npos);
  CHECK(r.err.ends_with(
      "handbook: sitet har fejl: ret dem, og kør 'handbook check', før du omdøber siden\n"));
  CHECK(s.content() == before);
  r = s.mv("role", kOld, kNew, "en");
  CHECK(r.exit_code == 1);
  CHECK(
      r.err.find(
          "error: field 'participants' (Deltagere) names 'ejerrepresentant', but there is no role "
          "with that id (did you mean 'ejerrepraesentant'?)") != std::string::npos);
  CHECK(
      r.err.ends_with("handbook: the site has errors: fix them and run 'handbook check', then "
                      "rename the page\n"));
  CHECK(s.content() == before);
}

TEST_CASE("a page renamed twice keeps both earlier ids, and both addresses lead to the page") {
  Scratch s;
  REQUIRE(s.mv("role", kOld, kNew).exit_code == 0);
  CliResult r = s.mv("role", kNew, "bestyrelse");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string text = read_text(s.dir / "content/roles/bestyrelse.md");
  CHECK(text.find("aliases = [\"bestyrelsen\", \"selskabets-bestyrelse\"]\n+++\n") !=
        std::string::npos);
  fs::path out = s.dir / "out";
  REQUIRE(
      run({"build", "--site", s.site, "--profile", "internal", "--out", out.string()}).exit_code ==
      0);
  for (std::string old : {"bestyrelsen", "selskabets-bestyrelse"})
    CHECK(read_text(out / ("roles/" + old + ".html")).find("url=../roles/bestyrelse.html") !=
          std::string::npos);
}

TEST_CASE("handbook mv renames nothing when a link to the page is spelt so it cannot rewrite it") {
  Scratch s;
  fs::path page = s.dir / "content/forums/generalforsamling.md";
  std::string text = read_text(page);
  text += "\nSe [bestyrelsen](../roles/bestyrels%65n.md).\n";
  write_file(page, text);
  int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) - 0;
  auto before = s.content();
  CliResult r = s.mv("role", kOld, kNew);
  CHECK(r.exit_code == 2);
  std::string source = "Se [bestyrelsen](../roles/bestyrels%65n.md).";
  CHECK(r.err == s.site + "/content/forums/generalforsamling.md:" + std::to_string(line) +
                     ":18: fejl: linket '../roles/bestyrels%65n.md' nævner 'bestyrelsen' på "
                     "en måde, som handbook mv ikke kan rette: skriv 'bestyrelsen' (eller "
                     "filnavnet bestyrelsen.md), og kør mv igen\n    " +
                     source + "\n                     ^\n1 fejl\nhandbook: intet blev omdøbt: " +
                     s.site + "/content/roles/bestyrelsen.md er uændret\n");
  CHECK(s.content() == before);
  r = s.mv("role", kOld, kNew, "en");
  CHECK(r.exit_code == 2);
  CHECK(r.err == s.site + "/content/forums/generalforsamling.md:" + std::to_string(line) +
                     ":18: error: the link '../roles/bestyrels%65n.md' names 'bestyrelsen' in "
                     "a way that handbook mv cannot rewrite: write it as 'bestyrelsen' (or its "
                     "file name as bestyrelsen.md), then run mv again\n    " +
                     source + "\n                     ^\n1 error\nhandbook: nothing was renamed: " +
                     s.site + "/content/roles/bestyrelsen.md stays as it is\n");
  CHECK(s.content() == before);
}
