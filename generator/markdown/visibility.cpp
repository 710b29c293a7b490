#include "visibility.h"

#include "base/escape.h"
#include "base/messages.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cmark_tree.h"
#include "markdown_limits.h"

namespace hb {

namespace {

using cmark::literal;

constexpr std::string_view kBoxOpen =
    "<div class=\"internal-passage\" role=\"note\">\n"
    "<p class=\"internal-label\">Intern passage</p>\n";
constexpr std::string_view kBoxClose = "</div>\n";
constexpr std::string_view kSpanOpen = "<span class=\"internal-inline\" title=\"Intern passage\">";
constexpr std::string_view kSpanClose = "</span>";

// How a passage must stand, said after each marker that cannot cut one cleanly.
std::string where_passages_stand() {
  return msg("marker_where");
}

// Calls `f(node, entering)` for each event of a walk over `root`.
template <typename F>
void walk(cmark_node* root, F&& f) {
  TreeWalk tree(root);
  cmark_node* n;
  bool entering;
  cmark_node_type type;
  while (tree.next(n, entering, type))
    f(n, entering);
}

// `s` without spaces, tabs and line breaks at either end.
std::string_view trim(std::string_view s) {
  constexpr std::string_view kBlank = " \t\r\n";
  size_t from = s.find_first_not_of(kBlank);
  if (from == std::string_view::npos) return {};
  return s.substr(from, s.find_last_not_of(kBlank) - from + 1);
}

// The lines of a text under any line ending (LF, CRLF, CR), as cmark-gfm counts them.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}

  // Where line `n` (1-based) begins; the text's size when there is no such line.
  size_t start(int n) {
    index();
    return n >= 1 && static_cast<size_t>(n) <= starts_.size() ? starts_[n - 1] : text_.size();
  }
  // The line (1-based) that holds byte `offset`.
  int line_of(size_t offset) {
    index();
    return static_cast<int>(std::upper_bound(starts_.begin(), starts_.end(), offset) -
                            starts_.begin());
  }
  std::string_view line(int n) {
    size_t from = start(n), end = start(n + 1);
    while (end > from && (text_[end - 1] == '\n' || text_[end - 1] == '\r'))
      --end;
    return text_.substr(from, end - from);
  }

 private:
  void index() {
    if (!starts_.empty()) return;
    starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      if (text_[i] == '\n' || text_[i] == '\r') starts_.push_back(i + 1);
    }
  }

  std::string_view text_;
  std::vector<size_t> starts_;
};

// Number of line breaks (LF, CRLF, CR) in `s`.
int line_breaks(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    if (s[i] == '\n' || s[i] == '\r') ++n;
  }
  return n;
}

enum class Kind { Other, Open, Close, LikeOpen, LikeClose };

// `s` as it reads: full-width letters (`ｉｎｔｅｒｎａｌ`) as ASCII ones, and the characters that
// show as nothing (a zero-width space, a soft hyphen) left out.
std::string as_read(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto b = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
    if (b(0) == 0xEF && (b(1) == 0xBC || b(1) == 0xBD) && b(2) >= 0x80 && b(2) <= 0xBF) {
      int code = 0xFF00 + ((b(1) & 0x03) << 6) + (b(2) & 0x3F);  // U+FF01-FF5E: '!' to '~'
      if (code >= 0xFF01 && code <= 0xFF5E) {
        out += static_cast<char>(code - 0xFF01 + '!');
        i += 2;
        continue;
      }
    }
    if (b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x8B && b(2) <= 0x8D) {  // U+200B-200D
      i += 2;
      continue;
    }
    if ((b(0) == 0xE2 && b(1) == 0x81 && b(2) == 0xA0) ||  // U+2060
        (b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF)) {  // U+FEFF
      i += 2;
      continue;
    }
    if (b(0) == 0xC2 && b(1) == 0xAD) {  // U+00AD
      i += 1;
      continue;
    }
    out += s[i];
  }
  return out;
}

