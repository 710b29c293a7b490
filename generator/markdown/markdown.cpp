#include "markdown.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// clang-format on

#include "base/simd.h"
#include "cmark_arena.h"
#include "cmark_tree.h"
#include "link_locator.h"
#include "visibility.h"
#include "word_set.h"

namespace hb {

namespace {

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};

// What a text may need: each GFM extension costs time on every document it is attached to, and
// text without what an extension looks for parses exactly the same without it.
struct Needs {
  std::array<bool, std::size(kExtensions)> extensions{};
  bool footnotes = false;  // `[^`
};

// One pass over the bytes that can start what an extension or footnotes look for.
Needs needs_of(std::string_view text) {
  Needs needs;
  // References, not a structured binding: clang 14 (the fuzz build) cannot capture bindings.
  bool& table = needs.extensions[0];
  bool& strike = needs.extensions[1];
  bool& autolink = needs.extensions[2];
  bool& tags = needs.extensions[3];
  bool& tasks = needs.extensions[4];
  const char* s = text.data();
  size_t n = text.size();
  auto at = [&](size_t p) { return p < n ? s[p] : '\0'; };
  auto check = [&](size_t p) {
    switch (s[p]) {
      case '|':  // a one-column table needs no pipe, but a colon in its rule
        table = true;
        break;
      case '~':
        strike = true;
        break;
      case '@':  // bare `www.`, `scheme://` and e-mail addresses
        autolink = true;
        break;
      case '<':
        tags = true;
        break;
      case ':':
        if ((p > 0 && s[p - 1] == '-') || at(p + 1) == '-') table = true;
        if (at(p + 1) == '/' && at(p + 2) == '/') autolink = true;
        break;
      case 'w':
      case 'W':
        if ((at(p + 1) | 0x20) == 'w' && at(p + 2) == '.') autolink = true;
        break;
      case ']':
        if (p >= 2 && s[p - 2] == '[' && (s[p - 1] == ' ' || (s[p - 1] | 0x20) == 'x'))
          tasks = true;
        break;
      case '[':
        if (at(p + 1) == '^') needs.footnotes = true;
        break;
      default:
        break;
    }
  };
  // Candidates in five comparisons: x | 2 == '~' for | ~; x | 6 == '>' for : < (and 8 >);
  // x | 6 == '_' for [ ] (and Y _); '@'; x | 0x20 == 'w' for w W (a rare letter in Danish, and
  // the start of `ww.`). `check` passes over the extra characters.
  size_t i = 0;
  using V = simd::Native;
  for (; i + 16 <= n; i += 16) {
    V::Block x = V::load(s + i);
    V::Block or6 = V::or_(x, V::splat(6));
    V::Block hit = V::eq(V::or_(x, V::splat(2)), V::splat('~'));
    hit = V::or_(hit, V::eq(or6, V::splat('>')));
    hit = V::or_(hit, V::eq(or6, V::splat('_')));
    hit = V::or_(hit, V::eq(x, V::splat('@')));
    hit = V::or_(hit, V::eq(V::or_(x, V::splat(0x20)), V::splat('w')));
    for (unsigned m = V::mask(hit); m; m &= m - 1)
      check(i + static_cast<size_t>(std::countr_zero(m)));
  }
  for (; i < n; ++i)
    check(i);
  return needs;
}

// A parser whose whole tree lives in the scope's arena: nothing needs freeing one by one.
cmark_parser* make_parser(CmarkScope& scope, const Needs& needs) {
  static cmark_syntax_extension* extensions[std::size(kExtensions)];
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    for (size_t i = 0; i < std::size(kExtensions); ++i)
      extensions[i] = cmark_find_syntax_extension(kExtensions[i]);
  });
  cmark_parser* p =
      cmark_parser_new_with_mem(needs.footnotes ? CMARK_OPT_FOOTNOTES : 0, scope.mem());
  scope.owns(p);
  for (size_t i = 0; i < std::size(kExtensions); ++i)
    if (extensions[i] && needs.extensions[i])
      cmark_parser_attach_syntax_extension(p, extensions[i]);
  return p;
}

cmark_node* parse(CmarkScope& scope, std::string_view text, const Needs& needs,
                  cmark_parser*& parser) {
  parser = make_parser(scope, needs);
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* doc = cmark_parser_finish(parser);
  scope.owns(doc);
  return doc;
}

