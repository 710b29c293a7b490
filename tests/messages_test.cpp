// The message catalogues: every message in both languages, with the same slots, and the slots
// filled as the callers name them.
#include <doctest/doctest.h>

#include <map>
#include <set>
#include <string>

#include "base/messages.h"
#include "config/toml_mistakes.h"

using namespace hb;

namespace {

// The `{name}` slots of a text.
std::set<std::string> slots(std::string_view text) {
  std::set<std::string> out;
  for (size_t open = text.find('{'); open != std::string_view::npos;
       open = text.find('{', open + 1)) {
    size_t close = text.find('}', open);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(open + 1, close - open - 1);
    bool word = !name.empty() &&
                name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string_view::npos;
    if (word) out.insert(std::string(name));
  }
  return out;
}

std::map<std::string, std::string> by_id(std::span<const MessageText> texts) {
  std::map<std::string, std::string> out;
  for (auto& t : texts) {
    CAPTURE(t.id);
    CHECK(out.emplace(t.id, t.text).second);  // no id twice
  }
  return out;
}

// Restores Danish, the default, after a test that switches language.
struct LanguageGuard {
  ~LanguageGuard() { set_message_language("da"); }
};

}  // namespace

TEST_CASE("the Danish and the English catalogue have the same message ids and the same slots") {
  auto da = by_id(danish_messages());
  auto en = by_id(english_messages());
  CHECK(da.size() > 50);
  for (auto& entry : da) {
    const auto& id = entry.first;
    const auto& text = entry.second;
    CAPTURE(id);
    auto it = en.find(id);
    REQUIRE(it != en.end());
    CHECK(slots(text) == slots(it->second));
    CHECK(!text.empty());
  }
  for (auto& entry : en) {
    const auto& id = entry.first;
    CAPTURE(id);
    CHECK(da.count(id) == 1);
  }
}

TEST_CASE("a message is looked up in the chosen language and its slots are filled") {
  LanguageGuard guard;
  set_message_language("en");
  CHECK(message_language() == "en");
  CHECK(msg("toml_list_separator", {{"sep", ";"}}) ==
        "separate the values of a list with ',', not ';'");
  set_message_language("da");
  CHECK(msg("toml_list_separator", {{"sep", ";"}}) ==
        "adskil værdierne i en liste med ',', ikke ';'");
  CHECK(msg_in("en-GB", "severity_error") == "error");
  CHECK(msg("no_such_message") == "no_such_message");
}

TEST_CASE("a field is named with its label beside it when the label says more") {
  CHECK(field_ref("purpose", "Formål") == "'purpose' (Formål)");
  CHECK(field_ref("title", "") == "'title'");
  CHECK(field_ref("status", "status") == "'status'");
}

TEST_CASE("TOML mistakes are explained at the mistake, in English too") {
  LanguageGuard guard;
  set_message_language("en");
  TomlMistake m = explain_toml_error("title = \"a\"\ndate = 23-11-2026\n", 2, 10,
                                     "Error while parsing date: expected 4-digit year, saw '-'");
  CHECK(m.line == 2);
  CHECK(m.col == 8);
  CHECK(m.message ==
        "a date is written year-month-day: write 2026-11-23, not 23-11-2026 (without quotes). "
        "Fix: date = 2026-11-23");
  m = explain_toml_error("title = \"a\"\ntitle = \"b\"\n", 2, 9,
                         "Error while parsing key-value pair: cannot redefine existing string "
                         "'title'",
                         1);
  CHECK(m.message == "field 'title' is written twice (also on line 2): keep only one of them");
  CHECK(m.col == 1);
}
