// History: scratch repositories with a known history (made with the git command line, fixed
// dates, no network). Pages show the day of their last change; the internal edition shows each
// page's history; a commit that changes only internal material leaves the public edition byte
// for byte as it was; feed.xml is Atom; review dates; a copy without .git; a shallow clone.
#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>
#include <set>

#include <tinyxml2.h>

#include "git_support.h"
#include "support.h"

using namespace hb::test;

namespace {

// A repository whose folder `site` holds the leak fixture with the bundled templates, committed
// on 10 January 2026; then roles/ejer.md's public text changed on 5 March 2026.
struct ScratchRepo {
  TempDir tmp;
  fs::path repo = tmp / "repo";
  fs::path site = repo / "site";
  ScratchRepo() {
    copy_tree(fixture("leak"), site);
    copy_tree(source_dir() / "templates", site / "templates");
    copy_tree(source_dir() / "theme", site / "theme");
    std::string toml = read_text(site / "handbook.toml");
    write_file(site / "handbook.toml",
               toml +
                   "\n[strategy]\nstatus = \"vedtaget\"\ndecided_by = \"Prøve Byråd\"\n"
                   "decided_on = 2026-02-01\nversion_tags = \"v*\"\n\n[repository]\n"
                   "url = \"https://github.com/example/haandbog\"\nbranch = \"main\"\n");
    sh("git init -q " + quoted(repo.string()));
    commit(repo, "Første udgave", "2026-01-10T09:00:00+01:00");
    sh("cd " + quoted(repo.string()) + " && git tag v1");
    edit("content/roles/ejer.md", "Offentlig tekst.", "Offentlig tekst, nu ændret.");
    commit(repo, "Ejerens ansvar skærpet", "2026-03-05T10:00:00+01:00", "Bo Sekretær");
  }
  void edit(const std::string& rel, const std::string& from, const std::string& to) {
    std::string text = read_text(site / rel);
    size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    write_file(site / rel, text.replace(at, from.size(), to));
  }
  CliResult build(const std::string& profile, const fs::path& out) const {
    return run({"build", "--site", site.string(), "--profile", profile, "--out", out.string()});
  }
};

bool has(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

std::string changed(const std::string& day, const std::string& date) {
  return "Senest ændret <time datetime=\"" + day + "\">" + date + "</time>";
}

// Checks that `path` is an Atom feed with the elements RFC 4287 requires; returns its entries'
// titles.
std::vector<std::string> atom_titles(const fs::path& path) {
  tinyxml2::XMLDocument doc;
  REQUIRE(doc.LoadFile(path.c_str()) == tinyxml2::XML_SUCCESS);
  const tinyxml2::XMLElement* feed = doc.RootElement();
  REQUIRE(feed);
  CHECK(std::string(feed->Name()) == "feed");
  CHECK(std::string(feed->Attribute("xmlns")) == "http://www.w3.org/2005/Atom");
  std::regex timestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d))");
  for (const char* name : {"id", "title", "updated"}) {
    CAPTURE(name);
    REQUIRE(feed->FirstChildElement(name));
    CHECK(feed->FirstChildElement(name)->GetText());
  }
  CHECK(std::regex_match(feed->FirstChildElement("updated")->GetText(), timestamp));
  CHECK(feed->FirstChildElement("author"));
  std::vector<std::string> titles;
  std::set<std::string> ids;
  for (auto* e = feed->FirstChildElement("entry"); e; e = e->NextSiblingElement("entry")) {
    for (const char* name : {"id", "title", "updated"}) {
      CAPTURE(name);
      REQUIRE(e->FirstChildElement(name));
      REQUIRE(e->FirstChildElement(name)->GetText());
    }
    std::string id = e->FirstChildElement("id")->GetText();
    CHECK(std::regex_match(id, std::regex(R"([a-z]+:[^\s]+)")));
    CHECK(ids.insert(id).second);
    CHECK(std::regex_match(e->FirstChildElement("updated")->GetText(), timestamp));
    titles.push_back(e->FirstChildElement("title")->GetText());
  }
  return titles;
}

}  // namespace

