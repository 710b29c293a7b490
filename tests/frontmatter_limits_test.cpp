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
