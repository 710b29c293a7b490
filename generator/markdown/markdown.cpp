#include "markdown.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <span>

#include <emmintrin.h>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
// clang-format on

#include "cmark_arena.h"
#include "cmark_node.h"
#include "html_writer.h"
#include "tree_walk.h"
#include "word_set.h"

namespace hb {

namespace {

const char* const kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
constexpr size_t kTasklist = 4;

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
  bool& tasks = needs.extensions[kTasklist];
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
  for (; i + 16 <= n; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    __m128i or6 = _mm_or_si128(x, _mm_set1_epi8(6));
    __m128i hit = _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(2)), _mm_set1_epi8('~'));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(or6, _mm_set1_epi8('>')));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(or6, _mm_set1_epi8('_')));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, _mm_set1_epi8('@')));
    hit =
        _mm_or_si128(hit, _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('w')));
    for (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit)); m; m &= m - 1)
      check(i + static_cast<size_t>(__builtin_ctz(m)));
  }
  for (; i < n; ++i)
    check(i);
  return needs;
}

// A parser whose whole tree lives in the scope's arena: nothing needs freeing one by one.
cmark_parser* make_parser(const CmarkScope& scope, const Needs& needs) {
  static cmark_syntax_extension* extensions[std::size(kExtensions)];
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    for (size_t i = 0; i < std::size(kExtensions); ++i)
      extensions[i] = cmark_find_syntax_extension(kExtensions[i]);
  });
  cmark_parser* p =
      cmark_parser_new_with_mem(needs.footnotes ? CMARK_OPT_FOOTNOTES : 0, scope.mem());
  for (size_t i = 0; i < std::size(kExtensions); ++i)
    if (extensions[i] && needs.extensions[i])
      cmark_parser_attach_syntax_extension(p, extensions[i]);
  return p;
}

cmark_node* parse(const CmarkScope& scope, std::string_view text, const Needs& needs,
                  cmark_parser*& parser) {
  parser = make_parser(scope, needs);
  cmark_parser_feed(parser, text.data(), text.size());
  return cmark_parser_finish(parser);
}

