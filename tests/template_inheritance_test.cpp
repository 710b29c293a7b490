// The project's own tests of the two Mustache extensions its templates stand on, so that a
// checkout without the official spec suite (../shared/spec/mustache) still tests them:
// inheritance (`{{<parent}}`, `{{$block}}`) and dynamic names (`{{>*name}}`, `{{<*name}}`),
// with their missing names and their standalone-line whitespace rules.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "support.h"
#include "template/template.h"
#include "template_support.h"

using hb::test::make_set;
using hb::test::record;
using hb::test::Templates;

namespace {

// Renders the first of `templates` with `data`.
std::string render(const Templates& templates, const hb::Value& data = {}) {
  return make_set(templates).render(templates.front().first, data);
}

hb::Value page_data() {
  return record({{"title", "Ejerstrategi"}, {"kind", "case"}, {"summary", "A & B"}});
}

}  // namespace

TEST_CASE("a block shows its default content unless the parent call overrides it") {
  Templates base = {{"base", "<title>{{$title}}{{title}} · Håndbog{{/title}}</title>"}};
  CHECK(render({{"page", "{{<base}}{{/base}}"}, base[0]}, page_data()) ==
        "<title>Ejerstrategi · Håndbog</title>");
  CHECK(render({{"page", "{{<base}}{{$title}}Forside{{/title}}{{/base}}"}, base[0]}, page_data()) ==
        "<title>Forside</title>");
  // An empty override empties the block.
  CHECK(render({{"page", "{{<base}}{{$title}}{{/title}}{{/base}}"}, base[0]}, page_data()) ==
        "<title></title>");
  // A block rendered outside any parent call shows its default.
  CHECK(render(base, page_data()) == "<title>Ejerstrategi · Håndbog</title>");
}

TEST_CASE("default and overriding content use the full language") {
  auto set = make_set({
      {"page",
       "{{<base}}{{$body}}{{#items}}<li>{{.}}</li>{{/items}}{{^items}}none{{/items}} "
       "{{summary}} {{{summary}}}{{/body}}{{/base}}"},
      {"base", "<main>{{$body}}{{/body}}</main>"},
  });
  hb::Value data = page_data();
  CHECK(set.render("page", data) == "<main>none A &amp; B A & B</main>");
  data["items"].push_back("a");
  data["items"].push_back("<b>");
  CHECK(set.render("page", data) == "<main><li>a</li><li>&lt;b&gt;</li> A &amp; B A & B</main>");
}

TEST_CASE("overrides are rendered in the context where the block stands") {
  auto set = make_set({
      {"page", "{{<base}}{{$item}}[{{name}}]{{/item}}{{/base}}"},
      {"base", "{{#people}}{{$item}}{{name}}{{/item}}{{/people}}"},
  });
  hb::Value data;
  data["name"] = "outer";
  data["people"].push_back(record({{"name", "Anna"}}));
  data["people"].push_back(record({{"name", "Bo"}}));
  CHECK(set.render("page", data) == "[Anna][Bo]");
}

TEST_CASE("data never overrides a block, and only the blocks a parent declares are used") {
  hb::Value data;
  data["title"] = "from data";
  CHECK(render({{"page", "{{<base}}{{$title}}given{{/title}}{{$unknown}}lost{{/unknown}}{{/base}}"},
                {"base", "{{$title}}default{{/title}}|{{$other}}other{{/other}}"}},
               data) == "given|other");
  // Text and tags between a parent's blocks are ignored, not rendered.
  CHECK(render({{"page", "{{<base}}ignored {{title}}{{$title}}given{{/title}}{{/base}}"},
                {"base", "{{$title}}default{{/title}}"}},
               data) == "given");
}

