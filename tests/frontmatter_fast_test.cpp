// The fast front matter parser against toml++: whatever it accepts must come out exactly as
// toml::parse makes it, down to every node's source region; whatever it does not handle it
// must refuse.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "diagnostics.h"
#include "frontmatter.h"
#include "frontmatter_fast.h"
#include "support.h"

using namespace hb;
using namespace hb::test;

namespace {

std::string describe(const toml::source_region& r) {
  return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" +
         std::to_string(r.end.line) + ":" + std::to_string(r.end.column) + " in '" +
         (r.path ? *r.path : std::string("(none)")) + "'";
}

bool same_region(const toml::source_region& a, const toml::source_region& b) {
  bool same_path = a.path && b.path ? *a.path == *b.path : !a.path && !b.path;
  return a.begin == b.begin && a.end == b.end && same_path;
}

template <typename T>
std::string value_difference(const toml::node& a, const toml::node& b) {
  auto* x = a.as<T>();
  auto* y = b.as<T>();
  if (x->get() != y->get()) return "values differ";
  if (x->flags() != y->flags()) return "value flags differ";
  return "";
}

// The first difference between two trees (type, value, flags, source region, keys), or "".
std::string difference(const toml::node& a, const toml::node& b, const std::string& where) {
  if (a.type() != b.type()) return where + ": types differ";
  if (!same_region(a.source(), b.source()))
    return where + ": source " + describe(a.source()) + " vs " + describe(b.source());
  std::string d;
  switch (a.type()) {
    case toml::node_type::table: {
      auto& x = *a.as_table();
      auto& y = *b.as_table();
      if (x.size() != y.size()) return where + ": table sizes differ";
      if (x.is_inline() != y.is_inline()) return where + ": inline flags differ";
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        std::string key(i->first.str());
        if (i->first.str() != j->first.str())
          return where + ": key '" + key + "' vs '" + std::string(j->first.str()) + "'";
        if (!same_region(i->first.source(), j->first.source()))
          return where + ": key '" + key + "' at " + describe(i->first.source()) + " vs " +
                 describe(j->first.source());
        if (auto sub = difference(i->second, j->second, where + "." + key); !sub.empty())
          return sub;
      }
      return "";
    }
    case toml::node_type::array: {
      auto& x = *a.as_array();
      auto& y = *b.as_array();
      if (x.size() != y.size()) return where + ": array sizes differ";
      for (size_t k = 0; k < x.size(); ++k)
        if (auto sub = difference(x[k], y[k], where + "[" + std::to_string(k) + "]"); !sub.empty())
          return sub;
      return "";
    }
    case toml::node_type::string:
      d = value_difference<std::string>(a, b);
      break;
    case toml::node_type::integer:
      d = value_difference<int64_t>(a, b);
      break;
    case toml::node_type::boolean:
      d = value_difference<bool>(a, b);
      break;
    case toml::node_type::date:
      d = value_difference<toml::date>(a, b);
      break;
    default:
      d = "a type the fast path never makes";
  }
  return d.empty() ? d : where + ": " + d;
}

struct Counts {
  int accepted = 0, rejected = 0;
};

// Runs both parsers on `text`. An accepted text must parse with toml++ into the same tree; a
// refused one must leave the output table as it was. Returns whether it was accepted.
bool check(std::string_view text, std::string_view path = "content/roles/x.md") {
  toml::table fast{{"untouched", 1}};
  if (!parse_simple_toml(text, path, fast)) {
    CHECK_MESSAGE((fast.size() == 1 && fast.contains("untouched")), "a refusal changed the table:\n"
                                                                        << text);
    return false;
  }
  toml::table slow;
  try {
    slow = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    FAIL_CHECK("accepted what toml++ rejects (" << e.description() << "):\n" << text);
    return true;
  }
  std::string d = difference(fast, slow, "root");
  CHECK_MESSAGE(d.empty(), d << "\n--- input ---\n" << text);
  return true;
}

std::vector<fs::path> markdown_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ".md") out.push_back(e.path());
  return out;
}

// One piece of a generated document and whether the fast path is meant to handle it.
struct Piece {
  std::string text;
  bool simple;
};