std::string render(cmark_node* doc, cmark_parser* parser, const CmarkScope& scope) {
  return cmark_render_html_with_mem(doc, CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES,
                                    cmark_parser_get_syntax_extensions(parser), scope.mem());
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

// Where `url` first stands in `text` right after `before`: the position of `before`, or npos.
size_t find_after(std::string_view text, char before, std::string_view url) {
  for (size_t at = text.find(url, 1); at != std::string_view::npos; at = text.find(url, at + 1))
    if (text[at - 1] == before) return at - 1;
  return std::string_view::npos;
}

// The URL's position: cmark gives the link's line and a column within the inline content;
// look for the URL on that line of the file to point at it exactly.
void locate(BodyLink& link, cmark_node* n, int body_line, LineCursor& lines) {
  int line = n->start_line + body_line - 1;
  std::string_view text = lines.line(line);
  size_t at = find_after(text, '(', link.url);
  if (at == std::string_view::npos) at = find_after(text, '<', link.url);
  if (at != std::string_view::npos) {
    link.col = column_of_byte(text, at + 1);
  } else {
    size_t byte = static_cast<size_t>(std::max(0, n->start_column - 1));
    link.col = column_of_byte(text, byte);
  }
  link.line = line;
}

// cmark-gfm writes a few boolean attributes without values and English labels: make the HTML
// well-formed XML and Danish. One pass; each pattern's next occurrence is looked up once.
void polish_html(std::string& html) {
  static const std::pair<std::string_view, std::string_view> fixes[] = {
      {" data-footnote-ref>", " data-footnote-ref=\"\">"},
      {" data-footnotes>", " data-footnotes=\"\">"},
      {" data-footnote-backref ", " data-footnote-backref=\"\" "},
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

// Gives each `<hN>` its heading's id, in document order.
void add_heading_ids(std::string& html, const std::vector<Heading>& headings) {
  size_t extra = 0;
  for (auto& h : headings)
    extra += h.id.size() + 6;  // ` id=""`
  std::string out;
  out.reserve(html.size() + extra);
  size_t pos = 0, k = 0;
  while (k < headings.size()) {
    std::string tag = "<h" + std::to_string(headings[k].level) + ">";
    size_t at = html.find(tag, pos);
    if (at == std::string::npos) break;
    out.append(html, pos, at - pos);
    out += "<h" + std::to_string(headings[k].level) + " id=\"" + headings[k].id + "\">";
    pos = at + tag.size();
    ++k;
  }
  out.append(html, pos, std::string::npos);
  html = std::move(out);
}

// `base`, else `base-2`, `base-3`...: the first id that no heading in `earlier` has.
std::string unique_id(std::string base, std::span<const Heading> earlier) {
  if (base.empty()) base = "afsnit";
  auto taken = [&](std::string_view id) {
    return std::any_of(earlier.begin(), earlier.end(),
                       [&](const Heading& h) { return h.id == id; });
  };
  if (!taken(base)) return base;
  for (int n = 2;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (!taken(id)) return id;
  }
}

bool is_marker(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
    line.remove_suffix(1);
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
    line.remove_prefix(1);
  return line == (closing ? "<!-- /internal -->" : "<!-- internal -->");
}

std::string_view trimmed(std::string_view v) {
  while (!v.empty() && (v.back() == '\n' || v.back() == ' ' || v.back() == '\r'))
    v.remove_suffix(1);
  return v;
}

// In the internal edition, the blocks between two marker comments at the same level become one
// box labelled as internal; markers that do not pair up at one level are simply dropped.
void wrap_internal_passages(const std::vector<cmark_node*>& markers, const CmarkScope& scope) {
  std::vector<cmark_node*> done;
  for (size_t i = 0; i < markers.size(); ++i) {
    cmark_node* begin = markers[i];
    if (std::find(done.begin(), done.end(), begin) != done.end()) continue;
    if (trimmed(cmark::literal(begin)) != "<!-- internal -->") continue;
    cmark_node* end = begin->next;
    while (end && !(cmark::type(end) == CMARK_NODE_HTML_BLOCK &&
                    trimmed(cmark::literal(end)) == "<!-- /internal -->"))
      end = end->next;
    if (!end) continue;
    cmark_node* box = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, scope.mem());
    cmark_node_set_on_enter(box,
                            "<div class=\"internal-passage\" role=\"note\">\n"
                            "<p class=\"internal-label\">Intern passage</p>\n");
    cmark_node_set_on_exit(box, "</div>\n");
    cmark_node_insert_before(begin, box);
    for (cmark_node* n = cmark_node_next(begin); n != end;) {
      cmark_node* next = cmark_node_next(n);
      cmark_node_append_child(box, n);
      n = next;
    }
    done.push_back(end);
  }
  for (cmark_node* m : markers)
    cmark_node_unlink(m);
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

std::string filter_internal(std::string_view path, std::string_view file_text,
                            std::string_view body, int body_line, bool keep_internal,
                            Diagnostics& diags) {
  if (body.find("<!--") == std::string_view::npos) return std::string(body);  // no markers
  std::string out;
  out.reserve(body.size());
  int open_line = 0;
  int line = body_line;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t end = body.find('\n', pos);
    bool last = end == std::string_view::npos;
    std::string_view text = body.substr(pos, last ? std::string_view::npos : end - pos);
    if (last && text.empty()) break;
    bool opening = is_marker(text, false), closing = is_marker(text, true);
    if (opening && open_line)
      diags.error_at(path, file_text, line, 1,
                     "'<!-- internal -->' inside an internal passage that began on line " +
                         std::to_string(open_line) +
                         ": close that one with '<!-- /internal -->' first");
    else if (opening)
      open_line = line;
    else if (closing && !open_line)
      diags.error_at(path, file_text, line, 1,
                     "'<!-- /internal -->' closes no internal passage: add '<!-- internal -->' "
                     "before the internal text, or remove this line");
    bool hide = keep_internal ? false : opening || closing || open_line;
    if (!hide) out.append(text);
    if (closing && open_line && !opening) open_line = 0;
    if (last) break;
    out += '\n';
    pos = end + 1;
    ++line;
  }
  if (open_line)
    diags.error_at(path, file_text, open_line, 1,
                   "internal passage is never closed: add a line '<!-- /internal -->' after it");
  return out;
}

namespace {

// The internal-passage marker blocks of `doc`, in document order.
std::vector<cmark_node*> internal_markers(cmark_node* doc) {
  std::vector<cmark_node*> markers;
  TreeWalk walk(doc);
  cmark_node* n;
  bool entering;
  cmark_node_type t;
  while (walk.next(n, entering, t)) {
    if (!entering || t != CMARK_NODE_HTML_BLOCK) continue;
    std::string_view lit = trimmed(cmark::literal(n));
    if (lit == "<!-- internal -->" || lit == "<!-- /internal -->") markers.push_back(n);
  }
  return markers;
}

}  // namespace

RenderedMarkdown render_markdown(std::string_view body, int body_line, std::string_view file_text,
                                 bool (*should_rewrite)(std::string_view url), bool collect_words) {
  RenderedMarkdown out;
  CmarkScope scope;
  cmark_parser* parser;
  Needs needs = needs_of(body);
  cmark_node* doc = parse(scope, body, needs, parser);
  if (body.find("<!--") != std::string_view::npos)
    wrap_internal_passages(internal_markers(doc), scope);
  // Documents with task lists are written by cmark-gfm, the rest as the tree is walked.
  bool whole = needs.extensions[kTasklist];
  std::string html;
  html.reserve(body.size() + body.size() / 4 + 256);
  HtmlWriter writer(html, cmark_parser_get_syntax_extensions(parser), scope.mem(), polish_html);
  bool footnotes = false;
  WordSet words;
  LineCursor lines(file_text);
  TreeWalk walk(doc);
  cmark_node* n;
  bool entering;
  cmark_node_type type;
  while (walk.next(n, entering, type)) {
    if (!entering) {
      if (!whole) writer.event(n, false);
      continue;
    }
    std::string_view id;
    if (type == CMARK_NODE_FOOTNOTE_REFERENCE) {
      footnotes = true;
    } else if (type == CMARK_NODE_HEADING) {
      Heading& h = out.headings.emplace_back();
      h.level = n->as.heading.level;
      append_text(n, h.text);
      h.id = unique_id(slugify(h.text), {out.headings.data(), out.headings.size() - 1});
      h.line = n->start_line + body_line - 1;
      id = h.id;
    } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      BodyLink link;
      link.url = cmark::url(n);
      link.image = type == CMARK_NODE_IMAGE;
      locate(link, n, body_line, lines);
      if (should_rewrite && should_rewrite(link.url)) {
        std::string placeholder = "hb-link:" + std::to_string(out.links.size());
        cmark_node_set_url(n, placeholder.c_str());
      }
      out.links.push_back(std::move(link));
    } else if (collect_words && (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)) {
      words.add(cmark::literal(n));
    }
    if (!whole) writer.event(n, true, id);
  }
  if (whole) {
    html = render(doc, parser, scope);
    add_heading_ids(html, out.headings);
  } else {
    writer.finish();
  }
  if (whole && footnotes) polish_html(html);
  out.html = std::move(html);
  if (collect_words) out.words = words.take();
  out.html.shrink_to_fit();  // kept until the page is rendered: no slack
  out.words.shrink_to_fit();
  out.headings.shrink_to_fit();
  out.links.shrink_to_fit();
  return out;
}

std::string render_markdown_field(std::string_view text, bool inline_only) {
  CmarkScope scope;
  cmark_parser* parser;
  cmark_node* doc = parse(scope, text, needs_of(text), parser);
  std::string html = render(doc, parser, scope);
  polish_html(html);
  while (!html.empty() && html.back() == '\n')
    html.pop_back();
  if (inline_only && html.starts_with("<p>") && html.ends_with("</p>") &&
      html.find("<p>", 3) == std::string::npos)
    html = html.substr(3, html.size() - 7);
  return html;
}

}  // namespace hb
