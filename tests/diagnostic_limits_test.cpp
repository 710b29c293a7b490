#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "app/cli.h"
#include "base/diagnostics.h"
#include "support.h"

using namespace hb;

TEST_CASE("a file's problems are kept up to the limit, the rest only counted") {
  Diagnostics d;
  for (int i = 0; i < 250; ++i)
    d.error_at("a.md", "line one\nline two\n", 2, 1, "problem " + std::to_string(i));
  d.error("b.md", 1, 1, "other file", "x");
  CHECK(d.error_count() == 251);
  CHECK(d.sorted().size() == kMaxProblemsPerFile + 1);
  CHECK(d.omitted() == 250 - kMaxProblemsPerFile);
  CHECK_FALSE(d.accepts("a.md"));
  CHECK(d.accepts("b.md"));
}

TEST_CASE("the problems kept in all are the first in sorted order, whatever the threads did") {
  auto run = [](Diagnostics& all, bool reverse) {
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&, t] {
        for (int f = 0; f < 10; ++f) {
          int file = reverse ? 39 - (t * 10 + f) : t * 10 + f;
          Diagnostics local;
          for (int i = 0; i < 60; ++i)
            local.error("f" + std::to_string(100 + file) + ".md", i + 1, 1, "p", "");
          all.merge(local);
        }
      });
    for (auto& th : threads)
      th.join();
  };
  Diagnostics a, b;
  run(a, false);
  run(b, true);
  auto sa = a.sorted(), sb = b.sorted();
  REQUIRE(sa.size() == kMaxProblems);
  REQUIRE(sb.size() == kMaxProblems);
  for (size_t i = 0; i < sa.size(); ++i)
    CHECK(format_text(sa[i]) == format_text(sb[i]));
  CHECK(sa.back().path == "f116.md");  // 40 files of 60: the first 1,000 end in the 17th file
  CHECK(a.error_count() == 2400);
  CHECK(a.omitted() == 1400);
  CHECK(b.omitted() == 1400);
}

TEST_CASE("a long line is shown as an excerpt around the column") {
  std::string line = std::string(500, 'a') + "X" + std::string(500, 'b');
  Diagnostics d;
  d.error("p.md", 3, 501, "here", line);
  auto all = d.sorted();
  REQUIRE(all.size() == 1);
  CHECK(format_text(all[0]) == "p.md:3:501: fejl: here\n    …" + std::string(80, 'a') + "X" +
                                   std::string(79, 'b') + "…\n    " + std::string(81, ' ') + "^\n");
}

TEST_CASE("an excerpt at the start of a long line keeps the column and counts characters") {
  std::string line = "æøå" + std::string(400, 'x');
  int caret = 0;
  std::string shown = excerpt(line, 2, caret);
  CHECK(shown == "æøå" + std::string(kMaxExcerpt - 3, 'x') + "…");
  CHECK(caret == 2);
  CHECK(excerpt("short", 3, caret) == "short");
  CHECK(caret == 0);
}

TEST_CASE("the command line says how many problems were not shown") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string body = "+++\ntitle = \"Mange fejl\"\n+++\n\n";
  for (int i = 0; i < 150; ++i)
    body += "[x](nowhere" + std::to_string(i) + ".md) ";
  test::write_file(dir / "content/roles/mange.md", body + "\n");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.exit_code == 1);
  CHECK(
      r.err.ends_with("100 fejl\n51 problemer mere vises ikke (højst 100 pr. fil og 1000 i alt): "
                      "ret dem ovenfor, og kør kontrollen igen\n"));
}