// What a comment (`<!-- ... -->`, or a broken spelling of one) is: exactly a marker, something
// an editor probably meant as one (a few words, one of them close to `internal` or `intern` or
// beginning with `internal`, or letters that together spell one of them: `i n t e r n a l`), or
// anything else.
Kind classify(std::string_view written) {
  if (written == kInternalOpen) return Kind::Open;
  if (written == kInternalClose) return Kind::Close;
  static const std::vector<std::string> kWords = {"internal", "intern"};
  static const std::vector<std::string> kEnds = {"end", "slut", "stop"};
  std::string read = as_read(written);
  std::string_view comment = read;
  int words = 0;
  std::string letters;  // the ASCII letters of the comment, in lower case, together
  bool like = false, closing = comment.find('/') != std::string_view::npos;
  for (size_t i = 0; i < comment.size();) {
    auto letter = [&](size_t k) {
      unsigned char c = static_cast<unsigned char>(comment[k]);
      return c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    };
    if (!letter(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < comment.size() && letter(end))
      ++end;
    std::string word(comment.substr(i, end - i));
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    ++words;
    if (word.size() >= 4 && word.size() <= 16 && !closest_match(word, kWords).empty()) like = true;
    if (word.size() <= 24 && word.starts_with("internal")) like = true;
    bool ends = std::find(kEnds.begin(), kEnds.end(), word) != kEnds.end();
    if (ends) closing = true;
    if (!ends && letters.size() < 32) letters += word;
    i = end;
  }
  if (!like && letters.size() <= 16 && !closest_match(letters, kWords).empty()) {
    like = true;
    words = 1;
  }
  if (!like || words > 3) return Kind::Other;
  return closing ? Kind::LikeClose : Kind::LikeOpen;
}

// Hands each comment-like piece of `s` to `f` with its offset: from `<!` or `<-` to the next
// `-->` (for `<!--`) or `>`, or to the end of `s`.
template <typename F>
void each_comment(std::string_view s, F&& f) {
  for (size_t at = s.find('<'); at != std::string_view::npos; at = s.find('<', at + 1)) {
    if (at + 1 >= s.size() || (s[at + 1] != '!' && s[at + 1] != '-')) continue;
    size_t end = s.substr(at, 4) == "<!--" ? s.find("-->", at + 4) : s.find('>', at + 2);
    end = end == std::string_view::npos ? s.size() : end + (s[end] == '-' ? 3 : 1);
    f(s.substr(at, end - at), at);
    at = end - 1;
  }
}

// The first character of a comment that a marker cannot hold, as "U+00A0", with its name when
// it looks like another or cannot be seen (what a word processor or a copy from a web page
// puts in: a no-break space, a dash); empty when every character is ASCII.
std::string odd_character(std::string_view comment) {
  for (size_t i = 0; i < comment.size(); ++i) {
    auto c = static_cast<unsigned char>(comment[i]);
    if (c < 0x80) continue;
    size_t n = utf8_sequence(comment, i);
    if (n < 2) return "U+FFFD";
    uint32_t code = c & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; ++k)
      code = (code << 6) | (static_cast<unsigned char>(comment[i + k]) & 0x3F);
    char hex[16];
    snprintf(hex, sizeof hex, "U+%04X", code);
    static const std::unordered_map<uint32_t, const char*> names = {
        {0x00A0, "char_no_break_space"},   {0x200B, "char_zero_width_space"},
        {0xFEFF, "char_zero_width_space"}, {0x2013, "char_en_dash"},
        {0x2014, "char_em_dash"},          {0x2212, "char_minus"}};
    auto name = names.find(code);
    return name == names.end() ? std::string(hex)
                               : std::string(hex) + " (" + msg(name->second) + ")";
  }
  return "";
}

// `s` up to its first line break, cut to a readable length.
std::string shown(std::string_view s) {
  size_t end = s.find_first_of("\r\n");
  std::string out(s.substr(0, end));
  if (out.size() > 40) {
    size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
      --cut;
    out = out.substr(0, cut) + "…";
  } else if (end != std::string_view::npos) {
    out += "…";
  }
  return out;
}

