// The template engine under hostile templates: nesting limits at compile and render time, with
// their messages; time linear in the template (generous limits that catch a return to quadratic
// time); no stack overflow, even on a thread with a small stack; and the check that no template
// includes itself, shared by `check` and `build`.
#include <doctest/doctest.h>

#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include <pthread.h>

#include "support.h"
#include "template/template.h"
#include "template_support.h"

using namespace hb::test;

namespace {

// `depth` sections `{{#a}}` nested in one another around `x`.
std::string nested_sections(size_t depth) {
  std::string text;
  for (size_t i = 0; i < depth; ++i)
    text += "{{#a}}";
  text += "x";
  for (size_t i = 0; i < depth; ++i)
    text += "{{/a}}";
  return text;
}

// The diagnostics of adding `source` as templates/page.mustache, as `line:col: message`.
std::vector<std::string> compile_errors(const std::string& source) {
  hb::TemplateSet set;
  hb::Diagnostics diags;
  CHECK_FALSE(set.add("page", source, "templates/page.mustache", diags));
  std::vector<std::string> out;
  for (const hb::Diagnostic& d : diags.sorted())
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + d.message);
  return out;
}

// The diagnostics of check_references, formatted as the command line prints them.
std::string reference_errors(const hb::TemplateSet& set) {
  hb::Diagnostics diags;
  CHECK_FALSE(set.check_references(diags));
  std::string out;
  for (const hb::Diagnostic& d : diags.sorted())
    out += hb::format_text(d);
  return out;
}

// Runs `body` on a thread with a stack of `bytes`, as a worker thread might have.
void on_small_stack(size_t bytes, const std::function<void()>& body) {
  pthread_attr_t attr;
  REQUIRE(pthread_attr_init(&attr) == 0);
  REQUIRE(pthread_attr_setstacksize(&attr, bytes) == 0);
  pthread_t thread;
  auto run = [](void* f) -> void* {
    (*static_cast<const std::function<void()>*>(f))();
    return nullptr;
  };
  void* arg = const_cast<std::function<void()>*>(&body);
  REQUIRE(pthread_create(&thread, &attr, run, arg) == 0);
  pthread_join(thread, nullptr);
  pthread_attr_destroy(&attr);
}

const std::string kTooDeep =
    "1:601: section 'a' is nested more than 100 levels deep (sections, blocks and parents may "
    "nest 100 levels at most)";

}  // namespace

TEST_CASE("sections nest up to the limit") {
  hb::TemplateSet set;
  hb::Diagnostics diags;
  REQUIRE(set.add("page", nested_sections(hb::kMaxTemplateNesting), "page.mustache", diags));
  hb::Value data;
  data["a"] = true;
  CHECK(set.render("page", data) == "x");
}

TEST_CASE("one level more is an error at the tag that opens it, and only one") {
  EnglishMessages english;  // the English texts (--lang en)
  CHECK(compile_errors(nested_sections(hb::kMaxTemplateNesting + 1)) ==
        std::vector<std::string>{kTooDeep});
  std::string mixed;
  for (size_t i = 0; i < hb::kMaxTemplateNesting; ++i)
    mixed += i % 2 ? "{{^b}}\n" : "{{$c}}\n";
  CHECK(compile_errors(mixed + "  {{<layout}}{{/layout}}") ==
        std::vector<std::string>{"101:3: parent 'layout' is nested more than 100 levels deep "
                                 "(sections, blocks and parents may nest 100 levels at most)"});
}

TEST_CASE("the nesting error shows the line with a caret under the tag") {
  EnglishMessages english;  // the English texts (--lang en)
  hb::TemplateSet set;
  hb::Diagnostics diags;
  std::string source = "<main>\n" + nested_sections(hb::kMaxTemplateNesting + 1) + "\n</main>\n";
  CHECK_FALSE(set.add("page", source, "templates/page.mustache", diags));
  auto errors = diags.sorted();
  REQUIRE(errors.size() == 1);
  std::string shown = hb::format_text(errors[0]);
  CHECK(shown.find("templates/page.mustache:2:601: error: section 'a' is nested more than 100 "
                   "levels deep") == 0);
  CHECK(shown.find("\n    …") != std::string::npos);  // the long line as an excerpt
  CHECK(shown.find("{{#a}}{{#a}}") != std::string::npos);
  CHECK(shown.substr(shown.size() - 2) == "^\n");
}

TEST_CASE("10,000 and 50,000 nested sections are refused quickly, without a crash") {
  EnglishMessages english;  // the English texts (--lang en)
  for (size_t depth : {10'000, 50'000}) {
    CAPTURE(depth);
    std::clock_t start = std::clock();
    CHECK(compile_errors(nested_sections(depth)) == std::vector<std::string>{kTooDeep});
    CHECK(cpu_seconds_since(start) < time_limit(10));  // about 0.01 s
  }
}

