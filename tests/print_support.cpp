#include "print_support.h"

#include <doctest/doctest.h>

#include <cstdlib>

namespace hb::test {

std::string missing_print_tools() {
  std::string why = missing_pdf_tools();
  if (why.empty() && std::system("command -v pdftoppm >/dev/null 2>&1") != 0)
    why = "pdftoppm not found (apt-get install -y poppler-utils)";
  return why;
}

fs::path fixture_booklet_pdf(const fs::path& dir, const std::string& variant,
                             const std::function<void(const fs::path& site)>& adjust) {
  fs::path site = dir / "site";
  copy_tree(fixture("booklet"), site);
  for (std::string part : {"templates", "theme"})
    fs::copy(source_dir() / part, site / part,
             fs::copy_options::recursive | fs::copy_options::skip_existing);
  if (adjust) adjust(site);
  std::vector<std::string> args = {
      "booklet", "--site", site.string(), "--out", (dir / "b.html").string(), "--pdf"};
  if (!variant.empty()) args.insert(args.end(), {"--pdf-variant", variant});
  auto r = run(args);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  return dir / "b.pdf";
}

std::string pdf_text(const fs::path& pdf, bool layout) {
  fs::path txt = fs::path(pdf).replace_extension(layout ? ".layout.txt" : ".txt");
  std::string cmd = std::string("pdftotext ") + (layout ? "-layout " : "") + "'" + pdf.string() +
                    "' '" + txt.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_text(txt);
}

int page_with(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return 0;
  int page = 1;
  for (size_t k = 0; k < at; ++k)
    if (text[k] == '\f') ++page;
  return page;
}

}  // namespace hb::test