// Random front matters built from pieces inside and outside the fast path's subset.
class Generator {
 public:
  // `odd_percent`: how often a choice takes a piece outside the subset.
  Generator(unsigned seed, int odd_percent) : rng_(seed), odd_percent_(odd_percent) {}

  // A document and whether every piece in it is one the fast path must accept.
  std::pair<std::string, bool> document() {
    std::string doc;
    bool simple = true;
    std::vector<std::string> used;
    int lines = pick(0, 8);
    for (int n = 0; n < lines; ++n) {
      Piece line = this->line(used);
      doc += line.text;
      simple = simple && line.simple;
      bool last = n + 1 == lines;
      Piece end = last ? choose({{"", true}, {"\n", true}, {"\r\n", true}, {"\r", false}})
                       : choose({{"\n", true}, {"\n", true}, {"\r\n", true}, {"\r", false}});
      doc += end.text;
      simple = simple && end.simple;
    }
    return {doc, simple};
  }

 private:
  std::mt19937 rng_;
  int odd_percent_;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return pick(1, 100) <= percent; }
  template <typename T>
  T pick(const std::vector<T>& from) {
    return from[static_cast<size_t>(pick(0, static_cast<int>(from.size()) - 1))];
  }

  // One of `from`: a piece outside the subset with odd_percent_ chance, if it has both kinds.
  Piece choose(const std::vector<Piece>& from) {
    std::vector<Piece> simple, odd;
    for (auto& p : from)
      (p.simple ? simple : odd).push_back(p);
    bool take_odd = simple.empty() || (!odd.empty() && chance(odd_percent_));
    return pick(take_odd ? odd : simple);
  }

  Piece line(std::vector<std::string>& used) {
    switch (pick(0, 9)) {
      case 0:
        return choose({{"", true},
                       {"   ", true},
                       {"\t", true},
                       {"# a comment", true},
                       {"  #æøå 🙂 \t#", true},
                       {"#", true},
                       {"# \x01 control", false},
                       {"# \x7f delete", false},
                       {"# \xC3 broken", false},
                       {"[table]", false},
                       {"[[tables]]", false},
                       {"\xEF\xBB\xBFtitle = \"bom\"", false},
                       {"\xC2\xA0title = \"nbsp\"", false}});
      default:
        break;
    }
    Piece key = this->key(used);
    Piece eq = choose({{" = ", true}, {"=", true}, {"\t=\t ", true}, {" =", true}});
    if (eq.text == " =") eq.text += pick<std::string>({" ", "\t"});
    if (chance(odd_percent_)) eq = {" : ", false};
    Piece value = chance(20) ? array() : scalar();
    Piece tail = choose({{"", true},
                         {"", true},
                         {" ", true},
                         {"  \t", true},
                         {" # note", true},
                         {"#note ü", true},
                         {"\t# \t", true},
                         {" x", false},
                         {",", false},
                         {" ]", false},
                         {"# \x02", false}});
    std::string indent = chance(10) ? pick<std::string>({" ", "\t", "  "}) : "";
    return {indent + key.text + eq.text + value.text + tail.text,
            key.simple && eq.simple && value.simple && tail.simple};
  }

  Piece key(std::vector<std::string>& used) {
    if (chance(odd_percent_))
      return choose({{"a.b", false},
                     {"\"quoted\"", false},
                     {"'literal'", false},
                     {"æble", false},
                     {"a b", false},
                     {"", false}});
    std::string k = pick<std::string>({"title", "id", "date", "year", "themes", "actors", "a",
                                       "x_y", "with-dash", "_", "-", "123", "true", "Zed"});
    if (chance(50)) k += std::to_string(pick(0, 20));
    bool fresh = std::find(used.begin(), used.end(), k) == used.end();
    used.push_back(k);
    return {k, fresh};
  }

  Piece string_text() {
    std::string s = "\"";
    bool simple = true;
    int parts = pick(0, 6);
    for (int n = 0; n < parts; ++n) {
      Piece p = choose({{"word", true},
                        {" ", true},
                        {"\t", true},
                        {"Ærø og Åbenrå", true},
                        {"🙂", true},
                        {"\xC2\x85", true},
                        {"\xEF\xBB\xBF", true},
                        {"# not a comment", true},
                        {"'", true},
                        {"[x]", true},
                        {"\\\"", true},
                        {"\\\\", true},
                        {"\\n", true},
                        {"\\t", true},
                        {"\\b\\f\\r", true},
                        {"\\u00e9", false},
                        {"\\U0001F642", false},
                        {"\\x41", false},
                        {"\\e", false},
                        {"\\q", false},
                        {"\\ ", false},
                        {"\x01", false},
                        {"\x7f", false},
                        {"\xC3", false},
                        {"\xED\xA0\x80", false},
                        {"\xC0\xAF", false},
                        {"\xF4\x90\x80\x80", false}});
      s += p.text;
      simple = simple && p.simple;
    }
    if (chance(odd_percent_)) return {s, false};  // never closed
    return {s + "\"", simple};
  }

  Piece scalar() {
    switch (chance(odd_percent_) ? 5 : pick(0, 4)) {
      case 0:
      case 1:
        return string_text();
      case 2:
        return choose({{"0", true},
                       {"-0", true},
                       {"+0", true},
                       {"7", true},
                       {"42", true},
                       {"-17", true},
                       {"+2023", true},
                       {"123456789012345678", true},
                       {"-999999999999999999", true},
                       {"9223372036854775807", false},
                       {"1234567890123456789", false},
                       {"99999999999999999999", false},
                       {"007", false},
                       {"1_000", false},
                       {"0x1F", false},
                       {"0o17", false},
                       {"0b101", false},
                       {"1e3", false},
                       {"1.5", false},
                       {"-0.0", false},
                       {"inf", false},
                       {"nan", false},
                       {"+", false},
                       {"-", false},
                       {"12abc", false}});
      case 3:
        return choose({{"true", true},
                       {"false", true},
                       {"True", false},
                       {"tru", false},
                       {"truex", false},
                       {"falsey", false}});
      case 4:
        return choose({{"2016-03-31", true},
                       {"2024-02-29", true},
                       {"2000-02-29", true},
                       {"0000-01-01", true},
                       {"9999-12-31", true},
                       {"2023-02-29", false},
                       {"1900-02-29", false},
                       {"2024-04-31", false},
                       {"2024-13-01", false},
                       {"2024-00-10", false},
                       {"2024-01-00", false},
                       {"2024-1-01", false},
                       {"2024-01-01T10:00:00", false},
                       {"2024-01-01 10:00:00", false},
                       {"2024-01-01 10:00", false},
                       {"2024-01-01T10:00:00Z", false},
                       {"10:00:00", false},
                       {"2024-01-011", false}});
      default:
        return choose({{"'literal'", false},
                       {"\"\"\"multi\nline\"\"\"", false},
                       {"\"\"\"one line\"\"\"", false},
                       {"{ a = 1 }", false},
                       {"", false},
                       {"_1", false},
                       {"@", false}});
    }
  }

  Piece array() {
    std::string s = "[";
    bool simple = true;
    int n = pick(0, 4);
    for (int k = 0; k < n; ++k) {
      s += pick<std::string>({"", " ", "\t", "  "});
      Piece e = chance(odd_percent_)
                    ? choose({{"[1]", false}, {"{}", false}, {"\n\"x\"", false}, {"# c\n1", false}})
                    : scalar();
      s += e.text;
      simple = simple && e.simple;
      s += pick<std::string>({"", " ", "\t"});
      if (k + 1 < n) {
        Piece sep = choose({{",", true}, {",", true}, {"", false}, {",,", false}});
        s += sep.text;
        simple = simple && sep.simple;
      }
    }
    if (n > 0 && chance(20)) s += ",";
    if (n == 0 && chance(5)) {
      s += ",";
      simple = false;
    }
    s += pick<std::string>({"", " "});
    if (chance(odd_percent_)) return {s, false};  // never closed
    return {s + "]", simple};
  }
};

}  // namespace