TEST_CASE("a template inherits a template that inherits another: the outermost override wins") {
  Templates chain = {
      {"case", "{{<doc}}{{$eyebrow}}Sag{{/eyebrow}}{{$body}}sagens tekst{{/body}}{{/doc}}"},
      {"doc",
       "{{<base}}{{$main}}<p>{{$eyebrow}}Side{{/eyebrow}}</p>{{$body}}{{/body}}{{/main}}"
       "{{$title}}Dokument{{/title}}{{/base}}"},
      {"base", "<title>{{$title}}Håndbog{{/title}}</title><main>{{$main}}{{/main}}</main>"},
  };
  CHECK(render(chain) == "<title>Dokument</title><main><p>Sag</p>sagens tekst</main>");
  // The child overrides a block that the middle template also overrides: the child wins.
  chain[0].second = "{{<doc}}{{$title}}Sagen{{/title}}{{/doc}}";
  CHECK(render(chain) == "<title>Sagen</title><main><p>Side</p></main>");
}

TEST_CASE("a parent call inside a block, as the project's pages call partials/doc in base") {
  auto set = make_set({
      {"page",
       "{{<base}}{{$main}}{{<doc}}{{$facts}}<dl>{{kind}}</dl>{{/facts}}{{/doc}}{{/main}}"
       "{{/base}}"},
      {"base", "<body>{{$main}}{{/main}}</body>"},
      {"doc", "<h1>{{title}}</h1>{{$facts}}{{/facts}}"},
  });
  CHECK(set.render("page", page_data()) == "<body><h1>Ejerstrategi</h1><dl>case</dl></body>");
}

TEST_CASE("the same parent called twice with different overrides") {
  CHECK(render({{"page", "{{<box}}{{$x}}one{{/x}}{{/box}} {{<box}}{{$x}}two{{/x}}{{/box}}"},
                {"box", "[{{$x}}{{/x}}]"}}) == "[one] [two]");
}

TEST_CASE("blocks nest: overriding the inner block keeps the outer default around it") {
  Templates templates = {{"page", "{{<base}}{{$inner}}NEW{{/inner}}{{/base}}"},
                         {"base", "<{{$outer}}a{{$inner}}b{{/inner}}c{{/outer}}>"}};
  CHECK(render(templates) == "<aNEWc>");
  templates[0].second = "{{<base}}{{$outer}}all{{/outer}}{{/base}}";
  CHECK(render(templates) == "<all>");
}

TEST_CASE("a parent without overrides renders as a partial would") {
  CHECK(render({{"page", "x{{<base}}{{/base}}y"}, {"base", "[{{title}}]"}}, page_data()) ==
        "x[Ejerstrategi]y");
}

TEST_CASE("dynamic partials take the template's name from the data") {
  Templates templates = {{"page", "<ul>{{>*kind}}</ul>"},
                         {"case", "<li>sag: {{title}}</li>"},
                         {"role", "<li>rolle: {{title}}</li>"}};
  hb::Value data = page_data();
  CHECK(render(templates, data) == "<ul><li>sag: Ejerstrategi</li></ul>");
  data["kind"] = "role";
  CHECK(render(templates, data) == "<ul><li>rolle: Ejerstrategi</li></ul>");
  // The star is not part of the name, and spaces around it are padding.
  templates[0].second = "<ul>{{> * kind }}</ul>";
  CHECK(render(templates, data) == "<ul><li>rolle: Ejerstrategi</li></ul>");
}

TEST_CASE("dynamic names resolve dotted names and the context stack, once") {
  Templates templates = {{"page", "{{#items}}{{>*layout.card}}{{/items}}"},
                         {"wide", "[{{name}}]"},
                         {"narrow", "({{name}})"},
                         {"layout.card", "dotted name used as is"}};
  hb::Value data;
  data["layout"]["card"] = "wide";
  hb::Value b = record({{"name", "b"}});
  b["layout"]["card"] = "narrow";  // the innermost context that has `layout` wins
  data["items"].push_back(record({{"name", "a"}}));
  data["items"].push_back(b);
  CHECK(render(templates, data) == "[a](b)");
  // The value names a template: it is not looked up again as a name.
  hb::Value twice = record({{"kind", "other"}, {"other", "wide"}});
  CHECK(render({{"page", "{{>*kind}}"}, {"other", "other"}, {"wide", "wide"}}, twice) == "other");
}

