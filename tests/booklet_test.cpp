// The printable booklet: its HTML structure, the editions' visibility, its errors, and the PDF
// that WeasyPrint makes of it (page numbers in the contents and in cross-references).
#include <doctest/doctest.h>
#include <tinyxml2.h>

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <set>

#include "support.h"

using namespace hb::test;

namespace {

// A copy of fixture `name` with the repository's booklet templates and print styles.
fs::path booklet_site(const TempDir& tmp, const std::string& name) {
  fs::path site = tmp / "site";
  copy_tree(fixture(name), site);
  fs::create_directories(site / "templates/partials");
  fs::create_directories(site / "theme");
  fs::copy_file(source_dir() / "templates/booklet.mustache", site / "templates/booklet.mustache",
                fs::copy_options::overwrite_existing);
  for (auto& e : fs::directory_iterator(source_dir() / "templates/partials"))
    if (e.path().filename().string().starts_with("booklet-"))
      fs::copy_file(e.path(), site / "templates/partials" / e.path().filename(),
                    fs::copy_options::overwrite_existing);
  for (std::string css : {"booklet.css", "booklet-diagrams.css"})
    fs::copy_file(source_dir() / "theme" / css, site / "theme" / css,
                  fs::copy_options::overwrite_existing);
  return site;
}

CliResult make_booklet(const fs::path& site, const fs::path& out, const std::string& profile,
                       std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"booklet",    "--site",    site.string(), "--out",
                                   out.string(), "--profile", profile};
  args.insert(args.end(), extra.begin(), extra.end());
  return run(args);
}

// What the tests read from a booklet's HTML.
struct Outline {
  std::vector<std::string> ids, local_hrefs, chapter_titles, contents_hrefs;
  std::vector<std::pair<std::string, std::string>> links;  // (class, href)
  bool cover = false, colophon = false;
};

std::string text_of(const tinyxml2::XMLElement* e) {
  std::string out;
  for (auto* n = e->FirstChild(); n; n = n->NextSibling()) {
    if (auto* t = n->ToText()) out += t->Value();
    if (auto* c = n->ToElement()) out += text_of(c);
  }
  return out;
}

bool has_class(const tinyxml2::XMLElement* e, const std::string& name) {
  const char* c = e->Attribute("class");
  if (!c) return false;
  std::string padded = " " + std::string(c) + " ";
  return padded.find(" " + name + " ") != std::string::npos;
}

void walk(const tinyxml2::XMLElement* e, Outline& o, bool in_contents) {
  std::string tag = e->Name();
  if (const char* id = e->Attribute("id")) o.ids.push_back(id);
  if (has_class(e, "cover")) o.cover = true;
  if (has_class(e, "colophon")) o.colophon = true;
  in_contents = in_contents || has_class(e, "contents");
  if (tag == "h1" && has_class(e, "chapter-title")) o.chapter_titles.push_back(text_of(e));
  if (const char* href = e->Attribute("href")) {
    std::string h = href;
    if (h.starts_with("#")) o.local_hrefs.push_back(percent_decoded(h.substr(1)));
    if (tag == "a") o.links.push_back({e->Attribute("class") ? e->Attribute("class") : "", h});
    if (in_contents && has_class(e, "contents-chapter")) o.contents_hrefs.push_back(h);
  }
  for (auto* c = e->FirstChildElement(); c; c = c->NextSiblingElement())
    walk(c, o, in_contents);
}

Outline outline_of(const std::string& html) {
  tinyxml2::XMLDocument doc;
  REQUIRE(doc.Parse(html.c_str()) == tinyxml2::XML_SUCCESS);
  Outline o;
  REQUIRE(doc.RootElement());
  walk(doc.RootElement(), o, false);
  return o;
}

// Every id is unique and every in-document link has a target.
void check_ids_and_targets(const Outline& o) {
  std::set<std::string> seen;
  for (auto& id : o.ids) {
    CAPTURE(id);
    CHECK(seen.insert(id).second);
  }
  for (auto& href : o.local_hrefs) {
    CAPTURE(href);
    CHECK(seen.count(href) == 1);
  }
}