TEST_CASE("pages show the day of their last commit, and the internal edition their history") {
  ScratchRepo s;
  auto pub = s.build("public", s.tmp / "p");
  INFO(pub.err);
  REQUIRE(pub.exit_code == 0);
  CHECK(pub.err.empty());
  REQUIRE(s.build("internal", s.tmp / "i").exit_code == 0);
  std::string p_ejer = read_text(s.tmp / "p/roles/ejer.html");
  std::string i_ejer = read_text(s.tmp / "i/roles/ejer.html");
  CHECK(has(p_ejer, changed("2026-03-05", "5. marts 2026") + "</p>"));
  CHECK(
      has(read_text(s.tmp / "p/roles/placeringer.html"), changed("2026-01-10", "10. januar 2026")));
  // The internal edition names the author and lists the commits, with links.
  CHECK(has(i_ejer, changed("2026-03-05", "5. marts 2026") + " af Bo Sekretær</p>"));
  CHECK(has(i_ejer,
            "<li><time>5. marts 2026</time> · Bo Sekretær · <a "
            "href=\"https://github.com/example/haandbog/commit/"));
  CHECK(has(i_ejer, "\">Ejerens ansvar skærpet</a>"));
  CHECK(has(i_ejer, "<li><time>10. januar 2026</time> · Anne Redaktør · "));
  // The public edition shows neither authors nor commit subjects, anywhere.
  for (auto& file : read_tree(s.tmp / "p")) {
    const std::string& rel = file.first;
    const std::string& text = file.second;
    CAPTURE(rel);
    CHECK(!has(text, "Bo Sekretær"));
    CHECK(!has(text, "Anne Redaktør"));
    CHECK(!has(text, "Ejerens ansvar"));
    CHECK(!has(text, "Første udgave"));
  }
  // The sitemap says the same day; the page of changes lists the change by month.
  CHECK(has(read_text(s.tmp / "p/sitemap.xml"),
            "<loc>https://example.org/laek/roles/ejer.html</loc>\n        "
            "<lastmod>2026-03-05</lastmod>"));
  std::string changes = read_text(s.tmp / "p/aendringer.html");
  CHECK(has(changes,
            "<h2>Marts 2026</h2>\n<ul class=\"change-list\">\n<li><time>5. marts "
            "2026</time> · <span class=\"change-kind\">Ændret</span>: <a "
            "href=\"roles/ejer.html\">Ejeren</a></li>"));
  CHECK(has(changes, "<h2>Januar 2026</h2>"));
  // The strategy's life and its approved versions.
  std::string home = read_text(s.tmp / "p/index.html");
  CHECK(has(home, "<div><dt>Status</dt><dd>Vedtaget</dd></div>"));
  CHECK(has(home, "<div><dt>Vedtaget af</dt><dd>Prøve Byråd, 1. februar 2026</dd></div>"));
  CHECK(has(read_text(s.tmp / "p/versioner.html"),
            "<li><strong>v1</strong> · <time>10. januar 2026</time></li>"));
  CHECK(has(home, "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\""));
}

TEST_CASE("a commit that changes only internal material leaves the public edition byte-identical") {
  ScratchRepo s;
  REQUIRE(s.build("public", s.tmp / "p1").exit_code == 0);
  REQUIRE(s.build("internal", s.tmp / "i1").exit_code == 0);
  s.edit("content/roles/placeringer.md", "Kanariepunkt i et listepunkt.",
         "Kanariepunkt i et listepunkt, nu med en hemmelig tilføjelse.");
  s.edit("content/roles/ejer.md", "Kanarietelefon", "Kanarietelefon 12 34 56 78");
  commit(s.repo, "Hemmeligt: ny telefon til kanarien", "2026-04-01T12:00:00+02:00",
         "Cecilie Intern");
  REQUIRE(s.build("public", s.tmp / "p2").exit_code == 0);
  REQUIRE(s.build("internal", s.tmp / "i2").exit_code == 0);
  CHECK(read_tree(s.tmp / "p1") == read_tree(s.tmp / "p2"));  // feed.xml and sitemap included
  CHECK(read_tree(s.tmp / "i1") != read_tree(s.tmp / "i2"));
  std::string i_ejer = read_text(s.tmp / "i2/roles/ejer.html");
  CHECK(has(i_ejer, changed("2026-04-01", "1. april 2026") + " af Cecilie Intern</p>"));
  CHECK(has(read_text(s.tmp / "i2/feed.xml"),
            "<summary>Hemmeligt: ny telefon til kanarien</summary>"));
  // A public change after it dates the page in public.
  s.edit("content/roles/placeringer.md", "Et offentligt punkt.", "Et offentligt punkt, ændret.");
  commit(s.repo, "Punkt", "2026-05-02T08:00:00+02:00");
  REQUIRE(s.build("public", s.tmp / "p3").exit_code == 0);
  CHECK(has(read_text(s.tmp / "p3/roles/placeringer.html"), changed("2026-05-02", "2. maj 2026")));
  CHECK(has(read_text(s.tmp / "p3/roles/ejer.html"), changed("2026-03-05", "5. marts 2026")));
}

