#include <doctest/doctest.h>

#include <random>
#include <string>

#include "base/diagnostics.h"

using namespace hb;

TEST_CASE("format_text shows path:line:col, the line and a caret under the column") {
  Diagnostic d{Severity::Error, "content/roles/x.md", 3, 5, "unknown field 'titel'", "øre = \"x\""};
  CHECK(format_text(d) ==
        "content/roles/x.md:3:5: fejl: unknown field 'titel'\n"
        "    øre = \"x\"\n"
        "        ^\n");
}

TEST_CASE("format_text keeps tabs so the caret lines up") {
  Diagnostic d{Severity::Warning, "a.md", 1, 3, "m", "\tab"};
  CHECK(format_text(d) == "a.md:1:3: advarsel: m\n    \tab\n    \t ^\n");
}

TEST_CASE("format_text without a line prints the message only") {
  Diagnostic d{Severity::Error, "handbook.toml", 0, 0, "unknown profile 'x'", ""};
  CHECK(format_text(d) == "handbook.toml: fejl: unknown profile 'x'\n");
}

TEST_CASE("format_github escapes what GitHub's workflow commands need escaped") {
  Diagnostic d{Severity::Error, "content/a,b.md", 2, 7, "50% wrong\nnext", ""};
  CHECK(format_github(d) == "::error file=content/a%2Cb.md,line=2,col=7::50%25 wrong%0Anext\n");
  d.severity = Severity::Warning;
  CHECK(format_github(d).starts_with("::warning file="));
}

// A report shows a line of a file as it is; its control characters (ESC, the C1 CSI, CR, BS)
// would otherwise clear, move or recolour the terminal or the CI log that shows it.
TEST_CASE("reports show a file's control characters as U+FFFD, columns kept") {
  Diagnostic d{Severity::Error,
               "a\x1b[2J.md",
               1,
               9,
               "kontroltegnet U+001B: '\x1b]0;x\x07'",
               "\x1b[31mab\r\x08\xc2\x9b"
               "1m\x7f\tkanarie"};
  CHECK(format_text(d) ==
        "a\uFFFD[2J.md:1:9: fejl: kontroltegnet U+001B: '\uFFFD]0;x\uFFFD'\n"
        "    \uFFFD[31mab\uFFFD\uFFFD\uFFFD1m\uFFFD\tkanarie\n"
        "            ^\n");
  CHECK(format_github(d) ==
        "::error file=a\uFFFD[2J.md,line=1,col=9::kontroltegnet U+001B: "
        "'\uFFFD]0;x\uFFFD'\n");
}

// A byte that is not UTF-8 would reach the terminal as it is, and shift the caret.
TEST_CASE(
    "reports show a byte that is not UTF-8 as one U+FFFD, and the caret stays under its column") {
  Diagnostic d{Severity::Error, "a\xff.md", 1, 5, "ukendt ord", "x\xffy\x80 z"};
  CHECK(format_text(d) ==
        "a\uFFFD.md:1:5: fejl: ukendt ord\n"
        "    x\uFFFDy\uFFFD z\n"
        "        ^\n");
}

TEST_CASE("diagnostics are sorted by path, line and column, and duplicates dropped") {
  Diagnostics ds;
  ds.error("b.md", 1, 1, "x", "");
  ds.error("a.md", 9, 1, "y", "");
  ds.error("a.md", 2, 4, "z", "");
  ds.error("a.md", 2, 4, "z", "");
  auto all = ds.sorted();
  REQUIRE(all.size() == 3);
  CHECK(all[0].line == 2);
  CHECK(all[1].line == 9);
  CHECK(all[2].path == "b.md");
  CHECK(ds.error_count() == 4);
}

TEST_CASE("line_of and columns count characters") {
  CHECK(line_of("a\nbc\r\nd", 2) == "bc");
  CHECK(line_of("a\nb", 3).empty());
  CHECK(utf8_length("Økonomi") == 7);
  CHECK(column_of_byte("Øk x", 4) == 4);
}

TEST_CASE("a line cursor finds the same lines as line_of in any order") {
  std::string text = "one\ntwo\r\n\nfour\nfive";
  LineCursor lines(text);
  for (int n : {1, 2, 2, 4, 3, 5, 6, 0, 5, 1, 7, 4})
    CHECK(lines.line(n) == line_of(text, n));
  CHECK(lines.line(5) == "five");
  CHECK(lines.line(2) == "two");
  CHECK(lines.line(6).empty());
}

TEST_CASE("utf8_length agrees with a byte-by-byte count at every length") {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a",    " ",    "æ",   "Ø", "€", "\xF0\x9F\x98\x80",
                                "\x80", "\xBF", "\xC0"};
  for (int round = 0; round < 300; ++round) {
    std::string s;
    size_t want = round < 200 ? round : 4000 + rng() % 9000;  // past 255 blocks of 16 bytes
    while (s.size() < want)
      s += pieces[rng() % std::size(pieces)];
    int chars = 0;
    for (unsigned char c : s)
      chars += (c & 0xC0) != 0x80;
    INFO("length " << s.size());
    CHECK(utf8_length(s) == chars);
  }
  CHECK(utf8_length(std::string(8000, '\x80')) == 0);
  std::string euros;
  for (int k = 0; k < 3000; ++k)
    euros += "€";
  CHECK(utf8_length(euros) == 3000);
}

TEST_CASE("did_you_mean suggests close names only") {
  std::vector<std::string> names = {"title", "summary", "participants"};
  CHECK(did_you_mean("titel", names) == " (mente du 'title'?)");
  CHECK(did_you_mean("participant", names) == " (mente du 'participants'?)");
  CHECK(did_you_mean("colour", names).empty());
}
