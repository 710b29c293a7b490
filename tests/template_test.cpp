// The template engine beyond the spec: escaping, error messages and their places, reference
// checks, the Error mode, compile counting, loading a folder, and rendering from many threads.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "support.h"
#include "template/template.h"
#include "template_support.h"

using hb::test::make_set;

namespace {

std::vector<hb::Diagnostic> compile_errors(const std::string& source) {
  hb::TemplateSet set;
  hb::Diagnostics diags;
  CHECK_FALSE(set.add("page", source, "templates/page.mustache", diags));
  CHECK_FALSE(set.has("page"));
  return diags.sorted();
}

// The single error a template gives, as `line:col: message`.
std::string compile_error(const std::string& source) {
  auto errors = compile_errors(source);
  REQUIRE(errors.size() == 1);
  const hb::Diagnostic& d = errors[0];
  CHECK(d.severity == hb::Severity::Error);
  CHECK(d.path == "templates/page.mustache");
  return std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message;
}

std::string render(const std::string& source, const hb::Value& data) {
  hb::TemplateSet set(hb::MissingTemplate::Empty);
  hb::Diagnostics diags;
  REQUIRE(set.add("page", source, "page.mustache", diags));
  return set.render("page", data);
}

hb::Value case_data() {
  hb::Value data;
  data["title"] = "Cases & <roles>";
  hb::Value& roles = data["roles"];
  for (const char* name : {"Coordinator", "Case worker", "Mayor's office"}) {
    hb::Value role;
    role["name"] = name;
    roles.push_back(role);
  }
  return data;
}

}  // namespace