std::string place_of(cmark_node* parent, bool field) {
  switch (cmark_node_get_type(parent)) {
    case CMARK_NODE_DOCUMENT:
      return msg(field ? "place_field" : "place_page");
    case CMARK_NODE_BLOCK_QUOTE:
      return msg("place_quote");
    case CMARK_NODE_ITEM:
      return msg("place_list_item");
    case CMARK_NODE_PARAGRAPH:
      return msg("place_paragraph");
    case CMARK_NODE_HEADING:
      return msg("place_heading");
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return msg("place_footnote");
    case CMARK_NODE_LINK:
      return msg("place_link");
    case CMARK_NODE_IMAGE:
      return msg("place_image");
    default:
      break;
  }
  std::string_view type = cmark_node_get_type_string(parent);
  if (type == "table_cell") return msg("place_table_cell");
  return msg("place_emphasis");
}

struct Passage {
  cmark_node* open;
  cmark_node* close;
};

// A link, image or footnote reference and what it uses.
struct Use {
  enum Kind { kLink, kFootnote } kind;
  std::string target;  // the address, or the footnote's label
  cmark_node* node;
};

// One application of visibility to one parsed text.
class Pass {
 public:
  Pass(std::string_view text, int first_line, const Visibility& vis, bool report)
      : text_(text), first_line_(first_line), vis_(vis), report_(report), lines_(text) {}

  bool failed() const { return failed_; }
  const std::vector<Passage>& passages() const { return passages_; }

  // Finds the markers, reports what is wrong, and pairs them up.
  void read(cmark_node* doc) {
    scan(doc);
    pair();
    if (!passages_.empty()) check_nesting(doc);
    // A marker inside a passage is reported as such, not again as unpaired at its level.
    for (auto& p : unpaired_)
      if (!reported_.count(p.marker))
        error(cmark_node_get_start_line(p.marker), cmark_node_get_start_column(p.marker),
              literal_of(p.marker), std::move(p.message));
  }

  // The text with link and footnote definitions and footnote references inside passages
  // unmade, or "" when there is none: parsed again, nothing outside a passage can use them.
  std::string without_definitions() {
    std::string out;
    for (auto& p : passages_) {
      size_t from = offset(p.open, kInternalOpen), to = offset(p.close, kInternalClose);
      if (from == std::string_view::npos || to == std::string_view::npos) {
        failed_ = true;  // cannot happen: the markers stand in the text
        return "";
      }
      from += kInternalOpen.size();
      for (size_t i = from; i + 1 < to; ++i) {
        std::string_view two = text_.substr(i, 2);
        if (two != "]:" && two != "[^") continue;
        if (out.empty()) out = std::string(text_);
        out[i + (two == "]:")] = ' ';
      }
    }
    return out;
  }

  // What the links, images and footnote references outside the passages use, in the order of
  // the text: an address, or a footnote's label.
  std::vector<Use> uses(cmark_node* doc) {
    std::unordered_set<cmark_node*> inside;
    for (auto& p : passages_)
      for (cmark_node* n = cmark_node_next(p.open); n != p.close; n = cmark_node_next(n))
        inside.insert(n);
    std::vector<Use> out;
    int skipping = 0;  // depth in a passage's container
    walk(doc, [&](cmark_node* n, bool entering) {
      cmark_node_type t = cmark_node_get_type(n);
      if (inside.count(n) && !cmark::is_leaf(t)) {
        skipping += entering ? 1 : -1;
        return;
      }
      if (!entering || skipping || inside.count(n)) return;
      if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
        out.push_back({Use::kLink, std::string(cmark::url(n)), n});
      else if (t == CMARK_NODE_FOOTNOTE_REFERENCE)
        out.push_back({Use::kFootnote, footnote_label(n), n});
    });
    return out;
  }

  // The label of a footnote reference as written (cmark-gfm gives its number).
  std::string footnote_label(cmark_node* n) {
    std::string_view source = lines_.line(cmark_node_get_start_line(n));
    size_t at = nearest(source, "[^", cmark_node_get_start_column(n));
    if (at == std::string_view::npos) return {};
    size_t end = source.find(']', at);
    return std::string(source.substr(at + 2, end == std::string_view::npos ? 0 : end - at - 2));
  }