// cmark-gfm's HTML renderer, raw HTML omitted.
std::string render(cmark_node* doc, cmark_parser* parser, const CmarkScope& scope) {
  char* html = cmark_render_html_with_mem(doc, CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES,
                                          cmark_parser_get_syntax_extensions(parser), scope.mem());
  std::string out = html;
  scope.mem()->free(html);
  return out;
}

void append_text(cmark_node* node, std::string& out) {
  TreeWalk walk(node);
  cmark_node* n;
  bool entering;
  cmark_node_type t;
  while (walk.next(n, entering, t)) {
    if (!entering) continue;
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
      out += cmark::literal(n);
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
}

// cmark-gfm writes a few boolean attributes without values and English labels: make the HTML
// well-formed XML and Danish. Each pattern holds a '"' or '>', which text is never written with.
// One pass; each pattern's next occurrence is looked up once.
void polish_html(std::string& html) {
  static const std::pair<std::string_view, std::string_view> fixes[] = {
      {" data-footnote-ref>", " data-footnote-ref=\"\">"},
      {" data-footnotes>", " data-footnotes=\"\">"},
      {"class=\"footnote-backref\" data-footnote-backref ",
       "class=\"footnote-backref\" data-footnote-backref=\"\" "},
      {"aria-label=\"Back to content\"", "aria-label=\"Tilbage til teksten\""},
  };
  constexpr size_t kFixes = std::size(fixes);
  const char* data = html.data();
  auto find = [&](size_t i, size_t from) {
    const void* p =
        memmem(data + from, html.size() - from, fixes[i].first.data(), fixes[i].first.size());
    return p ? static_cast<size_t>(static_cast<const char*>(p) - data) : std::string::npos;
  };
  size_t next[kFixes];
  for (size_t i = 0; i < kFixes; ++i)
    next[i] = find(i, 0);
  std::string out;
  size_t pos = 0;
  for (;;) {
    size_t which = 0;
    for (size_t i = 1; i < kFixes; ++i)
      if (next[i] < next[which]) which = i;
    if (next[which] == std::string::npos) break;
    if (out.empty()) out.reserve(html.size() + 256);
    out.append(html, pos, next[which] - pos);
    out += fixes[which].second;
    pos = next[which] + fixes[which].first.size();
    for (size_t i = 0; i < kFixes; ++i)
      if (next[i] != std::string::npos && next[i] < pos) next[i] = find(i, pos);
  }
  if (pos == 0) return;
  out.append(html, pos, std::string::npos);
  html = std::move(out);
}

cmark_node* custom(cmark_node_type type, const CmarkScope& scope, const std::string& on_enter,
                   const char* on_exit) {
  cmark_node* node = cmark_node_new_with_mem(type, scope.mem());
  cmark_node_set_on_enter(node, on_enter.c_str());
  cmark_node_set_on_exit(node, on_exit);
  return node;
}

// Moves the children of `from` to the end of `to`'s.
void move_children(cmark_node* from, cmark_node* to) {
  while (cmark_node* child = cmark_node_first_child(from))
    cmark_node_append_child(to, child);
}

// Puts `node` where `old` was, and gives `old` to the scope.
void replace(cmark_node* old, cmark_node* node, CmarkScope& scope) {
  if (!cmark_node_insert_before(old, node))
    throw std::logic_error("a cmark-gfm node cannot take the place of another");
  cmark_node_unlink(old);
  scope.owns(old);
}

// The heading `<hN id="...">`: a block (for the line breaks around it, as cmark-gfm writes a
// heading's) holding an inline node that writes the tags around the heading's content.
void give_id(cmark_node* heading, const std::string& id, CmarkScope& scope) {
  std::string level = std::to_string(cmark_node_get_heading_level(heading));
  cmark_node* tags = custom(CMARK_NODE_CUSTOM_INLINE, scope, "<h" + level + " id=\"" + id + "\">",
                            ("</h" + level + ">").c_str());
  move_children(heading, tags);
  cmark_node* block = custom(CMARK_NODE_CUSTOM_BLOCK, scope, "", "");
  cmark_node_append_child(block, tags);
  replace(heading, block, scope);
}

// Marks link or image `n` for move_marks: no address, and link_placeholder(n) before its title.
// cmark-gfm writes the title as escaped text, and leaves the placeholder's bytes as they are.
void mark_link(cmark_node* link, size_t n) {
  std::string title = link_placeholder(n);
  title += cmark::title(link);
  cmark_node_set_url(link, "");
  cmark_node_set_title(link, title.c_str());
}

// Moves each placeholder that mark_link put at the start of a title into the empty address
// before it: `<a href="" title="PT">` becomes `<a href="P" title="T">` (without a title when T is
// empty), and `<img src="" alt="A" title="PT"` becomes `<img src="P" alt="A" title="T"`.
void move_marks(std::string& html) {
  constexpr std::string_view kTitle = "\" title=\"", kLink = "<a href=\"", kImage = "<img src=\"";
  std::string out;
  size_t pos = 0;
  constexpr size_t npos = std::string::npos;
  const std::string_view v = html;
  for (size_t mark; (mark = v.find(kLinkMark, pos)) != npos;) {
    size_t mark_end = v.find(kLinkMark, mark + 1);
    size_t title = mark - kTitle.size();  // where `" title="` begins
    bool titled = mark >= kTitle.size() && v.substr(title, kTitle.size()) == kTitle;
    bool link =
        titled && title >= kLink.size() && v.substr(title - kLink.size(), kLink.size()) == kLink;
    size_t image = titled && !link ? v.rfind(kImage, title) : npos;
    size_t title_end = mark_end == npos ? npos : v.find('"', ++mark_end);
    if (!titled || (!link && image == npos) || title_end == npos)
      throw std::logic_error(
          "cmark-gfm wrote a rewritten link in a form the generator does not know");
    size_t address = link ? title : image + kImage.size();
    if (out.empty()) out.reserve(html.size());
    out.append(html, pos, address - pos);
    out.append(html, mark, mark_end - mark);
    out.append(html, address, title - address);  // an image's ` alt="A`
    if (title_end > mark_end) out.append(kTitle).append(html, mark_end, title_end - mark_end);
    pos = title_end;
  }
  if (pos == 0) return;
  out.append(html, pos, std::string::npos);
  html = std::move(out);
}

}  // namespace

