// The file gate on its own: a small site in a temporary folder, and what the gate admits from
// it as a page, an attachment or a theme file.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "content/file_gate.h"
#include "support.h"

using namespace hb;
using namespace hb::test;

namespace {

// content/ and theme/ with a few files, and a file beside the site that no link may reach.
struct GateSite {
  TempDir tmp;
  fs::path root = tmp / "site";
  SiteConfig config;

  GateSite() {
    write_file(root / "content/roles/bestyrelsen.md", "+++\ntitle = \"B\"\n+++\n");
    write_file(root / "content/roles/hemmelig.md", "+++\ntitle = \"H\"\n+++\n");
    write_file(root / "content/roles/plan.pdf", "%PDF");
    write_file(root / "content/roles/KORT.PNG", "png");
    write_file(root / "theme/site.css", "body {}");
    write_file(tmp / "outside.md", "+++\ntitle = \"Hemmeligt udenfor\"\n+++\n");
    write_file(tmp / "outside.pdf", "%PDF");
    config.root = root;
  }
  void link(const std::string& rel, const fs::path& target) const {
    fs::create_directories((root / rel).parent_path());
    fs::create_symlink(target, root / rel);
  }
  Admission admit(FileRole role, const std::string& rel) const {
    return FileGate(config).admit(role, rel);
  }
  std::string refusal(FileRole role, const std::string& rel) const {
    Admission a = admit(role, rel);
    CHECK(a.real.empty());
    return a.refusal;
  }
};

const std::string kAllowed =
    "pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp, txt, csv, png, jpg, jpeg, gif, webp";

}  // namespace

TEST_CASE("the gate admits pages, attachments and theme files inside the site") {
  hb::test::EnglishMessages english;
  GateSite s;
  Admission page = s.admit(FileRole::Page, "roles/bestyrelsen.md");
  REQUIRE(page);
  CHECK(page.real == fs::canonical(s.root / "content/roles/bestyrelsen.md"));
  CHECK(s.admit(FileRole::Attachment, "roles/plan.pdf"));
  CHECK(s.admit(FileRole::Attachment, "roles/KORT.PNG"));  // the type in any case
  CHECK(s.admit(FileRole::ThemeFile, "site.css"));
  // a link inside the site may lead to another file inside the same folder
  s.link("content/roles/plan-kopi.pdf", "plan.pdf");
  Admission copy = s.admit(FileRole::Attachment, "roles/plan-kopi.pdf");
  REQUIRE(copy);
  CHECK(copy.real == fs::canonical(s.root / "content/roles/plan.pdf"));
}

TEST_CASE("the gate refuses a file whose real path leaves content/ or theme/") {
  hb::test::EnglishMessages english;
  GateSite s;
  s.link("content/roles/etc", "/etc");
  s.link("content/roles/udenfor.md", s.tmp / "outside.md");
  s.link("content/roles/udenfor.pdf", "../../../outside.pdf");
  s.link("theme/passwd.css", "/etc/passwd");
  s.link("content/roles/tema.pdf", "../../theme/site.css");  // theme/ is no attachment's folder
  const std::string out =
      " leads out of content/ through a symbolic link: the build reads only files inside the "
      "site's content/ and theme/";
  CHECK(s.refusal(FileRole::Attachment, "roles/etc/shadow") == "content/roles/etc/shadow" + out);
  CHECK(s.refusal(FileRole::Page, "roles/udenfor.md") == "content/roles/udenfor.md" + out);
  CHECK(s.refusal(FileRole::Attachment, "roles/udenfor.pdf") == "content/roles/udenfor.pdf" + out);
  CHECK(s.refusal(FileRole::Attachment, "roles/tema.pdf") == "content/roles/tema.pdf" + out);
  CHECK(s.refusal(FileRole::ThemeFile, "passwd.css") ==
        "theme/passwd.css leads out of theme/ through a symbolic link: the build reads only files "
        "inside the site's content/ and theme/");
  // the refusal names the link, never what the file outside holds
  CHECK(s.refusal(FileRole::Page, "roles/udenfor.md").find("Hemmeligt") == std::string::npos);
}

