// `handbook diff`: two revisions built from git into memory and compared edition by edition.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "scratch_repo.h"

using namespace hb::test;

namespace {

const std::string kByraadet = R"(+++
title = "Byrådet"
weight = 1
group = "ejer"
themes = ["økonomi"]
+++

Byrådet er ejer af selskabet.

<!-- internal -->
Budgettet drøftes først i forvaltningen.
<!-- /internal -->
)";

const std::string kNotat = R"(+++
title = "Notat om tidsplanen"
group = "ejer"
visibility = "internal"
+++

Tidsplanen aftales hvert forår.
)";

void replace(std::string& text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
}

// A repository whose branch `pr` changes a public passage and an internal passage of one page
// and adds an internal page.
struct ChangedRepo {
  ScratchRepo repo{"mini"};
  ChangedRepo() {
    write_file(repo / "content/roles/byraadet.md", kByraadet);
    repo.commit("Første udgave");
    repo.git("checkout -q -b pr");
    std::string changed = kByraadet;
    replace(changed, "ejer af selskabet", "eneste ejer af selskabet");
    replace(changed, "først i forvaltningen", "først i direktionen");
    write_file(repo / "content/roles/byraadet.md", changed);
    write_file(repo / "content/roles/notat.md", kNotat);
    repo.commit("Ændring", "2026-02-01T09:00:00Z");
  }
  CliResult diff(const std::string& format) const {
    return run({"diff", "--site", repo.path().string(), "--base", "main", "--head", "pr",
                "--format", format});
  }
};

std::vector<std::string> paths(const nlohmann::json& pages) {
  std::vector<std::string> out;
  for (auto& p : pages)
    out.push_back(p["path"]);
  return out;
}

// Every word a change run of this kind holds, over all pages and sections.
std::string runs_of(const nlohmann::json& pages, const std::string& kind) {
  std::string out;
  for (auto& page : pages)
    for (auto& section : page["sections"])
      for (auto& change : section["changes"])
        for (auto& run : change)
          if (run["kind"] == kind) out += run["text"].get<std::string>() + "|";
  return out;
}

}  // namespace

TEST_CASE(
    "diff reports a public change, an internal change and a new internal page, each in its "
    "edition") {
  ChangedRepo r;
  CliResult json = r.diff("json");
  INFO(json.err);
  REQUIRE(json.exit_code == 0);
  auto report = nlohmann::json::parse(json.out);
  REQUIRE(report["editions"].size() == 2);
  auto& pub = report["editions"][0];
  auto& internal = report["editions"][1];
  CHECK(pub["edition"] == "public");
  CHECK(internal["edition"] == "internal");

  CHECK(paths(pub["pages_added"]).empty());
  CHECK(paths(pub["pages_removed"]).empty());
  CHECK(paths(pub["pages_changed"]) == std::vector<std::string>{"roles/byraadet.html"});
  CHECK(runs_of(pub["pages_changed"], "added") == "eneste|");
  CHECK(runs_of(pub["pages_changed"], "removed") == "");
  CHECK(pub["made_public"].empty());
  CHECK(json.out.find("direktionen") != std::string::npos);  // in the internal edition only
  CHECK(pub.dump().find("direktionen") == std::string::npos);
  CHECK(pub.dump().find("Notat") == std::string::npos);

  CHECK(paths(internal["pages_added"]) == std::vector<std::string>{"roles/notat.html"});
  CHECK(paths(internal["pages_changed"]) == std::vector<std::string>{"roles/byraadet.html"});
  CHECK(runs_of(internal["pages_changed"], "added") == "eneste|direktionen.|");
  CHECK(runs_of(internal["pages_changed"], "removed") == "forvaltningen.|");
  CHECK(paths(internal["pages_removed"]).empty());
  // The list of roles and the term pages show the new page: changed as a consequence.
  CHECK(paths(internal["pages_changed_as_a_consequence"]) ==
        std::vector<std::string>{"roles/index.html"});
}

TEST_CASE("diff in text and markdown puts the public edition first, with a word diff by page") {
  ChangedRepo r;
  CliResult text = r.diff("text");
  REQUIRE(text.exit_code == 0);
  size_t pub = text.out.find("Det ændrer sig for borgerne (den offentlige udgave)");
  size_t internal = text.out.find("Det ændrer sig på intranettet (den interne udgave)");
  REQUIRE(pub != std::string::npos);
  REQUIRE(internal != std::string::npos);
  CHECK(pub < internal);
  std::string public_part = text.out.substr(pub, internal - pub);
  CHECK(public_part.find("Ændrede sider\n- Byrådet (roles/byraadet.html)\n  - Afsnit »Byrådet«:\n"
                         "    - … Gruppe: Ejer økonomi Byrådet er {+eneste+} ejer af selskabet. "
                         "Roller") != std::string::npos);
  CHECK(public_part.find("direktionen") == std::string::npos);
  CHECK(text.out.find("Nye sider\n- Notat om tidsplanen (roles/notat.html)\n", internal) !=
        std::string::npos);
  CHECK(text.out.find("[-forvaltningen.-] {+direktionen.+}", internal) != std::string::npos);

  CliResult md = r.diff("markdown");
  REQUIRE(md.exit_code == 0);
  CHECK(md.out.starts_with("## Hvad ændringen gør ved håndbogen\n"));
  CHECK(md.out.find("### Det ændrer sig for borgerne (den offentlige udgave)\n\n**Ændrede sider**"
                    "\n\n- **Byrådet** (`roles/byraadet.html`)\n") != std::string::npos);
  CHECK(md.out.find("~~forvaltningen\\.~~ <ins>direktionen\\.</ins>") != std::string::npos);
  CHECK(md.out.find("**Nye sider**\n\n- **Notat om tidsplanen** (`roles/notat.html`)") !=
        std::string::npos);
}

