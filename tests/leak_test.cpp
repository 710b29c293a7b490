// The public edition must contain no trace of internal material, in any output file; the
// internal edition must contain all of it, so that the test cannot pass by building nothing.
// Canary words are planted in tests/fixtures/leak: an internal page (title, summary, body, term),
// an internal passage (text, heading, link, link reference), internal-only fields (a table and
// a string), a collection that is internal by default, an internal forum (reverse references,
// the annual wheel, the matrix) and an asset linked only from an internal passage. Passages stand
// in every place Markdown allows them (a quote, a list item, a table cell, a heading, a paragraph,
// a footnote, a `markdown` field), hold link and footnote definitions that public text uses, and
// one page has CR line endings. In a repository, the history (dates, the page "Ændringer" and
// feed.xml) must tell the public edition nothing of internal material either.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "git_support.h"
#include "support.h"
#include "view/view.h"

using namespace hb::test;

namespace {

const std::vector<std::string> kCanaries = {
    "kanarieside",       "kanarieresume", "kanarietekst", "kanarietema",
    "kanarieoverskrift", "kanarieblok",   "kanarieurl",   "kanarienavn",
    "kanarietelefon",    "kanarienotat",  "kanarieforum", "kanarieformaal",
    "kanarienote",       "kanarienoter",  "kanariebilag", "kanariebilagsindhold"};

// The canaries of internal passages in a public page (roles/placeringer.md, the forum's
// `purpose`, and roles/vognretur.md, written by leak_site with CR line endings).
const std::vector<std::string> kPassageCanaries = {
    "kanariecitat",        "kanariepunkt", "kanariecelle",      "kanarieoverskriftsled",
    "kanarieinline",       "kanarielink",  "kanariedefinition", "kanariefodnote",
    "kanariefodnotetekst", "kanariefelt",  "kanarievognretur"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Every output file's path and content, lower-cased, as one text to search.
std::string everything(const fs::path& dir) {
  std::string all;
  for (auto& [rel, text] : read_tree(dir))
    all += lower(rel) + "\n" + lower(text) + "\n";
  return all;
}

fs::path leak_site(const TempDir& tmp) {
  fs::path site = tmp / "site";
  copy_tree(fixture("leak"), site);
  copy_tree(source_dir() / "templates", site / "templates");
  copy_tree(source_dir() / "theme", site / "theme");
  write_file(site / "content/roles/vognretur.md",
             "+++\ntitle = \"Vognretur\"\ngroup = \"selskab\"\n+++\n\rOffentlig tekst.\r\r"
             "<!-- internal -->\rKanarievognretur.\r<!-- /internal -->\r\r> Citat.\r> <!-- "
             "internal -->\r> kanarievognretur\r> <!-- /internal -->\r");
  return site;
}

}  // namespace

TEST_CASE("the public edition contains no canary, the internal edition every canary") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    auto r = run({"build", "--site", site.string(), "--profile", profile, "--out",
                  (tmp / profile).string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::string all = everything(tmp / profile);
    std::vector<std::string> canaries = kCanaries;
    canaries.insert(canaries.end(), kPassageCanaries.begin(), kPassageCanaries.end());
    for (auto& canary : canaries) {
      CAPTURE(canary);
      bool found = all.find(canary) != std::string::npos;
      // The bundled forum template shows no free-text notes, so that canary can only be absent.
      if (canary == "kanarienotat" && profile == "internal") continue;
      CHECK(found == (profile == "internal"));
    }
    // The pages with passages are there, and so is their public text, in the pages and in the
    // search index.
    std::string index = lower(read_text(tmp / profile / "search-index.js"));
    CHECK(index.find("placeringer") != std::string::npos);
    CHECK(index.find("indledning") != std::string::npos);
    CHECK(all.find("offentlig sætning") != std::string::npos);
    CHECK(all.find("et offentligt citat") != std::string::npos);
    CHECK(all.find("en offentlig fodnote") != std::string::npos);
    CHECK(all.find("et offentligt møde.") != std::string::npos);
    CHECK(lower(read_text(tmp / profile / "roles/vognretur.html")).find("offentlig tekst") !=
          std::string::npos);
    bool boxed = all.find("intern passage") != std::string::npos;
    CHECK(boxed == (profile == "internal"));
  }
}

TEST_CASE("the public booklet contains no passage canary, the internal one every one") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    fs::path html = tmp / ("booklet-" + profile + ".html");
    auto r =
        run({"booklet", "--site", site.string(), "--profile", profile, "--out", html.string()});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    std::string text = lower(read_text(html));
    CHECK(text.find("placeringer") != std::string::npos);
    for (auto& canary : kPassageCanaries) {
      CAPTURE(canary);
      CHECK((text.find(canary) != std::string::npos) == (profile == "internal"));
    }
    for (auto& canary : kCanaries)
      if (profile == "public") CHECK(text.find(canary) == std::string::npos);
  }
}

