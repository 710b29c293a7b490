// "Rediger denne side" and "Se historik": links to a page's source on GitHub or GitLab, in the
// internal edition, and in the public one only when handbook.toml says so.
#include <doctest/doctest.h>

#include <regex>

#include "support.h"

using namespace hb::test;

namespace {

// The bundled handbook with `repository` as its [repository] section.
fs::path bundled_with(const TempDir& tmp, const std::string& repository) {
  fs::path site = tmp / "site";
  for (const char* part : {"content", "templates", "theme"})
    copy_tree(source_dir() / part, site / part);
  std::string toml = read_text(source_dir() / "handbook.toml");
  toml = std::regex_replace(toml, std::regex("\n\\[repository\\]\n(#? ?[a-z_]+ = [^\n]*\n)*"),
                            "\n" + repository);
  write_file(site / "handbook.toml", toml);
  return site;
}

fs::path built(const TempDir& tmp, const fs::path& site, const std::string& profile) {
  CliResult r = run(
      {"build", "--site", site.string(), "--profile", profile, "--out", (tmp / profile).string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return tmp / profile;
}

std::string links(const std::string& edit, const std::string& history) {
  return "<nav class=\"edit-links screen-only\" aria-label=\"Sidens kilde\">\n<ul>\n<li><a "
         "href=\"" +
         edit + "\">Rediger denne side</a></li>\n<li><a href=\"" + history +
         "\">Se historik</a></li>\n</ul>\n</nav>\n";
}

bool has(const fs::path& file, const std::string& text) {
  return read_text(file).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE(
    "the internal edition links each page to its file on GitHub, and the public edition "
    "does not by default") {
  TempDir tmp;
  fs::path site = bundled_with(tmp,
                               "[repository]\nurl = \"https://github.com/vejle/ejerstrategi/\""
                               "\nbranch = \"main\"\n");
  fs::path internal = built(tmp, site, "internal");
  std::string repo = "https://github.com/vejle/ejerstrategi/";
  CHECK(has(internal / "roles" / "bestyrelsen.html",
            links(repo + "edit/main/content/roles/bestyrelsen.md",
                  repo + "commits/main/content/roles/bestyrelsen.md")));
  CHECK(has(internal / "index.html",
            links(repo + "edit/main/content/_index.md", repo + "commits/main/content/_index.md")));
  CHECK(
      has(internal / "roles" / "index.html", links(repo + "edit/main/content/roles/_index.md",
                                                   repo + "commits/main/content/roles/_index.md")));
  // Every page made from a file has them; pages the build makes (terms, 404) have no file.
  size_t linked = 0;
  for (auto& file : read_tree(internal)) {
    const std::string& rel = file.first;
    const std::string& text = file.second;
    if (!rel.ends_with(".html") || rel == "booklet.html") continue;
    CAPTURE(rel);
    bool made = rel == "404.html" || rel.starts_with("themes/") || rel == "roller-og-fora.html" ||
                rel == "aendringer.html" || rel == "til-revision.html" || rel == "versioner.html" ||
                rel == "soeg.html";
    CHECK((text.find("class=\"edit-links screen-only\"") != std::string::npos) == !made);
    linked += !made;
  }
  CHECK(linked > 50);
  fs::path pub = built(tmp, site, "public");
  for (auto& file : read_tree(pub)) {
    const std::string& rel = file.first;
    const std::string& text = file.second;
    CAPTURE(rel);
    CHECK(text.find("class=\"edit-links screen-only\"") == std::string::npos);
    CHECK(text.find("github.com") == std::string::npos);
  }
}

TEST_CASE(
    "GitLab's pattern, guessed from the host or declared, with the site in a subfolder, and "
    "the public edition's links when public_links is true") {
  TempDir tmp;
  fs::path site = bundled_with(tmp,
                               "[repository]\nurl = \"https://gitlab.com/vejle/ejerstrategi.git\""
                               "\nbranch = \"udgivet/2027\"\npath = \"docs/handbog/\"\n"
                               "public_links = true\n");
  std::string repo = "https://gitlab.com/vejle/ejerstrategi/-/";
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    CHECK(has(built(tmp, site, profile) / "cases" / "aabenraa-anbringelser.html",
              links(repo + "edit/udgivet/2027/docs/handbog/content/cases/aabenraa-anbringelser.md",
                    repo + "commits/udgivet/2027/docs/handbog/content/cases/"
                           "aabenraa-anbringelser.md")));
  }
  TempDir own;
  fs::path hosted = bundled_with(own,
                                 "[repository]\nurl = \"https://git.vejle.dk/it/haandbog\"\n"
                                 "branch = \"main\"\nkind = \"gitlab\"\n");
  CHECK(has(built(own, hosted, "internal") / "pages" / "om-haandbogen.html",
            links("https://git.vejle.dk/it/haandbog/-/edit/main/content/pages/om-haandbogen.md",
                  "https://git.vejle.dk/it/haandbog/-/commits/main/content/pages/"
                  "om-haandbogen.md")));
}

TEST_CASE("a page's path with letters outside ASCII is percent-encoded in the links") {
  TempDir tmp;
  fs::path site = bundled_with(tmp,
                               "[repository]\nurl = \"https://github.com/vejle/x\"\n"
                               "branch = \"main\"\n");
  write_file(site / "content" / "pages" / "økonomi.md", "+++\ntitle = \"Økonomi\"\n+++\n");
  CHECK(has(built(tmp, site, "internal") / "pages" / "økonomi.html",
            links("https://github.com/vejle/x/edit/main/content/pages/%C3%B8konomi.md",
                  "https://github.com/vejle/x/commits/main/content/pages/%C3%B8konomi.md")));
}

TEST_CASE("a [repository] that would make a wrong or unsafe link is an error at its line") {
  auto error = [](const std::string& section, int line, int col, const std::string& source,
                  const std::string& message) {
    TempDir tmp;
    fs::path site = bundled_with(tmp, section);
    std::string toml = read_text(site / "handbook.toml");
    int first =
        1 + static_cast<int>(std::count(
                toml.begin(), toml.begin() + static_cast<long>(toml.find("[repository]")), '\n'));
    CliResult r = run({"check", "--site", site.string(), "--profile", "internal"});
    CAPTURE(section);
    CHECK(r.exit_code == 1);
    CHECK(r.err == (site / "handbook.toml").generic_string() + ":" + std::to_string(first + line) +
                       ":" + std::to_string(col) + ": fejl: " + message + "\n    " + source +
                       "\n    " + std::string(static_cast<size_t>(col - 1), ' ') + "^\n1 fejl\n");
  };
  std::string url =
      "[repository] skal have url = arkivets webadresse: den begynder med https:// og har ingen "
      "mellemrum, anførselstegn, '#', '?' eller '%', fx \"https://github.com/vejle/ejerstrategi\"";
  error("[repository]\nurl = \"http://github.com/vejle/x\"\nbranch = \"main\"\n", 1, 7,
        "url = \"http://github.com/vejle/x\"", url);
  error(
      "[repository]\nurl = \"https://github.com/vejle/x\\\"onmouseover=\\\"x\"\nbranch = "
      "\"main\"\n",
      1, 7, "url = \"https://github.com/vejle/x\\\"onmouseover=\\\"x\"", url);
  error("[repository]\nurl = \"javascript:alert(1)\"\nbranch = \"main\"\n", 1, 7,
        "url = \"javascript:alert(1)\"", url);
  error("[repository]\nurl = \"https://github.com/vejle/x\"\nbranch = \"main branch\"\n", 2, 10,
        "branch = \"main branch\"",
        "[repository] skal have branch = den gren, der offentliggøres, skrevet med bogstaver, tal, "
        "'-', '_', '.' og '/', fx \"main\"");
  error("[repository]\nurl = \"https://git.vejle.dk/x\"\nbranch = \"main\"\n", 1, 7,
        "url = \"https://git.vejle.dk/x\"",
        "det kan ikke ses på 'https://git.vejle.dk/x', om arkivet ligger på GitHub eller GitLab: "
        "tilføj kind = \"github\" eller kind = \"gitlab\"");
  error("[repository]\nurl = \"https://git.vejle.dk/x\"\nbranch = \"main\"\nkind = \"gitlap\"\n", 3,
        8, "kind = \"gitlap\"",
        "'kind' skal være \"github\" eller \"gitlab\", ikke 'gitlap' (mente du 'gitlab'?)");
  error("[repository]\nurl = \"https://github.com/vejle/x\"\nbranch = \"main\"\npath = \"../x\"\n",
        3, 8, "path = \"../x\"",
        "'path' skal være sitets mappe inde i arkivet, skrevet med bogstaver, tal, '-', '_', '.' "
        "og '/', fx \"handbog\"");
  error(
      "[repository]\nurl = \"https://github.com/vejle/x\"\nbranche = \"main\"\nbranch = \"main\"\n",
      2, 1, "branche = \"main\"",
      "ukendt indstilling 'branche' i [repository] (mente du 'branch'?)");
}