  // Warns of each use in `before` (the text as written) that is gone from `after` (the text read
  // again without the definitions inside passages): it used one of them, and the public edition
  // shows it as text in brackets.
  void warn_lost_definitions(const std::vector<Use>& before, const std::vector<Use>& after) {
    std::map<std::pair<int, std::string>, int> left;
    for (auto& u : after)
      ++left[{u.kind, u.target}];
    for (auto& u : before) {
      int& n = left[{u.kind, u.target}];
      if (n > 0) {
        --n;
        continue;
      }
      bool link = u.kind == Use::kLink;
      report(false, cmark_node_get_start_line(u.node), cmark_node_get_start_column(u.node),
             link ? "[" : "[^",
             msg(link ? "link_definition_internal" : "footnote_definition_internal",
                 {{"label", u.target}}));
    }
  }

  // The public edition: every passage leaves the tree. The internal edition: each is moved into
  // a marked box or span. Markers leave the tree in both.
  void apply(cmark_node* doc, cmark_mem* mem) {
    if (failed_ && !vis_.keep_internal) {
      while (cmark_node* child = cmark_node_first_child(doc)) {
        cmark_node_unlink(child);
        cmark_node_free(child);
      }
      return;
    }
    for (auto& p : passages_) {
      cmark_node* parent = cmark_node_parent(p.open);
      bool block = cmark_node_get_type(p.open) == CMARK_NODE_HTML_BLOCK;
      cmark_node* box = vis_.keep_internal ? make_box(p.open, block, mem) : nullptr;
      for (cmark_node* n = cmark_node_next(p.open); n != p.close;) {
        cmark_node* next = cmark_node_next(n);
        if (box) {
          cmark_node_append_child(box, n);  // where it cannot stand, it stays as it is
        } else if (!vis_.keep_internal) {
          cmark_node_unlink(n);
          cmark_node_free(n);
        }
        n = next;
      }
      // A paragraph that held nothing but the passage goes with it, once its markers have.
      if (!vis_.keep_internal && !block) emptied_.push_back(parent);
    }
    for (cmark_node* m : markers_) {
      cmark_node_unlink(m);
      cmark_node_free(m);
    }
    for (cmark_node* n : emptied_)
      if (!cmark_node_first_child(n) && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
        cmark_node_unlink(n);
        cmark_node_free(n);
      }
  }

 private:
  // The box or span that holds a passage in the internal edition, placed before its opening
  // marker. A table cell holds no span: there the span goes into an emphasis. Null when there is
  // no place for it: the passage then stays as it is.
  static cmark_node* make_box(cmark_node* open, bool block, cmark_mem* mem) {
    cmark_node* box =
        cmark_node_new_with_mem(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE, mem);
    cmark_node_set_on_enter(box, (block ? kBoxOpen : kSpanOpen).data());
    cmark_node_set_on_exit(box, (block ? kBoxClose : kSpanClose).data());
    if (cmark_node_insert_before(open, box)) return box;
    cmark_node* emphasis = cmark_node_new_with_mem(CMARK_NODE_EMPH, mem);
    if (!block && cmark_node_insert_before(open, emphasis) &&
        cmark_node_append_child(emphasis, box))
      return box;
    return nullptr;
  }

  // Where `marker` (of the node `n`) stands in the text: the occurrence on its line nearest to
  // the node's column.
  size_t offset(cmark_node* n, std::string_view marker) {
    int line = cmark_node_get_start_line(n);
    std::string_view source = lines_.line(line);
    size_t at = nearest(source, marker, cmark_node_get_start_column(n));
    return at == std::string_view::npos ? at : lines_.start(line) + at;
  }

  // cmark-gfm's columns are right for the markers: the first look is at the column itself, and a
  // search of the whole line is left for what stands elsewhere.
  static size_t nearest(std::string_view source, std::string_view what, int column) {
    size_t want = static_cast<size_t>(std::max(1, column) - 1), best = std::string_view::npos;
    if (source.substr(std::min(want, source.size()), what.size()) == what) return want;
    for (size_t at = source.find(what); at != std::string_view::npos;
         at = source.find(what, at + 1)) {
      auto distance = [&](size_t a) { return a > want ? a - want : want - a; };
      if (best == std::string_view::npos || distance(at) < distance(best)) best = at;
    }
    return best;
  }