TEST_CASE("double mustaches escape, triple mustaches and ampersands do not") {
  hb::Value data;
  data["html"] = "<b>\"Tom\" & 'Jerry'</b>";
  CHECK(render("{{html}}", data) == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
  CHECK(render("{{{html}}}", data) == "<b>\"Tom\" & 'Jerry'</b>");
  CHECK(render("{{& html}}", data) == "<b>\"Tom\" & 'Jerry'</b>");
}

TEST_CASE("values: numbers, booleans, missing names and shared values") {
  hb::Value data;
  data["count"] = 85;
  data["ratio"] = 1.5;
  data["flag"] = true;
  auto nav = std::make_shared<hb::Value>();
  (*nav)["home"] = "/index.html";
  data["nav"] = hb::Value::shared(nav);
  CHECK(render("{{count}} {{ratio}} {{flag}} [{{missing}}] {{nav.home}}", data) ==
        "85 1.5 true [] /index.html");
  CHECK(render("{{#nav}}{{home}}{{/nav}}", data) == "/index.html");
}

TEST_CASE("dotted names reach into lists by position") {
  hb::Value data = case_data();
  CHECK(render("{{roles.0.name}}|{{roles.2.name}}|{{roles.3.name}}|{{roles.x.name}}", data) ==
        "Coordinator|Mayor&#39;s office||");
  CHECK(render("{{#roles.0.name}}has roles{{/roles.0.name}}", data) == "has roles");
  CHECK(render("{{^items.0}}no items{{/items.0}}", data) == "no items");
  CHECK(render("{{#roles}}{{#.}}{{name}}{{/.}}{{/roles}}", data) ==
        "CoordinatorCase workerMayor&#39;s office");
}

TEST_CASE("dotted names resolve afresh in each render and inside each context") {
  auto set = make_set({{"page", "{{a.b}}|{{a.c}}|{{#item}}{{a.b}}{{/item}}|{{a.b.c}}{{a.b}}"},
                       {"other", "{{a.b}}{{>page}}"}});
  hb::Value first;
  first["a"]["b"] = "1";
  first["a"]["c"] = "2";
  first["item"]["a"]["b"] = "inner";
  CHECK(set.render("page", first) == "1|2|inner|1");
  hb::Value second;
  second["a"]["b"] = "3";
  second["item"]["a"]["x"] = "no b";  // `a` is found in the item: no falling back to the root
  CHECK(set.render("page", second) == "3|||3");
  CHECK(set.render("other", second) == "33|||3");
  hb::Value nested;
  nested["a"]["b"]["c"] = "deep";
  CHECK(set.render("page", nested) == "|||deep");
  CHECK(set.render("page", hb::Value()) == "|||");
  CHECK(set.render("page", first) == "1|2|inner|1");
}

TEST_CASE("sections, inverted sections and standalone lines") {
  std::string page =
      "<h1>{{title}}</h1>\n"
      "<ul>\n"
      "  {{#roles}}\n"
      "  <li>{{name}}</li>\n"
      "  {{/roles}}\n"
      "  {{^roles}}\n"
      "  <li>No roles</li>\n"
      "  {{/roles}}\n"
      "</ul>\n";
  CHECK(render(page, case_data()) ==
        "<h1>Cases &amp; &lt;roles&gt;</h1>\n"
        "<ul>\n"
        "  <li>Coordinator</li>\n"
        "  <li>Case worker</li>\n"
        "  <li>Mayor&#39;s office</li>\n"
        "</ul>\n");
  CHECK(render(page, hb::Value(hb::Map{})) == "<h1></h1>\n<ul>\n  <li>No roles</li>\n</ul>\n");
}

TEST_CASE("standalone partials are indented line by line, inserted values are not") {
  auto set = make_set(
      {{"page", "<main>\n  {{> card}}\n</main>\n"}, {"card", "<div>\n{{{body}}}\n</div>\n"}});
  hb::Value data;
  data["body"] = "<p>one</p>\n<p>two</p>";
  CHECK(set.render("page", data) ==
        "<main>\n  <div>\n  <p>one</p>\n<p>two</p>\n  </div>\n</main>\n");
}

TEST_CASE("a layout with blocks, overridden by a page") {
  auto set = make_set({
      {"layout",
       "<html>\n"
       "  <head><title>{{$title}}Handbook{{/title}}</title></head>\n"
       "  <body>\n"
       "    {{$content}}\n"
       "    <p>Nothing here yet.</p>\n"
       "    {{/content}}\n"
       "  </body>\n"
       "</html>\n"},
      {"page",
       "{{<layout}}\n"
       "{{$title}}{{title}} - Handbook{{/title}}\n"
       "{{$content}}\n"
       "<h1>{{title}}</h1>\n"
       "<ul>\n"
       "  {{#roles}}\n"
       "  <li>{{name}}</li>\n"
       "  {{/roles}}\n"
       "</ul>\n"
       "{{/content}}\n"
       "{{/layout}}\n"},
      {"empty", "{{<layout}}{{/layout}}\n"},
  });
  CHECK(set.render("page", case_data()) ==
        "<html>\n"
        "  <head><title>Cases &amp; &lt;roles&gt; - Handbook</title></head>\n"
        "  <body>\n"
        "    <h1>Cases &amp; &lt;roles&gt;</h1>\n"
        "    <ul>\n"
        "      <li>Coordinator</li>\n"
        "      <li>Case worker</li>\n"
        "      <li>Mayor&#39;s office</li>\n"
        "    </ul>\n"
        "  </body>\n"
        "</html>\n");
  CHECK(set.render("empty", hb::Value()) ==
        "<html>\n"
        "  <head><title>Handbook</title></head>\n"
        "  <body>\n"
        "    <p>Nothing here yet.</p>\n"
        "  </body>\n"
        "</html>\n");
}

TEST_CASE("syntax errors name the problem at the tag's opening delimiter") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  CHECK(compile_error("<ul>\n  {{#roles}}\n  <li>{{name}}</li>\n</ul>\n") ==
        "2:3: section 'roles' is never closed (opened here)");
  CHECK(compile_error("{{#role}}\n  <p>{{name}}</p>\n  {{/forum}}\n") ==
        "3:3: closing tag '{{/forum}}' does not match the open section 'role'");
  CHECK(compile_error("<p>{{title}}</p>\n{{/x}}\n") ==
        "2:1: closing tag '{{/x}}' has no open section");
  CHECK(compile_error("<h1>{{title</h1>\n<p>{{body}}</p>\n") ==
        "1:5: tag is never closed: expected '}}'");
  CHECK(compile_error("<h1>{{title</h1>\n") == "1:5: tag is never closed: expected '}}'");
  CHECK(compile_error("<h1>{{{title}}</h1>\n") == "1:5: tag is never closed: expected '}}}'");
  CHECK(compile_error("{{=<% %>=}}\n<p><%title</p>\n") ==
        "2:4: tag is never closed: expected '%>'");
  CHECK(compile_error("a\n  {{=<% =}}\n") ==
        "2:3: invalid delimiter change: expected two delimiters separated by a space, like "
        "'{{=<% %>=}}'");
  CHECK(compile_error("{{=<% %>}}\n") ==
        "1:1: invalid delimiter change: expected '=}}' at its end, like '{{=<% %>=}}'");
  CHECK(compile_error("<p>{{}}</p>") == "1:4: tag '{{}}' has no name");
  CHECK(compile_error("{{# }}x{{/x}}") == "1:1: tag '{{# }}' has no name");
  CHECK(compile_error("{{> }}") == "1:1: tag '{{> }}' has no name");
  CHECK(compile_error("{{>*}}") == "1:1: tag '{{>*}}' has no name");
  CHECK(compile_error("<p>{{first name}}</p>") ==
        "1:4: tag name 'first name' cannot contain spaces");
  CHECK(compile_error("{{<base}}{{$title}}x{{/base}}") ==
        "1:10: block 'title' is never closed (opened here)");
  CHECK(compile_error("{{<base}}\n{{/bsae}}") ==
        "2:1: closing tag '{{/bsae}}' does not match the open parent 'base'");
  CHECK(compile_error("{{<*layout}}{{/layout}}") ==
        "1:13: closing tag '{{/layout}}' does not match the open parent '*layout'");
}

