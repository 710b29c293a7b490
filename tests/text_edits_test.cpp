// Text edits for handbook mv: only the span that names a page changes.
#include <doctest/doctest.h>

#include "app/text_edits.h"

using namespace hb;

namespace {

std::string edited(const std::string& text, const std::optional<TextEdit>& e) {
  REQUIRE(e.has_value());
  return apply_edits(text, {*e});
}

}  // namespace

TEST_CASE("a link keeps its relative spelling, anchor and text: only the id changes") {
  std::string text = "Se [bestyrelsen](../roles/bestyrelsen.md#møder) her.";
  size_t at = text.find("../");
  CHECK(edited(text, link_edit(text, at, "../roles/bestyrelsen.md#møder", "bestyrelsen", "b2")) ==
        "Se [bestyrelsen](../roles/b2.md#møder) her.");
  std::string plain = "[x](bestyrelsen.md/)";
  CHECK(edited(plain, link_edit(plain, 4, "bestyrelsen.md/", "bestyrelsen", "ny")) ==
        "[x](ny.md/)");
  // Not the link written there, or a file name spelt otherwise: no edit.
  CHECK_FALSE(link_edit(text, at + 1, "../roles/bestyrelsen.md", "bestyrelsen", "b2"));
  std::string encoded = "[x](bestyrels%65n.md)";
  CHECK_FALSE(link_edit(encoded, 4, "bestyrels%65n.md", "bestyrelsen", "ny"));
  std::string longer = "[x](bestyrelsen-gammel.md)";
  CHECK_FALSE(link_edit(longer, 4, "bestyrelsen-gammel.md", "bestyrelsen", "ny"));
}

TEST_CASE("an id in quotes is replaced inside its quotes") {
  std::string text = "participants = [\"a\", 'bestyrelsen', \"c\"]";
  size_t at = text.find('\'');
  CHECK(edited(text, id_string_edit(text, at, "bestyrelsen", "ny")) ==
        "participants = [\"a\", 'ny', \"c\"]");
  CHECK_FALSE(id_string_edit(text, at + 1, "bestyrelsen", "ny"));
  CHECK_FALSE(id_string_edit("x = \"bestyrelsen2\"", 4, "bestyrelsen", "ny"));
}

TEST_CASE("an alias joins the list there is, or comes as a line of its own") {
  std::string none = "+++\ntitle = \"T\"\n+++\n";
  CHECK(edited(none, alias_edit(none, std::nullopt, none.rfind("+++"), "gammel")) ==
        "+++\ntitle = \"T\"\naliases = [\"gammel\"]\n+++\n");
  std::string crlf = "+++\r\ntitle = \"T\"\r\n+++\r\n";
  CHECK(edited(crlf, alias_edit(crlf, std::nullopt, crlf.rfind("+++"), "g")) ==
        "+++\r\ntitle = \"T\"\r\naliases = [\"g\"]\r\n+++\r\n");
  auto joined = [](const std::string& text) {
    return edited(text, alias_edit(text, text.find('['), 0, "g"));
  };
  CHECK(joined("aliases = []\n") == "aliases = [\"g\"]\n");
  CHECK(joined("aliases = [ \"a\" ]\n") == "aliases = [ \"a\", \"g\" ]\n");
  CHECK(joined("aliases = [\n  \"a]\",\n]\n") == "aliases = [\n  \"a]\", \"g\",\n]\n");
  CHECK_FALSE(alias_edit("aliases = [\"a\"", 10, 0, "g"));
}

TEST_CASE("a column counts characters, as diagnostics do") {
  std::string text = "første linje\nå = \"x\"\n";
  CHECK(offset_of(text, 2, 1) == text.find("å"));
  CHECK(offset_of(text, 2, 5) == text.find('"'));
  CHECK_FALSE(offset_of(text, 4, 1));
  CHECK_FALSE(offset_of(text, 2, 40));
}