TEST_CASE("the internal edition is marked and not indexed, and the public one names its sitemap") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  REQUIRE(run({"build", "--site", site.string(), "--profile", "internal", "--out",
               (tmp / "i").string()})
              .exit_code == 0);
  REQUIRE(
      run({"build", "--site", site.string(), "--profile", "public", "--out", (tmp / "p").string()})
          .exit_code == 0);
  std::string page = read_text(tmp / "i/roles/ejer.html");
  CHECK(page.find("<meta name=\"robots\" content=\"noindex\" />") != std::string::npos);
  CHECK(page.find("Intern version") != std::string::npos);
  CHECK(read_text(tmp / "i/robots.txt") == "User-agent: *\nDisallow: /\n");
  std::string pub = read_text(tmp / "p/roles/ejer.html");
  CHECK(pub.find("noindex") == std::string::npos);
  CHECK(pub.find("Intern version") == std::string::npos);
  CHECK(read_text(tmp / "p/robots.txt") ==
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/laek/sitemap.xml\n");
}

// A collection internal by default makes its pages internal by their folder: a link to one of
// them, placed in a public folder, must not make it a public page.
TEST_CASE("a symbolic link in a public folder to an internal collection's page publishes nothing") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  fs::create_symlink("../notes/note.md", site / "content/roles/note.md");
  auto r =
      run({"build", "--site", site.string(), "--profile", "public", "--out", (tmp / "p").string()});
  CHECK(r.exit_code == 1);
  std::string path = (site / "content/roles/note.md").lexically_normal().generic_string();
  CHECK(r.err == path +
                     ": fejl: content/roles/note.md er et symbolsk link: en side får sin samling "
                     "og sin udgave af den mappe, "
                     "den står i, så en side læses aldrig gennem et link (det kunne gøre en "
                     "intern side offentlig): læg selve filen der\n1 fejl\n");
  CHECK(!fs::exists(tmp / "p"));
}

TEST_CASE("a public page that links or refers to an internal page fails the public check") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  write_file(
      site / "content/forums/moede.md",
      "+++\ntitle = \"Møde\"\npurpose = \"x\"\nparticipants = [\"intern\"]\nfrequency = \"årlig\"\n"
      "+++\n\nSe [den interne](../roles/intern.md).\n");
  auto pub = run({"check", "--site", site.string(), "--profile", "public"});
  CHECK(pub.exit_code == 1);
  CHECK(pub.err.find("content/forums/moede.md:4:17: fejl: role 'intern' er intern og udelades af "
                     "udgaven 'public'") != std::string::npos);
  CHECK(pub.err.find("content/forums/moede.md:8:18: fejl: den linkede side 'roles/intern.md' er "
                     "intern") != std::string::npos);
  CHECK(run({"check", "--site", site.string(), "--profile", "internal"}).exit_code == 0);
}

namespace {

bool pdf_tools_missing() {
  std::string why = missing_pdf_tools();
  if (!why.empty()) skip_test("the PDF leak test: " + why);
  return !why.empty();
}

}  // namespace

TEST_CASE("the public booklet's PDF contains no canary, the internal one every canary it shows") {
  if (pdf_tools_missing()) return;
  TempDir tmp;
  fs::path site = leak_site(tmp);
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    fs::path html = tmp / ("booklet-" + profile + ".html");
    auto r = run({"booklet", "--site", site.string(), "--profile", profile, "--out", html.string(),
                  "--pdf"});
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    fs::path pdf = html;
    pdf.replace_extension(".pdf");
    fs::path txt = tmp / (profile + ".txt");
    REQUIRE(std::system(("pdftotext '" + pdf.string() + "' '" + txt.string() + "'").c_str()) == 0);
    std::string text = lower(read_text(txt));
    REQUIRE(text.size() > 200);
    size_t found = 0;
    for (auto& canary : kCanaries) {
      CAPTURE(canary);
      bool in = text.find(canary) != std::string::npos;
      if (profile == "public") CHECK(!in);
      found += in;
    }
    // The booklet shows pages, passages and contact fields: most canaries must be there.
    if (profile == "internal") CHECK(found >= 8);
  }
}