TEST_CASE("fast front matter: every front matter of the handbook and the fixtures") {
  Counts counts;
  for (auto dir : {source_dir() / "content", source_dir() / "tests" / "fixtures"}) {
    for (auto& file : markdown_files(dir)) {
      std::string text = read_text(file);
      std::string path = file.lexically_relative(source_dir()).generic_string();
      Diagnostics diags;
      auto fm = split_front_matter(path, text, diags);
      if (!fm) continue;
      CAPTURE(path);
      (check(fm->toml, path) ? counts.accepted : counts.rejected)++;
    }
  }
  MESSAGE("accepted " << counts.accepted << ", left to toml++ " << counts.rejected);
  CHECK(counts.accepted >= 40);
  CHECK(counts.rejected >= 1);
}

TEST_CASE("fast front matter: random documents") {
  Counts counts;
  int simple_docs = 0;
  for (unsigned seed = 1; seed <= 4; ++seed) {
    Generator gen(seed, seed <= 2 ? 2 : 10);
    for (int n = 0; n < 10000; ++n) {
      auto [doc, simple] = gen.document();
      bool accepted = check(doc);
      (accepted ? counts.accepted : counts.rejected)++;
      if (simple) {
        ++simple_docs;
        CHECK_MESSAGE(accepted, "refused a document in the subset:\n" << doc);
      }
    }
  }
  MESSAGE("accepted " << counts.accepted << " (" << simple_docs
                      << " wholly in the subset), left to toml++ " << counts.rejected);
  CHECK(simple_docs >= 2000);
  CHECK(counts.rejected >= 2000);
}