// True (and says so, as a skipped test) when this machine cannot run the PDF test.
bool pdf_tools_missing() {
  std::string why = missing_pdf_tools();
  if (!why.empty()) skip_test("the booklet's PDF test: " + why);
  return !why.empty();
}

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return "";
  size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

struct PdfPage {
  std::vector<std::string> lines;  // non-empty, trimmed
  std::string header() const { return lines.empty() ? "" : lines.front(); }
  std::string footer() const { return lines.empty() ? "" : lines.back(); }
};

// The pages of `pdftotext -layout` output: they are separated by form feeds.
std::vector<PdfPage> pages_of(const std::string& text) {
  std::vector<PdfPage> pages(1);
  std::string line;
  for (char c : text + "\n") {
    if (c == '\f' || c == '\n') {
      if (!trim(line).empty()) pages.back().lines.push_back(trim(line));
      line.clear();
      if (c == '\f') pages.emplace_back();
      continue;
    }
    line += c;
  }
  while (!pages.empty() && pages.back().lines.empty())
    pages.pop_back();
  return pages;
}

// The page number that the contents give `title` ("Title ........ 12"): its first such line,
// since the contents come before the index.
int contents_number(const std::vector<PdfPage>& pages, const std::string& title) {
  static const std::regex entry(R"(^(.*?)[ .]*\.{2,}[ .]*(\d+)$)");
  for (auto& p : pages)
    for (auto& l : p.lines) {
      std::smatch m;
      if (std::regex_match(l, m, entry) && trim(m[1].str()) == title) return std::stoi(m[2]);
    }
  return -1;
}

// The 1-based number of the first page whose running header is `title`.
int first_page_headed(const std::vector<PdfPage>& pages, const std::string& title) {
  for (size_t k = 0; k < pages.size(); ++k)
    if (pages[k].header() == title) return static_cast<int>(k + 1);
  return -1;
}

// All text on one line, no-break spaces as spaces.
std::string flat(const std::string& text) {
  std::string t = std::regex_replace(text, std::regex("\xC2\xA0"), " ");
  return std::regex_replace(t, std::regex(R"(\s+)"), " ");
}

}  // namespace

TEST_CASE("the booklet is one document: cover, colophon, contents, chapters in order") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "booklet");
  auto r = make_booklet(site, tmp / "out/booklet.html", "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("handbook: skrev hæftet for udgaven 'public' til ") == 0);
  std::string html = read_text(tmp / "out/booklet.html");
  Outline o = outline_of(html);
  CHECK(o.cover);
  CHECK(o.colophon);
  CHECK(html.find("https://example.org/proeve/") != std::string::npos);  // the living version
  CHECK(o.chapter_titles ==
        std::vector<std::string>{"Forord", "Roller", "Fora", "Stikordsregister"});
  REQUIRE(o.contents_hrefs.size() == 4);
  check_ids_and_targets(o);
  // the print styles are inside the document: it needs no other file
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("target-counter(attr(href), page)") != std::string::npos);
}

TEST_CASE("the booklet's ids are unique per page and links between pages stay in the document") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "booklet");
  REQUIRE(make_booklet(site, tmp / "b.html", "internal").exit_code == 0);
  std::string html = read_text(tmp / "b.html");
  Outline o = outline_of(html);
  check_ids_and_targets(o);
  // three pages have a footnote 1: each keeps its own, with its page's prefix
  size_t footnotes = 0, xref_to_heading = 0, to_website = 0;
  for (auto& id : o.ids)
    if (std::regex_match(id, std::regex(R"(p\d+-fn-1)"))) ++footnotes;
  CHECK(footnotes == 3);
  for (auto& [cls, href] : o.links) {
    if (cls == "xref" && std::regex_match(href, std::regex(R"(#p\d+-dagsorden)")))
      ++xref_to_heading;
    if (cls == "web") {
      ++to_website;
      CHECK(href == "https://example.org/proeve/");  // the home page is not in the booklet
    }
    CHECK(href.find(".md") == std::string::npos);
    CHECK(href.find("index.html") == std::string::npos);
  }
  CHECK(xref_to_heading == 1);
  CHECK(to_website == 1);
}

