// The bundled handbook states the owner strategy as the sources give it: what a test can hold it
// to (the rest is read side by side with the sources).
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "support.h"

using namespace hb::test;

namespace {

// The text a reader sees on a page: the HTML without its tags and their attributes.
std::string visible_text(const std::string& html) {
  static const std::regex tags("<[^>]*>");
  return std::regex_replace(html, tags, " ");
}

}  // namespace

TEST_CASE("the bundled handbook proposes exactly the four forums of the sources") {
  std::set<std::string> proposed;
  for (auto& entry : fs::directory_iterator(source_dir() / "content/forums"))
    if (read_text(entry.path()).find("\nstatus = \"proposed\"\n") != std::string::npos)
      proposed.insert(entry.path().stem().string());
  CHECK(proposed == std::set<std::string>{"aarligt-koordinationsmoede", "faglige-temamoeder",
                                          "moeder-bestyrelse-og-udvalg",
                                          "temamoeder-om-projekter"});
}

TEST_CASE("the bundled handbook speaks of the workshop only where the process is the subject") {
  const std::set<std::string> process = {"pages/workshop-og-interview.html",
                                         "sources/vejle-ejerstrategi-workshop.html"};
  TempDir tmp;
  // The public edition: the internal one shows commit subjects, which speak of how it was made.
  auto r = run({"build", "--site", source_dir().string(), "--profile", "public", "--out",
                (tmp / "out").string()});
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> found;
  for (auto& [key, html] : read_tree(tmp / "out")) {
    const std::string& rel = key;  // doctest's CAPTURE cannot take a structured binding on clang
    if (!rel.ends_with(".html") || process.count(rel) || rel == "booklet.html") continue;
    std::string text = visible_text(html);
    for (auto& c : text)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text.find("workshop") != std::string::npos) found.push_back(rel);
  }
  CHECK_MESSAGE(found.empty(), "'workshop' on " << (found.empty() ? "" : found.front()));
}

TEST_CASE(
    "the bundled glossary explains TU, KNMU, takst and § 60, and the council approves tariffs") {
  std::string glossary = read_text(source_dir() / "content/pages/ordliste.md");
  for (std::string term : {"**TU**", "**KNMU**", "**Takst**", "**§ 60"}) {
    CAPTURE(term);
    CHECK(glossary.find(term) != std::string::npos);
  }
  std::string council = read_text(source_dir() / "content/roles/byraadet.md");
  std::string decides = council.substr(0, council.find("]", council.find("decides = [")));
  CHECK(decides.find("takst") != std::string::npos);
}