namespace {

// The transliteration of the Latin-1 letter 0xC3 `second`, or null for any other character.
const char* latin_letter(unsigned char second) {
  switch (second) {
    case 0xA6:
    case 0x86:
      return "ae";  // æ Æ
    case 0xB8:
    case 0x98:
      return "oe";  // ø Ø
    case 0xA5:
    case 0x85:
      return "aa";  // å Å
    case 0xA9:
    case 0x89:
      return "e";  // é É
    case 0xBC:
    case 0x9C:
      return "u";  // ü Ü
    case 0xB6:
    case 0x96:
      return "o";  // ö Ö
    case 0xA4:
    case 0x84:
      return "a";  // ä Ä
    default:
      return nullptr;
  }
}

}  // namespace

std::string slugify(std::string_view text) {
  // What each ASCII byte gives in a slug: itself in lower case for a letter or digit, else 0.
  static constexpr std::array<char, 128> kSlug = [] {
    std::array<char, 128> t{};
    for (char c = '0'; c <= '9'; ++c)
      t[c] = c;
    for (char c = 'a'; c <= 'z'; ++c)
      t[c] = t[c - 'a' + 'A'] = c;
    return t;
  }();
  // Each byte gives at most one byte (a letter of two bytes at most two, a dash one or more
  // separator bytes), so `text.size()` bytes are room enough.
  std::string out(text.size(), '\0');
  char* o = out.data();
  char* const begin = o;
  bool gap = false;  // a separator since the last character written
  auto put = [&](char c) {
    if (gap && o != begin) *o++ = '-';
    gap = false;
    *o++ = c;
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    unsigned char c = static_cast<unsigned char>(text[i++]);
    if (c < 0x80) {
      if (char slug = kSlug[c]) {
        put(slug);
        continue;
      }
    } else if (const char* t = c == 0xC3 && i < n ? latin_letter(text[i]) : nullptr) {
      ++i;
      for (; *t; ++t)
        put(*t);
      continue;
    } else {
      while (i < n && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
        ++i;
    }
    gap = true;
  }
  out.resize(static_cast<size_t>(o - begin));
  return out;
}

bool is_external_url(std::string_view url) {
  if (url.substr(0, 2) == "//") return true;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return url.find('/') == std::string_view::npos || url.find('/') > colon;
}

RenderedMarkdown render_markdown(std::string_view body, int body_line, std::string_view file_text,
                                 bool (*should_rewrite)(std::string_view url), bool collect_words,
                                 const Visibility& vis) {
  RenderedMarkdown out;
  CmarkScope scope;
  cmark_parser* parser;
  Needs needs = needs_of(body);
  cmark_node* doc = parse_visible(body, body_line, vis, scope.mem(), [&](std::string_view text) {
    return parse(scope, text, needs, parser);
  });
  // The walk reads the tree; the nodes to change are changed after it.
  std::vector<cmark_node*> headings;
  std::vector<std::pair<cmark_node*, size_t>> rewritten;
  HeadingIds ids;
  bool footnotes = false;
  WordSet words;
  LinkLocator locator(file_text, body_line);
  {
    TreeWalk walk(doc);
    cmark_node* n;
    bool entering;
    cmark_node_type type;
    while (walk.next(n, entering, type)) {
      if (!entering) continue;
      if (type == CMARK_NODE_FOOTNOTE_REFERENCE || type == CMARK_NODE_FOOTNOTE_DEFINITION) {
        footnotes = true;
      } else if (type == CMARK_NODE_HEADING) {
        Heading& h = out.headings.emplace_back();
        h.level = cmark_node_get_heading_level(n);
        append_text(n, h.text);
        h.id = ids.make(h.text);
        h.line = cmark_node_get_start_line(n) + body_line - 1;
        headings.push_back(n);
      } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
        BodyLink link;
        link.url = cmark::url(n);
        link.image = type == CMARK_NODE_IMAGE;
        locator.locate(link, n);
        if (should_rewrite && should_rewrite(link.url)) rewritten.push_back({n, out.links.size()});
        out.links.push_back(std::move(link));
      } else if (collect_words && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
        words.add(cmark::literal(n));
      }
    }
  }
  for (size_t i = 0; i < headings.size(); ++i)
    give_id(headings[i], out.headings[i].id, scope);
  for (auto& [node, n] : rewritten)
    mark_link(node, n);
  out.html = render(doc, parser, scope);
  if (!rewritten.empty()) move_marks(out.html);
  if (footnotes) polish_html(out.html);
  if (collect_words) out.words = words.take();
  out.words.shrink_to_fit();  // kept until the page is rendered: no slack
  out.headings.shrink_to_fit();
  out.links.shrink_to_fit();
  return out;
}