TEST_CASE("the public booklet leaves out what the public website leaves out") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  auto pub = make_booklet(site, tmp / "public.html", "public");
  auto internal = make_booklet(site, tmp / "internal.html", "internal");
  INFO(pub.err << internal.err);
  REQUIRE(pub.exit_code == 0);
  REQUIRE(internal.exit_code == 0);
  std::string p = read_text(tmp / "public.html"), i = read_text(tmp / "internal.html");
  for (std::string secret : {"Intern note om bestyrelsen", "12 34 56 78", "Hemmelig rolle"}) {
    CAPTURE(secret);
    CHECK(p.find(secret) == std::string::npos);
    CHECK(i.find(secret) != std::string::npos);
  }
  CHECK(p.find("Intern version") == std::string::npos);
  CHECK(i.find("Intern version") != std::string::npos);
  // without [booklet], every collection is a chapter, in the order of handbook.toml
  CHECK(outline_of(p).chapter_titles ==
        std::vector<std::string>{"Roller", "Fora", "Stikordsregister"});
  check_ids_and_targets(outline_of(p));
  check_ids_and_targets(outline_of(i));
}

TEST_CASE("the bundled handbook's booklet has its chapters in order and unique ids") {
  TempDir tmp;
  auto r = make_booklet(source_dir(), tmp / "booklet.html", "internal");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  Outline o = outline_of(read_text(tmp / "booklet.html"));
  check_ids_and_targets(o);
  REQUIRE(o.chapter_titles.size() == 8);
  CHECK(o.chapter_titles.front() == "Om håndbogen");
  CHECK(o.chapter_titles.back() == "Stikordsregister");
}

TEST_CASE("build places booklet.html in the site's root when the site declares a booklet") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  auto none = run({"build", "--site", site.string(), "--out", (tmp / "none").string()});
  REQUIRE(none.exit_code == 0);
  CHECK(!fs::exists(tmp / "none/booklet.html"));
  write_file(site / "handbook.toml",
             read_text(site / "handbook.toml") + "\n[booklet]\ntitle = \"Mini\"\n");
  auto r = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(tmp / "out/booklet.html");
  CHECK(html.find("Bestyrelsen") != std::string::npos);
  CHECK(html.find("12 34 56 78") == std::string::npos);
}

TEST_CASE("nothing is written when the content has errors, and the diagnostics say why") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  write_file(site / "content/roles/byraadet.md", "+++\ntitle = \"Byrådet\nweight = 1\n+++\n");
  auto r = make_booklet(site, tmp / "b.html", "public", {"--pdf"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/byraadet.md:2:") != std::string::npos);
  CHECK(!fs::exists(tmp / "b.html"));
  CHECK(!fs::exists(tmp / "b.pdf"));
  CHECK(r.out.find("WeasyPrint") == std::string::npos);
}

TEST_CASE("booklet chapters that name nothing or repeat a page are errors in handbook.toml") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  std::string toml = read_text(site / "handbook.toml");
  write_file(
      site / "handbook.toml",
      toml + "\n[booklet]\nchapters = [\"roles\", \"forums/bestyrelsesmoede\", \"forum\"]\n");
  auto r = make_booklet(site, tmp / "b.html", "public");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("handbook.toml:") != std::string::npos);
  CHECK(r.err.find("hæftets kapitel 'roles' er hverken en samling eller en side (ingen samling "
                   "'roles', ingen fil content/roles.md) (mente du 'role'?)") != std::string::npos);
  CHECK(r.err.find("hæftets kapitel 'forum' gentager content/forums/bestyrelsesmoede.md, som "
                   "kapitlet 'forums/bestyrelsesmoede' allerede har") != std::string::npos);
  CHECK(!fs::exists(tmp / "b.html"));
  // check reports them too
  CHECK(run({"check", "--site", site.string()}).exit_code == 1);
}

