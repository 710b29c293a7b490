// Attachments in whole builds: what the file gate lets into an edition, and that nothing else
// gets there, whatever a link looks like.
#include <doctest/doctest.h>

#include <algorithm>

#include "support.h"

using namespace hb::test;

namespace {

fs::path mini_site(const TempDir& tmp) {
  fs::path site = tmp / "site";
  copy_tree(fixture("mini"), site);
  return site;
}

void append(const fs::path& file, const std::string& text) {
  write_file(file, read_text(file) + text);
}

CliResult build(const fs::path& site, const fs::path& out, const std::string& profile) {
  return run({"build", "--site", site.string(), "--profile", profile, "--out", out.string()});
}

// Every file of `dir` whose name ends in a Markdown ending, in any case.
std::vector<std::string> markdown_files(const fs::path& dir) {
  std::vector<std::string> found;
  for (auto& [rel, text] : read_tree(dir)) {
    std::string lower = rel;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (lower.ends_with(".md") || lower.ends_with(".markdown")) found.push_back(rel);
  }
  return found;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("no Markdown source reaches an edition, however a link to it is spelt") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  append(site / "content/roles/byraadet.md",
         "\n[a](bestyrelsen.md/) [b](./bestyrelsen.md/.) [c](bestyrelsen.md//) "
         "[d](bestyrelsen.m%64) [e](bestyrelsen%2Emd%2F) [f](../roles/bestyrelsen.md/)\n"
         "\n<!-- internal -->\n[g](hemmelig.md/) [h](./hemmelig.md//.) [i](hemmelig.m%64)\n"
         "<!-- /internal -->\n");
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    auto r = build(site, tmp / profile, profile);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(markdown_files(tmp / profile).empty());
    std::string page = read_text(tmp / profile / "roles/byraadet.html");
    for (std::string text : {"a", "b", "c", "d", "e", "f"})
      CHECK(page.find("href=\"../roles/bestyrelsen.html\">" + text + "</a>") != std::string::npos);
    CHECK(count(page, "href=\"../roles/hemmelig.html\">") == (profile == "internal" ? 3 : 0));
    CHECK(page.find(".md") == std::string::npos);
    CHECK(page.find(".m%64") == std::string::npos);
  }
}

TEST_CASE("a public page's links to a public page by its source, with a slash, build cleanly") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  append(site / "content/roles/byraadet.md", "\n[a](bestyrelsen.md/) [b](./bestyrelsen.md/.)\n");
  auto r = build(site, tmp / "out", "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(markdown_files(tmp / "out").empty());
  std::string page = read_text(tmp / "out/roles/byraadet.html");
  CHECK(page.find("href=\"../roles/bestyrelsen.html\">a</a>") != std::string::npos);
  CHECK(page.find("href=\"../roles/bestyrelsen.html\">b</a>") != std::string::npos);
}

TEST_CASE("a link through a symbolic link out of the site fails the build, which writes nothing") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  fs::create_symlink("/etc", site / "content/roles/etc");
  append(site / "content/roles/byraadet.md", "\n[x](etc/passwd)\n");
  auto r = build(site, tmp / "out", "internal");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/etc/passwd fører ud af content/ gennem et symbolsk link") !=
        std::string::npos);
  CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("a symlinked page that leads out of the site is refused and never shown") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  write_file(tmp / "hemmeligt.md", "kanariehemmelighed\n+++\n");  // broken front matter
  fs::create_symlink(tmp / "hemmeligt.md", site / "content/roles/udenfor.md");
  for (std::vector<std::string> args :
       {std::vector<std::string>{"check"}, {"build", "--out", (tmp / "out").string()}}) {
    args.insert(args.end(), {"--site", site.string()});
    auto r = run(args);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("udenfor.md fører ud af content/") != std::string::npos);
    CHECK(r.err.find("kanariehemmelighed") == std::string::npos);
  }
  CHECK(!fs::exists(tmp / "out"));
}

TEST_CASE("attachments of allowed types are copied from the files the gate admitted") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  write_file(site / "content/roles/plan.pdf", "%PDF plan");
  write_file(site / "content/roles/bilag-æøå.PDF", "%PDF bilag");
  write_file(site / "content/filer/organisation.html", "<p>side</p>");
  fs::create_symlink("plan.pdf", site / "content/roles/plan-kopi.pdf");
  append(site / "content/roles/byraadet.md",
         "\n[a](plan.pdf) [b](bilag-%C3%A6%C3%B8%C3%A5.PDF) [c](plan-kopi.pdf) "
         "[d](../filer/organisation.html)\n");
  append(site / "handbook.toml", "\n[attachments]\nallowed = [\"pdf\", \"html\"]\n");
  auto r = build(site, tmp / "out", "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(tmp / "out/roles/plan.pdf") == "%PDF plan");
  CHECK(read_text(tmp / "out/roles/bilag-æøå.PDF") == "%PDF bilag");
  CHECK(read_text(tmp / "out/roles/plan-kopi.pdf") == "%PDF plan");
  CHECK(!fs::is_symlink(tmp / "out/roles/plan-kopi.pdf"));  // a copy, not the link
  CHECK(read_text(tmp / "out/filer/organisation.html") == "<p>side</p>");
  std::string page = read_text(tmp / "out/roles/byraadet.html");
  CHECK(page.find("href=\"../roles/bilag-%C3%A6%C3%B8%C3%A5.PDF\"") != std::string::npos);
  CHECK(page.find("href=\"../filer/organisation.html\"") != std::string::npos);
}

TEST_CASE("an attachment of an internal page or passage is only in the internal edition") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  write_file(site / "content/roles/hemmelig-bilag.pdf", "%PDF");
  write_file(site / "content/roles/passage-bilag.pdf", "%PDF");
  append(site / "content/roles/hemmelig.md", "\n[bilag](hemmelig-bilag.pdf)\n");
  append(site / "content/roles/byraadet.md",
         "\n<!-- internal -->\n[bilag](passage-bilag.pdf)\n<!-- /internal -->\n");
  REQUIRE(build(site, tmp / "public", "public").exit_code == 0);
  REQUIRE(build(site, tmp / "internal", "internal").exit_code == 0);
  CHECK(!fs::exists(tmp / "public/roles/hemmelig-bilag.pdf"));
  CHECK(!fs::exists(tmp / "public/roles/passage-bilag.pdf"));
  CHECK(fs::exists(tmp / "internal/roles/hemmelig-bilag.pdf"));
  CHECK(fs::exists(tmp / "internal/roles/passage-bilag.pdf"));
}

TEST_CASE("the theme is copied file by file through the gate, and hidden files stay behind") {
  TempDir tmp;
  fs::path site = mini_site(tmp);
  write_file(site / "theme/fonts/a.woff2", "font");
  write_file(site / "theme/.htaccess", "Options +Indexes");
  write_file(site / "theme/.git/config", "secret");
  auto r = build(site, tmp / "out", "public");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(tmp / "out/theme/fonts/a.woff2") == "font");
  CHECK(fs::exists(tmp / "out/theme/site.css"));
  CHECK(!fs::exists(tmp / "out/theme/.htaccess"));
  CHECK(!fs::exists(tmp / "out/theme/.git"));
  fs::create_symlink("/etc/passwd", site / "theme/passwd.css");
  auto refused = build(site, tmp / "out2", "public");
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("theme/passwd.css fører ud af theme/") != std::string::npos);
  CHECK(!fs::exists(tmp / "out2"));
}