TEST_CASE("fast front matter: what it leaves to toml++") {
  const char* refused[] = {
      "[table]\n",
      "[[tables]]\n",
      "a = { b = 1 }\n",
      "a.b = 1\n",
      "\"a\" = 1\n",
      "'a' = 1\n",
      "a = 'literal'\n",
      "a = \"\"\"multi\"\"\"\n",
      "a = \"\\u00e9\"\n",
      "a = \"\\e\"\n",
      "a = \"\\q\"\n",
      "a = \"unclosed\n",
      "a = \"tab\tok but \x01 not\"\n",
      "a = \"\xC3(\"\n",
      "a = 1\na = 2\n",
      "a = 1 x\n",
      "a = 1.5\n",
      "a = 1e3\n",
      "a = 1_000\n",
      "a = 0x10\n",
      "a = 01\n",
      "a = 1234567890123456789\n",
      "a = inf\n",
      "a = True\n",
      "a = 2023-02-29\n",
      "a = 2024-01-01T10:00:00\n",
      "a = 2024-01-01 10:00\n",
      "a = 10:00:00\n",
      "a = [\n  \"x\",\n]\n",
      "a = [[1]]\n",
      "a = [,]\n",
      "a = [1,,2]\n",
      "a = [1 2]\n",
      "a = [1\n",
      "a =\n",
      "a\n",
      "= 1\n",
      "a = 1\rb = 2\n",
      "a = 1 # \x01\n",
      "\xEF\xBB\xBF"
      "a = 1\n",
      "a = 1\n\xC2\xA0\n",
  };
  for (const char* text : refused) {
    toml::table out;
    CHECK_MESSAGE(!parse_simple_toml(text, "x.md", out), text);
  }
}

TEST_CASE("fast front matter: columns count code points") {
  toml::table out;
  REQUIRE(parse_simple_toml("title = \"Ærø\" # å\nthemes = [\"æ\", \"b\"]\r\n", "p.md", out));
  auto& title = *out.get("title");
  CHECK(title.value_exact<std::string>() == "Ærø");
  CHECK(title.source().begin == toml::source_position{1, 9});
  CHECK(title.source().end == toml::source_position{1, 14});
  CHECK(*title.source().path == "p.md");
  auto& themes = *out.get_as<toml::array>("themes");
  CHECK(themes[1].source().begin == toml::source_position{2, 16});
  CHECK(out.find("themes")->first.source().begin == toml::source_position{2, 1});
  CHECK(out.find("themes")->first.source().end == toml::source_position{2, 7});
  CHECK(check("title = \"Ærø\" # å\nthemes = [\"æ\", \"b\"]\r\n"));
}
