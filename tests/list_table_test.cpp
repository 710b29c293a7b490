// [collections.list_table]: a list page's tables are made from its pages, so a new page appears
// in them without editing a table, and a page the edition leaves out appears in none.
#include <doctest/doctest.h>

#include <algorithm>

#include "support.h"

using namespace hb::test;

namespace {

bool has(const std::string& text, const std::string& piece) {
  return text.find(piece) != std::string::npos;
}

const std::string kTable =
    "\n[collections.list_table]\ngroup = \"status\"\ncolumns = [\"frequency\", "
    "\"participants\"]\ntitles = { current = \"Fora i dag\" }\n";

// The leak fixture with the bundled templates and theme in tmp/site, and `list_table` added to
// its forum collection (the fixture's last field of forums is `notes`).
void forum_site(const TempDir& tmp, const std::string& list_table) {
  copy_tree(fixture("leak"), tmp / "site");
  copy_tree(source_dir() / "templates", tmp / "site/templates");
  copy_tree(source_dir() / "theme", tmp / "site/theme");
  std::string toml = read_text(tmp / "site/handbook.toml");
  std::string after = "notes = { type = \"string\", internal = true }\n";
  toml.insert(toml.find(after) + after.size(), list_table);
  write_file(tmp / "site/handbook.toml", toml);
}

std::string build_forums(const TempDir& tmp, const std::string& profile) {
  auto r = run({"build", "--site", (tmp / "site").string(), "--profile", profile, "--out",
                (tmp / profile).string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return read_text(tmp / profile / "forums/index.html");
}

}  // namespace

TEST_CASE("a list page shows its pages in a table per group, and a new page without editing it") {
  TempDir tmp;
  forum_site(tmp, kTable);
  std::string row =
      "<tr><th scope=\"row\"><a href=\"../forums/moede.html\">Møde</a></th><td>Årlig</td>"
      "<td>Ejeren</td></tr>\n";
  std::string pub = build_forums(tmp, "public");
  CHECK(has(pub, "<h2 id=\"tabel-forum-current\">Fora i dag</h2>"));
  CHECK(has(pub,
            "<thead><tr><th scope=\"col\">Forum</th><th scope=\"col\">frequency</th>"
            "<th scope=\"col\">participants</th></tr></thead>"));
  CHECK(has(pub, row));
  CHECK_FALSE(has(pub, "Kanarieforum"));          // internal: in no table of the public edition
  CHECK_FALSE(has(pub, "tabel-forum-proposed"));  // no page proposed: no table
  CHECK(has(build_forums(tmp, "internal"), "Kanarieforum</a></th><td>Kvartalsvis</td>"));

  write_file(tmp / "site/content/forums/nyt.md",
             "+++\ntitle = \"Nyt forum\"\npurpose = \"Nyt.\"\nparticipants = [\"ejer\"]\n"
             "frequency = \"kvartalsvis\"\nstatus = \"proposed\"\n+++\n");
  pub = build_forums(tmp, "public");
  CHECK(has(pub, "<h2 id=\"tabel-forum-proposed\">Foreslået</h2>"));
  CHECK(has(pub,
            "<a href=\"../forums/nyt.html\">Nyt forum</a></th><td>Kvartalsvis</td>"
            "<td>Ejeren</td></tr>"));
  CHECK(has(pub, row));
}

TEST_CASE("list_table refuses an unknown field, an internal or long one, and a group not an enum") {
  struct Case {
    std::string table, message;
  };
  std::vector<Case> cases = {
      {"columns = [\"frequncy\"]",
       "list_table nævner feltet 'frequncy', men samlingen 'forum' har ikke det felt (mente du "
       "'frequency'?)"},
      {"columns = [\"notes\"]",
       "list_table kan ikke vise feltet 'notes' i en kolonne: feltet er internt, og tabellen står "
       "i begge udgaver"},
      {"columns = [\"purpose\"]",
       "list_table kan ikke vise feltet 'purpose' i en kolonne: værdien er ikke kort nok til en "
       "celle"},
      {"columns = [\"frequency\"]\ngroup = \"months\"",
       "list_table's group skal være et felt med faste valg (enum), og 'months' er ikke et sådant "
       "felt"},
  };
  for (auto& c : cases) {
    CAPTURE(c.table);
    TempDir tmp;
    forum_site(tmp, "\n[collections.list_table]\n" + c.table + "\n");
    auto r = run({"check", "--site", (tmp / "site").string()});
    CHECK(r.exit_code == 1);
    CHECK(has(r.err, "fejl: " + c.message));
  }
}

TEST_CASE("the bundled forums' tables are made from the forum pages, not written by hand") {
  std::string index = read_text(source_dir() / "content/forums/_index.md");
  CHECK_FALSE(has(index, "\n|"));  // no Markdown table
  TempDir tmp;
  auto r = run({"build", "--site", source_dir().string(), "--profile", "public", "--out",
                (tmp / "out").string()});
  REQUIRE(r.exit_code == 0);
  std::string list = read_text(tmp / "out/forums/index.html");
  CHECK(has(list, "<h2 id=\"tabel-forum-current\">Fora i dag</h2>"));
  CHECK(has(list, "<h2 id=\"tabel-forum-proposed\">Foreslåede fora</h2>"));
  int forums = 0;
  for (auto& entry : fs::directory_iterator(source_dir() / "content/forums")) {
    std::string name = entry.path().filename().string();
    if (name == "_index.md") continue;
    ++forums;
    CAPTURE(name);
    CHECK(has(list, "<tr><th scope=\"row\"><a href=\"../forums/" + name.substr(0, name.size() - 3) +
                        ".html\">"));
  }
  CHECK(forums > 10);
}

TEST_CASE("a bundled case's actors are kinds of actor: naming one of Vejle's roles is an error") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  fs::path page = tmp / "site/content/cases/aabenraa-anbringelser.md";
  std::string text = read_text(page);
  size_t at = text.find("\nactors = ");
  REQUIRE(at != std::string::npos);
  size_t end = text.find('\n', at + 1);
  write_file(page, text.substr(0, at) + "\nactors = [\"byraadet\"]" + text.substr(end));
  auto r = run({"check", "--site", (tmp / "site").string()});
  CHECK(r.exit_code == 1);
  auto line = std::count(text.begin(), text.begin() + static_cast<long>(at) + 1, '\n') + 1;
  CHECK(has(r.err,
            page.string() + ":" + std::to_string(line) +
                ":11: fejl: 'byraadet' er ikke tilladt i feltet 'actors' (Aktører): brug 'byråd', "
                "'direktion', 'fagforvaltning', 'central stab', 'ledere', 'medarbejdere', "
                "'borgere', 'private virksomheder', 'frivillige organisationer', 'andre "
                "kommuner', 'fælles selskab' eller 'fælles sekretariat'\n    actors = "
                "[\"byraadet\"]\n              ^\n"));
}
