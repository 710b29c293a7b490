// libFuzzer harness: a whole page, loaded as a build loads it (load_page: front matter, schema,
// visibility, Markdown, links) once for each edition. The first byte picks the collection
// folder; the rest is the file.
//
// Oracle: the canary word (fuzz/dict/page.dict and the seeds put it inside internal passages)
// may reach the public edition only as often as the internal edition shows it outside its
// "Intern passage" boxes; and the public edition has no such box at all.
#include <fcntl.h>
#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "content/content.h"
#include "fuzz_site.h"

using namespace hb;

namespace {

constexpr std::string_view kCanary = "zqxcanary";

void write_file(const std::string& path, std::string_view text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fuzz::fail("cannot write the page", path);
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) fuzz::fail("cannot write the page", path);
    done += static_cast<size_t>(n);
  }
  ::close(fd);
}

// Every canary the edition's page shows, and those outside internal boxes.
struct Shown {
  size_t all = 0, outside = 0;
};

Shown shown(const Page& page) {
  Shown s;
  // The search words are in lower case, so the canary is counted in any case: "Zqxcanary" in
  // the text is the word "zqxcanary" in the index.
  for (std::string text : {page.body.html, page.title, page.summary}) {
    for (char& c : text)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    s.all += fuzz::count_in(text, kCanary);
    s.outside += fuzz::count_outside_internal_boxes(text, kCanary);
  }
  // Headings and their ids are in the HTML too, and are counted there.
  s.all += fuzz::count_in_value(page.fields, kCanary);
  s.outside += fuzz::count_in_value(page.fields, kCanary);  // fields hold no boxes
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1 || size > 64 * 1024) return -1;
  const SiteConfig& config = fuzz::site();
  std::string rel = std::string(fuzz::folder_for(data[0])) + "/fuzz.md";
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  write_file((config.root / "content" / rel).native(), text);

  static const FileGate gate(config);
  Diagnostics pub_diags, int_diags;
  Page pub = load_page(config, gate, rel, {false, 1}, pub_diags);
  // The editions differ only through markers (in the body or a markdown field), internal
  // fields and visibility: without any of them, also not spelt with TOML escapes, the internal
  // edition is the public one, and loading it again would find nothing new.
  bool differs = data[0] % 3 == 1;
  for (std::string_view word : {"<!--", "secret", "visibility", "\\u", "\\U"})
    differs = differs || text.find(word) != std::string_view::npos;
  Page internal = differs ? load_page(config, gate, rel, {true, 1}, int_diags) : pub;
  fuzz::format_all(pub_diags);
  fuzz::format_all(int_diags);
  std::string resolved = replace_link_placeholders(pub.body.html, [](size_t) { return "x.html"; });
  if (pub.body.links.size() != pub.links.size() && pub.ok)
    fuzz::fail("links and their targets differ in number", text);

  if (!pub.ok || pub.internal) return 0;  // the build stops, or the page is not published
  if (pub.body.html.find("<div class=\"internal-passage\"") != std::string::npos)
    fuzz::fail("an internal passage box is in the public edition", text);
  Shown p = shown(pub), i = shown(internal);
  bool word = pub.body.words.find(kCanary) != std::string::npos;
  if (p.all > i.outside || (word && i.outside == 0)) {
    std::string detail = std::string(text) + "\n--- public HTML:\n" + pub.body.html +
                         "\n--- internal HTML:\n" + internal.body.html;
    fuzz::fail("text inside an internal passage is in the public edition", detail);
  }
  return 0;
}