  // Reports a problem at line `line` of the text, where `what` stands on it nearest to byte
  // column `column`.
  void error(int line, int column, std::string_view what, std::string message) {
    failed_ = true;
    if (report_) report(true, line, column, what, std::move(message));
  }

  void report(bool is_error, int line, int column, std::string_view what, std::string message) {
    if (!vis_.diags) return;
    Diagnostics& diags = *vis_.diags;
    auto add = [&](int l, int c, std::string_view source) {
      if (is_error)
        diags.error(std::string(vis_.path), l, c, std::move(message), std::string(source));
      else
        diags.warning(std::string(vis_.path), l, c, std::move(message), std::string(source));
    };
    if (vis_.field_line) return add(vis_.field_line, vis_.field_col, vis_.field_source);
    int file_line = first_line_ + line - 1;
    if (!diags.accepts(vis_.path)) return add(file_line, 1, "");  // counted, not shown
    std::string_view source = lines_.line(line);
    size_t at = nearest(source, what.substr(0, what.find_first_of("\r\n")), column);
    add(file_line, column_of_byte(source, at == std::string_view::npos ? 0 : at), source);
  }

  // Line of the text where a node begins, as the file counts it, for messages.
  std::string line_name(cmark_node* n) const {
    return std::to_string(first_line_ + cmark_node_get_start_line(n) - 1);
  }

