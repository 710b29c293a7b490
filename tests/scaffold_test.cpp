// handbook new: a page from its collection's schema, whose placeholders check refuses until
// they are filled in, on a scratch copy of the bundled site.
#include <doctest/doctest.h>

#include <sstream>

#include "app/scaffold.h"
#include "support.h"

using namespace hb::test;

namespace {

// A scratch copy of the bundled site (its settings, content, templates and theme).
// The diagnostic for a placeholder at line:col of `file`, as check prints it.
std::string unfilled(const std::string& file, int line, int col, const std::string& source,
                     const std::string& message) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": fejl: " + message +
         "\n    " + source + "\n    " + std::string(static_cast<size_t>(col - 1), ' ') + "^\n";
}

const std::string kTitle =
    "feltet 'title' (Titel) er ikke udfyldt: erstat \"UDFYLD\" med en "
    "tekst i anførselstegn";

struct Expected {
  std::string collection, folder;
  std::vector<std::pair<std::string, std::string>> placeholders;  // source line, message
  std::map<std::string, std::string> filled;  // the value each required field gets
};

// The fields `handbook new` writes for each bundled collection, with check's message for each.
std::vector<Expected> bundled() {
  std::string text = " er ikke udfyldt: erstat \"UDFYLD\" med en tekst i anførselstegn";
  std::pair<std::string, std::string> title = {"title = \"UDFYLD\"", kTitle};
  return {
      {"vision",
       "vision",
       {title,
        {"kind = \"UDFYLD\"",
         "feltet 'kind' (Type) er ikke udfyldt: erstat \"UDFYLD\" med en af 'vision', 'mål', "
         "'dagsorden', 'projekt', 'prioritet' eller 'tema'"}},
       {{"kind", "\"mål\""}}},
      {"role",
       "roles",
       {title,
        {"group = \"UDFYLD\"",
         "feltet 'group' (Gruppe) er ikke udfyldt: erstat \"UDFYLD\" med en af 'ejer', "
         "'politik', 'selskab', 'forvaltning' eller 'ekstern'"}},
       {{"group", "\"forvaltning\""}}},
      {"forum",
       "forums",
       {title,
        {"purpose = \"UDFYLD\"",
         "feltet 'purpose' (Formål) er ikke udfyldt: erstat \"UDFYLD\" med en tekst i "
         "anførselstegn (Markdown)"},
        {"participants = [\"UDFYLD\"]",
         "feltet 'participants' (Deltagere) er ikke udfyldt: erstat \"UDFYLD\" med id'et på en "
         "side i Roller (role)"},
        {"frequency = \"UDFYLD\"",
         "feltet 'frequency' (Hyppighed) er ikke udfyldt: erstat \"UDFYLD\" med en af "
         "'ugentlig', 'hver 14. dag', 'månedlig', 'kvartalsvis', 'halvårlig', 'halvårlig til "
         "årlig', 'årlig', 'mindst årlig', 'før hvert bestyrelsesmøde', 'fastlægges af "
         "bestyrelsen', 'efter behov' eller 'ikke fastlagt'"}},
       {{"purpose", "\"Et *nyt* forum.\""},
        {"participants", "[\"bestyrelsen\", \"direktoer\"]"},
        {"frequency", "\"kvartalsvis\""}}},
      {"case",
       "cases",
       {title,
        {"municipality = \"UDFYLD\"", "feltet 'municipality' (Kommune)" + text},
        {"scope = \"UDFYLD\"",
         "feltet 'scope' (Samarbejde) er ikke udfyldt: erstat \"UDFYLD\" med en af 'internt' "
         "eller 'eksternt'"}},
       {{"municipality", "\"Vejle\""}, {"scope", "\"internt\""}}},
      {"guide", "guides", {title}, {}},
      {"source",
       "sources",
       {title, {"publisher = \"UDFYLD\"", "feltet 'publisher' (Udgiver)" + text}},
       {{"publisher", "\"Vejle Kommune\""}}},
      {"page", "pages", {title}, {}},
  };
}

// `text` with each line `name = ...` of `values` given its value, and the title filled in.
std::string fill_in(const std::string& text, std::map<std::string, std::string> values) {
  values["title"] = "\"Ny side\"";
  std::istringstream in(text);
  std::string out, line;
  while (std::getline(in, line)) {
    size_t eq = line.find(" = ");
    if (eq != std::string::npos && values.count(line.substr(0, eq)))
      line = line.substr(0, eq) + " = " + values[line.substr(0, eq)];
    out += line + "\n";
  }
  return out;
}

CliResult check(const fs::path& site, const std::string& profile = "public") {
  return run({"check", "--site", site.string(), "--profile", profile});
}

}  // namespace