TEST_CASE("a site without the booklet template gets a clear error from booklet only") {
  TempDir tmp;
  auto r = make_booklet(fixture("mini"), tmp / "b.html", "public");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(
            "skabelonen 'booklet' findes ikke: hæftet skal bruge templates/booklet.mustache") !=
        std::string::npos);
  CHECK(run({"check", "--site", fixture("mini").string()}).exit_code == 0);
}

TEST_CASE("booklet usage errors exit 2") {
  CHECK(run({"build", "--pdf"}).exit_code == 2);
  auto r = run({"booklet", "--pdf-variant", "pdf/ua-2"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("ukendt PDF-variant 'pdf/ua-2' (mente du 'pdf/ua-1'?)") != std::string::npos);
  CHECK(run({"booklet", "--pdf-variant"}).exit_code == 2);
}

TEST_CASE("a missing WeasyPrint is a clear error that names the package") {
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  setenv("HANDBOOK_PYTHON", (tmp / "no-such-python").c_str(), 1);
  auto r = make_booklet(site, tmp / "b.html", "public", {"--pdf"});
  unsetenv("HANDBOOK_PYTHON");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("handbook: laver PDF med WeasyPrint …") != std::string::npos);
  CHECK(r.err.find("WeasyPrint findes ikke: installer det med 'apt-get install -y weasyprint'") !=
        std::string::npos);
  CHECK(fs::exists(tmp / "b.html"));
  CHECK(!fs::exists(tmp / "b.pdf"));
}

TEST_CASE("the booklet's PDF: contents and cross-references carry the right page numbers") {
  if (pdf_tools_missing()) return;
  TempDir tmp;
  fs::path site = booklet_site(tmp, "booklet");
  auto r = make_booklet(site, tmp / "out/booklet.html", "public", {"--pdf-variant", "pdf/ua-1"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("handbook: laver PDF med WeasyPrint …") != std::string::npos);
  CHECK(r.err.find("refused") == std::string::npos);  // the booklet needs no other file
  REQUIRE(fs::exists(tmp / "out/booklet.pdf"));
  std::string cmd = "pdftotext -layout '" + (tmp / "out/booklet.pdf").string() + "' '" +
                    (tmp / "booklet.txt").string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string text = read_text(tmp / "booklet.txt");
  std::vector<PdfPage> pages = pages_of(text);
  REQUIRE(pages.size() > 8);

  // Each chapter starts on the page that the contents give it: the first page whose running
  // header is the chapter's title.
  std::map<std::string, int> starts;
  for (std::string title : {"Forord", "Roller", "Fora", "Stikordsregister"}) {
    CAPTURE(title);
    int listed = contents_number(pages, title), first = first_page_headed(pages, title);
    CHECK(listed > 3);
    CHECK(listed == first);
    starts[title] = first;
  }
  CHECK(starts["Forord"] < starts["Roller"]);
  CHECK(starts["Roller"] < starts["Fora"]);
  // a section's number lies within its chapter
  int byraadet = contents_number(pages, "Byrådet"), aarsmoede = contents_number(pages, "Årsmøde");
  CHECK(byraadet >= starts["Roller"]);
  CHECK(byraadet < starts["Fora"]);
  CHECK(aarsmoede >= starts["Fora"]);
  CHECK(aarsmoede < starts["Stikordsregister"]);

  // Every page after the cover has its number in the footer.
  for (size_t k = 1; k < pages.size(); ++k) {
    CAPTURE(k + 1);
    CHECK(pages[k].footer() == std::to_string(k + 1));
  }

  // Cross-references read "(se side N)" with the page of their target.
  std::string all = flat(text);
  CHECK(all.find("??") == std::string::npos);
  CHECK(!std::regex_search(all, std::regex(R"(\(se side\s*\))")));
  std::smatch m;
  REQUIRE(std::regex_search(all, m, std::regex(R"(rollerne \(se side (\d+)\) og fora)")));
  CHECK(std::stoi(m[1]) == starts["Roller"]);
  REQUIRE(std::regex_search(all, m, std::regex(R"(og fora \(se side (\d+)\))")));
  CHECK(std::stoi(m[1]) == starts["Fora"]);
  size_t refs = 0;
  const std::regex reference(R"(\(se side (\S*?)\))");
  for (auto it = std::sregex_iterator(all.begin(), all.end(), reference);
       it != std::sregex_iterator(); ++it, ++refs) {
    CAPTURE((*it)[0].str());
    CHECK(std::regex_match((*it)[1].str(), std::regex(R"(\d+)")));
  }
  CHECK(refs > 5);
}

TEST_CASE("WeasyPrint may read no file outside the booklet's folder") {
  if (pdf_tools_missing()) return;
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  std::string css = read_text(site / "theme/booklet.css");
  write_file(site / "theme/booklet.css",
             css +
                 "\nbody { background: url(file:///etc/hostname); }\n"
                 ".cover { background: url(https://example.org/logo.png); }\n");
  auto r = make_booklet(site, tmp / "out/b.html", "public", {"--pdf"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("handbook: hentede ikke file:///etc/hostname: PDF'en læser kun hæftet og de "
                   "billeder, det viser") != std::string::npos);
  CHECK(r.err.find("handbook: hentede ikke https://example.org/logo.png") != std::string::npos);
  CHECK(fs::exists(tmp / "out/b.pdf"));
}

namespace {

// A PNG of 2 x 2 red pixels.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00"
    "\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63"
    "\xf8\xcf\xc0\x00\x44\x0c\x10\x0a\x00\x1f\xee\x03\xfd\x8b\x5f\x14\xd4\x00\x00\x00\x00\x49"
    "\x45\x4e\x44\xae\x42\x60\x82",
    73);

// The number of images in a PDF: `pdfimages -list` prints two lines of headings, then one line
// for each image.
int images_in(const fs::path& pdf, const fs::path& listing) {
  std::string cmd = "pdfimages -list '" + pdf.string() + "' > '" + listing.string() + "'";
  if (std::system(cmd.c_str()) != 0) return -1;
  std::string text = read_text(listing);
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) - 2;
}

void add_styles(const fs::path& site, const std::string& css) {
  write_file(site / "theme/booklet.css", read_text(site / "theme/booklet.css") + css);
}

}  // namespace