TEST_CASE("a section closed out of order reports the inner one as never closed") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  CHECK(compile_error("{{#a}}\n{{#b}}\n{{/a}}\n") ==
        "2:1: section 'b' is never closed (opened here)");
}

TEST_CASE("several errors are all reported") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  auto errors = compile_errors("{{/x}}\n{{#y}}\n");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message == "closing tag '{{/x}}' has no open section");
  CHECK(errors[1].message == "section 'y' is never closed (opened here)");
  CHECK(errors[1].line == 2);
}

TEST_CASE("columns count characters, and format_text puts the caret under the tag") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  auto errors = compile_errors("<h1>Æblegrød</h1>\n<p>Kød og {{#retter}}</p>\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].col == 11);
  CHECK(hb::format_text(errors[0]) ==
        "templates/page.mustache:2:11: error: section 'retter' is never closed (opened here)\n"
        "    <p>Kød og {{#retter}}</p>\n"
        "              ^\n");
}

TEST_CASE("check_references reports missing partials and parents with close names") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  hb::TemplateSet set;
  hb::Diagnostics diags;
  REQUIRE(set.add("case-facts", "<dl></dl>", "templates/case-facts.mustache", diags));
  REQUIRE(set.add("layout", "{{$content}}{{/content}}", "templates/layout.mustache", diags));
  REQUIRE(set.add("page",
                  "{{<layuot}}\n{{$content}}\n  {{> case-fact}}\n  {{>*dynamic}}\n{{/content}}\n"
                  "{{/layuot}}\n{{>nothing-like-it}}\n",
                  "templates/page.mustache", diags));
  CHECK_FALSE(set.check_references(diags));
  auto errors = diags.sorted();
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].path == "templates/page.mustache");
  CHECK(errors[0].line == 1);
  CHECK(errors[0].col == 1);
  CHECK(errors[0].message == "template 'layuot' not found (did you mean 'layout'?)");
  CHECK(errors[1].line == 3);
  CHECK(errors[1].col == 3);
  CHECK(errors[1].message == "template 'case-fact' not found (did you mean 'case-facts'?)");
  CHECK(errors[1].source_line == "  {{> case-fact}}");
  CHECK(errors[2].line == 7);
  CHECK(errors[2].message == "template 'nothing-like-it' not found");
}

