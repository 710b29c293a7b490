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
// copied for each: 200,000 wrong values on one line of 4 MB cost no more than their count (a
// copy each took over a minute, growing with the square of the line).
TEST_CASE(
    "two hundred thousand wrong values on one long front-matter line are checked in linear time") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string list;
  for (int i = 0; i < 200000; ++i)
    list += std::string(i ? ", " : "") + "\"<!-- internal -->\"";
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
      r.err.ends_with("199900 problemer mere vises ikke (højst 100 pr. fil og 1000 i alt): ret "
                      "dem ovenfor, og kør kontrollen igen\n"));
  CHECK(seconds < test::time_limit(20.0));
}

// Each alias keeps its place without a copy of its line: 30,000 aliases on one line took over a
// minute and 8 GB, growing with the square of their number.
TEST_CASE("thirty thousand aliases on one line are built in linear time") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string list;
  for (int i = 0; i < 30000; ++i)
    list += std::string(i ? ", " : "") + "\"gammel-" + std::to_string(i) + "\"";
  test::write_file(dir / "content/roles/flyttet.md",
                   "+++\ntitle = \"Flyttet\"\ngroup = \"ejer\"\naliases = [" + list +
                       ", \"byraadet\"]\n+++\n\nTekst.\n");
  auto start = std::chrono::steady_clock::now();
  auto r = test::run(
      {"build", "--site", dir.path().string(), "--out", (dir / "ud").string(), "--no-pdf"});
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(seconds < test::time_limit(30.0));
  // The one alias that collides is reported at its place, with its line.
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
