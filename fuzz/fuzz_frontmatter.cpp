// libFuzzer harness: front matter and schema. The first byte picks the collection folder and the
// edition; the rest is a whole content file, which goes through the same steps as in
// load_page: text check, split, TOML, string check, schema. Oracle: a field declared internal
// never reaches the public edition, and every diagnostic formats.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "content/frontmatter.h"
#include "content/schema.h"
#include "content/text_check.h"
#include "fuzz_site.h"

using namespace hb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 64 * 1024) return -1;
  const SiteConfig& config = fuzz::site();
  std::string_view folder = fuzz::folder_for(data[0]);
  bool include_internal = data[0] & 0x80;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string path = "content/" + std::string(folder) + "/fuzz.md";

  Diagnostics diags;
  if (!check_text(path, text, diags)) {
    fuzz::format_all(diags);
    return 0;
  }
  auto fm = split_front_matter(path, text, diags);
  if (!fm) {
    fuzz::format_all(diags);
    return 0;
  }
  toml::table table;
  try {
    table = toml::parse(fm->toml, path);
  } catch (const toml::parse_error& e) {
    toml_error(diags, path, text, e.source(), fm->toml_line - 1, std::string(e.description()));
    fuzz::format_all(diags);
    return 0;
  }
  check_strings(path, text, fm->toml_line - 1, table, diags);

  Page page;
  page.rel = std::string(folder) + "/fuzz.md";
  page.display_path = path;
  page.section = std::string(folder);
  page.id = "fuzz";
  page.url = std::string(folder) + "/fuzz.html";
  page.collection = config.collection_for_folder(folder);
  FrontMatterSource src{path, text, fm->toml_line - 1, include_internal};
  apply_front_matter(table, config, page, src, diags);
  fuzz::format_all(diags);

  if (!include_internal)
    for (const char* secret : {"secret", "secret_md"})
      if (page.fields.find(secret)) fuzz::fail("an internal field is in the public edition", text);
  return 0;
}
