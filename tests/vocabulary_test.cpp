// Vocabularies: a taxonomy that declares its terms in handbook.toml accepts no other, and a
// term outside the list is reported at its place with the declared term it was probably meant as.
#include <doctest/doctest.h>

#include <toml++/toml.h>

#include "content/schema.h"
#include "support.h"

using namespace hb;
using namespace hb::test;

namespace {

// `path:line:col: fejl: message`, the source line and a caret under the column.
std::string error_text(const std::string& path, int line, int col, const std::string& source,
                       const std::string& message) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(col) + ": fejl: " + message +
         "\n    " + source + "\n    " + std::string(static_cast<size_t>(col - 1), ' ') + "^\n";
}

// A site whose roles have a field `themes` of the taxonomy `themes` with the terms `terms`.
struct Vocabulary {
  SiteConfig config;
  CollectionSpec roles;
  explicit Vocabulary(std::vector<std::string> terms) {
    config.taxonomies.push_back({"themes", "Temaer", "Tema", std::move(terms)});
    FieldSpec f;
    f.name = "themes";
    f.label = "Temaer";
    f.type = FieldType::List;
    f.of = FieldType::String;
    f.taxonomy = "themes";
    roles.name = "role";
    roles.singular = "Rolle";
    roles.fields.push_back(f);
  }
  // The problems of a role page with `themes_line` in its front matter, as check shows them.
  std::string check(const std::string& themes_line, Page& page) const {
    std::string text = "+++\ntitle = \"Byrådet\"\n" + themes_line + "\n+++\n";
    toml::table fm = toml::parse(text.substr(4, text.size() - 8));
    page.collection = &roles;
    Diagnostics diags;
    apply_front_matter(fm, config, page, {"roles/byraadet.md", text, 1, false}, diags);
    std::string out;
    for (auto& d : diags.sorted())
      out += format_text(d);
    return out;
  }
  std::string check(const std::string& themes_line) const {
    Page page;
    return check(themes_line, page);
  }
};

std::string not_declared(const std::string& term, const std::string& use) {
  return "'" + term +
         "' står ikke på listen over themes (Temaer) i handbook.toml ([taxonomies.themes] "
         "terms): brug " +
         use + ", eller tilføj '" + term + "' til listen";
}

const std::string kFew = "'klima og miljø', 'økonomi' eller 'rolleafklaring'";

// The problems that check reports for the site in `dir`, in one edition.
CliResult check(const fs::path& dir, const std::string& profile) {
  return run({"check", "--site", dir.string(), "--profile", profile});
}

}  // namespace

TEST_CASE("a term outside a declared vocabulary is an error at its place, with the term meant") {
  Vocabulary v({"klima og miljø", "økonomi", "rolleafklaring"});
  // A word of a term: the terms that contain it.
  CHECK(v.check("themes = [\"økonomi\", \"klima\"]") ==
        error_text("roles/byraadet.md", 3, 22, "themes = [\"økonomi\", \"klima\"]",
                   not_declared("klima", kFew) + " (mente du 'klima og miljø'?)"));
  // Another case: the term with the same page; the column counts characters, not bytes.
  CHECK(v.check("themes = [\"økonomi\", \"Økonomi\"]") ==
        error_text("roles/byraadet.md", 3, 22, "themes = [\"økonomi\", \"Økonomi\"]",
                   not_declared("Økonomi", kFew) + " (mente du 'økonomi'?)"));
  // A misspelling: the closest term.
  CHECK(v.check("themes = [\"rolleafklarring\"]") ==
        error_text("roles/byraadet.md", 3, 11, "themes = [\"rolleafklarring\"]",
                   not_declared("rolleafklarring", kFew) + " (mente du 'rolleafklaring'?)"));
  // Nothing like any term: no suggestion. Each term outside the list is reported.
  CHECK(v.check("themes = [\"trafik\", \"klima og miljø\", \"\"]") ==
        error_text("roles/byraadet.md", 3, 11, "themes = [\"trafik\", \"klima og miljø\", \"\"]",
                   not_declared("trafik", kFew)) +
            error_text("roles/byraadet.md", 3, 39,
                       "themes = [\"trafik\", \"klima og miljø\", \"\"]",
                       "en tom værdi i et felt under themes (Temaer): fjern den, eller skriv en "
                       "af dem på listen i handbook.toml ([taxonomies.themes] terms)"));
  CHECK(v.check("themes = [\"klima og miljø\", \"økonomi\"]").empty());
}

