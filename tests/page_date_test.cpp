// A page's `date` is shown under its title and on its card in lists, in Danish long form.
#include <doctest/doctest.h>

#include "support.h"

using namespace hb::test;

TEST_CASE("a page's date shows under its title and on its card, as '23. november 2026'") {
  TempDir dir;
  copy_bundled_site(dir.path());
  fs::path page = dir / "content/roles/bestyrelsen.md";
  std::string text = read_text(page);
  text.insert(text.find("+++\n", 4), "date = 2026-11-23\n");
  write_file(page, text);
  fs::path out = dir / "out";
  CliResult r = run({"build", "--site", dir.path().string(), "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(out / "roles/bestyrelsen.html");
  CHECK(html.find("<h1>Selskabets bestyrelse</h1>\n<p class=\"doc-date\">Dato: <time "
                  "datetime=\"2026-11-23\">23. november 2026</time></p>") != std::string::npos);
  std::string card =
      "<p class=\"card-date\"><time datetime=\"2026-11-23\">23. november "
      "2026</time></p>";
  CHECK(read_text(out / "roles/index.html").find(card) != std::string::npos);
  // A page without a date shows none.
  CHECK(read_text(out / "roles/borgmester.html").find("doc-date") == std::string::npos);
  CHECK(read_text(out / "roles/index.html").find("card-date") ==
        read_text(out / "roles/index.html").rfind("card-date"));
}