TEST_CASE("dynamic parents pick a layout and pass it their blocks") {
  Templates templates = {
      {"page", "{{<*layout}}{{$main}}{{title}}{{/main}}{{/*layout}}"},
      {"wide", "<div class=\"wide\">{{$main}}{{/main}}</div>"},
      {"narrow", "<div class=\"narrow\">{{$main}}standard{{/main}}</div>"},
  };
  hb::Value data = page_data();
  data["layout"] = "narrow";
  CHECK(render(templates, data) == "<div class=\"narrow\">Ejerstrategi</div>");
  data["layout"] = "wide";
  CHECK(render(templates, data) == "<div class=\"wide\">Ejerstrategi</div>");
}

TEST_CASE("missing names") {
  hb::test::EnglishMessages english;  // the English texts (--lang en)
  hb::Value data = page_data();
  data["kind"] = "news";
  SUBCASE("a dynamic name that is not in the data, or empty, renders nothing") {
    hb::Value empty;
    empty["kind"] = "";
    CHECK(render({{"page", "[{{>*nothing}}|{{<*nothing}}{{$x}}y{{/x}}{{/*nothing}}]"}}, data) ==
          "[|]");
    CHECK(render({{"page", "[{{>*kind}}]"}}, empty) == "[]");
  }
  SUBCASE(
      "a dynamic partial or parent naming no template: nothing in Empty mode, an error in "
      "Error mode") {
    struct Case {
      const char* page;
      const char* message;
    };
    for (Case c : {Case{"<ul>\n  {{>*kind}}\n</ul>\n",
                        "templates/page.mustache:2:3: template 'news' not found, named by "
                        "'{{>*kind}}'"},
                   Case{"<ul>\n{{<*kind}}{{$main}}x{{/main}}{{/*kind}}\n</ul>\n",
                        "templates/page.mustache:2:1: template 'news' not found, named by "
                        "'{{<*kind}}'"}}) {
      Templates templates = {{"page", c.page}, {"item", "x"}};
      CHECK(make_set(templates, hb::MissingTemplate::Empty).render("page", data) ==
            "<ul>\n</ul>\n");
      CHECK_THROWS_WITH_AS(make_set(templates).render("page", data), c.message, hb::TemplateError);
    }
  }
  SUBCASE("a static parent naming no template is found by check_references") {
    auto set = make_set({{"page", "{{<bsae}}{{$main}}x{{/main}}{{/bsae}}"}, {"base", ""}});
    hb::Diagnostics diags;
    CHECK_FALSE(set.check_references(diags));
    auto errors = diags.sorted();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].message == "template 'bsae' not found (did you mean 'base'?)");
    CHECK(errors[0].line == 1);
    CHECK(errors[0].col == 1);
  }
  SUBCASE("a closing tag must repeat the star of a dynamic parent") {
    hb::TemplateSet set;
    hb::Diagnostics diags;
    CHECK_FALSE(set.add("page", "{{<*kind}}{{/kind}}", "templates/page.mustache", diags));
    REQUIRE(diags.sorted().size() >= 1);
    CHECK(diags.sorted()[0].message ==
          "closing tag '{{/kind}}' does not match the open parent '*kind'");
  }
}

TEST_CASE("standalone parent and block tags leave no lines behind") {
  CHECK(render({{"page",
                 "{{<base}}\n"
                 "{{$title}}\n"
                 "Forside\n"
                 "{{/title}}\n"
                 "{{/base}}\n"},
                {"base",
                 "<title>\n"
                 "{{$title}}\n"
                 "Håndbog\n"
                 "{{/title}}\n"
                 "</title>\n"}}) == "<title>\nForside\n</title>\n");
  // A parent and its first block ending a line stand alone; so does an empty block, whose
  // indentation goes to each line of the content that replaces it.
  CHECK(render({{"page",
                 "{{<base}}{{$title}}\n"
                 "Forside\n"
                 "Håndbog{{/title}}\n"
                 "{{/base}}\n"},
                {"base", "<title>\n  {{$title}}{{/title}}\n</title>\n"}}) ==
        "<title>\n  Forside\n  Håndbog\n</title>\n");
  // A parent call on one line stands alone, indented like a standalone partial.
  CHECK(render({{"page", "a\n  {{<base}}{{$x}}b{{/x}}{{/base}}  \nc\n"},
                {"base", "[{{$x}}{{/x}}]\n"}}) == "a\n  [b]\nc\n");
}