TEST_CASE("a content/ or theme/ that itself leads out of the site admits nothing") {
  hb::test::EnglishMessages english;
  GateSite s;
  fs::rename(s.root / "content", s.tmp / "elsewhere");
  fs::create_symlink(s.tmp / "elsewhere", s.root / "content");
  fs::remove_all(s.root / "theme");
  fs::create_symlink("/etc", s.root / "theme");
  CHECK(s.refusal(FileRole::Attachment, "roles/plan.pdf") ==
        "content/roles/plan.pdf leads out of content/ through a symbolic link: the build reads "
        "only files inside the site's content/ and theme/");
  CHECK(!s.admit(FileRole::Page, "roles/bestyrelsen.md"));
  CHECK(!s.admit(FileRole::ThemeFile, "passwd"));
  // a folder inside the site may be reached through a link
  fs::remove(s.root / "content");
  fs::rename(s.tmp / "elsewhere", s.root / "kilder");
  fs::create_symlink("kilder", s.root / "content");
  CHECK(s.admit(FileRole::Attachment, "roles/plan.pdf"));
}

TEST_CASE("the gate refuses paths that are not plain paths inside the folder") {
  hb::test::EnglishMessages english;
  GateSite s;
  for (std::string rel : {"", "/etc/passwd", "../outside.pdf", "roles/../roles/plan.pdf",
                          "./roles/plan.pdf", "roles//plan.pdf", "roles/plan.pdf/"}) {
    CAPTURE(rel);
    CHECK(s.refusal(FileRole::Attachment, rel) ==
          "content/" + rel + " is not a path inside content/");
  }
}

TEST_CASE("the gate never admits a Markdown source as an attachment, in any spelling") {
  hb::test::EnglishMessages english;
  GateSite s;
  write_file(s.root / "content/roles/noter.MD", "internal");
  write_file(s.root / "content/roles/noter.Md", "internal");
  write_file(s.root / "content/roles/noter.markdown", "internal");
  s.link("content/roles/hemmelig.pdf", "hemmelig.md");  // an allowed name for a page's source
  const std::string source =
      " is a Markdown source, which is never published as a file: a page must be named *.md, and "
      "a link to it names that file";
  CHECK(s.refusal(FileRole::Attachment, "roles/hemmelig.md") ==
        "content/roles/hemmelig.md" + source);
  CHECK(s.refusal(FileRole::Attachment, "roles/noter.MD") == "content/roles/noter.MD" + source);
  CHECK(s.refusal(FileRole::Attachment, "roles/noter.Md") == "content/roles/noter.Md" + source);
  CHECK(s.refusal(FileRole::Attachment, "roles/noter.markdown") ==
        "content/roles/noter.markdown" + source);
  CHECK(s.refusal(FileRole::Attachment, "roles/hemmelig.pdf") ==
        "content/roles/hemmelig.pdf leads to a Markdown source, which is never published as a "
        "file");
  // ... even when a site lists a Markdown type among its attachments (the settings refuse that)
  s.config.attachments.allowed = {"md", "pdf"};
  CHECK(!s.admit(FileRole::Attachment, "roles/hemmelig.md"));
  CHECK(!s.admit(FileRole::Attachment, "roles/hemmelig.pdf"));
}

TEST_CASE("attachments are of the allowed types: documents and images unless a site says more") {
  hb::test::EnglishMessages english;
  GateSite s;
  for (std::string type : {"html", "htm", "svg", "js", "mjs", "xml", "xhtml", "php", "css"}) {
    CAPTURE(type);
    write_file(s.root / ("content/roles/x." + type), "<script>alert(1)</script>");
    CHECK(s.refusal(FileRole::Attachment, "roles/x." + type) ==
          "content/roles/x." + type + " is of type '." + type +
              "', which is not an allowed attachment type: the allowed types are " + kAllowed +
              " ([attachments] allowed in handbook.toml)");
  }
  write_file(s.root / "content/roles/shadow", "x");
  CHECK(s.refusal(FileRole::Attachment, "roles/shadow") ==
        "content/roles/shadow has no file type (like .pdf), so it cannot be an attachment: the "
        "allowed types are " +
            kAllowed);
  s.config.attachments.allowed = {"pdf", "svg"};
  CHECK(s.admit(FileRole::Attachment, "roles/x.svg"));
  CHECK(!s.admit(FileRole::Attachment, "roles/x.html"));
  CHECK(!s.admit(FileRole::Attachment, "roles/KORT.PNG"));  // the list replaces the default
}