TEST_CASE("check_references passes when every reference is there, and in Empty mode") {
  auto good = make_set({{"page", "{{>nav}}"}, {"nav", "<nav></nav>"}});
  hb::Diagnostics diags;
  CHECK(good.check_references(diags));
  auto lenient = make_set({{"page", "{{>nav}}"}}, hb::MissingTemplate::Empty);
  CHECK(lenient.check_references(diags));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("missing templates at render time") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  hb::Value data;
  data["kind"] = "news-itme";
  SUBCASE("Empty mode renders nothing for them") {
    auto set = make_set({{"page", "[{{>*kind}}|{{>nav}}|{{<base}}{{/base}}]"}, {"news-item", "x"}},
                        hb::MissingTemplate::Empty);
    CHECK(set.render("page", data) == "[||]");
  }
  SUBCASE("Error mode throws, naming the template and the tag") {
    auto set = make_set({{"page", "<ul>\n  {{>*kind}}\n</ul>"}, {"news-item", "x"}});
    CHECK_THROWS_WITH_AS(
        set.render("page", data),
        "templates/page.mustache:2:3: template 'news-itme' not found (did you mean "
        "'news-item'?), named by '{{>*kind}}'",
        hb::TemplateError);
  }
  SUBCASE("a dynamic name missing from the data renders nothing, even in Error mode") {
    auto set = make_set({{"page", "[{{>*nothing}}]"}});
    CHECK(set.render("page", data) == "[]");
  }
  SUBCASE("a static partial that is missing throws in Error mode") {
    auto set = make_set({{"page", "{{>nav}}"}, {"nav-bar", ""}});
    CHECK_THROWS_WITH_AS(set.render("page", data),
                         "templates/page.mustache:1:1: template 'nav' not found",
                         hb::TemplateError);
  }
  SUBCASE("an unknown template name throws in both modes") {
    auto set = make_set({{"page", "x"}}, hb::MissingTemplate::Empty);
    CHECK_THROWS_WITH_AS(set.render("pgae", data),
                         "template 'pgae' not found (did you mean 'page'?)", hb::TemplateError);
    auto strict = make_set({{"page", "x"}});
    CHECK_THROWS_AS(strict.render("other", data), hb::TemplateError);
  }
}

TEST_CASE("a template that includes itself without end is stopped") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  auto set = make_set({{"loop", "x{{>loop}}"}});
  CHECK_THROWS_WITH_AS(set.render("loop", hb::Value()),
                       "templates/loop.mustache:1:2: '{{>loop}}' is nested more than 1000 levels "
                       "deep while rendering (does 'loop' include itself?)",
                       hb::TemplateError);
}

TEST_CASE("dynamic partials pick the template from the data") {
  auto set = make_set({{"list", "{{#items}}\n{{>*kind}}\n{{/items}}\n"},
                       {"text", "<p>{{content}}</p>\n"},
                       {"image", "<img src=\"{{url}}\">\n"}});
  hb::Value data;
  hb::Value text;
  text["kind"] = "text";
  text["content"] = "Hello";
  hb::Value image;
  image["kind"] = "image";
  image["url"] = "a.jpg";
  data["items"].push_back(text);
  data["items"].push_back(image);
  CHECK(set.render("list", data) == "<p>Hello</p>\n<img src=\"a.jpg\">\n");
}

TEST_CASE("dynamic parents pick the layout from the data") {
  auto set = make_set({{"wide", "<div class=\"wide\">{{$main}}{{/main}}</div>"},
                       {"narrow", "<div class=\"narrow\">{{$main}}{{/main}}</div>"},
                       {"page", "{{< *layout}}{{$main}}{{title}}{{/main}}{{/ *layout}}"}});
  hb::Value data;
  data["title"] = "Home";
  data["layout"] = "narrow";
  CHECK(set.render("page", data) == "<div class=\"narrow\">Home</div>");
  data["layout"] = "wide";
  CHECK(set.render("page", data) == "<div class=\"wide\">Home</div>");
}

TEST_CASE("compile_count counts each successful add once, and no render") {
  size_t before = hb::TemplateSet::compile_count();
  hb::TemplateSet set;
  hb::Diagnostics diags;
  REQUIRE(set.add("page", "<p>{{title}}</p>{{>nav}}", "page.mustache", diags));
  REQUIRE(set.add("nav", "<nav/>", "nav.mustache", diags));
  CHECK(hb::TemplateSet::compile_count() == before + 2);
  CHECK_FALSE(set.add("broken", "{{#x}}", "broken.mustache", diags));
  CHECK(hb::TemplateSet::compile_count() == before + 2);
  hb::Value data;
  data["title"] = "T";
  for (int i = 0; i < 50; ++i)
    CHECK(set.render("page", data) == "<p>T</p><nav/>");
  CHECK(hb::TemplateSet::compile_count() == before + 2);
}

TEST_CASE("adding a name again replaces the template") {
  hb::TemplateSet set;
  hb::Diagnostics diags;
  REQUIRE(set.add("page", "old", "page.mustache", diags));
  REQUIRE(set.add("page", "new", "page.mustache", diags));
  CHECK(set.names() == std::vector<std::string>{"page"});
  CHECK(set.render("page", hb::Value()) == "new");
}