TEST_CASE("10,000 standalone blocks nested on indented lines are refused quickly") {
  EnglishMessages english;  // the English texts (--lang en)
  std::string text;
  for (int i = 0; i < 10'000; ++i)
    text += std::string(i % 8, ' ') + "{{$b" + std::to_string(i) + "}}\n";
  std::clock_t start = std::clock();
  auto errors = compile_errors(text);
  CHECK(cpu_seconds_since(start) <
        time_limit(10));  // about 0.01 s; a second with quadratic indentation
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "101:5: block 'b100' is nested more than 100 levels deep (sections, blocks "
        "and parents may nest 100 levels at most)");
}

TEST_CASE("rendering takes time linear in the template: 2,000 nests of 100 sections") {
  std::string text;
  for (int i = 0; i < 2'000; ++i)
    text += nested_sections(hb::kMaxTemplateNesting) + "\n";
  hb::TemplateSet set;
  hb::Diagnostics diags;
  std::clock_t start = std::clock();
  REQUIRE(set.add("page", text, "page.mustache", diags));
  hb::Value data;
  data["a"] = true;
  std::string out = set.render("page", data);
  CHECK(cpu_seconds_since(start) < time_limit(10));  // about 0.5 s
  CHECK(out.size() == 4'000);
}

TEST_CASE("templates that nest each other beyond the render limit stop with an error") {
  EnglishMessages english;  // the English texts (--lang en)
  // Each template nests 99 sections and includes the next: 10 templates are 1,000 levels, and
  // the first section of the 11th is one more.
  std::vector<std::pair<std::string, std::string>> templates;
  for (int i = 0; i < 20; ++i) {
    std::string next = "{{>t" + std::to_string(i + 1) + "}}";
    std::string text = nested_sections(hb::kMaxTemplateNesting - 1);
    templates.push_back({"t" + std::to_string(i), text.replace(text.find('x'), 1, next)});
  }
  templates.push_back({"t20", "end"});
  auto set = make_set(templates);
  hb::Value data;
  data["a"] = true;
  std::clock_t start = std::clock();
  CHECK_THROWS_WITH_AS(set.render("t0", data),
                       "templates/t10.mustache:1:1: '{{#a}}' is nested more than 1000 levels "
                       "deep while rendering (do templates include each other without end?)",
                       hb::TemplateError);
  CHECK(cpu_seconds_since(start) < time_limit(10));
  CHECK(set.render("t11", data) == "end");  // 900 levels
}

TEST_CASE("a block whose override holds the same block stops with an error") {
  EnglishMessages english;  // the English texts (--lang en)
  auto set = make_set({{"layout", "<main>{{$body}}{{/body}}</main>"},
                       {"page", "{{<layout}}{{$body}}[{{$body}}x{{/body}}]{{/body}}{{/layout}}"}});
  CHECK_THROWS_WITH_AS(set.render("page", hb::Value()),
                       "templates/page.mustache:1:22: '{{$body}}' is nested more than 1000 levels "
                       "deep while rendering (does '{{$body}}' include itself?)",
                       hb::TemplateError);
}

TEST_CASE("the deepest render fits a thread with a 1 MB stack") {
  on_small_stack(1 << 20, [] {
    auto set = make_set({{"loop", "{{#a}}{{$b}}{{<loop}}{{/loop}}{{/b}}{{/a}}"}});
    hb::Value data;
    data["a"] = true;
    CHECK_THROWS_AS(set.render("loop", data), hb::TemplateError);
    auto partial = make_set({{"loop", "{{^no}}\n  {{>loop}}\n{{/no}}\n"}});
    CHECK_THROWS_AS(partial.render("loop", data), hb::TemplateError);
  });
}

TEST_CASE("check_references reports a template that includes itself, naming the loop") {
  EnglishMessages english;  // the English texts (--lang en)
  SUBCASE("directly, even inside a section") {
    auto set = make_set({{"tree", "<li>{{title}}\n{{#children}}{{>tree}}{{/children}}</li>\n"}});
    CHECK(reference_errors(set) ==
          "templates/tree.mustache:2:14: error: '{{>tree}}' makes template 'tree' include "
          "itself: tree → tree (a template may not include itself, directly or through others)\n"
          "    {{#children}}{{>tree}}{{/children}}</li>\n"
          "                 ^\n");
  }
  SUBCASE("through other templates and parents, reported once at the tag closing the loop") {
    auto set = make_set({{"a", "{{>b}}{{>ok}}"},
                         {"b", "{{<c}}{{$x}}{{/x}}{{/c}}"},
                         {"c", "{{$x}}{{>a}}{{/x}}"},
                         {"ok", "fine"},
                         {"z", "{{>a}}"}});
    CHECK(reference_errors(set) ==
          "templates/c.mustache:1:7: error: '{{>a}}' makes template 'a' include itself: a → b → "
          "c → a (a template may not include itself, directly or through others)\n"
          "    {{$x}}{{>a}}{{/x}}\n"
          "          ^\n");
  }
  SUBCASE("in a block given to a parent") {
    auto set = make_set({{"layout", "{{$main}}{{/main}}"},
                         {"page", "{{<layout}}{{$main}}{{>page}}{{/main}}{{/layout}}"}});
    CHECK(reference_errors(set).find("'{{>page}}' makes template 'page' include itself: page → "
                                     "page") != std::string::npos);
  }
}

TEST_CASE("check_references passes a chain without a loop, and dynamic names") {
  auto set = make_set(
      {{"a", "{{>b}}{{>b}}{{>*kind}}"}, {"b", "{{>c}}"}, {"c", "{{<d}}{{/d}}"}, {"d", "end"}});
  hb::Diagnostics diags;
  CHECK(set.check_references(diags));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("a loop through 5,000 templates is loaded and checked quickly, on a small stack") {
  EnglishMessages english;  // the English texts (--lang en)
  TempDir tmp;
  for (int i = 0; i < 5'000; ++i)
    write_file(tmp / ("t" + std::to_string(100'000 + i) + ".mustache"),
               "{{>t" + std::to_string(100'000 + (i + 1) % 5'000) + "}}");
  on_small_stack(128 << 10, [&] {
    std::clock_t start = std::clock();
    hb::TemplateSet set;
    hb::Diagnostics diags;
    CHECK(set.load_dir(tmp.path(), diags));
    CHECK_FALSE(set.check_references(diags));
    CHECK(cpu_seconds_since(start) < time_limit(10));  // about 0.1 s
    auto errors = diags.sorted();
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].path == (tmp / "t104999.mustache").string());
    CHECK(errors[0].message.find("'{{>t100000}}' makes template 't100000' include itself: "
                                 "t100000 → t100001 → ") == 0);
  });
}

TEST_CASE("build refuses a template that includes itself with check's message") {
  fs::path broken = fixture("broken/55-template-includes-itself");
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  copy_tree(broken / "templates", tmp / "site/templates");
  fs::path here = fs::current_path();
  fs::current_path(tmp / "site");
  CliResult built = run({"build", "--site", "."});
  CliResult checked = run({"check", "--site", "."});
  fs::current_path(here);
  CHECK(built.exit_code == 1);
  CHECK(built.err == read_text(broken / "expected.txt"));
  CHECK(checked.err == built.err);
  CHECK_FALSE(fs::exists(tmp / "site/_site"));
}

TEST_CASE("sections repeated inside each other over lists stop at the render's budget") {
  EnglishMessages english;  // the English texts (--lang en)
  // 30 sections over a list of 3, each inside the last: 3^30 renderings of the innermost text
  // without the budget. The section's name resolves to the same list at every level.
  std::string text;
  for (int i = 0; i < 30; ++i)
    text += "{{#items}}";
  text += "x";
  for (int i = 0; i < 30; ++i)
    text += "{{/items}}";
  auto set = make_set({{"page", text}});
  hb::Value data;
  for (int i = 0; i < 3; ++i)
    data["items"].push_back(i);
  std::clock_t start = std::clock();
  CHECK_THROWS_WITH_AS(set.render("page", data),
                       "templates/page.mustache:1:291: '{{#items}}' takes the render past "
                       "20000000 sections, partials and list items (do sections repeat inside "
                       "each other over long lists?)",
                       hb::TemplateError);
  CHECK(cpu_seconds_since(start) < time_limit(20));  // about 1 s in a release build
}

TEST_CASE("a render's budget of steps and bytes can be set, and the check passes within it") {
  EnglishMessages english;  // the English texts (--lang en)
  auto set = make_set({{"page", "{{#items}}{{#items}}{{text}}{{/items}}{{/items}}"}});
  hb::Value data;
  data["text"] = std::string(100, 'y');
  for (int i = 0; i < 10; ++i)
    data["items"].push_back(i);
  SUBCASE("121 steps: the outer section, its ten items, and in each the inner one and its ten") {
    set.set_limits({121, 1 << 20});
    CHECK(set.render("page", data).size() == 10'000);
    set.set_limits({120, 1 << 20});
    CHECK_THROWS_WITH_AS(set.render("page", data),
                         "templates/page.mustache:1:11: '{{#items}}' takes the render past 120 "
                         "sections, partials and list items (do sections repeat inside each "
                         "other over long lists?)",
                         hb::TemplateError);
  }
  SUBCASE("bytes: checked at each step, so the output may pass the limit by one step's text") {
    set.set_limits({1000, 5'000});
    CHECK_THROWS_WITH_AS(set.render("page", data),
                         "templates/page.mustache:1:11: '{{#items}}' takes the output past 5000 "
                         "bytes (do sections repeat inside each other over long lists?)",
                         hb::TemplateError);
  }
}