  void scan(cmark_node* doc) {
    walk(doc, [&](cmark_node* n, bool entering) {
      if (!entering) return;
      cmark_node_type t = cmark_node_get_type(n);
      cmark_node* prev = cmark_node_previous(n);
      if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE)
        scan_html(n);
      else if (t == CMARK_NODE_TEXT && (!prev || cmark_node_get_type(prev) != CMARK_NODE_TEXT))
        scan_text(n);
      else if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE)
        scan_link(n);
    });
    scan_unread(doc);
  }

  // A marker in a link's address or title (inline, or in its definition) hides nothing.
  void scan_link(cmark_node* n) {
    for (std::string_view part : {cmark::url(n), cmark::title(n)})
      each_comment(part, [&](std::string_view comment, size_t) {
        if (classify(comment) == Kind::Other) return;
        int line = cmark_node_get_start_line(n);
        bool on_line = lines_.line(line).find(comment) != std::string_view::npos;
        error(line, cmark_node_get_start_column(n), on_line ? comment : "[",
              msg("marker_in_link", {{"marker", shown(comment)}}));
      });
  }

  // A marker on a line that no block of the document holds: in a footnote that nothing refers
  // to or in a link definition, which cmark-gfm reads but does not show, so no passage can be
  // cut there (and a definition inside it would still serve the text outside).
  void scan_unread(cmark_node* doc) {
    std::vector<std::pair<int, int>> blocks;  // first and last line of each block, in order
    for (cmark_node* b = cmark_node_first_child(doc); b; b = cmark_node_next(b))
      // cmark-gfm gives a one-line HTML block the line before as its end.
      blocks.push_back({cmark_node_get_start_line(b),
                        std::max(cmark_node_get_start_line(b), cmark_node_get_end_line(b))});
    std::sort(blocks.begin(), blocks.end());  // footnotes stand last in the tree
    size_t next_block = 0;
    each_comment(text_, [&](std::string_view comment, size_t at) {
      if (classify(comment) == Kind::Other) return;
      int line = lines_.line_of(at);
      while (next_block < blocks.size() && blocks[next_block].second < line)
        ++next_block;
      if (next_block < blocks.size() && blocks[next_block].first <= line) return;
      error(line, static_cast<int>(at - lines_.start(line)) + 1, comment,
            msg("marker_unread", {{"marker", shown(comment)}}));
    });
  }

  void scan_html(cmark_node* n) {
    std::string_view lit = literal(n);
    std::string_view whole = trim(lit);
    if (whole == kInternalOpen || whole == kInternalClose) {
      markers_.push_back(n);
      return;
    }
    each_comment(lit, [&](std::string_view comment, size_t at) {
      Kind kind = classify(comment);
      if (kind == Kind::Other) return;
      int breaks = line_breaks(lit.substr(0, at));
      int line = cmark_node_get_start_line(n) + breaks;
      int column = breaks ? 1 : cmark_node_get_start_column(n) + static_cast<int>(at);
      if (kind == Kind::LikeOpen || kind == Kind::LikeClose) {
        error(line, column, comment, near_miss(comment, kind == Kind::LikeClose));
        return;
      }
      // A marker among other HTML: what else stands on its line?
      size_t line_start = lit.find_last_of("\r\n", at);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      size_t line_end = lit.find_first_of("\r\n", at);
      std::string rest =
          std::string(lit.substr(line_start, at - line_start)) +
          std::string(lit.substr(at + comment.size(), line_end == std::string_view::npos
                                                          ? std::string_view::npos
                                                          : line_end - at - comment.size()));
      std::string other(trim(rest));
      std::string message = other.empty()
                                ? msg("marker_in_html", {{"marker", std::string(comment)}})
                                : msg("marker_not_alone",
                                      {{"marker", std::string(comment)}, {"other", shown(other)}});
      error(line, column, comment, std::move(message));
    });
  }

  // A run of text nodes: a comment that cmark-gfm did not read as HTML (it holds `--`, its `<`
  // was escaped, or written `&lt;`) publishes what it was meant to hide, a marker spelt right
  // too.
  void scan_text(cmark_node* first) {
    std::string run;
    for (cmark_node* n = first; n && cmark_node_get_type(n) == CMARK_NODE_TEXT;
         n = cmark_node_next(n))
      run += literal(n);
    if (run.find('<') == std::string::npos) return;
    each_comment(run, [&](std::string_view comment, size_t at) {
      Kind kind = classify(comment);
      if (kind == Kind::Other) return;
      bool exact = kind == Kind::Open || kind == Kind::Close;
      error(cmark_node_get_start_line(first),
            cmark_node_get_start_column(first) + static_cast<int>(at), comment,
            exact ? msg("marker_as_text", {{"marker", std::string(comment)}})
                  : near_miss(comment, kind == Kind::LikeClose));
    });
  }

  static std::string near_miss(std::string_view comment, bool closing) {
    MessageArgs args = {{"marker", shown(comment)},
                        {"write", std::string(closing ? kInternalClose : kInternalOpen)}};
    std::string odd = odd_character(comment);
    if (odd.empty()) return msg("marker_near_miss", args);
    args.push_back({"char", odd});
    return msg("marker_near_miss_char", args);
  }

  // Pairs the markers of each parent in order.
  void pair() {
    std::vector<cmark_node*> parents;
    std::unordered_map<cmark_node*, std::vector<cmark_node*>> of;
    for (cmark_node* m : markers_) {
      auto& list = of[cmark_node_parent(m)];
      if (list.empty()) parents.push_back(cmark_node_parent(m));
      list.push_back(m);
    }
    bool field = vis_.field_line != 0;
    for (cmark_node* parent : parents) {
      cmark_node* open = nullptr;
      bool page = cmark_node_get_type(parent) == CMARK_NODE_DOCUMENT && !field;
      std::string place = place_of(parent, field);
      for (cmark_node* m : of[parent]) {
        bool opening = trim(literal(m)) == kInternalOpen;
        if (opening && open) {
          unpaired_.push_back({m, nested(open)});
        } else if (opening) {
          open = m;
        } else if (!open) {
          unpaired_.push_back(
              {m, page ? msg("marker_close_nothing")
                       : msg("marker_close_nothing_in",
                             {{"place", place}, {"where", where_passages_stand()}})});
        } else {
          passages_.push_back({open, m});
          open = nullptr;
        }
      }
      if (open)
        unpaired_.push_back(
            {open, page ? msg("marker_never_closed")
                        : msg("marker_never_closed_in",
                              {{"place", place}, {"where", where_passages_stand()}})});
    }
  }

  static std::string_view literal_of(cmark_node* marker) {
    return trim(literal(marker)) == kInternalOpen ? kInternalOpen : kInternalClose;
  }

  std::string began(cmark_node* open) const {
    return vis_.field_line ? msg("marker_began_in_field")
                           : msg("marker_began_on_line", {{"line", line_name(open)}});
  }

  std::string nested(cmark_node* open) const {
    return msg("marker_nested", {{"began", began(open)}});
  }

  // A marker below a node of a passage would open a passage inside a passage.
  void check_nesting(cmark_node* doc) {
    std::unordered_map<cmark_node*, cmark_node*> inside;  // node of a passage -> its opening
    for (auto& p : passages_)
      for (cmark_node* n = cmark_node_next(p.open); n != p.close; n = cmark_node_next(n))
        inside[n] = p.open;
    std::unordered_set<cmark_node*> markers(markers_.begin(), markers_.end());
    std::vector<cmark_node*> opens;  // the opening marker of each passage the walk is in
    walk(doc, [&](cmark_node* n, bool entering) {
      auto in = inside.find(n);
      if (in != inside.end() && !cmark::is_leaf(cmark_node_get_type(n))) {
        if (entering)
          opens.push_back(in->second);
        else
          opens.pop_back();
        return;
      }
      if (entering && !opens.empty() && markers.count(n)) {
        bool opening = literal_of(n) == kInternalOpen;
        reported_.insert(n);
        error(cmark_node_get_start_line(n), cmark_node_get_start_column(n), literal_of(n),
              opening ? nested(opens.back())
                      : msg("marker_close_inside",
                            {{"began", began(opens.back())}, {"where", where_passages_stand()}}));
      }
    });
  }

  std::string_view text_;
  int first_line_;
  const Visibility& vis_;
  bool report_;
  Lines lines_;
  bool failed_ = false;
  std::vector<cmark_node*> markers_;  // exact markers, in document order
  std::vector<Passage> passages_;
  struct Unpaired {
    cmark_node* marker;
    std::string message;
  };
  std::vector<Unpaired> unpaired_;            // reported once nesting is known
  std::unordered_set<cmark_node*> reported_;  // markers reported as inside a passage
  std::vector<cmark_node*> emptied_;
};