TEST_CASE("names that break web addresses or hide a file are refused") {
  hb::test::EnglishMessages english;
  GateSite s;
  for (std::string name : {"a#b.pdf", "a?b.pdf", "a%20b.pdf", "a b.pdf", "a:b.pdf", "a\"b.pdf",
                           "a<b.pdf", "a\\b.pdf", "a\tb.pdf"}) {
    CAPTURE(name);
    write_file(s.root / "content/roles" / name, "%PDF");
    std::string refusal = s.refusal(FileRole::Attachment, "roles/" + name);
    std::string shown = name == "a\tb.pdf" ? "a\uFFFDb.pdf" : name;  // a control character
    CHECK(refusal.starts_with("the name content/roles/" + shown + " contains "));
    CHECK(refusal.ends_with(
        ", which breaks web addresses: rename it using letters, digits, '-', '_' and '.'"));
  }
  CHECK(s.refusal(FileRole::Attachment, "roles/a#b.pdf") ==
        "the name content/roles/a#b.pdf contains '#', which breaks web addresses: rename it "
        "using letters, digits, '-', '_' and '.'");
  CHECK(s.refusal(FileRole::Attachment, "roles/a b.pdf").find("contains a space,") !=
        std::string::npos);
  write_file(s.root / "content/roles/a #b.md", "+++\n+++\n");
  CHECK(!s.admit(FileRole::Page, "roles/a #b.md"));
  write_file(s.root / "content/.git/config.txt", "secret");
  CHECK(s.refusal(FileRole::Attachment, ".git/config.txt") ==
        "content/.git/config.txt is hidden (a name that starts with '.'), and hidden files are "
        "never published");
  write_file(s.root / "content/roles/bilag-æøå.pdf", "%PDF");  // letters of any language
  CHECK(s.admit(FileRole::Attachment, "roles/bilag-æøå.pdf"));
}

// A name that is not UTF-8 was published: its page under a name that the search index and the
// links spell otherwise. A control character in a name is shown as U+FFFD in the report, so
// that the report keeps to its line.
TEST_CASE("a name that is not UTF-8 is refused, and a report shows no control character") {
  hb::test::EnglishMessages english;
  GateSite s;
  write_file(s.root /
                 "content/roles/a\xff"
                 "b.md",
             "+++\n+++\n");
  write_file(s.root / "content/roles/bilag-\xe6.pdf", "%PDF");  // Latin-1
  CHECK(s.refusal(FileRole::Page,
                  "roles/a\xff"
                  "b.md") ==
        "the name content/roles/a\uFFFDb.md is not valid UTF-8, so no web address can name the "
        "file safely: rename it");
  CHECK(s.refusal(FileRole::Attachment, "roles/bilag-\xe6.pdf") ==
        "the name content/roles/bilag-\uFFFD.pdf is not valid UTF-8, so no web address can name "
        "the file safely: rename it");
  write_file(s.root / "content/roles/a\nb.md", "+++\n+++\n");
  CHECK(s.refusal(FileRole::Page, "roles/a\nb.md") ==
        "the name content/roles/a\uFFFDb.md contains a control character, which breaks web "
        "addresses: rename it using letters, digits, '-', '_' and '.'");
}

TEST_CASE("a page is a Markdown source, and index.md never replaces a section's list page") {
  hb::test::EnglishMessages english;
  GateSite s;
  write_file(s.root / "content/roles/index.md", "+++\n+++\n");
  CHECK(s.refusal(FileRole::Page, "roles/index.md") ==
        "content/roles/index.md would take the address of the section's list page, "
        "roles/index.html: a section's own page is named _index.md; rename this file");
  s.link("content/roles/kort.md", "plan.pdf");
  CHECK(s.refusal(FileRole::Page, "roles/kort.md") ==
        "content/roles/kort.md is a symbolic link: a page takes its collection and its edition "
        "from the folder it stands in, so a page is never read through a link (it could make an "
        "internal page public): put the file itself there");
}