bool has_link_placeholders(const Value& v) {
  if (const List* l = v.if_list())
    return std::any_of(l->begin(), l->end(),
                       [](const Value& e) { return has_link_placeholders(e); });
  if (const Map* m = v.if_map())
    for (auto& entry : *m)
      if (has_link_placeholders(entry.second)) return true;
  const std::string* s = v.if_string();
  return s && s->find(kLinkMark) != std::string::npos;
}

std::string link_placeholder(size_t n) {
  return kLinkMark + std::to_string(n) + kLinkMark;
}

std::string render_markdown_field(std::string_view text, bool inline_only, const Visibility& vis,
                                  bool (*should_rewrite)(std::string_view url),
                                  std::vector<BodyLink>* links) {
  CmarkScope scope;
  cmark_parser* parser;
  Needs needs = needs_of(text);
  cmark_node* doc = parse_visible(text, 1, vis, scope.mem(), [&](std::string_view t) {
    return parse(scope, t, needs, parser);
  });
  std::vector<std::pair<cmark_node*, size_t>> rewritten;
  if (links && should_rewrite) {
    LinkLocator locator(text, 1);
    TreeWalk walk(doc);
    cmark_node* n;
    bool entering;
    cmark_node_type type;
    while (walk.next(n, entering, type)) {
      if (!entering || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) continue;
      BodyLink link;
      link.url = cmark::url(n);
      link.image = type == CMARK_NODE_IMAGE;
      locator.locate(link, n);
      if (!should_rewrite(link.url)) continue;
      rewritten.push_back({n, links->size()});
      links->push_back(std::move(link));
    }
  }
  for (auto& [node, n] : rewritten)
    mark_link(node, n);
  std::string html = render(doc, parser, scope);
  if (!rewritten.empty()) move_marks(html);
  polish_html(html);
  while (!html.empty() && html.back() == '\n')
    html.pop_back();
  if (inline_only && html.starts_with("<p>") && html.ends_with("</p>") &&
      html.find("<p>", 3) == std::string::npos)
    html = html.substr(3, html.size() - 7);
  return html;
}

}  // namespace hb