TEST_CASE("diff calls out text that moves from the internal edition to the public one") {
  ScratchRepo repo("mini");
  write_file(repo / "content/roles/byraadet.md", kByraadet);
  write_file(repo / "content/roles/notat.md", kNotat);
  repo.commit("Første udgave");
  std::string opened = kByraadet;
  replace(opened, "<!-- internal -->\n", "");
  replace(opened, "<!-- /internal -->\n", "");
  write_file(repo / "content/roles/byraadet.md", opened);
  std::string notat = kNotat;
  replace(notat, "visibility = \"internal\"\n", "");
  write_file(repo / "content/roles/notat.md", notat);
  // The head is the working tree, not yet committed.
  CliResult r = run({"diff", "--site", repo.path().string(), "--base", "main", "--format", "text"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Sammenligner main (") != std::string::npos);
  CHECK(r.out.find(" med arbejdskopien.") != std::string::npos);
  CHECK(r.out.find("Fra intern til offentlig: tjek at det må offentliggøres\n"
                   "- Byrådet (roles/byraadet.html): teksten »Budgettet drøftes først i "
                   "forvaltningen.« stod før kun i den interne udgave\n"
                   "- Hele siden Notat om tidsplanen (roles/notat.html) var kun i den interne "
                   "udgave og er nu offentlig\n") != std::string::npos);
  size_t internal = r.out.find("den interne udgave)\n");
  REQUIRE(internal != std::string::npos);
  CHECK(r.out.find("Fra intern til offentlig", internal) == std::string::npos);
}

TEST_CASE("diff's markdown shows page text as text: no link, image, HTML or heading from it") {
  ScratchRepo repo("mini");
  repo.commit("Første udgave");
  write_file(repo / "content/roles/byraadet.md",
             "+++\ntitle = \"Byrådet\"\ngroup = \"ejer\"\n+++\n\n"
             "Se `[klik](https://ond.example/x)` og `<img src=x onerror=alert(1)>` og "
             "`![](https://ond.example/spor.png)` og www.ond.example og `# Overskrift`.\n");
  CliResult r =
      run({"diff", "--site", repo.path().string(), "--base", "main", "--format", "markdown"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\\[klik\\]\\(https\\://ond\\.example/x\\)") != std::string::npos);
  CHECK(r.out.find("&lt;img src=x onerror=alert\\(1\\)&gt;") != std::string::npos);
  CHECK(r.out.find("\\!\\[\\]\\(https") != std::string::npos);
  CHECK(r.out.find("www\\.ond\\.example") != std::string::npos);
  CHECK(r.out.find("<img") == std::string::npos);
  CHECK(r.out.find("](") == std::string::npos);
}

TEST_CASE("diff of a change that does not build lists its errors and exits 1") {
  ScratchRepo repo("mini");
  repo.commit("Første udgave");
  write_file(repo / "content/roles/byraadet.md",
             "+++\ntitle = \"Byrådet\"\n+++\n\nIngen gruppe.\n");
  CliResult r = run({"diff", "--site", repo.path().string(), "--base", "main"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("Ændringen kan ikke bygges. Ret disse fejl først:\n- ") != std::string::npos);
  CHECK(r.out.find("content/roles/byraadet.md:") != std::string::npos);
}

TEST_CASE("diff refuses what it cannot compare, with the reason") {
  ScratchRepo repo("mini");
  repo.commit("Første udgave");
  std::string site = repo.path().string();
  CliResult none = run({"diff", "--site", site});
  CHECK(none.exit_code == 2);
  CHECK(none.err ==
        "handbook: diff skal have --base VERSION, fx --base main\n"
        "Skriv 'handbook --help' for at se, hvordan kommandoen bruges.\n");
  CliResult format = run({"diff", "--site", site, "--base", "main", "--format", "github"});
  CHECK(format.exit_code == 2);
  CHECK(format.err.starts_with(
      "handbook: --format for diff skal være 'text', 'markdown' eller 'json', ikke 'github'\n"));
  CliResult unknown = run({"diff", "--site", site, "--base", "mian"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.starts_with("handbook: der er ingen version 'mian' i arkivet: "));
  TempDir plain;
  copy_tree(fixture("mini"), plain.path());
  CliResult outside = run({"diff", "--site", plain.path().string(), "--base", "main"});
  CHECK(outside.exit_code == 2);
  CHECK(outside.err == "handbook: sitets mappe '" + plain.path().generic_string() +
                           "' ligger ikke i et git-arkiv\n");
}