TEST_CASE("the gate admits only regular files that exist") {
  hb::test::EnglishMessages english;
  GateSite s;
  CHECK(s.refusal(FileRole::Attachment, "roles/mangler.pdf") ==
        "there is no file content/roles/mangler.pdf");
  fs::create_directories(s.root / "content/roles/mappe.pdf");
  CHECK(s.refusal(FileRole::Attachment, "roles/mappe.pdf") ==
        "content/roles/mappe.pdf is a folder, not a file");
  REQUIRE(::mkfifo((s.root / "content/roles/roer.pdf").c_str(), 0600) == 0);
  CHECK(s.refusal(FileRole::Attachment, "roles/roer.pdf") ==
        "content/roles/roer.pdf is not a regular file");
  fs::create_hard_link(s.tmp / "outside.pdf", s.root / "content/roles/haard.pdf");
  CHECK(s.refusal(FileRole::Attachment, "roles/haard.pdf") ==
        "content/roles/haard.pdf is a hard link, one of several names of a file that may lie "
        "outside content/: replace it with a copy of the file");
  s.link("content/roles/dingler.pdf", "findes-ikke.pdf");
  CHECK(s.refusal(FileRole::Attachment, "roles/dingler.pdf") ==
        "content/roles/dingler.pdf is a symbolic link that leads to no file");
}

TEST_CASE("theme_files lists the theme's files and reports those the gate refuses") {
  hb::test::EnglishMessages english;
  GateSite s;
  write_file(s.root / "theme/fonts/a.woff2", "font");
  write_file(s.root / "theme/.DS_Store", "hidden");
  write_file(s.root / "theme/.cache/x.css", "hidden");
  s.link("theme/passwd.css", "/etc/passwd");
  s.link("theme/etc", "/etc");
  Diagnostics d;
  auto files = FileGate(s.config).theme_files(d);
  std::vector<std::string> rels;
  for (auto& f : files)
    rels.push_back(f.rel);
  CHECK(rels == std::vector<std::string>{"fonts/a.woff2", "site.css"});
  auto problems = d.sorted();
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].path == (s.root / "theme/etc").generic_string());
  CHECK(problems[0].message ==
        "theme/etc leads out of theme/ through a symbolic link: the build reads only files inside "
        "the site's content/ and theme/");
  CHECK(problems[1].path == (s.root / "theme/passwd.css").generic_string());
}

TEST_CASE("file_type is the ending after the last dot of the name") {
  hb::test::EnglishMessages english;
  CHECK(file_type("roles/plan.pdf") == "pdf");
  CHECK(file_type("roles/plan.tar.gz") == "gz");
  CHECK(file_type("roles.d/plan") == "");
  CHECK(file_type("roles/.htaccess") == "");
  CHECK(file_type("x.MD") == "MD");
}

TEST_CASE("a page is never read through a symbolic link, even to a page inside content/") {
  hb::test::EnglishMessages english;
  GateSite s;
  write_file(s.root / "content/notes/hemmelig.md", "+++\ntitle = \"Note\"\n+++\n");
  s.link("content/roles/offentlig.md", "../notes/hemmelig.md");
  s.link("content/roles/kopi.md", "bestyrelsen.md");
  const std::string link =
      " is a symbolic link: a page takes its collection and its edition from the folder it "
      "stands in, so a page is never read through a link (it could make an internal page "
      "public): put the file itself there";
  CHECK(s.refusal(FileRole::Page, "roles/offentlig.md") == "content/roles/offentlig.md" + link);
  CHECK(s.refusal(FileRole::Page, "roles/kopi.md") == "content/roles/kopi.md" + link);
  // the page itself is admitted, and an attachment may still be a link inside content/
  CHECK(s.admit(FileRole::Page, "notes/hemmelig.md"));
  s.link("content/roles/plan-kopi.pdf", "plan.pdf");
  CHECK(s.admit(FileRole::Attachment, "roles/plan-kopi.pdf"));
  // a content/ that is itself a link to a folder inside the site takes no page for a link
  fs::rename(s.root / "content", s.root / "kilder");
  fs::create_symlink("kilder", s.root / "content");
  CHECK(s.admit(FileRole::Page, "roles/bestyrelsen.md"));
}

