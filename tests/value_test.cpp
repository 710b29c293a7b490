// Values: maps keep their keys sorted however they are added, and keep the first of a key.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "base/value.h"

namespace {

std::vector<std::string> keys(const hb::Map& map) {
  std::vector<std::string> out;
  for (const auto& entry : map)
    out.push_back(entry.first);
  return out;
}

}  // namespace

TEST_CASE("Map::emplace keeps the keys sorted and refuses a key it has") {
  hb::Map map;
  CHECK(map.emplace("title", 1));
  CHECK(map.emplace("url", 2));
  CHECK(map.emplace("id", 3));
  CHECK(map.emplace("summary_is_longer_than_sixteen", 4));
  CHECK_FALSE(map.emplace("url", 5));
  CHECK(keys(map) ==
        std::vector<std::string>{"id", "summary_is_longer_than_sixteen", "title", "url"});
  CHECK(map.find("url")->as_int() == 2);
  CHECK(map.find("id")->as_int() == 3);
  CHECK(map.find("summary_is_longer_than_sixteen")->as_int() == 4);
  CHECK(map.find("missing") == nullptr);
}

TEST_CASE("a borrowed string reads as the string it names, without a copy") {
  std::string title = "a title longer than sixteen bytes";
  hb::Value v = hb::Value::borrowed(title);
  hb::Value copy = v;
  CHECK(copy.is_string());
  CHECK(copy.if_string() == &title);
  CHECK(&copy.as_string() == &title);
  CHECK(copy.to_string() == title);
  CHECK(copy.truthy());
  CHECK_FALSE(copy.is_null());
  hb::Value number = 5;
  CHECK(number.if_string() == nullptr);
}

TEST_CASE("a borrowed value is read in place and copied before a change") {
  hb::Value fields;
  fields["tags"].push_back("a");
  hb::Value v = hb::Value::borrowed(fields);
  CHECK(v.find("tags") == fields.find("tags"));
  v["tags"].push_back("b");
  CHECK(v.find("tags")->as_list().size() == 2);
  CHECK(fields.find("tags")->as_list().size() == 1);
}

TEST_CASE("a prepared key finds what a plain search finds, in small and large maps") {
  std::vector<std::string> names = {"a",
                                    "ab",
                                    "about",
                                    "about_participants",
                                    "about_part",
                                    "all_pages_in_section",
                                    "all_pages_in_sectionx",
                                    "all_pages_in_sec",
                                    "all_pages_in_se",
                                    std::string("ab\0", 3),
                                    "zz",
                                    "z",
                                    "abcdefgh",
                                    "abcdefghi",
                                    "abcdefgh_abcdefgh_1",
                                    "abcdefgh_abcdefgh_2",
                                    "abcdefgh_abcdefg"};
  std::vector<std::string> absent = {"",
                                     "b",
                                     "abo",
                                     "about_participantsx",
                                     "all_pages_in_s",
                                     "abcdefgh_abcdefgh_",
                                     "abcdefgh_abcdefgh_3",
                                     "zzz",
                                     std::string("a\0", 2)};
  for (size_t extra : {size_t{0}, size_t{100}}) {
    hb::Map map;
    std::vector<std::string> keys = names;
    for (size_t i = 0; i < extra; ++i)
      keys.push_back("key_" + std::to_string(i * 7919 % 1000) + (i % 3 ? "_long_enough_name" : ""));
    for (size_t i = 0; i < keys.size(); ++i)
      map.emplace(keys[i], static_cast<int64_t>(i));
    for (size_t i = 0; i < keys.size(); ++i) {
      const hb::Value* found = map.find(keys[i], hb::KeyHead(keys[i]));
      REQUIRE(found);
      CHECK(found->as_int() == static_cast<int64_t>(i));
      CHECK(map.find(keys[i]) == found);
    }
    for (const std::string& key : absent) {
      CHECK(map.find(key, hb::KeyHead(key)) == nullptr);
      CHECK(map.find(key) == nullptr);
    }
  }
}

TEST_CASE("Map::set adds a key in order or replaces the value of one it has") {
  hb::Map map;
  map.set("b", 1);
  map.set("c", 2);
  map.set("a", 3);
  map.set("b", 4);
  map.set("c", 5);
  CHECK(keys(map) == std::vector<std::string>{"a", "b", "c"});
  CHECK(map.find("a")->as_int() == 3);
  CHECK(map.find("b")->as_int() == 4);
  CHECK(map.find("c")->as_int() == 5);
}

TEST_CASE("Map::sorted orders keys as strings compare and keeps the last of a key") {
  std::vector<std::string> names = {"b",
                                    "a",
                                    "abcdefgh_abcdefgh_2",
                                    "abcdefgh_abcdefgh_1",
                                    "abcdefgh_abcdefg",
                                    "abcdefgh",
                                    "abcdefghi",
                                    "",
                                    "a",
                                    std::string("a\0", 2),
                                    "zz",
                                    "abcdefgh_abcdefgh_1"};
  std::vector<hb::Map::Entry> entries;
  for (size_t i = 0; i < names.size(); ++i)
    entries.emplace_back(names[i], static_cast<int64_t>(i));
  hb::Map map = hb::Map::sorted(entries);
  std::vector<std::string> expected = names;
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  CHECK(keys(map) == expected);
  CHECK(map.find("a")->as_int() == 8);
  CHECK(map.find("abcdefgh_abcdefgh_1")->as_int() == 11);
}

TEST_CASE("a reference to a reference reads the value at the end of the chain") {
  auto inner = std::make_shared<const hb::Value>(hb::Map::sorted({{"title", "T"}}));
  auto middle = std::make_shared<const hb::Value>(hb::Value::shared(inner));
  hb::Value outer = hb::Value::shared(middle);
  REQUIRE(outer.is_map());
  CHECK(outer.find("title")->as_string() == "T");
  CHECK(hb::Value::shared(inner).find("title") == inner->find("title"));
}