TEST_CASE("feed.xml is an Atom feed in both editions, the public one without commit subjects") {
  ScratchRepo s;
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    REQUIRE(s.build(profile, s.tmp / profile).exit_code == 0);
    auto titles = atom_titles(s.tmp / profile / "feed.xml");
    REQUIRE(!titles.empty());
    CHECK(titles.front() == "Ændret: Ejeren");
    bool internal_page = false;
    for (auto& t : titles)
      internal_page |= has(t, "Kanarieside");
    CHECK(internal_page == (profile == "internal"));
    std::string feed = read_text(s.tmp / profile / "feed.xml");
    CHECK(has(feed, "Ejerens ansvar skærpet") == (profile == "internal"));
  }
}

TEST_CASE("uncommitted changes, renames and a copy without .git") {
  ScratchRepo s;
  s.edit("content/roles/ejer.md", "Offentlig tekst, nu ændret.", "Offentlig tekst, igen.");
  REQUIRE(s.build("internal", s.tmp / "i").exit_code == 0);
  // Changed now: the day of the commit checked out, never the build's clock.
  CHECK(has(read_text(s.tmp / "i/roles/ejer.html"),
            changed("2026-03-05", "5. marts 2026") +
                " <span class=\"uncommitted\">(ikke committet)</span></p>"));
  sh("cd " + quoted(s.site.string()) +
     " && git mv content/roles/placeringer.md content/roles/placering.md");
  commit(s.repo, "Omdøbt", "2026-06-01T09:00:00+02:00");
  REQUIRE(s.build("internal", s.tmp / "i2").exit_code == 0);
  std::string renamed = read_text(s.tmp / "i2/roles/placering.html");
  CHECK(has(renamed, "Omdøbt"));
  CHECK(has(renamed, "Første udgave"));
  // Outside any repository: no history, no problem, the front matter's date.
  TempDir copy;
  copy_tree(s.site, copy / "site");
  s.edit("content/roles/placering.md", "title = \"Placeringer\"",
         "title = \"Placeringer\"\ndate = 2025-12-24");
  copy_tree(s.site / "content/roles", copy / "site/content/roles");
  auto r = run({"build", "--site", (copy / "site").string(), "--out", (copy / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(has(read_text(copy / "out/roles/placering.html"),
            changed("2025-12-24", "24. december 2025")));
  CHECK(!has(read_text(copy / "out/roles/ejer.html"), "Senest ændret"));
}

TEST_CASE("a shallow clone builds with one warning that its dates are incomplete") {
  ScratchRepo s;
  fs::path clone = s.tmp / "clone";
  sh("git clone -q --depth 1 " + quoted("file://" + s.repo.string()) + " " +
     quoted(clone.string()) + " 2>/dev/null");
  auto r = run({"build", "--site", (clone / "site").string(), "--out", (s.tmp / "out").string()});
  CHECK(r.exit_code == 0);
  std::string warning =
      "advarsel: arkivet er en overfladisk kopi (shallow clone), så historikken er "
      "ufuldstændig, og siderne kan vise en for sen dato for seneste ændring: hent hele "
      "historikken (i GitHub Actions: actions/checkout med 'fetch-depth: 0'; ellers: git fetch "
      "--unshallow)\n";
  size_t first = r.err.find(warning);
  CHECK(first != std::string::npos);
  CHECK(r.err.find("shallow", first + warning.size()) == std::string::npos);
}

namespace {

// The leak fixture with the bundled templates and theme, in tmp/site; returns its role page
// content/roles/ejer.md.
fs::path leak_site_with_theme(const TempDir& tmp) {
  copy_tree(fixture("leak"), tmp / "site");
  copy_tree(source_dir() / "templates", tmp / "site/templates");
  copy_tree(source_dir() / "theme", tmp / "site/theme");
  return tmp / "site/content/roles/ejer.md";
}

}  // namespace

TEST_CASE("check warns of a page past its review date at the field, and --fail-on-overdue fails") {
  TempDir tmp;
  fs::path page = leak_site_with_theme(tmp);
  std::string text = read_text(page);
  write_file(page, "+++\nowner = \"bestyrelsen\"\nreview_by = 2026-01-01\n" + text.substr(4));
  std::string where = (tmp / "site/content/roles/ejer.md").string() + ":3:13: ";
  std::string message =
      "siden skulle have været revideret senest 1. januar 2026 (review_by = 2026-01-01): "
      "bed 'bestyrelsen' om at tjekke, at den stadig er rigtig, og sæt så en ny dato i "
      "review_by\n";
  auto warned = run({"check", "--site", (tmp / "site").string(), "--today", "2026-06-01"});
  CHECK(warned.exit_code == 0);
  CHECK(warned.out == "handbook: udgaven 'public' er tjekket: ingen fejl, 1 advarsel\n");
  CHECK(has(warned.err, where + "advarsel: " + message));
  CHECK(has(warned.err, "\n    review_by = 2026-01-01\n                ^\n"));
  auto failed = run(
      {"check", "--site", (tmp / "site").string(), "--today", "2026-06-01", "--fail-on-overdue"});
  CHECK(failed.exit_code == 1);
  CHECK(has(failed.err, where + "fejl: " + message));
  auto early = run(
      {"check", "--site", (tmp / "site").string(), "--today", "2025-12-31", "--fail-on-overdue"});
  CHECK(early.exit_code == 0);
  CHECK(early.err.empty());
  auto bad = run({"check", "--site", (tmp / "site").string(), "--today", "juni"});
  CHECK(bad.exit_code == 2);
  CHECK(has(bad.err, "handbook: --today skal være en dato som 2026-12-05, ikke 'juni'\n"));
}

TEST_CASE("a page's owner must be a page of [strategy] owners, at the field, with a suggestion") {
  TempDir tmp;
  fs::path page = leak_site_with_theme(tmp);
  std::string text = read_text(page);
  write_file(page, "+++\nowner = \"intrn\"\n" + text.substr(4));
  auto unchecked = run({"check", "--site", (tmp / "site").string()});
  CHECK(unchecked.exit_code == 0);  // no [strategy] owners: any id
  std::string toml = read_text(tmp / "site/handbook.toml");
  write_file(tmp / "site/handbook.toml", toml + "\n[strategy]\nowners = \"role\"\n");
  auto r = run({"check", "--site", (tmp / "site").string()});
  CHECK(r.exit_code == 1);
  CHECK(has(r.err, page.string() +
                       ":2:9: fejl: feltet 'owner' (Ejer) nævner 'intrn', men der er ingen role "
                       "med det id (mente du 'intern'?)\n    owner = \"intrn\"\n            ^\n"));
  write_file(tmp / "site/handbook.toml", toml + "\n[strategy]\nowners = \"roles\"\n");
  auto wrong = run({"check", "--site", (tmp / "site").string()});
  CHECK(wrong.exit_code == 1);
  CHECK(has(wrong.err, "owners nævner samlingen 'roles', men den findes ikke (mente du 'role'?)"));
  write_file(page, "+++\nowner = \"intern\"\n" + text.substr(4));
  write_file(tmp / "site/handbook.toml", toml + "\n[strategy]\nowners = \"role\"\n");
  auto fixed = run({"check", "--site", (tmp / "site").string()});
  INFO(fixed.err);
  CHECK(fixed.exit_code == 0);
}

TEST_CASE("what each commit changed is kept in .git/handbook and read again by the next build") {
  ScratchRepo s;
  REQUIRE(s.build("internal", s.tmp / "first").exit_code == 0);
  fs::path folder = s.repo / ".git/handbook";
  std::vector<fs::path> files;
  for (auto& e : fs::directory_iterator(folder))
    if (e.path().filename().string().starts_with("commit-changes-")) files.push_back(e.path());
  REQUIRE(files.size() == 1);
  const fs::path cache = files.front();
  std::string kept = read_text(cache);
  CHECK(has(kept, "roles/ejer.md"));
  auto first = read_tree(s.tmp / "first");

  SUBCASE("the same output with the cache as without it") {
    auto r = s.build("internal", s.tmp / "again");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(read_tree(s.tmp / "again") == first);
    CHECK(read_text(cache) == kept);  // nothing new to keep
  }
  SUBCASE("a damaged cache is ignored and written anew") {
    write_file(cache, kept.substr(0, kept.size() / 2));
    auto r = s.build("internal", s.tmp / "damaged");
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(read_tree(s.tmp / "damaged") == first);
    CHECK(read_text(cache) == kept);
  }
  SUBCASE("the build takes the commits' changes from the cache") {
    // A cache that names another file instead of roles/ejer.md: the page then has no commits.
    std::string doctored = kept;
    for (size_t at = doctored.find("roles/ejer.md"); at != std::string::npos;
         at = doctored.find("roles/ejer.md", at))
      doctored.replace(at, 13, "roles/xjer.md");
    write_file(cache, doctored);
    REQUIRE(s.build("internal", s.tmp / "doctored").exit_code == 0);
    CHECK(!has(read_text(s.tmp / "doctored/roles/ejer.html"), "Senest ændret"));
    CHECK(has(read_text(s.tmp / "first/roles/ejer.html"), "Senest ændret"));
  }
}

TEST_CASE("what the public edition showed of old versions is kept, for the same settings only") {
  ScratchRepo s;
  s.edit("content/roles/ejer.md", "Kanarietelefon", "Kanarietelefon 12 34 56 78");
  commit(s.repo, "Kun intern tekst", "2026-04-01T12:00:00+02:00");
  REQUIRE(s.build("public", s.tmp / "p1").exit_code == 0);
  std::string dated = changed("2026-03-05", "5. marts 2026");  // the internal edit is not a change
  CHECK(has(read_text(s.tmp / "p1/roles/ejer.html"), dated));
  const fs::path cache = s.repo / ".git/handbook/page-versions-public";
  std::string kept = read_text(cache);
  CHECK(has(kept, "roles/ejer.md"));
  REQUIRE(s.build("public", s.tmp / "p2").exit_code == 0);
  CHECK(read_tree(s.tmp / "p2") == read_tree(s.tmp / "p1"));

  // The build takes the versions from the file: with every version's print made different and
  // none plain, the internal edit looks like a public change.
  size_t body = kept.find('\n') + 1;
  std::vector<std::string> fields;
  for (size_t at = body, end; (end = kept.find('\0', at)) != std::string::npos; at = end + 1)
    fields.push_back(kept.substr(at, end - at));
  REQUIRE(fields.size() % 7 == 1);  // the settings, then seven fields a version
  for (size_t i = 1; i < fields.size(); i += 7) {
    fields[i + 2] = std::to_string(i);  // print
    fields[i + 4] = "0";                // plain
    fields[i + 5] = "1";                // loaded
  }
  std::string doctored = kept.substr(0, body);
  for (const std::string& field : fields)
    doctored += field + '\0';
  write_file(cache, doctored);
  REQUIRE(s.build("public", s.tmp / "p3").exit_code == 0);
  CHECK(has(read_text(s.tmp / "p3/roles/ejer.html"), changed("2026-04-01", "1. april 2026")));

  // Under other settings (handbook.toml changed), the file is not read, and is made anew.
  write_file(s.site / "handbook.toml", read_text(s.site / "handbook.toml") + "# ny linje\n");
  REQUIRE(s.build("public", s.tmp / "p4").exit_code == 0);
  CHECK(has(read_text(s.tmp / "p4/roles/ejer.html"), dated));
  CHECK(read_text(cache) != doctored);
}

TEST_CASE(
    "the public history says nothing of a page made internal, nor dates a change to "
    "internal material spelt with TOML escapes") {
  ScratchRepo s;
  write_file(s.site / "content/roles/senere.md",
             "+++\ntitle = \"Kanarietitel senere intern\"\ngroup = \"ejer\"\n+++\n\nTekst.\n");
  commit(s.repo, "Ny rolle", "2026-04-01T12:00:00+02:00");
  s.edit("content/roles/senere.md", "group = \"ejer\"",
         "group = \"ejer\"\nvisibility = \"internal\"");
  commit(s.repo, "Rollen er intern", "2026-04-02T12:00:00+02:00");
  REQUIRE(s.build("public", s.tmp / "p1").exit_code == 0);
  for (std::string file : {"aendringer.html", "feed.xml", "index.html"}) {
    CAPTURE(file);
    CHECK(!has(read_text(s.tmp / "p1" / file), "Kanarietitel"));
  }
  REQUIRE(s.build("internal", s.tmp / "i1").exit_code == 0);
  CHECK(has(read_text(s.tmp / "i1/aendringer.html"), "Kanarietitel senere intern"));
  // An internal field whose name is written with an escape: the file never says "internal".
  write_file(s.site / "content/roles/escape.md",
             "+++\ntitle = \"Escape\"\ngroup = \"ejer\"\n"
             "\"con\\u0074acts\" = [{ name = \"Kanarienavn\" }]\n+++\n\nTekst.\n");
  commit(s.repo, "Nøglen stavet med escape", "2026-04-03T12:00:00+02:00");
  REQUIRE(s.build("public", s.tmp / "p2").exit_code == 0);
  s.edit("content/roles/escape.md", "Kanarienavn", "Kanarienavn To");
  commit(s.repo, "Hemmeligt navn ændret", "2026-04-04T12:00:00+02:00");
  REQUIRE(s.build("public", s.tmp / "p3").exit_code == 0);
  CHECK(read_tree(s.tmp / "p2") == read_tree(s.tmp / "p3"));
}
