#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "app/cli.h"
#include "support.h"

using namespace hb;

// A generous limit: the check takes well under a second here, a return to quadratic time
// (100,000 keys, each compared with all the others) takes minutes.
TEST_CASE(
    "a hundred thousand unknown front-matter keys are checked in linear time with capped reports") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string text = "+++\ntitle = \"Mange felter\"\n";
  for (int i = 0; i < 100000; ++i)
    text += "ukendt" + std::to_string(i) + " = \"x\"\n";
  test::write_file(dir / "content/roles/felter.md", text + "+++\n\nTekst.\n");
  auto start = std::chrono::steady_clock::now();
  auto r = test::run({"check", "--site", dir.path().string()});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.exit_code == 1);
  CHECK(
      r.err.ends_with("100 fejl\n99901 problemer mere vises ikke (højst 100 pr. fil og 1000 i "
                      "alt): ret dem ovenfor, og kør kontrollen igen\n"));
  CHECK(seconds < test::time_limit(20.0));
}

// Each value of a long line that proves wrong is reported at its place, but the line is not
// copied for each: 1,000 wrong values on one line of 4 MB cost no more than their count (a copy
// each would take 4 GB). A longer list is refused at the list.
TEST_CASE("a thousand wrong values on one long front-matter line are checked in linear time") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string list;
  for (int i = 0; i < 1000; ++i)
    list += std::string(i ? ", " : "") + "\"<!-- internal -->" + std::string(4000, 'x') +
            std::to_string(i) + "\"";
  test::write_file(
      dir / "content/roles/mange.md",
      "+++\ntitle = \"Mange\"\ngroup = \"ejer\"\nthemes = [" + list + "]\n+++\n\nTekst.\n");
  auto start = std::chrono::steady_clock::now();
  auto r = test::run({"check", "--site", dir.path().string()});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/mange.md:4:11: fejl: feltet 'themes' er almindelig tekst, "
                   "hvor en intern-markering ikke skjuler noget") != std::string::npos);
  CHECK(
      r.err.ends_with("900 problemer mere vises ikke (højst 100 pr. fil og 1000 i alt): ret "
                      "dem ovenfor, og kør kontrollen igen\n"));
  CHECK(seconds < test::time_limit(20.0));
  // 200,000 values are one error at the list.
  list.clear();
  for (int i = 0; i < 200000; ++i)
    list += std::string(i ? ", " : "") + "\"tema-" + std::to_string(i) + "\"";
  test::write_file(
      dir / "content/roles/mange.md",
      "+++\ntitle = \"Mange\"\ngroup = \"ejer\"\nthemes = [" + list + "]\n+++\n\nTekst.\n");
  r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.err.find(
            "content/roles/mange.md:4:10: fejl: feltet 'themes' (Temaer) har 200000 punkter, og et "
            "felt må højst have 1000: del siden op\n") != std::string::npos);
}

// A page keeps at most 100 former ids, each a file in each edition: 30,000 aliases were once
// built one by one; now they are one error at the list.
TEST_CASE(
    "more aliases than a page may keep are refused at the list, and a collision among the "
    "allowed ones at its place") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  auto aliases = [](int n) {
    std::string list;
    for (int i = 0; i < n; ++i)
      list += std::string(i ? ", " : "") + "\"gammel-" + std::to_string(i) + "\"";
    return list;
  };
  auto build = [&](const std::string& list) {
    test::write_file(dir / "content/roles/flyttet.md",
                     "+++\ntitle = \"Flyttet\"\ngroup = \"ejer\"\naliases = [" + list +
                         ", \"byraadet\"]\n+++\n\nTekst.\n");
    return test::run(
        {"build", "--site", dir.path().string(), "--out", (dir / "ud").string(), "--no-pdf"});
  };
  auto r = build(aliases(30000));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/flyttet.md:4:11: fejl: aliases har 30001 tidligere id'er, og "
                   "en side må højst have 100: hvert bliver en fil i hver udgave; fjern de "
                   "ældste\n") != std::string::npos);
  // The one alias that collides is reported at its place, with its line.
  r = build(aliases(99));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/flyttet.md:4:") != std::string::npos);
  CHECK(r.err.find("viderestillingen for aliasset 'byraadet'") != std::string::npos);
  CHECK(r.err.find("\"byraadet\"]\n") != std::string::npos);
}

// toml++ follows each part of a dotted key with a call of its own: 100,000 parts overflowed the
// stack and killed the build. Such a key is an error at its place.
TEST_CASE("a key or table name of 100,000 dotted parts is an error, not a crash") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string key = "a";
  for (int i = 0; i < 100000; ++i)
    key += ".a";
  for (std::string line : {key + " = 1", "[" + key + "]", "\"x\" . " + key + " = 1"}) {
    CAPTURE(line.substr(0, 20));
    test::write_file(dir / "content/roles/dyb.md",
                     "+++\ntitle = \"Dyb\"\ngroup = \"ejer\"\n" + line + "\n+++\n\nTekst.\n");
    auto r = test::run({"check", "--site", dir.path().string()});
    CHECK(r.exit_code == 1);
    int col = line.starts_with("[") ? 2 : 1;
    CHECK(r.err.find("content/roles/dyb.md:4:" + std::to_string(col) +
                     ": fejl: nøglen har mere end 32 led adskilt af punktummer: skriv den med "
                     "færre led\n") != std::string::npos);
  }
  // 32 parts are read as TOML reads them
  std::string fine = "a";
  for (int i = 0; i < 31; ++i)
    fine += ".a";
  test::write_file(dir / "content/roles/dyb.md",
                   "+++\ntitle = \"Dyb\"\ngroup = \"ejer\"\n" + fine + " = 1.5\n+++\n\nTekst.\n");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.err.find("content/roles/dyb.md:4:1: fejl: ukendt felt 'a'") != std::string::npos);
}

// 700,000 references of one page to the same page crashed the layout of the organisation
// diagram (the stack of Graphviz's containers). A page named twice is an error at the second.
TEST_CASE("a reference written twice is an error, and a reference list over the limit is one") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  auto page = [&](const std::string& list) {
    test::write_file(
        dir / "content/roles/dobbelt.md",
        "+++\ntitle = \"Dobbelt\"\ngroup = \"ejer\"\nanswers_to = [" + list + "]\n+++\n\nTekst.\n");
    return test::run({"check", "--site", dir.path().string()});
  };
  auto r = page("\"byraadet\", \"byraadet\"");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/dobbelt.md:4:27: fejl: 'byraadet' står mere end én gang i "
                   "feltet 'answers_to' (Svarer til): skriv den én gang\n") != std::string::npos);
  std::string many;
  for (int i = 0; i < 700000; ++i)
    many += std::string(i ? ", " : "") + "\"byraadet\"";
  r = page(many);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/dobbelt.md:4:14: fejl: feltet 'answers_to' (Svarer til) har "
                   "700000 punkter, og et felt må højst have 1000: del siden op\n") !=
        std::string::npos);
}

TEST_CASE("a term without a letter or digit for its address is an error") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  test::write_file(dir / "content/roles/tegn.md",
                   "+++\ntitle = \"Tegn\"\ngroup = \"ejer\"\nthemes = [\"—\"]\n+++\n\nTekst.\n");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/tegn.md:4:11: fejl: '—' har hverken bogstaver (a-z, æ, ø, å, "
                   "é, ...) eller tal, som termens side kan få sin adresse af: skriv termen med "
                   "ord\n") != std::string::npos);
}
