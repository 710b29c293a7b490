#include <doctest/doctest.h>

#include <string>

#include "app/cli.h"
#include "support.h"

using namespace hb;

namespace {

// The mini site with the role collection given a Markdown field `purpose`.
void mini_with_purpose(const test::TempDir& dir) {
  test::copy_tree(test::fixture("mini"), dir.path());
  std::string toml = test::read_text(dir / "handbook.toml");
  std::string after = "phone = { type = \"string\", internal = true, label = \"Telefon\" }\n";
  toml.replace(toml.find(after), after.size(),
               after + "purpose = { type = \"markdown\", label = \"Formål\" }\n");
  test::write_file(dir / "handbook.toml", toml);
}

}  // namespace

TEST_CASE("an image fetched from another address is an error at its position") {
  test::TempDir dir;
  mini_with_purpose(dir);
  test::write_file(dir / "content/roles/ny.md",
                   "+++\ntitle = \"Ny\"\ngroup = \"ejer\"\n+++\n\nSe ![Kort](//example.com/k.png) "
                   "og ![Logo](https://example.com/l.png) og ![x](mailto:a@b.dk).\n");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.exit_code == 1);
  std::string tail =
      "'), så hver læsers browser ville kontakte den server: læg billedfilen i content/ ved "
      "siden af siden, og vis den derfra, fx ![Beskrivelse](billede.png)";
  CHECK(r.err.find("roles/ny.md:6:12: fejl: billedet hentes fra en anden adresse "
                   "('//example.com/k.png" +
                   tail) != std::string::npos);
  CHECK(r.err.find("roles/ny.md:6:44: fejl: billedet hentes fra en anden adresse "
                   "('https://example.com/l.png" +
                   tail) != std::string::npos);
  CHECK(r.err.find("('mailto:a@b.dk" + tail) != std::string::npos);
}

TEST_CASE("an image written into its address and an image of the site are allowed") {
  test::TempDir dir;
  mini_with_purpose(dir);
  test::write_file(dir / "content/roles/figur.png", "\x89PNG\r\n\x1a\n");
  test::write_file(dir / "content/roles/ny.md",
                   "+++\ntitle = \"Ny\"\ngroup = \"ejer\"\n+++\n\n![Prik](data:image/png;base64,"
                   "iVBORw0KGgo=) ![Figur](figur.png)\n");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.err.find("another address") == std::string::npos);
}

TEST_CASE("a Markdown field cannot show an image") {
  test::TempDir dir;
  mini_with_purpose(dir);
  test::write_file(dir / "content/roles/ny.md",
                   "+++\ntitle = \"Ny\"\ngroup = \"ejer\"\npurpose = \"Se ![x](https://example.com/"
                   "x.png)\"\n+++\n\nTekst.\n");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("roles/ny.md:4:11: fejl: feltet 'purpose' (Formål) viser et billede: felter kan "
                   "ikke vise billeder, så sæt billedet ind i sidens tekst under felterne") !=
        std::string::npos);
}