TEST_CASE("the PDF shows the images of the booklet's pages and reads no other file beside it") {
  if (pdf_tools_missing()) return;
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  write_file(site / "content/roles/kort.png", kPng);
  write_file(site / "content/roles/byraadet.md",
             read_text(site / "content/roles/byraadet.md") + "\n![Kort](kort.png)\n");
  write_file(tmp / "x/beside.png", kPng);  // beside the booklet, but not one of its images
  add_styles(site, "\nbody { background: url(beside.png); }\n.cover { background: url(file://" +
                       (tmp / "x/beside.png").string() + "); }\n");
  auto r = make_booklet(site, tmp / "x/b.html", "public", {"--pdf"});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("handbook: hentede ikke file://" + (tmp / "x/beside.png").string() +
                   ": PDF'en læser kun hæftet og de billeder, det viser") != std::string::npos);
  CHECK(r.err.find("kort.png") == std::string::npos);  // the page's image is not refused
  CHECK(images_in(tmp / "x/b.pdf", tmp / "images.txt") == 1);
}

TEST_CASE("the public PDF never reads the internal edition beside it") {
  if (pdf_tools_missing()) return;
  TempDir tmp;
  fs::path site = booklet_site(tmp, "mini");
  write_file(site / "_site/internal/roles/kort.png", kPng);
  add_styles(site, "\nbody { background: url(internal/roles/kort.png); }\n");
  auto r = run({"booklet", "--site", site.string(), "--pdf"});  // into _site/booklet-public.html
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.find("handbook: hentede ikke file://" +
                   (site / "_site/internal/roles/kort.png").string()) != std::string::npos);
  CHECK(images_in(site / "_site/booklet-public.pdf", tmp / "images.txt") == 0);
}