TEST_CASE(
    "handbook new writes for each bundled collection a page that check refuses only for "
    "its placeholders, and that builds once they are filled in") {
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  hb::Diagnostics d;
  hb::SiteConfig config = hb::load_config(source_dir(), d);
  std::vector<Expected> all = bundled();
  REQUIRE(all.size() == config.collections.size());  // every bundled collection is tested
  for (auto& e : all) {
    CAPTURE(e.collection);
    REQUIRE(config.collection(e.collection));
    CliResult made = run({"new", e.collection, "ny-side", "--site", site.string()});
    std::string file = (site / "content" / e.folder / "ny-side.md").generic_string();
    CHECK(made.exit_code == 0);
    CHECK(made.err == "");
    CHECK(made.out == "handbook: skrev " + file +
                          ": erstat hvert \"UDFYLD\" i filen, og kør så 'handbook check'\n");
    std::string expected, text = read_text(file);
    for (auto& [source, message] : e.placeholders) {
      // Found by its text: the lists of ids in the comments grow with the pages made before.
      size_t at = text.find("\n" + source + "\n");
      REQUIRE(at != std::string::npos);
      int line = 2 + static_cast<int>(
                         std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
      int col = static_cast<int>(source.find("\"UDFYLD\"")) + 1;
      expected += unfilled(file, line, col, source, message);
    }
    size_t n = e.placeholders.size();
    expected += std::to_string(n) + " fejl\n";
    for (std::string profile : {"public", "internal"}) {
      CAPTURE(profile);
      CliResult r = check(site, profile);
      CHECK(r.exit_code == 1);
      CHECK(r.err == expected);
    }
    write_file(site / "content" / e.folder / "ny-side.md",
               fill_in(read_text(site / "content" / e.folder / "ny-side.md"), e.filled));
    CliResult r = check(site);
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
  for (std::string profile : {"public", "internal"}) {
    CliResult r = run({"build", "--site", site.string(), "--profile", profile, "--out",
                       (tmp / profile).string()});
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
  CHECK(read_text(tmp / "public" / "forums" / "ny-side.html").find("<h1>Ny side</h1>") !=
        std::string::npos);
}

TEST_CASE(
    "handbook new writes the optional fields as comments with their label, type, allowed "
    "values and the ids a ref can take") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  CliResult r = run({"new", "forum", "nyt-forum", "--site", (tmp / "site").string(), "--title",
                     "Det \"nye\" forum \\ 2027"});
  REQUIRE(r.exit_code == 0);
  std::string text = read_text(tmp / "site" / "content" / "forums" / "nyt-forum.md");
  auto has = [&](const std::string& lines) {
    INFO(lines);
    CHECK(text.find(lines) != std::string::npos);
  };  // in `text`, which is read again for the next page
  has("+++\n# Ny side i Fora og møder. Erstat hvert \"UDFYLD\" med feltets indhold:");
  has("# Titel (title), skal udfyldes: en tekst i anførselstegn.\n"
      "title = \"Det \\\"nye\\\" forum \\\\ 2027\"\n");
  has("# Status (status): en af 'current' eller 'proposed'. Uden feltet: \"current\".\n"
      "# status = \"current\"\n");
  has("# Måneder (months): en liste, som [...], hvor hvert element er et helt tal mellem 1 og "
      "12.\n# months = []\n");
  has("# Facilitator (facilitator): id'et på en side i Roller (role).\n"
      "#   Mulige id'er: \"andre-forsyningsselskaber\", \"bestyrelsen\", ");
  has("\"vejle-erhvervshavn\"\n# facilitator = \"\"\n");
  has("# Temaer (themes): en liste, som [...], hvor hvert element er en tekst i anførselstegn. "
      "Hver\n#   værdi får sin side under Temaer.\n"
      "#   Mulige værdier: \"digitalisering\", \"forenkling\", \"fælles selskab\", \"indkøb\",\n"
      "#     \"innovation og afprøvning\", ");
  has("\"økonomi\", \"økonomisk råderum\"\n# themes = []\n");
  CHECK(text.ends_with("+++\n\n"));
  for (auto& line : {std::string("# Kontaktpersoner (contacts)")})
    CHECK(read_text(tmp / "site" / "content" / "forums" / "nyt-forum.md").find(line) ==
          std::string::npos);
  // The title is read back as it was given; what is left to fill in is reported, no more.
  CliResult c = check(tmp / "site");
  CHECK(c.err.find("Det") == std::string::npos);
  CHECK(c.err.ends_with("3 fejl\n"));

  run({"new", "role", "ny-rolle", "--site", (tmp / "site").string()});
  text = read_text(tmp / "site" / "content" / "roles" / "ny-rolle.md");
  has("# Kontaktpersoner (contacts): en liste, som [...], hvor hvert element er en tabel med "
      "felterne\n#   name, position, phone og email. Vises kun i den interne udgave.\n"
      "# contacts = [{ name = \"\", position = \"\", phone = \"\", email = \"\" }]\n");
}

TEST_CASE(
    "handbook new refuses an unknown collection, an id that exists and an id that is not "
    "a page's file name, with exit status 2, writing nothing") {
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  auto before = read_tree(site);
  auto refused = [&](std::vector<std::string> args, const std::string& message) {
    args.insert(args.begin(), "new");
    args.push_back("--site");
    args.push_back(site.string());
    CliResult r = run(args);
    CAPTURE(args.back());
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "handbook: " + message + "\n");
  };
  refused({"rolle", "x"},
          "der er ingen samling, der hedder 'rolle' (mente du 'role'?): samlingerne i "
          "handbook.toml er vision, role, forum, case, guide, source, page");
  refused({"role", "bestyrelsen"}, "der er allerede en role med id'et 'bestyrelsen': " +
                                       (site / "content/roles/bestyrelsen.md").generic_string() +
                                       "; vælg et andet id, eller ret den side");
  refused({"role", "ny rolle"},
          "id'et 'ny rolle' indeholder et mellemrum, som ødelægger webadresser: brug "
          "bogstaver, tal, '-', '_' og '.'");
  refused({"role", "x?y"},
          "id'et 'x?y' indeholder '?', som ødelægger webadresser: brug bogstaver, tal, "
          "'-', '_' og '.'");
  refused({"role", ".skjult"},
          "id'et '.skjult' begynder med '.', og så ville siden være skjult: skjulte filer "
          "bliver aldrig offentliggjort");
  refused({"role", "ny.md"}, "skriv id'et uden '.md': 'ny'");
  refused({"role", "a/b"},
          "id'et 'a/b' indeholder '/': et id er sidens filnavn uden '.md' og "
          "uden mapper");
  refused({"role", "index"},
          "id'et 'index' ville tage adressen fra afsnittets oversigtsside, roles/index.html: "
          "vælg et andet id");
  refused({"role", "_index"},
          "'_index' er navnet på afsnittets egen side (content/roles/_index.md), ikke på en "
          "side i samlingen: vælg et andet id");
  refused({"role", "bestyrelsen", "--lang", "en"},
          "there is a role with the id 'bestyrelsen' already: " +
              (site / "content/roles/bestyrelsen.md").generic_string() +
              "; choose another id, or edit that page");
  auto usage = [&](std::vector<std::string> args, const std::string& message) {
    CliResult r = run(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "handbook: " + message +
                       "\nSkriv 'handbook --help' for at se, hvordan kommandoen bruges.\n");
  };
  usage({"new", "role"},
        "new skal have en samling og et id: handbook new <samling> <id> [--title \"...\"]");
  usage({"new", "role", "a", "b"}, "new tager en samling og et id, ikke også 'b'");
  usage({"new", "role", "a", "--tittle", "X"},
        "ukendt tilvalg '--tittle' til new (mente du '--title'?)");
  usage({"new", "role", "a", "--title"}, "tilvalget --title skal have en værdi");
  usage({"new", "role", "a", "--title", ""}, "--title skal have en tekst, ikke en tom");
  usage({"nwe"}, "ukendt kommando 'nwe' (mente du 'new'?)");
  CHECK(read_tree(site) == before);
}

TEST_CASE("handbook new reports a broken handbook.toml and writes nothing") {
  TempDir tmp;
  write_file(tmp / "handbook.toml", "[site\n");
  CliResult r = run({"new", "role", "x", "--site", tmp.path().string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("handbook.toml:1:") != std::string::npos);
  CHECK(!fs::exists(tmp / "content"));
}

TEST_CASE("check refuses the placeholder in a field of any type, in a list and in a table") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  write_file(tmp / "site" / "content" / "cases" / "ny.md",
             "+++\ntitle = \"Ny\"\nmunicipality = \"Vejle\"\nscope = \"internt\"\n"
             "year = \"UDFYLD\"\nactors = \"UDFYLD\"\nthemes = [\"rolleafklaring\", \"UDFYLD\"]\n"
             "contacts = [{ name = \"UDFYLD\" }]\n+++\n");
  CliResult r = check(tmp / "site", "internal");
  std::string file = (tmp / "site" / "content" / "cases" / "ny.md").generic_string();
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        unfilled(file, 5, 8, "year = \"UDFYLD\"",
                 "feltet 'year' (Etableret) er ikke udfyldt: erstat \"UDFYLD\" med et helt tal") +
            unfilled(file, 6, 10, "actors = \"UDFYLD\"",
                     "feltet 'actors' (Aktører) er ikke udfyldt: erstat \"UDFYLD\" med en "
                     "liste, som [...], hvor hvert element er en af 'byråd', 'direktion', "
                     "'fagforvaltning', 'central stab', 'ledere', 'medarbejdere', 'borgere', "
                     "'private virksomheder', 'frivillige organisationer', 'andre kommuner', "
                     "'fælles selskab' eller 'fælles sekretariat'") +
            unfilled(file, 7, 29, "themes = [\"rolleafklaring\", \"UDFYLD\"]",
                     "feltet 'themes' (Temaer) er ikke udfyldt: erstat \"UDFYLD\" med en tekst i "
                     "anførselstegn") +
            unfilled(file, 8, 22, "contacts = [{ name = \"UDFYLD\" }]",
                     "feltet 'name' (Navn) er ikke udfyldt: erstat \"UDFYLD\" med en tekst i "
                     "anførselstegn") +
            "4 fejl\n");
}
