// libFuzzer harness: the Mustache template engine. The input is a set of templates separated by
// NUL bytes; each is its name, a line break, then its source (a part without a line break is
// named t0, t1, ...). The first byte picks the engine's mode for missing partials. Every
// template that compiles is rendered as the root, with a data tree of every kind of value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_site.h"
#include "template/template.h"

using namespace hb;

namespace {

constexpr size_t kMaxTemplates = 16;

const Value& data() {
  static const Value root = [] {
    Value v;
    v["title"] = "Titel <b>&amp; \"x\" 'y'";
    v["name"] = "navn";
    v["empty"] = "";
    v["zero"] = 0;
    v["num"] = 1.5;
    v["yes"] = true;
    v["no"] = false;
    v["none"] = nullptr;
    v["html"] = "<script>alert(1)</script>";
    v["partial"] = "partials/a";
    v["dyn"] = "t1";
    Value item;
    item["name"] = "a";
    item["title"] = "A";
    item["list"].push_back("inner");
    v["list"].push_back(item);
    v["list"].push_back("s");
    v["list"].push_back(3);
    v["list"].push_back(List{});
    v["empty_list"] = List{};
    v["map"]["a"]["b"]["c"] = "dyb";
    v["map"]["list"].push_back(item);
    v["site"]["title"] = "Site";
    v["page"]["title"] = "Side";
    return v;
  }();
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  if (size < 1 || size > 16 * 1024) return -1;
  MissingTemplate mode = bytes[0] & 1 ? MissingTemplate::Empty : MissingTemplate::Error;
  std::string_view input(reinterpret_cast<const char*>(bytes) + 1, size - 1);

  TemplateSet set(mode);
  // A budget of 2,000 steps and 64 KB, a ten-thousandth of a site's: the engine's check is the
  // same, and an input that nests sections over the lists below stops in microseconds. Growing
  // a megabyte of output took half the harness's time in page faults and copies.
  set.set_limits({2'000, 64 << 10});
  Diagnostics diags;
  size_t index = 0;
  for (size_t pos = 0; pos <= input.size() && index < kMaxTemplates; ++index) {
    size_t end = input.find('\0', pos);
    if (end == std::string_view::npos) end = input.size();
    std::string_view part = input.substr(pos, end - pos);
    pos = end + 1;
    size_t nl = part.find('\n');
    std::string name = "t" + std::to_string(index);
    if (nl != std::string_view::npos && nl > 0) {
      name = std::string(part.substr(0, nl));
      part.remove_prefix(nl + 1);
    }
    if (set.has(name)) continue;
    set.add(name, std::string(part), "templates/" + name + ".mustache", diags);
  }
  set.check_references(diags);
  fuzz::format_all(diags);

  for (const std::string& name : set.names()) {
    std::string out;
    try {
      set.render(name, data(), out);
    } catch (const TemplateError&) {  // a missing partial, or includes nested too deep
    }
  }
  return 0;
}
