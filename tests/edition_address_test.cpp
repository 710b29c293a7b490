// Each edition at its own address: a profile's base_url for its sitemap, canonical links and
// booklet, and a 404 page whose links start at the path of that address.
#include <doctest/doctest.h>

#include <regex>

#include "support.h"

using namespace hb::test;

namespace {

// The bundled handbook with `internal` as [profiles.internal] base_url ("" leaves it out) and
// `public_url` as [site] base_url.
fs::path bundled_with(const TempDir& tmp, const std::string& internal,
                      const std::string& public_url = "https://www.vejle.dk/ejerstrategi/") {
  fs::path site = tmp / "site";
  for (const char* part : {"content", "templates", "theme"})
    copy_tree(source_dir() / part, site / part);
  std::string toml = read_text(source_dir() / "handbook.toml");
  toml = std::regex_replace(toml, std::regex("\nbase_url = \"https://intranet[^\n]*"),
                            internal.empty() ? "" : "\nbase_url = \"" + internal + "\"");
  toml = std::regex_replace(toml, std::regex("\nbase_url = \"https://www.vejle.dk/ejerstrategi/\""),
                            public_url.empty() ? "" : "\nbase_url = \"" + public_url + "\"");
  write_file(site / "handbook.toml", toml);
  return site;
}

std::string build(const fs::path& site, const fs::path& out, const std::string& profile) {
  CliResult r =
      run({"build", "--site", site.string(), "--profile", profile, "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.err;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "a profile's base_url is the internal edition's address in its sitemap, canonical "
    "links and booklet, and the public edition keeps [site] base_url") {
  TempDir tmp;
  fs::path site = bundled_with(tmp, "https://intranet.vejle.dk/haandbog/");
  build(site, tmp / "internal", "internal");
  build(site, tmp / "public", "public");
  std::string sitemap = read_text(tmp / "internal" / "sitemap.xml");
  CHECK(count(sitemap, "<loc>https://intranet.vejle.dk/haandbog/") == count(sitemap, "<loc>"));
  CHECK(sitemap.find("<loc>https://intranet.vejle.dk/haandbog/roles/bestyrelsen.html</loc>") !=
        std::string::npos);
  CHECK(sitemap.find("www.vejle.dk") == std::string::npos);
  CHECK(read_text(tmp / "internal" / "roles" / "bestyrelsen.html")
            .find("<link rel=\"canonical\" href=\"https://intranet.vejle.dk/haandbog/roles/"
                  "bestyrelsen.html\" />") != std::string::npos);
  CHECK(
      read_text(tmp / "internal" / "roles" / "index.html")
          .find("<link rel=\"canonical\" href=\"https://intranet.vejle.dk/haandbog/roles/\" />") !=
      std::string::npos);
  for (auto& file : read_tree(tmp / "internal")) {
    const std::string& rel = file.first;
    const std::string& text = file.second;
    CAPTURE(rel);
    CHECK(text.find("www.vejle.dk/ejerstrategi") == std::string::npos);
  }
  std::string public_map = read_text(tmp / "public" / "sitemap.xml");
  CHECK(count(public_map, "<loc>https://www.vejle.dk/ejerstrategi/") == count(public_map, "<loc>"));
  CHECK(read_text(tmp / "public" / "robots.txt") ==
        "User-agent: *\nAllow: /\n\nSitemap: https://www.vejle.dk/ejerstrategi/sitemap.xml\n");
  CHECK(read_text(tmp / "public" / "index.html")
            .find("<link rel=\"canonical\" href=\"https://www.vejle.dk/ejerstrategi/\" />") !=
        std::string::npos);

  CliResult b = run({"booklet", "--site", site.string(), "--profile", "internal", "--out",
                     (tmp / "booklet.html").string()});
  REQUIRE(b.exit_code == 0);
  std::string booklet = read_text(tmp / "booklet.html");
  CHECK(booklet.find("<a href=\"https://intranet.vejle.dk/haandbog/\">https://intranet.vejle.dk/"
                     "haandbog/</a>") != std::string::npos);
  CHECK(booklet.find("www.vejle.dk/ejerstrategi") == std::string::npos);
}

TEST_CASE(
    "without a profile's base_url an edition has [site] base_url, and without either no "
    "canonical link") {
  TempDir tmp;
  fs::path site = bundled_with(tmp, "");
  build(site, tmp / "internal", "internal");
  CHECK(read_text(tmp / "internal" / "sitemap.xml")
            .find("<loc>https://www.vejle.dk/ejerstrategi/roles/</loc>") != std::string::npos);
  TempDir bare;
  fs::path none = bundled_with(bare, "", "");
  build(none, bare / "public", "public");
  CHECK(read_text(bare / "public" / "index.html").find("rel=\"canonical\"") == std::string::npos);
  CHECK(read_text(bare / "public" / "sitemap.xml").find("<loc>roles/</loc>") != std::string::npos);
}

TEST_CASE("a base_url that is not a web address is an error at its line") {
  for (std::string bad : {"intranet.vejle.dk/x/", "ftp://intranet/x/", "https://", "https:///x",
                          "https://intranet/a b/", "https://intranet/x/?a=1",
                          "https://intranet/\\\"x/", "javascript:alert(1)"}) {
    CAPTURE(bad);
    TempDir tmp;
    fs::path site = bundled_with(tmp, "https://intranet.vejle.dk/ejerstrategi/");
    std::string toml = read_text(site / "handbook.toml");
    std::string good = "base_url = \"https://intranet.vejle.dk/ejerstrategi/\"";
    size_t at = toml.find(good);
    REQUIRE(at != std::string::npos);
    toml.replace(at, good.size(), "base_url = \"" + bad + "\"");
    write_file(site / "handbook.toml", toml);
    int line =
        1 + static_cast<int>(std::count(toml.begin(), toml.begin() + static_cast<long>(at), '\n'));
    CliResult r = run({"check", "--site", site.string(), "--profile", "internal"});
    CHECK(r.exit_code == 1);
    std::string shown = "base_url = \"" + bad + "\"";
    CHECK(r.err == (site / "handbook.toml").generic_string() + ":" + std::to_string(line) +
                       ":12: fejl: 'base_url' skal være den webadresse, udgaven offentliggøres "
                       "på: den begynder med https:// og har ingen mellemrum, anførselstegn, '#' "
                       "eller '?', fx \"https://www.vejle.dk/ejerstrategi/\"\n    " +
                       shown + "\n               ^\n1 fejl\n");
  }
}

TEST_CASE(
    "the 404 page's links and stylesheet start at the path of the edition's address, so it "
    "works when the server returns it for a missing address at any depth") {
  TempDir tmp;
  fs::path site = bundled_with(tmp, "https://intranet.vejle.dk/haandbog/");
  build(site, tmp / "public", "public");
  build(site, tmp / "internal", "internal");
  for (auto pair : {std::pair{"public", "/ejerstrategi/"}, {"internal", "/haandbog/"}}) {
    const char* edition = pair.first;
    const char* path = pair.second;
    CAPTURE(edition);
    std::string page = read_text(tmp / edition / "404.html");
    CHECK(page.find("<link rel=\"stylesheet\" href=\"" + std::string(path) + "theme/site.css?v=") !=
          std::string::npos);
    CHECK(page.find("<script src=\"" + std::string(path) + "theme/search.js?v=") !=
          std::string::npos);
    CHECK(page.find("data-root=\"" + std::string(path) + "\"") != std::string::npos);
    // Every address in it is absolute: from the edition's path, or another site's.
    std::smatch m;
    std::string rest = page;
    size_t links = 0;
    while (std::regex_search(rest, m, std::regex("(href|src|action)=\"([^\"]*)\""))) {
      std::string url = m[2];
      CAPTURE(url);
      CHECK((url.starts_with(path) || url.starts_with("https://") || url.starts_with("#")));
      ++links;
      rest = m.suffix();
    }
    CHECK(links > 10);
    CHECK(page.find("rel=\"canonical\"") == std::string::npos);
  }
  TempDir bare;
  fs::path none = bundled_with(bare, "", "");
  build(none, bare / "public", "public");
  CHECK(read_text(bare / "public" / "404.html")
            .find("<link rel=\"stylesheet\" href=\"/theme/site.css?v=") != std::string::npos);
  // Other pages keep relative links: an edition works from any folder and from file://.
  CHECK(read_text(tmp / "public" / "roles" / "bestyrelsen.html")
            .find("<link rel=\"stylesheet\" href=\"../theme/site.css?v=") != std::string::npos);
}