// Reports that `text` goes over a limit of markdown_limits.h, at the construct (or for a field,
// at the field).
void report_limit(std::string_view text, int first_line, const Visibility& vis,
                  const MarkdownLimit& over) {
  if (!vis.diags) return;
  std::string path(vis.path);
  if (vis.field_line) {
    vis.diags->error(path, vis.field_line, vis.field_col, over.message, vis.field_source);
    return;
  }
  std::string_view source = Lines(text).line(over.line);
  vis.diags->error(path, first_line + over.line - 1, column_of_byte(source, over.byte),
                   over.message, source);
}

}  // namespace

bool mentions_marker(std::string_view text) {
  bool found = false;
  each_comment(text, [&](std::string_view comment, size_t) {
    found = found || classify(comment) != Kind::Other;
  });
  return found;
}

cmark_node* parse_visible(std::string_view text, int first_line, const Visibility& vis,
                          cmark_mem* mem,
                          const std::function<cmark_node*(std::string_view)>& parse) {
  if (auto over = over_markdown_limits(text)) {  // not parsed: cmark-gfm would take too long
    report_limit(text, first_line, vis, *over);
    return parse(std::string_view());
  }
  cmark_node* doc = parse(text);
  // Without these, no comment can stand in the text, nor one written with an entity (`&lt;!--`).
  if (text.find("<!") == std::string_view::npos && text.find("<-") == std::string_view::npos &&
      text.find('&') == std::string_view::npos)
    return doc;
  Pass pass(text, first_line, vis, true);
  pass.read(doc);
  if (!vis.keep_internal && !pass.failed() && !pass.passages().empty()) {
    std::string again = pass.without_definitions();
    if (!again.empty()) {
      std::vector<Use> before = pass.uses(doc);
      // The same markers stand at the same places: the second reading reports nothing new.
      doc = parse(again);
      Pass second(again, first_line, vis, false);
      second.read(doc);
      pass.warn_lost_definitions(before, second.uses(doc));
      second.apply(doc, mem);
      return doc;
    }
  }
  pass.apply(doc, mem);
  return doc;
}

}  // namespace hb
