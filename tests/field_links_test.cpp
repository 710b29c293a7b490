// Links in Markdown fields of the front matter (a forum's `purpose`) behave like links in the
// body: resolved to the built page's address wherever the field is shown, checked, and reported
// at their own line and column in the file, also inside a multi-line string or after an escape.
#include <doctest/doctest.h>

#include "content/toml_string_source.h"
#include "support.h"
#include "view/view.h"

using namespace hb::test;

namespace {

// The mini site whose forums have a Markdown field `purpose`, shown by the page template, and
// content/forums/bestyrelsesmoede.md with the front matter line `purpose` (one or more lines).
fs::path site_with_purpose(const TempDir& tmp, const std::string& purpose) {
  fs::path site = tmp / "site";
  copy_tree(fixture("mini"), site);
  std::string config = read_text(site / "handbook.toml");
  config += "purpose = { type = \"markdown\", label = \"Formål\" }\n";
  write_file(site / "handbook.toml", config);
  std::string page = read_text(site / "templates/page.mustache");
  std::string at = "{{{page.content}}}";
  page.replace(page.find(at), 0, "<div class=\"purpose\">{{{page.fields.purpose}}}</div>\n");
  write_file(site / "templates/page.mustache", page);
  write_file(site / "content/forums/bestyrelsesmoede.md",
             "+++\ntitle = \"Bestyrelsesmøde\"\n" + purpose +
                 "\nparticipants = [\"bestyrelsen\"]\nfrequency = \"kvartalsvis\"\n+++\n\n"
                 "## Dagsorden\n\nFast dagsorden.\n");
  return site;
}

// `expected` with each "@" replaced by the forum page's path as `check` shows it.
std::string at_forum(const fs::path& site, const std::string& expected) {
  return at_file(site / "content/forums/bestyrelsesmoede.md", expected);
}

}  // namespace

