// Values: maps keep their keys sorted however they are added, and keep the first of a key.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "value.h"

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