TEST_CASE("a block's content is re-indented where the block stands") {
  // The override's own indentation is taken off, and the block tag's indentation added.
  CHECK(render({{"page",
                 "{{<base}}\n"
                 "{{$list}}\n"
                 "        <li>a</li>\n"
                 "        <li>b</li>\n"
                 "{{/list}}\n"
                 "{{/base}}\n"},
                {"base",
                 "<ul>\n"
                 "  {{$list}}\n"
                 "  {{/list}}\n"
                 "</ul>\n"}}) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
  // Without an override, the default keeps the indentation it was written with.
  CHECK(render({{"base",
                 "<ul>\n"
                 "    {{$list}}\n"
                 "    <li>none</li>\n"
                 "    {{/list}}\n"
                 "</ul>\n"}}) == "<ul>\n    <li>none</li>\n</ul>\n");
  // Nested blocks: each level adds its own indentation relative to the one around it.
  CHECK(render({{"page",
                 "{{<base}}\n"
                 "{{$inner}}\n"
                 "x\n"
                 "{{/inner}}\n"
                 "{{/base}}\n"},
                {"base",
                 "{{$outer}}\n"
                 "  <div>\n"
                 "    {{$inner}}\n"
                 "    {{/inner}}\n"
                 "  </div>\n"
                 "{{/outer}}\n"}}) == "  <div>\n    x\n  </div>\n");
}

TEST_CASE("standalone dynamic partials are indented line by line") {
  hb::Value data = page_data();
  CHECK(render({{"page", "<ul>\n  {{>*kind}}\n</ul>\n"}, {"case", "<li>1</li>\n<li>2</li>\n"}},
               data) == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n");
  // Inline, the surrounding whitespace stays and no indentation is added.
  CHECK(render({{"page", "| {{>*kind}} |\n"}, {"case", "a\nb"}}, data) == "| a\nb |\n");
  // CRLF line endings, and a tag at the very start or end of the template.
  CHECK(render({{"page", "|\r\n  {{>*kind}}\r\n|"}, {"case", ">"}}, data) == "|\r\n  >|");
  CHECK(render({{"page", "  {{>*kind}}\n>"}, {"case", ">\n>"}}, data) == "  >\n  >>");
  CHECK(render({{"page", ">\n  {{>*kind}}"}, {"case", ">\n>"}}, data) == ">\n  >\n  >");
}

TEST_CASE("inheritance and dynamic names inside the booklet's kind of loop") {
  // Each chapter picks its partial by kind; the partial inherits a frame and fills its block.
  Templates templates = {
      {"booklet", "{{#chapters}}\n{{>*kind}}\n{{/chapters}}\n"},
      {"frame", "<section>\n  {{$content}}\n  {{/content}}\n</section>\n"},
      {"text", "{{<frame}}\n{{$content}}\n<p>{{body}}</p>\n{{/content}}\n{{/frame}}\n"},
      {"list",
       "{{<frame}}\n{{$content}}\n<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>\n{{/content}}"
       "\n{{/frame}}\n"},
  };
  hb::Value data;
  hb::Value list = record({{"kind", "list"}});
  list["items"].push_back("a");
  list["items"].push_back("b");
  data["chapters"].push_back(record({{"kind", "text"}, {"body", "Indledning"}}));
  data["chapters"].push_back(list);
  CHECK(render(templates, data) ==
        "<section>\n  <p>Indledning</p>\n</section>\n"
        "<section>\n  <ul><li>a</li><li>b</li></ul>\n</section>\n");
}
