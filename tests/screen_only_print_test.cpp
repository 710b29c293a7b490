// Text meant for screens (the skip link, the navigation's own words, the search box, hints about
// scrolling) never reaches the printed booklet. The templates and the generator mark it with the
// class screen-only; the test gathers every such text from the website's HTML, so that a new
// one is checked too, and looks for each in the text of the booklet's PDF.
#include <doctest/doctest.h>
#include <gumbo.h>

#include <set>

#include "print_support.h"

using namespace hb::test;

namespace {

std::string collapsed(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool has_class(const GumboElement& e, std::string_view name) {
  const GumboAttribute* cls = gumbo_get_attribute(&e.attributes, "class");
  if (!cls) return false;
  std::string padded = " " + collapsed(cls->value) + " ";
  return padded.find(" " + std::string(name) + " ") != std::string::npos;
}

// The texts of an attribute that a script or a screen reader shows: `{n}` and `{q}` are filled
// in by theme/search.js, so each piece between them is a text of its own.
void add_attribute_texts(const GumboElement& e, std::set<std::string>& out) {
  for (unsigned k = 0; k < e.attributes.length; ++k) {
    auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
    std::string_view name = a->name, value = a->value;
    bool shown = name == "placeholder" || name == "aria-label" || name.starts_with("data-");
    if (!shown || value.find(' ') == std::string_view::npos) continue;  // a word or an address
    size_t start = 0;
    while (start <= value.size()) {
      size_t open = value.find('{', start);
      std::string piece = collapsed(value.substr(start, open - start));
      if (piece.size() > 1) out.insert(piece);
      if (open == std::string_view::npos) break;
      size_t close = value.find('}', open);
      start = close == std::string_view::npos ? value.size() + 1 : close + 1;
    }
  }
}

// Gathers the texts of a screen-only element. A link's text inside one is the name of what it
// links to (a page, a heading), and the breadcrumbs' current page (aria-current) is the page's
// title: the booklet prints those as titles. A link that is itself marked (the skip link) says
// something meant for the screen.
void gather(const GumboNode* node, bool inside, std::set<std::string>& out) {
  if (node->type == GUMBO_NODE_TEXT && inside) {
    std::string text = collapsed(node->v.text.text);
    if (!text.empty() && text.find('<') == std::string::npos) out.insert(text);
    // <noscript> holds its markup as text: its words between the tags.
    for (size_t at = 0; (at = text.find('>', at)) != std::string::npos;) {
      size_t end = text.find('<', ++at);
      std::string piece = collapsed(text.substr(at, end - at));
      if (!piece.empty()) out.insert(piece);
      if (end == std::string::npos) break;
    }
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = node->v.element;
  bool marked = has_class(e, "screen-only");
  bool title = e.tag == GUMBO_TAG_A || gumbo_get_attribute(&e.attributes, "aria-current");
  if (inside && title && !marked) return;
  if (marked || inside) add_attribute_texts(e, out);
  for (unsigned k = 0; k < e.children.length; ++k)
    gather(static_cast<const GumboNode*>(e.children.data[k]), inside || marked, out);
}

std::set<std::string> screen_only_texts(const fs::path& edition) {
  std::set<std::string> texts;
  for (auto& entry : fs::recursive_directory_iterator(edition)) {
    if (entry.path().extension() != ".html") continue;
    std::string html = read_text(entry.path());
    GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    gather(doc->root, false, texts);
    gumbo_destroy_output(&kGumboDefaultOptions, doc);
  }
  return texts;
}

// The PDF's text as one line: words broken at the end of a line joined again, every run of
// white space one space.
std::string joined(const std::string& text) {
  std::string out;
  for (size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '-' && k + 1 < text.size() && text[k + 1] == '\n') {
      ++k;
      continue;
    }
    out += text[k];
  }
  return " " + collapsed(out) + " ";
}

// Where `texts` meet the PDF's text: a text of several words anywhere, a single word as a line of
// its own (as a button or a link would print).
std::vector<std::string> found_in(const std::set<std::string>& texts, const std::string& pdf) {
  std::string flat = joined(pdf), lines = "\n" + pdf + "\n";
  std::vector<std::string> found;
  for (auto& t : texts) {
    bool words = t.find(' ') != std::string::npos;
    if (words ? flat.find(t) != std::string::npos
              : lines.find("\n" + t + "\n") != std::string::npos)
      found.push_back(t);
  }
  return found;
}

}  // namespace

TEST_CASE("no text meant for screens appears in the booklet's PDF") {
  if (std::string why = missing_pdf_tools(); !why.empty())
    return skip_test("the screen-only text test: " + why);
  TempDir tmp;
  // The website of the bundled handbook: every page's screen-only texts.
  auto built = run({"build", "--site", source_dir().string(), "--out", (tmp / "web").string()});
  INFO(built.out << built.err);
  REQUIRE(built.exit_code == 0);
  std::set<std::string> texts = screen_only_texts(tmp / "web");
  for (std::string known :
       {"Gå til indholdet", "Søg i håndbogen",
        "Tabellen er bredere end skærmen: rul til siden for at se alle fora.", "Vis alle"})
    CHECK_MESSAGE(texts.count(known) == 1, "not gathered: " << known);
  // The booklet of the fixture, which has the matrix, the wheel and the organisation diagram.
  std::string pdf = pdf_text(fixture_booklet_pdf(tmp.path()));
  REQUIRE(pdf.find("En prik i tabellen betyder, at rollen deltager i forummet.") !=
          std::string::npos);
  std::string found;
  for (auto& t : found_in(texts, pdf))
    found += "\n  " + t;
  CHECK_MESSAGE(found.empty(), "screen-only text in the PDF:" << found);
}

TEST_CASE("the screen-only check finds a screen text in a PDF's text") {
  std::set<std::string> texts = {"rul til siden for at se alle fora.", "Søg", "Menu"};
  std::string pdf =
      "Roller og fora\nTabellen er bredere end skærmen: rul til si-\nden for at se "
      "alle fora.\nSøg det forenelige.\nMenu\n\f";
  CHECK(found_in(texts, pdf) ==
        std::vector<std::string>{"Menu", "rul til siden for at se alle fora."});
}
