// Helpers shared by the template engine's tests.
#pragma once

#include <doctest/doctest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "template/template.h"

namespace hb::test {

// Templates as (name, source) pairs.
using Templates = std::vector<std::pair<std::string, std::string>>;

// A template set holding `templates`, each compiled from templates/<name>.mustache; a
// compile error fails the test.
inline hb::TemplateSet make_set(const Templates& templates,
                                hb::MissingTemplate missing = hb::MissingTemplate::Error) {
  hb::TemplateSet set(missing);
  hb::Diagnostics diags;
  for (const auto& [name, source] : templates)
    REQUIRE(set.add(name, source, "templates/" + name + ".mustache", diags));
  return set;
}

// A map of strings: record({{"name", "Anna"}, {"kind", "text"}}).
inline hb::Value record(std::initializer_list<std::pair<const char*, const char*>> fields) {
  hb::Value value;
  for (const auto& [key, text] : fields)
    value[key] = text;
  return value;
}

}  // namespace hb::test
