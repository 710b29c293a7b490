// The output kept in memory (`handbook serve`, `handbook diff`): files written whole or in
// pieces, taken either way with the same bytes.
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "output/output_sink.h"

using namespace hb;

namespace {

std::shared_ptr<const std::string> piece(std::string text) {
  return std::make_shared<const std::string>(std::move(text));
}

}  // namespace

TEST_CASE("memory output: files written whole or in pieces are taken with the same bytes") {
  auto shared = piece("{\"t\":\"b\"}");
  auto fill = [&](MemoryOutput& out) {
    out.write("a.html", "<p>a</p>");
    out.write_owned("b.html", "<p>b</p>");
    out.write_pieces("search-index.js",
                     {piece("["), piece("{\"t\":\"a\"}"), piece(","), shared, piece("]")});
    out.write_pieces("was-pieces.txt", {piece("x"), piece("y")});
    out.write("was-pieces.txt", "whole");  // the last write wins, whichever kind
    out.write("was-whole.txt", "whole");
    out.write_pieces("was-whole.txt", {piece("p"), piece("q")});
  };
  MemoryOutput whole;
  fill(whole);
  auto files = whole.take();
  CHECK(files.size() == 5);
  CHECK(files["a.html"] == "<p>a</p>");
  CHECK(files["b.html"] == "<p>b</p>");
  CHECK(files["search-index.js"] == "[{\"t\":\"a\"},{\"t\":\"b\"}]");
  CHECK(files["was-pieces.txt"] == "whole");
  CHECK(files["was-whole.txt"] == "pq");
  CHECK(whole.take().empty());

  MemoryOutput in_pieces;
  fill(in_pieces);
  auto pieces = in_pieces.take_pieces();
  CHECK(pieces.size() == 5);
  for (auto& entry : pieces) {
    const std::string& path = entry.first;  // clang captures no structured binding
    CAPTURE(path);
    CHECK(joined(entry.second) == files[path]);
  }
  REQUIRE(pieces["search-index.js"].size() == 5);
  CHECK(pieces["search-index.js"][3] == shared);  // kept, not copied
  CHECK(pieces["a.html"].size() == 1);
  CHECK(in_pieces.take_pieces().empty());
}

TEST_CASE("memory output: pieces are compared by their bytes, however they are cut") {
  auto ab = piece("ab"), c = piece("c");
  CHECK(same_bytes({ab, c}, {ab, c}));
  CHECK(same_bytes({ab, c}, {piece("a"), piece("bc")}));
  CHECK(same_bytes({ab, piece(""), c}, {piece("abc")}));
  CHECK(same_bytes({}, {piece("")}));
  CHECK_FALSE(same_bytes({ab, c}, {piece("a"), piece("bd")}));
  CHECK_FALSE(same_bytes({ab, c}, {ab}));
  CHECK_FALSE(same_bytes({ab}, {ab, c}));
  CHECK_FALSE(same_bytes({piece("abc")}, {piece("abd")}));
}
