#include <doctest/doctest.h>

#include <string>

#include "content/text_check.h"
#include "support.h"

using namespace hb;

namespace {

std::string first_message(const Diagnostics& d) {
  auto all = d.sorted();
  return all.empty() ? "" : format_text(all.front());
}

}  // namespace

TEST_CASE("valid UTF-8 with tabs and every kind of line break passes") {
  hb::test::EnglishMessages english;
  Diagnostics d;
  CHECK(check_text("p.md", "Æble\tø å\r\nDanish «quotes» — 🙂\rend\n", d));
  CHECK(d.sorted().empty());
}

TEST_CASE("invalid UTF-8 is reported at its line and column") {
  hb::test::EnglishMessages english;
  Diagnostics d;
  CHECK_FALSE(check_text("p.md",
                         "ok\nab\xE6"
                         "c\n",
                         d));  // Latin-1 'æ'
  CHECK(first_message(d) ==
        "p.md:2:3: error: the file is not valid UTF-8 here: save it as UTF-8 (in most editors: "
        "'Save with encoding', UTF-8)\n    ab\uFFFDc\n      ^\n");  // shown as U+FFFD
}

TEST_CASE("overlong forms, surrogates and truncated sequences are not UTF-8") {
  hb::test::EnglishMessages english;
  for (std::string bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "\xE2\x82", "\xF0\x9F\x99", "\x80", "\xFF"}) {
    Diagnostics d;
    CHECK_MESSAGE(!check_text("p.md", "x" + bad + "y", d), bad);
  }
}

TEST_CASE("NUL and other control characters are reported, CR-only line breaks count lines") {
  hb::test::EnglishMessages english;
  Diagnostics d;
  CHECK_FALSE(check_text("p.md", std::string("a\rb\r\x01x") + std::string(1, '\0'), d));
  auto all = d.sorted();
  REQUIRE(all.size() == 2);
  CHECK(all[0].line == 3);
  CHECK(all[0].col == 1);
  CHECK(all[0].message ==
        "the control character U+0001 cannot be published: delete it (it is invisible in most "
        "editors)");
  CHECK(all[1].message.starts_with("the control character U+0000 "));
}

TEST_CASE("a file full of bad bytes gives a bounded number of problems") {
  hb::test::EnglishMessages english;
  Diagnostics d;
  CHECK_FALSE(check_text("p.md", std::string(100000, '\x01'), d));
  CHECK(d.sorted().size() == static_cast<size_t>(kMaxTextProblems));
}

TEST_CASE("a TOML escape that writes a control character is reported at the value") {
  hb::test::EnglishMessages english;
  std::string text = "+++\ntitle = \"a\\u0000b\"\nlist = [\"ok\", \"x\\u001b\"]\n+++\n";
  toml::table t = toml::parse(text.substr(4, text.size() - 8));
  Diagnostics d;
  CHECK_FALSE(check_strings("p.md", text, 1, t, d));
  auto all = d.sorted();
  REQUIRE(all.size() == 2);
  CHECK(format_text(all[0]) ==
        "p.md:2:9: error: this text holds the control character U+0000, which cannot be "
        "published: remove the escape that writes it (such as \\u0000)\n    title = "
        "\"a\\u0000b\"\n            ^\n");
  CHECK(all[1].line == 3);
  Diagnostics fine;
  CHECK(check_strings("p.md", text, 1, toml::parse("a = \"tab\\there\\nnew line\""), fine));
}