TEST_CASE("partials and parents show the template added last under their name") {
  hb::TemplateSet set(hb::MissingTemplate::Empty);
  hb::Diagnostics diags;
  REQUIRE(set.add("page", "[{{>nav}}|{{<layout}}{{$b}}x{{/b}}{{/layout}}]", "page", diags));
  CHECK(set.render("page", hb::Value()) == "[|]");
  REQUIRE(set.add("nav", "one", "nav", diags));
  REQUIRE(set.add("layout", "<{{$b}}{{/b}}>", "layout", diags));
  CHECK(set.render("page", hb::Value()) == "[one|<x>]");
  REQUIRE(set.add("nav", "two", "nav", diags));
  REQUIRE(set.add("layout", "({{$b}}{{/b}})", "layout", diags));
  CHECK(set.render("page", hb::Value()) == "[two|(x)]");
}

TEST_CASE("rendering appends to the output") {
  auto set = make_set({{"page", "{{title}}"}});
  hb::Value data;
  data["title"] = "B";
  std::string out = "A";
  set.render("page", data, out);
  set.render("page", data, out);
  CHECK(out == "ABB");
}

TEST_CASE("a template set can be moved") {
  auto set = make_set({{"page", "{{>nav}}"}, {"nav", "n"}});
  hb::TemplateSet moved = std::move(set);
  CHECK(moved.render("page", hb::Value()) == "n");
  hb::TemplateSet assigned;
  assigned = std::move(moved);
  CHECK(assigned.names() == std::vector<std::string>{"nav", "page"});
}

TEST_CASE("many threads render from one template set") {
  auto set = make_set({
      {"layout", "<main>\n  {{$content}}\n  {{/content}}\n</main>\n"},
      {"page",
       "{{<layout}}{{$content}}\n<h1>{{title}}</h1>\n{{#roles}}\n  {{>role}}\n{{/roles}}\n"
       "{{/content}}{{/layout}}"},
      {"role", "<p>{{name}}</p>\n"},
  });
  const hb::Value data = case_data();
  const std::string expected = set.render("page", data);
  CHECK(expected ==
        "<main>\n  <h1>Cases &amp; &lt;roles&gt;</h1>\n    <p>Coordinator</p>\n"
        "    <p>Case worker</p>\n    <p>Mayor&#39;s office</p>\n</main>\n");
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i)
        if (set.render("page", data) != expected) ++mismatches;
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  CHECK(mismatches == 0);
}

TEST_CASE("load_dir compiles every .mustache file below the folder") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / ("handbook-template-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "partials" / "cards");
  auto write = [&](const fs::path& relative, const std::string& text) {
    std::ofstream(dir / relative, std::ios::binary) << text;
  };
  write("page.mustache", "{{>partials/nav}}|{{>partials/cards/role}}");
  write("partials/nav.mustache", "<nav>{{title}}</nav>");
  write("partials/cards/role.mustache", "<div>role</div>");
  write("notes.txt", "not a template");
  write("partials/broken.mustache", "ok\n{{#open}}\n");

  hb::TemplateSet set;
  hb::Diagnostics diags;
  CHECK_FALSE(set.load_dir(dir, diags));
  CHECK(set.names() == std::vector<std::string>{"page", "partials/cards/role", "partials/nav"});
  auto errors = diags.sorted();
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].path == (dir / "partials" / "broken.mustache").string());
  CHECK(errors[0].line == 2);
  CHECK(errors[0].message == "section 'open' is never closed (opened here)");
  hb::Value data;
  data["title"] = "Home";
  CHECK(set.render("page", data) == "<nav>Home</nav>|<div>role</div>");

  fs::remove(dir / "partials" / "broken.mustache");
  hb::TemplateSet clean;
  hb::Diagnostics clean_diags;
  CHECK(clean.load_dir(dir, clean_diags));
  CHECK(clean_diags.error_count() == 0);
  fs::remove_all(dir);

  hb::Diagnostics missing;
  CHECK_FALSE(clean.load_dir(dir, missing));
  REQUIRE(missing.error_count() == 1);
  CHECK(missing.sorted()[0].message == "template folder not found");
}