// The leak site in a repository: a commit that changes only internal material (a passage, an
// internal field, an internal page) must leave every public file as it was, feed included, and
// no commit subject or author may reach the public edition.
TEST_CASE(
    "in a repository, a commit of internal material leaves the public edition byte-identical") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  sh("git init -q " + quoted(site.string()));
  commit(site, "Kanarienotat: første udgave", "2026-01-10T09:00:00+01:00", "Kanarieforfatter");
  auto build = [&](const std::string& profile, const std::string& out) {
    auto r = run(
        {"build", "--site", site.string(), "--profile", profile, "--out", (tmp / out).string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  };
  build("public", "p1");
  build("internal", "i1");
  auto edit = [&](const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = read_text(site / rel);
    REQUIRE(text.find(from) != std::string::npos);
    write_file(site / rel, text.replace(text.find(from), from.size(), to));
  };
  edit("content/roles/ejer.md", "Kanarieblok fortæller", "Kanarieblok fortæller nu");
  edit("content/roles/ejer.md", "Kanarietelefon", "Kanarietelefon 2");
  edit("content/roles/placeringer.md", "Kanariecitat i et citat.", "Kanariecitat, ændret.");
  edit("content/roles/intern.md", "Kanarietekst", "Kanarietekst ændret:");
  commit(site, "Kanarienotat: intern rettelse", "2026-02-11T09:00:00+01:00", "Kanarieforfatter");
  build("public", "p2");
  build("internal", "i2");
  CHECK(read_tree(tmp / "p1") == read_tree(tmp / "p2"));
  CHECK(read_tree(tmp / "i1") != read_tree(tmp / "i2"));
  std::string pub = everything(tmp / "p2");
  CHECK(pub.find("kanarieforfatter") == std::string::npos);
  CHECK(pub.find("kanarienotat") == std::string::npos);
  CHECK(pub.find("kanarieside") == std::string::npos);
  std::string internal = everything(tmp / "i2");
  CHECK(internal.find("kanarieforfatter") != std::string::npos);
  CHECK(internal.find("kanarienotat: intern rettelse") != std::string::npos);
}

TEST_CASE("a public page's field linking to an internal page publishes no trace of it") {
  TempDir tmp;
  fs::path site = leak_site(tmp);
  write_file(site / "content/forums/moede.md",
             "+++\ntitle = \"Møde\"\npurpose = \"Offentligt. Se [den](../roles/intern.md) og "
             "[igen](/roles/intern.md#x).\"\nparticipants = [\"ejer\"]\nfrequency = \"årlig\"\n"
             "+++\n\nMødet er offentligt.\n");
  CliResult pub = run({"check", "--site", site.string(), "--profile", "public"});
  CHECK(pub.exit_code == 1);
  std::string path = (site / "content/forums/moede.md").lexically_normal().generic_string();
  std::string line =
      "    purpose = \"Offentligt. Se [den](../roles/intern.md) og "
      "[igen](/roles/intern.md#x).\"\n";
  CHECK(pub.err == path +
                       ":3:33: fejl: den linkede side 'roles/intern.md' er intern og udelades "
                       "af udgaven 'public': fjern henvisningen, markér passagen som intern, "
                       "eller gør siden offentlig\n" +
                       line + "                                    ^\n" + path +
                       ":3:63: fejl: linket '/roles/intern.md#x' begynder med '/', så det "
                       "virker hverken på sitet eller i GitHubs visning af filen: skriv stien "
                       "fra denne side, ../roles/intern.md#x\n" +
                       line +
                       "                                                                  ^\n"
                       "2 fejl\n");
  // Nothing is built, and what the public edition would show of the field names nothing of it.
  CliResult b = run(
      {"build", "--site", site.string(), "--profile", "public", "--out", (tmp / "out").string()});
  CHECK(b.exit_code == 1);
  CHECK(!fs::exists(tmp / "out/forums/moede.html"));
  BuiltSite built(site.string(), false);
  CHECK(built.errors == 2);
  int i = built.site.find("forums/moede.md");
  REQUIRE(i >= 0);
  hb::Value view = hb::page_view(built.site, i, hb::common_view(built.site));
  std::string purpose = view["page"]["fields"]["purpose"].to_string();
  CHECK(purpose == "<p>Offentligt. Se <a href=\"#\">den</a> og <a href=\"#\">igen</a>.</p>");
  std::string page = hb::page_body_html(built.site, i) + purpose;
  CHECK(page.find("intern.html") == std::string::npos);
  CHECK(page.find("Kanarieside") == std::string::npos);
  // The internal edition links to it.
  BuiltSite internal(site.string(), true);
  int k = internal.site.find("forums/moede.md");
  REQUIRE(k >= 0);
  hb::Value iview = hb::page_view(internal.site, k, hb::common_view(internal.site));
  CHECK(iview["page"]["fields"]["purpose"].to_string().find(
            "<a href=\"../roles/intern.html\">den</a>") != std::string::npos);
}