// A page is read whole and a theme file too, an attachment copied into each edition: a sparse
// file of gigabytes (or a blob of git that packs to a few) took over a minute and its size in
// memory. Each is refused by its size, before it is read.
TEST_CASE("the gate refuses a file larger than its role allows, without reading it") {
  hb::test::EnglishMessages english;
  GateSite s;
  auto sized = [&](const std::string& rel, uintmax_t bytes) {
    write_file(s.root / rel, "");
    fs::resize_file(s.root / rel, bytes);
  };
  sized("content/roles/stor.md", 16'000'001);
  sized("content/roles/stor.pdf", 3'000'000'000);
  sized("theme/stor.png", 50'000'001);
  CHECK(s.refusal(FileRole::Page, "roles/stor.md") ==
        "content/roles/stor.md takes 17 MB, and a page may take at most 16 MB: split it into "
        "several pages");
  CHECK(s.refusal(FileRole::Attachment, "roles/stor.pdf") ==
        "content/roles/stor.pdf takes 3000 MB, and an attachment may take at most 250 MB: make "
        "the file smaller, or put it elsewhere and link to it there");
  CHECK(s.refusal(FileRole::ThemeFile, "stor.png") ==
        "theme/stor.png takes 51 MB, and a file in theme/ may take at most 50 MB");
  // the limits themselves are allowed
  sized("content/roles/stor.md", 16'000'000);
  sized("content/roles/stor.pdf", 250'000'000);
  sized("theme/stor.png", 50'000'000);
  CHECK(s.admit(FileRole::Page, "roles/stor.md"));
  CHECK(s.admit(FileRole::Attachment, "roles/stor.pdf"));
  CHECK(s.admit(FileRole::ThemeFile, "stor.png"));
}

TEST_CASE(
    "a link to a hidden file or folder inside the site is refused, and theme/ holds no "
    "Markdown source") {
  hb::test::EnglishMessages english;
  GateSite s;
  write_file(s.root / "content/.hid/s.txt", "hemmeligt");
  s.link("content/roles/h.txt", "../.hid/s.txt");
  s.link("content/roles/hd", "../.hid");
  std::string hidden =
      "leads through a symbolic link to a hidden file or folder (a name that "
      "starts with '.'), and hidden files are never published: put the file "
      "itself there";
  CHECK(s.refusal(FileRole::Attachment, "roles/h.txt") == "content/roles/h.txt " + hidden);
  CHECK(s.refusal(FileRole::Attachment, "roles/hd/s.txt") == "content/roles/hd/s.txt " + hidden);
  // A theme/ that is a link to the site's git repository publishes none of it.
  write_file(s.root / ".git/config", "[http] extraheader = AUTHORIZATION: basic SECRET\n");
  fs::rename(s.root / "theme", s.root / "mytheme");
  fs::create_directory_symlink(".git", s.root / "theme");
  CHECK(s.refusal(FileRole::ThemeFile, "config") == "theme/config " + hidden);
  Diagnostics diags;
  CHECK(FileGate(s.config).theme_files(diags).empty());
  CHECK(diags.error_count() == 1);
  // A theme/ that is a link to content/ publishes no page's source.
  fs::remove(s.root / "theme");
  fs::create_directory_symlink("content", s.root / "theme");
  std::string markdown =
      " is a Markdown source, which is never published as a file: move it out "
      "of theme/";
  CHECK(s.refusal(FileRole::ThemeFile, "roles/hemmelig.md") ==
        "theme/roles/hemmelig.md" + markdown);
  fs::remove(s.root / "theme");
  fs::rename(s.root / "mytheme", s.root / "theme");
  write_file(s.root / "theme/NOTER.Markdown", "noter");
  CHECK(s.refusal(FileRole::ThemeFile, "NOTER.Markdown") == "theme/NOTER.Markdown" + markdown);
  CHECK(s.admit(FileRole::ThemeFile, "site.css"));
}