TEST_CASE("a long vocabulary is not listed in the message, and a word names up to three terms") {
  Vocabulary v({"digitalisering", "indkøb", "investeringsmodel", "kommunikation",
                "ledelsesinformation", "ledelsesopbakning", "offentlig-privat samarbejde",
                "tværfagligt samarbejde", "tværkommunalt samarbejde"});
  CHECK(v.check("themes = [\"samarbejde\"]") ==
        error_text("roles/byraadet.md", 3, 11, "themes = [\"samarbejde\"]",
                   not_declared("samarbejde", "en af dem") +
                       " (mente du 'offentlig-privat samarbejde', 'tværfagligt samarbejde' "
                       "eller 'tværkommunalt samarbejde'?)"));
  CHECK(v.check("themes = [\"ledelse\"]") == error_text("roles/byraadet.md", 3, 11,
                                                        "themes = [\"ledelse\"]",
                                                        not_declared("ledelse", "en af dem")));
}

TEST_CASE("a taxonomy without declared terms accepts any term") {
  Vocabulary v({});
  Page page;
  CHECK(v.check("themes = [\"klima\", \"Hvad som helst\"]", page).empty());
  using Terms = std::vector<std::pair<std::string, std::string>>;
  CHECK(page.terms == Terms{{"themes", "klima"}, {"themes", "Hvad som helst"}});
}

TEST_CASE("a declared term list with a term twice, in another case, or empty is an error there") {
  TempDir tmp;
  write_file(tmp / "handbook.toml",
             "[taxonomies.themes]\ntitle = \"Temaer\"\n"
             "terms = [\"økonomi\", \"klima\", \"økonomi\", \"Klima\", \" \", 3]\n"
             "[taxonomies.roles]\nterms = []\n");
  Diagnostics diags;
  SiteConfig config = load_config(tmp.path(), diags);
  std::string path = (tmp.path() / "handbook.toml").lexically_normal().generic_string();
  std::string line = "terms = [\"økonomi\", \"klima\", \"økonomi\", \"Klima\", \" \", 3]";
  std::string out;
  for (auto& d : diags.sorted())
    out += format_text(d);
  CHECK(out ==
        error_text(path, 3, 30, line,
                   "'økonomi' står to gange i [taxonomies.themes] terms: fjern den ene") +
            error_text(path, 3, 41, line,
                       "'Klima' og 'klima' i [taxonomies.themes] terms er kun forskellige i store "
                       "og små bogstaver: behold én stavemåde") +
            error_text(path, 3, 50, line, "[taxonomies.themes] terms har et tomt ord: fjern det") +
            error_text(path, 3, 55, line,
                       "[taxonomies.themes] terms må kun indeholde ord i anførselstegn") +
            error_text(path, 5, 9, "terms = []",
                       "[taxonomies.roles] terms skal være en liste over emneinddelingens ord, fx "
                       "[\"klima og miljø\", \"økonomi\"]; uden linjen er alle ord tilladt"));
  REQUIRE(config.taxonomy("themes"));
  CHECK(config.taxonomy("themes")->terms == std::vector<std::string>{"økonomi", "klima"});
}

TEST_CASE("the bundled handbook declares its themes: a misspelt theme in a page is an error") {
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    CHECK(check(site, profile).exit_code == 0);
  }
  fs::path page = site / "content" / "forums" / "bestyrelsesmoeder.md";
  std::string text = read_text(page);
  std::string before = "themes = [\"rolleafklaring\", \"koordinering på tværs\"]";
  std::string after = "themes = [\"rolleafklaring\", \"koordinering på tvers\"]";
  size_t at = text.find(before);
  REQUIRE(at != std::string::npos);
  int line = static_cast<int>(std::count(text.begin(), text.begin() + at, '\n')) + 1;
  text.replace(at, before.size(), after);
  write_file(page, text);
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    CliResult r = check(site, profile);
    CHECK(r.exit_code == 1);
    CHECK(r.err == error_text(page.generic_string(), line, 29, after,
                              "'koordinering på tvers' står ikke på listen over themes (Temaer) i "
                              "handbook.toml ([taxonomies.themes] terms): brug en af dem, eller "
                              "tilføj 'koordinering på tvers' til listen (mente du 'koordinering "
                              "på tværs'?)") +
                       "1 fejl\n");
  }
}
