// The booklet's pages in print: a diagram's caption and legend on the page of its drawing, and
// the matrix of roles and forums whole on one landscape page. Read from the PDF with pdftotext
// (the page of each text) and pdfinfo (each page's size).
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>

#include "print_support.h"

using namespace hb::test;

namespace {

// "w x h" of page `page` of `pdf` in points, as pdfinfo prints it.
std::string page_size(const fs::path& pdf, int page) {
  std::string n = std::to_string(page), line, out;
  std::string cmd = "pdfinfo -f " + n + " -l " + n + " '" + pdf.string() + "'";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[512];
  while (fgets(buf, sizeof buf, p))
    out += buf;
  pclose(p);
  std::smatch m;
  REQUIRE(std::regex_search(out, m, std::regex("Page +" + n + " size: +([0-9.]+ x [0-9.]+) pts")));
  return m[1];
}

constexpr const char* kLandscape = "841.89 x 595.276";

// The row headings of the booklet's matrix, from its HTML.
std::vector<std::string> matrix_rows(const std::string& html) {
  size_t start = html.find("<table class=\"matrix\">"), end = html.find("</table>", start);
  REQUIRE(start != std::string::npos);
  std::string table = html.substr(start, end - start);
  std::vector<std::string> rows;
  std::regex row("<th scope=\"row\"><a [^>]*>([^<]*)</a>");
  for (std::sregex_iterator it(table.begin(), table.end(), row), none; it != none; ++it)
    rows.push_back((*it)[1]);
  return rows;
}

// The page (from 1) of each row heading after the matrix's first sentence: one page for all.
void check_matrix_on_one_landscape_page(const fs::path& pdf, const std::string& html) {
  std::string text = pdf_text(pdf);
  size_t at = text.find("En prik i tabellen betyder, at rollen deltager i forummet.");
  REQUIRE(at != std::string::npos);
  int page = page_with(text, "En prik i tabellen betyder");
  CHECK(page_size(pdf, page) == kLandscape);
  std::vector<std::string> rows = matrix_rows(html);
  REQUIRE(rows.size() > 1);
  size_t page_end = text.find('\f', at);
  for (auto& r : rows) {
    CAPTURE(r);
    size_t found = text.find(r, at);
    CHECK(found != std::string::npos);
    CHECK(found < page_end);
  }
  // No row of the matrix on the next page: its text starts with none of them.
  std::string next = text.substr(page_end + 1, 200);
  for (auto& r : rows)
    CHECK_MESSAGE(!next.starts_with(r), "a row alone on the next page: " << r);
}

}  // namespace

TEST_CASE("a diagram's caption and legend are printed on the page of its drawing") {
  if (std::string why = missing_print_tools(); !why.empty())
    return skip_test("the booklet's pages: " + why);
  TempDir tmp;
  fs::path pdf = fixture_booklet_pdf(tmp.path());
  std::string text = pdf_text(pdf);
  int org = page_with(text, "Pilen går fra en rolle til den, rollen svarer til");
  REQUIRE(org > 0);
  CHECK(page_with(text, "Organisationsdiagram: Roller") == org);
  CHECK(page_size(pdf, org) == kLandscape);
  int wheel = page_with(text, "Prik: en fastlagt mødemåned");
  REQUIRE(wheel > 0);
  CHECK(page_with(text, "Årshjul: Fora") == wheel);
  check_matrix_on_one_landscape_page(pdf, read_text(tmp / "b.html"));
}

TEST_CASE("the bundled handbook's matrix of roles and forums fits one landscape page") {
  if (std::string why = missing_print_tools(); !why.empty())
    return skip_test("the booklet's pages: " + why);
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  // Only the chapter of the roles, which holds the organisation diagram and the matrix.
  std::string toml = read_text(site / "handbook.toml");
  toml =
      std::regex_replace(toml, std::regex("\nchapters = \\[[^\\]]*\\]"), "\nchapters = [\"role\"]");
  write_file(site / "handbook.toml", toml);
  auto r = run({"booklet", "--site", site.string(), "--out", (tmp / "b.html").string(), "--pdf"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(tmp / "b.html");
  CHECK(matrix_rows(html).size() >= 20);
  check_matrix_on_one_landscape_page(tmp / "b.pdf", html);
  std::string text = pdf_text(tmp / "b.pdf");
  int org = page_with(text, "Pilen går fra en rolle til den, rollen svarer til");
  REQUIRE(org > 0);
  CHECK(page_with(text, "Organisationsdiagram: Roller") == org);
}

TEST_CASE("a link to a heading with Danish letters gets the page number of the heading") {
  if (std::string why = missing_print_tools(); !why.empty())
    return skip_test("the booklet's pages: " + why);
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_tree(fixture("booklet"), site);
  for (std::string part : {"templates", "theme"})
    fs::copy(source_dir() / part, site / part,
             fs::copy_options::recursive | fs::copy_options::skip_existing);
  fs::path forord = site / "content/pages/forord.md";
  write_file(forord, read_text(forord) +
                         "\nSe [de næste møder](../forums/bestyrelsesmoede.md#møderne-2).\n");
  auto r = run({"booklet", "--site", site.string(), "--out", (tmp / "b.html").string(), "--pdf"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(tmp / "b.html").find("href=\"#") != std::string::npos);
  CHECK(r.err.find("undefined anchor") == std::string::npos);
  std::string text = pdf_text(tmp / "b.pdf");
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex("de næste møder \\(se side ([0-9]+)\\)")));
  CHECK(page_with(text, "Møderne 2") == std::stoi(m[1]));
}
