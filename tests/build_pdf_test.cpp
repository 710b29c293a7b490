// `handbook build` publishes the booklet's PDF: booklet.pdf in the edition's output, written into
// the staged output before the swap, and linked from every page's footer with its size and page
// count beside the HTML booklet. A missing or failing WeasyPrint leaves the previous site as it
// was; --no-pdf skips the PDF.
#include <doctest/doctest.h>

#include <cstdlib>
#include <regex>

#include "print_support.h"

using namespace hb::test;

namespace {

// The booklet fixture with the repository's templates and styles, so that its pages have the
// site's footer.
fs::path small_site(const TempDir& tmp) {
  fs::path site = tmp / "site";
  copy_tree(fixture("booklet"), site);
  for (std::string part : {"templates", "theme"})
    fs::copy(source_dir() / part, site / part,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  return site;
}

// Sets an environment variable while it lives, then what it was before.
class EnvVar {
 public:
  EnvVar(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) before_ = old, had_ = true;
    setenv(name, value.c_str(), 1);
  }
  ~EnvVar() {
    if (had_)
      setenv(name_, before_.c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::string before_;
  bool had_ = false;
};

// A stand-in for Python that runs `body` (a shell script) instead of WeasyPrint.
fs::path fake_python(const TempDir& tmp, const std::string& body) {
  fs::path script = tmp / "bin/python3";
  write_file(script, "#!/bin/sh\n" + body + "\n");
  fs::permissions(script, fs::perms::owner_all);
  return script;
}

int line_of_booklet_table(const fs::path& site) {
  std::string toml = read_text(site / "handbook.toml");
  size_t at = toml.find("\n[booklet]");
  REQUIRE(at != std::string::npos);
  return static_cast<int>(
             std::count(toml.begin(), toml.begin() + static_cast<long>(at) + 1, '\n')) +
         1;
}

std::string footer_of(const fs::path& page) {
  std::string html = read_text(page);
  size_t at = html.find("<footer");
  REQUIRE(at != std::string::npos);
  return html.substr(at);
}

// A build that fails at the PDF: the error, the exit status 1 and the previous site unchanged,
// with no staging folder left beside it.
void check_failed_pdf_keeps_site(const fs::path& site, const fs::path& out,
                                 const std::string& error) {
  auto before = listing(out);
  REQUIRE(!before.empty());
  auto r = run_with_pdf({"build", "--site", site.string(), "--out", out.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err == error);
  CHECK(listing(out) == before);
  for (auto& e : fs::directory_iterator(out.parent_path()))
    CHECK(e.path().filename().string().find(".new-") == std::string::npos);
}

}  // namespace

TEST_CASE("handbook build writes the booklet's PDF and links it with its size and pages") {
  if (std::string why = missing_pdf_tools(); !why.empty())
    return skip_test("the PDF of handbook build: " + why);
  TempDir tmp;
  fs::path site = small_site(tmp), out = tmp / "out/public";
  auto r = run_with_pdf({"build", "--site", site.string(), "--out", out.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::is_regular_file(out / "booklet.pdf"));
  CHECK(read_text(out / "booklet.pdf").starts_with("%PDF-"));
  CHECK(r.out.find("handbook: laver hæftets PDF med WeasyPrint …\n") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m,
                            std::regex("handbook: skrev hæftets PDF, ([0-9]+) sider, "
                                       "på [0-9]+,[0-9] s\n")));
  std::string pages = m[1];
  std::string info = pdf_text(out / "booklet.pdf");
  CHECK(std::to_string(std::count(info.begin(), info.end(), '\f')) == pages);
  uintmax_t bytes = fs::file_size(out / "booklet.pdf");
  REQUIRE(bytes < 1000 * 1000);  // the fixture's PDF: a size in kB
  std::string size = std::to_string((bytes + 999) / 1000) + " kB";
  std::string link =
      "<li><a href=\"booklet.pdf\" type=\"application/pdf\">Hæfte til udskrift "
      "(PDF, " +
      size + ", " + pages +
      " sider)</a></li>\n<li><a href=\"booklet.html\">Hæftet som tilgængelig "
      "webside (HTML)</a></li>\n";
  CHECK(footer_of(out / "index.html").find(link) != std::string::npos);
  size_t at = 0;
  for (std::string step :
       {"læser hæftet", "anvender stilarkene", "opbygger dokumentet", "skriver filen"}) {
    CAPTURE(step);
    at = r.out.find("handbook: PDF: " + step + "\n", at);
    CHECK(at != std::string::npos);
  }
  CHECK(footer_of(out / "roles/bestyrelsen.html").find("href=\"../booklet.pdf\"") !=
        std::string::npos);
  CHECK(fs::is_regular_file(out / "booklet.html"));
}

TEST_CASE("handbook build --no-pdf writes no PDF and links the HTML booklet") {
  TempDir tmp;
  fs::path site = small_site(tmp), out = tmp / "out/public";
  EnvVar no_python("HANDBOOK_PYTHON", fake_python(tmp, "exit 7").string());  // never run
  auto r = run_with_pdf({"build", "--no-pdf", "--site", site.string(), "--out", out.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(!fs::exists(out / "booklet.pdf"));
  CHECK(r.out.find("PDF") == std::string::npos);
  std::string footer = footer_of(out / "index.html");
  CHECK(footer.find("<li><a href=\"booklet.html\">Hæfte til udskrift</a></li>") !=
        std::string::npos);
  CHECK(footer.find("booklet.pdf") == std::string::npos);
}

TEST_CASE("a site without [booklet] builds no PDF") {
  TempDir tmp;
  fs::path site = small_site(tmp), out = tmp / "out/public";
  std::string toml = read_text(site / "handbook.toml");
  write_file(site / "handbook.toml", toml.substr(0, toml.find("\n[booklet]")) + "\n");
  EnvVar no_python("HANDBOOK_PYTHON", fake_python(tmp, "exit 7").string());  // never run
  auto r = run_with_pdf({"build", "--site", site.string(), "--out", out.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(!fs::exists(out / "booklet.pdf"));
  CHECK(!fs::exists(out / "booklet.html"));
}

TEST_CASE("without WeasyPrint, handbook build says how to install it or skip the PDF") {
  TempDir tmp;
  fs::path site = small_site(tmp), out = tmp / "out/public";
  REQUIRE(run({"build", "--site", site.string(), "--out", out.string()}).exit_code == 0);
  // A PATH without weasyprint, and a Python without the weasyprint module.
  fs::create_directories(tmp / "empty");
  EnvVar path("PATH", (tmp / "empty").string());
  EnvVar python("HANDBOOK_PYTHON", fake_python(tmp, "exec /usr/bin/python3 -S \"$@\"").string());
  std::string line = std::to_string(line_of_booklet_table(site));
  std::string where = site.generic_string() + "/handbook.toml:" + line + ":1: ";
  check_failed_pdf_keeps_site(
      site, out,
      where +
          "fejl: hæftets PDF kan ikke laves, for WeasyPrint er ikke installeret: installer det "
          "med 'apt-get install weasyprint', eller byg uden PDF med 'handbook build --no-pdf'. "
          "Det forrige websted er uændret\n" +
          "    [booklet]\n    ^\n1 fejl\n");
  EnglishMessages english;
  auto r = run_with_pdf({"build", "--site", site.string(), "--out", out.string(), "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(":" + line +
                   ":1: error: the booklet's PDF cannot be made, for WeasyPrint is not installed: "
                   "install it with 'apt-get install weasyprint', or build without the PDF with "
                   "'handbook build --no-pdf'. The previous site is unchanged\n") !=
        std::string::npos);
}

TEST_CASE("a failed PDF leaves the previous site in place") {
  TempDir tmp;
  fs::path site = small_site(tmp), out = tmp / "out/public";
  REQUIRE(run({"build", "--site", site.string(), "--out", out.string()}).exit_code == 0);
  EnvVar python("HANDBOOK_PYTHON", fake_python(tmp, "echo 'the layout broke'; exit 1").string());
  std::string line = std::to_string(line_of_booklet_table(site));
  check_failed_pdf_keeps_site(
      site, out,
      site.generic_string() + "/handbook.toml:" + line +
          ":1: fejl: hæftets PDF kunne ikke laves, så det forrige websted er uændret. Byg uden "
          "PDF med 'handbook build --no-pdf', eller se fejlen med 'handbook booklet --pdf'. "
          "WeasyPrint mislykkedes med slutstatus 1\n  the layout broke\n" +
          "    [booklet]\n    ^\n1 fejl\n");
}

TEST_CASE("handbook build tells how far WeasyPrint has come") {
  TempDir tmp;
  fs::path site = small_site(tmp), out = tmp / "out/public";
  // WeasyPrint's progress as the script reports it: its steps and fifty pages, laid out twice.
  // The stand-in writes the PDF where the script would ($7).
  std::string report =
      "for s in 1 2 2 3 4; do echo \"handbook-pdf: step $s\"; done\n"
      "for p in $(seq 50); do echo \"handbook-pdf: page $p\"; done\n"
      "echo 'handbook-pdf: repaginate 1'\n"
      "for p in $(seq 50); do echo \"handbook-pdf: page $p\"; done\n"
      "echo 'handbook-pdf: step 6'; printf '%%PDF-1.7' > \"$7\"\n"
      "echo 'handbook-pdf: pages 50'";
  EnvVar python("HANDBOOK_PYTHON", fake_python(tmp, report).string());
  auto r = run_with_pdf({"build", "--site", site.string(), "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // Up to the build's own last line, "handbook: skrev N sider til ...".
  std::string told = r.out.substr(0, r.out.rfind("handbook: ", r.out.find(" sider til ")));
  CHECK(told ==
        "handbook: laver hæftets PDF med WeasyPrint …\n"
        "handbook: PDF: læser hæftet\n"
        "handbook: PDF: anvender stilarkene\n"
        "handbook: PDF: opbygger dokumentet\n"
        "handbook: PDF: 25 sider sat\n"
        "handbook: PDF: 50 sider sat\n"
        "handbook: PDF: sætter siderne igen, så sidetallene i henvisningerne passer\n"
        "handbook: PDF: 25 sider sat igen\n"
        "handbook: PDF: 50 sider sat igen\n"
        "handbook: PDF: skriver filen\n"
        "handbook: skrev hæftets PDF, 50 sider, på " +
            told.substr(told.rfind(" ") - 3));  // the time it took: "0,1 s"
  CHECK(std::regex_match(told.substr(told.rfind(" ") - 3), std::regex("[0-9],[0-9] s\n")));
  CHECK(read_text(out / "booklet.pdf") == "%PDF-1.7");
  CHECK(footer_of(out / "index.html").find("(PDF, 1 kB, 50 sider)") != std::string::npos);
}

TEST_CASE("--no-pdf is only for build") {
  auto r = run({"booklet", "--no-pdf"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("handbook: --no-pdf er kun for build\n"));
}