TEST_CASE("a broken link in a Markdown field is reported at its place in a multi-line string") {
  TempDir tmp;
  fs::path site = site_with_purpose(tmp,
                                    "purpose = \"\"\"\n"
                                    "Se [rådet](/roles/byraadet.md) og\n"
                                    "[x](../roles/bestyrelsn.md), [y](../roles/bestyrelsen.md#"
                                    "okonomi-og-ansvar).\"\"\"");
  CliResult r = run({"check", "--site", site.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        at_forum(site,
                 "@:4:12: fejl: linket '/roles/byraadet.md' begynder med '/', så det virker "
                 "hverken på sitet eller i GitHubs visning af filen: skriv stien fra denne side, "
                 "../roles/byraadet.md\n"
                 "    Se [rådet](/roles/byraadet.md) og\n"
                 "               ^\n"
                 "@:5:5: fejl: linket til '../roles/bestyrelsn.md': der er ingen fil "
                 "content/roles/bestyrelsn.md (mente du content/roles/bestyrelsen.md?)\n"
                 "    [x](../roles/bestyrelsn.md), [y](../roles/bestyrelsen.md#okonomi-og-ansvar)."
                 "\"\"\"\n"
                 "        ^\n"
                 "@:5:34: fejl: 'roles/bestyrelsen.md' har ingen overskrift med id'et "
                 "'okonomi-og-ansvar' (mente du 'økonomi-og-ansvar'?)\n"
                 "    [x](../roles/bestyrelsn.md), [y](../roles/bestyrelsen.md#okonomi-og-ansvar)."
                 "\"\"\"\n"
                 "                                     ^\n"
                 "3 fejl\n"));
}

TEST_CASE("a link in a field after an escape, or in a literal string, is reported at its URL") {
  TempDir tmp;
  fs::path site = site_with_purpose(tmp,
                                    "purpose = \"\\u00c6ndret \\\"nu\\\": [a](mangler.md)\"\n"
                                    "year = 2020");
  CliResult r = run({"check", "--site", site.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err == at_forum(site,
                          "@:3:36: fejl: linket til 'mangler.md': der er ingen fil "
                          "content/forums/mangler.md\n"
                          "    purpose = \"\\u00c6ndret \\\"nu\\\": [a](mangler.md)\"\n"
                          "                                       ^\n"
                          "1 fejl\n"));
  fs::path literal = site_with_purpose(tmp, "purpose = '''\nÆ ø å [a](#ingen)'''");
  CliResult l = run({"check", "--site", literal.string()});
  CHECK(l.exit_code == 1);
  CHECK(l.err == at_forum(literal,
                          "@:4:11: fejl: denne side har ingen overskrift med id'et 'ingen'\n"
                          "    Æ ø å [a](#ingen)'''\n"
                          "              ^\n"
                          "1 fejl\n"));
}

TEST_CASE("a link in a Markdown field is published as the built page's address") {
  TempDir tmp;
  fs::path site = site_with_purpose(
      tmp,
      "purpose = \"Se [bestyrelsen](../roles/bestyrelsen.md#%C3%B8konomi-og-ansvar), "
      "[dagsordenen](#dagsorden) og [x](https://example.org/a.md).\"");
  CliResult r = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(tmp / "out/forums/bestyrelsesmoede.html");
  CHECK(html.find("<div class=\"purpose\"><p>Se <a "
                  "href=\"../roles/bestyrelsen.html#%C3%B8konomi-og-ansvar\">bestyrelsen</a>, <a "
                  "href=\"../forums/bestyrelsesmoede.html#dagsorden\">dagsordenen</a> og <a "
                  "href=\"https://example.org/a.md\">x</a>.</p></div>") != std::string::npos);
  // The only address ending in .md is the web address.
  CHECK(html.find(".md\"") == html.find("https://example.org/a.md\"") + 21);
  CHECK(html.find(".md\"", html.find(".md\"") + 1) == std::string::npos);
  // The link counts for "what links here", by the field's label.
  CHECK(read_text(tmp / "out/roles/bestyrelsen.html")
            .find("<p class=\"backlink\"><a href=\"../forums/bestyrelsesmoede.html\">"
                  "Bestyrelsesmøde</a> (Formål)</p>") != std::string::npos);
}

TEST_CASE("a field's links and the body's links each get their own address") {
  TempDir tmp;
  fs::path site = site_with_purpose(tmp, "purpose = \"Se [rådet](../roles/byraadet.md).\"");
  write_file(site / "content/forums/bestyrelsesmoede.md",
             read_text(site / "content/forums/bestyrelsesmoede.md") +
                 "\nSe [bestyrelsen](../roles/bestyrelsen.md).\n");
  CliResult r = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(tmp / "out/forums/bestyrelsesmoede.html");
  CHECK(html.find("<p>Se <a href=\"../roles/byraadet.html\">rådet</a>.</p></div>") !=
        std::string::npos);
  CHECK(html.find("<p>Se <a href=\"../roles/bestyrelsen.html\">bestyrelsen</a>.</p>") !=
        std::string::npos);
}

TEST_CASE("the bundled forum's purpose links to a role in the site and in the booklet") {
  TempDir tmp;
  fs::path site = tmp / "site";
  copy_bundled_site(site);
  fs::path forum = site / "content/forums/bestyrelsesmoeder.md";
  std::string text = read_text(forum);
  size_t at = text.find("purpose = \"");
  REQUIRE(at != std::string::npos);
  text.insert(at + 11, "Se [direktoer](../roles/direktoer.md). ");
  write_file(forum, text);
  REQUIRE(fs::exists(site / "content/roles/direktoer.md"));
  CliResult r = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(tmp / "out/forums/bestyrelsesmoeder.html")
            .find("Se <a href=\"../roles/direktoer.html\">direktoer</a>.") != std::string::npos);
  std::string booklet = read_text(tmp / "out/booklet.html");
  size_t link = booklet.find(">direktoer</a>. ");
  REQUIRE(link != std::string::npos);
  size_t open = booklet.rfind("<a href=\"#", link);
  REQUIRE(open != std::string::npos);
  CHECK(booklet.substr(open, link - open).find("class=\"xref\"") != std::string::npos);
  CHECK(booklet.find("direktoer.md") == std::string::npos);
}

TEST_CASE("an attachment linked from a field passes the file gate and is copied") {
  TempDir tmp;
  fs::path site = site_with_purpose(tmp, "purpose = \"Se [planen](../filer/plan.pdf).\"");
  write_file(site / "content/filer/plan.pdf", "%PDF-1.4\n");
  CliResult r = run({"build", "--site", site.string(), "--out", (tmp / "out").string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(tmp / "out/forums/bestyrelsesmoede.html")
            .find("<p>Se <a href=\"../filer/plan.pdf\">planen</a>.</p>") != std::string::npos);
  CHECK(read_text(tmp / "out/filer/plan.pdf") == "%PDF-1.4\n");
  fs::path refused = site_with_purpose(tmp, "purpose = \"Se [siden](../filer/side.html).\"");
  write_file(refused / "content/filer/side.html", "<script></script>\n");
  CliResult c = run({"check", "--site", refused.string()});
  CHECK(c.exit_code == 1);
  CHECK(c.err == at_forum(refused,
                          "@:3:23: fejl: linket til '../filer/side.html': content/filer/side.html "
                          "er af typen '.html', som ikke er en tilladt type bilag: de tilladte "
                          "typer er pdf, doc, docx, xls, xlsx, ppt, pptx, odt, ods, odp, txt, "
                          "csv, png, jpg, jpeg, gif, webp ([attachments] allowed i handbook.toml)\n"
                          "    purpose = \"Se [siden](../filer/side.html).\"\n"
                          "                          ^\n"
                          "1 fejl\n"));
}

TEST_CASE("handbook mv rewrites a link in a Markdown field") {
  TempDir tmp;
  fs::path site =
      site_with_purpose(tmp, "purpose = \"\"\"\nSe [rådet](../roles/byraadet.md) nu.\"\"\"");
  CliResult r = run({"mv", "role", "byraadet", "raadet", "--site", site.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(site / "content/forums/bestyrelsesmoede.md")
            .find("purpose = \"\"\"\nSe [rådet](../roles/raadet.md) nu.\"\"\"") !=
        std::string::npos);
}

TEST_CASE("each byte of a TOML string's value is traced to the byte of the file that wrote it") {
  auto traced = [](std::string_view file, std::string_view value, size_t at) {
    return hb::TomlStringSource(file, file.find_first_of("\"'"), value).file_offset(at);
  };
  // "\u00c6" writes two bytes, both placed at its backslash; "\"" one.
  CHECK(traced("x = \"\\u00c6b\\\"c\"",
               "\xc3\x86"
               "b\"c",
               2) == 11);
  CHECK(traced("x = \"\\u00c6b\\\"c\"",
               "\xc3\x86"
               "b\"c",
               1) == 5);
  CHECK(traced("x = \"\\u00c6b\\\"c\"",
               "\xc3\x86"
               "b\"c",
               4) == 14);
  // A multi-line string drops its first newline, and a line ending backslash the blanks after it.
  CHECK(traced("x = \"\"\"\r\nab \\\r\n   cd\r\ne\"\"\"", "ab cd\ne", 3) == 18);
  CHECK(traced("x = \"\"\"\r\nab \\\r\n   cd\r\ne\"\"\"", "ab cd\ne", 5) == 21);
  CHECK(traced("x = \"\"\"\r\nab \\\r\n   cd\r\ne\"\"\"", "ab cd\ne", 6) == 22);
  CHECK(traced("x = '''\nÆ[a]'''", "Æ[a]", 2) == 10);
  // Text that is no such string places every byte at the quote.
  CHECK(traced("x = \"abc\"", "abd", 2) == 4);
}

TEST_CASE("the links of an internal Markdown field are left out of the public edition with it") {
  TempDir tmp;
  fs::path site = site_with_purpose(tmp,
                                    "purpose = \"Se [rådet](../roles/byraadet.md).\"\nnote = "
                                    "\"[Hemmelig](../roles/hemmelig.md)\"");
  write_file(site / "handbook.toml",
             read_text(site / "handbook.toml") +
                 "note = { type = \"markdown\", internal = true, label = \"Note\" }\n");
  CliResult pub = run({"check", "--site", site.string(), "--profile", "public"});
  CHECK(pub.out == "handbook: udgaven 'public' er tjekket: ingen problemer\n");
  CHECK(pub.exit_code == 0);
  BuiltSite internal(site.string(), true);
  CHECK(internal.errors == 0);
  int i = internal.site.find("forums/bestyrelsesmoede.md");
  REQUIRE(i >= 0);
  hb::Value view = hb::page_view(internal.site, i, hb::common_view(internal.site));
  CHECK(view["page"]["fields"]["note"].to_string() ==
        "<p><a href=\"../roles/hemmelig.html\">Hemmelig</a></p>");
  CHECK(view["page"]["fields"]["purpose"].to_string() ==
        "<p>Se <a href=\"../roles/byraadet.html\">rådet</a>.</p>");
}
