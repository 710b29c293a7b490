// Conformance with the official Mustache spec (v1.4): every test of the spec's JSON files except
// the optional lambdas, rendered with MissingTemplate::Empty as the spec asks.
// The suite lives outside the repository (../shared/spec/mustache): without it, or without
// nlohmann-json, the test is skipped, unless HANDBOOK_REQUIRE_SHARED=1 (as in .ci/run) makes
// that a failure.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "support.h"

namespace {

bool shared_required() {
  const char* v = std::getenv("HANDBOOK_REQUIRE_SHARED");
  return v && std::string(v) == "1";
}

// Skips the test, or fails it when HANDBOOK_REQUIRE_SHARED=1.
void unavailable(const std::string& why) {
  if (shared_required()) FAIL(why << " (HANDBOOK_REQUIRE_SHARED=1 requires the Mustache spec)");
  hb::test::skip_test("the Mustache spec conformance test: " + why);
}

}  // namespace

#ifdef HANDBOOK_HAVE_JSON

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "template/template.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path spec_dir = MUSTACHE_SPEC_DIR;

bool spec_dir_exists() {
  std::error_code error;
  return fs::is_directory(spec_dir, error);
}

hb::Value to_value(const json& j) {
  switch (j.type()) {
    case json::value_t::boolean:
      return hb::Value(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return hb::Value(j.get<int64_t>());
    case json::value_t::number_float:
      return hb::Value(j.get<double>());
    case json::value_t::string:
      return hb::Value(j.get<std::string>());
    case json::value_t::array: {
      hb::List list;
      for (const json& item : j)
        list.push_back(to_value(item));
      return hb::Value(std::move(list));
    }
    case json::value_t::object: {
      hb::Map map;
      for (const auto& [key, item] : j.items())
        map.emplace(key, to_value(item));
      return hb::Value(std::move(map));
    }
    default:
      return hb::Value();
  }
}

// The spec's files in order, without the optional lambdas.
std::vector<fs::path> spec_files() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(spec_dir))
    if (entry.path().extension() == ".json" && entry.path().filename() != "~lambdas.json")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

std::string diagnostics_text(const hb::Diagnostics& diags) {
  std::string out;
  for (const hb::Diagnostic& d : diags.sorted())
    out += hb::format_text(d);
  return out;
}

// Renders one spec test; returns the output, or a description of what went wrong.
std::string run_case(const json& test, bool& ok) {
  hb::TemplateSet set(hb::MissingTemplate::Empty);
  hb::Diagnostics diags;
  ok = true;
  if (test.contains("partials"))
    for (const auto& [name, source] : test["partials"].items())
      ok = set.add(name, source.get<std::string>(), name + ".mustache", diags) && ok;
  ok = set.add("<test>", test["template"].get<std::string>(), "test.mustache", diags) && ok;
  if (!ok) return "compile error:\n" + diagnostics_text(diags);
  try {
    return set.render("<test>", to_value(test["data"]));
  } catch (const std::exception& e) {
    ok = false;
    return std::string("render error: ") + e.what();
  }
}

struct FileResult {
  int passed = 0;
  int total = 0;
};

FileResult run_file(const fs::path& file) {
  std::ifstream in(file);
  json spec = json::parse(in);
  FileResult result;
  for (const json& test : spec["tests"]) {
    ++result.total;
    bool ok = false;
    std::string actual = run_case(test, ok);
    std::string expected = test["expected"].get<std::string>();
    if (ok && actual == expected) {
      ++result.passed;
      continue;
    }
    std::cout << "mustache spec FAILED: " << file.filename().string() << ": "
              << test["name"].get<std::string>() << "\n  template: " << test["template"].dump()
              << "\n  expected: " << json(expected).dump()
              << "\n  actual:   " << (ok ? json(actual).dump() : actual) << "\n";
  }
  return result;
}

}  // namespace

TEST_CASE("mustache spec conformance") {
  if (!spec_dir_exists())
    return unavailable("folder " + spec_dir.string() + " not found (MUSTACHE_SPEC_DIR)");
  int passed = 0;
  int total = 0;
  for (const fs::path& file : spec_files()) {
    FileResult result = run_file(file);
    std::cout << "mustache spec: " << file.filename().string() << " " << result.passed << "/"
              << result.total << " passed\n";
    passed += result.passed;
    total += result.total;
  }
  std::cout << "mustache spec: " << passed << "/" << total << " passed" << std::endl;
  CHECK(total > 0);
  CHECK(passed == total);
}

#else

TEST_CASE("mustache spec conformance") {
  unavailable("built without nlohmann-json (apt-get install -y nlohmann-json3-dev)");
}

#endif
