#include "html_writer.h"

#include <emmintrin.h>

#include <array>
#include <cstring>

// clang-format off
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
// clang-format on

#include "cmark_node.h"

namespace hb {

namespace {

// The options the whole-document renderer is called with; the delegated nodes get the same.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES;
constexpr std::string_view kRawHtmlOmitted = "<!-- raw HTML omitted -->";

const char* entity(char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    default:
      return nullptr;
  }
}

// The bytes cmark-gfm leaves as they are in a URL: letters, digits and -_.+!*(),%#@?=;:/$~.
constexpr std::array<bool, 256> kUrlSafe = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c)
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  for (unsigned char c : std::string_view("-_.+!*(),%#@?=;:/$~"))
    t[c] = true;
  return t;
}();

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] + 32) : s[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

// cmark-gfm's _scan_dangerous_url: javascript:, vbscript:, file: and data: in any case, except
// data:image/png, gif, jpeg and webp.
bool dangerous_url(std::string_view url) {
  for (std::string_view image :
       {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"})
    if (starts_with_nocase(url, image)) return false;
  for (std::string_view scheme : {"javascript:", "vbscript:", "file:", "data:"})
    if (starts_with_nocase(url, scheme)) return true;
  return false;
}

bool tight_paragraph(cmark_node* paragraph) {
  cmark_node* parent = paragraph->parent;
  cmark_node* grandparent = parent ? parent->parent : nullptr;
  return grandparent && cmark::type(grandparent) == CMARK_NODE_LIST && grandparent->as.list.tight;
}

void append_title(std::string& out, cmark_node* node) {
  std::string_view title = cmark::title(node);
  if (title.empty()) return;
  out += "\" title=\"";
  append_escaped_text(out, title);
}

}  // namespace

void append_escaped_text(std::string& out, std::string_view text) {
  const char* s = text.data();
  size_t n = text.size(), run = 0;
  auto specials = [](const char* p) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('&')), _mm_cmpeq_epi8(x, _mm_set1_epi8('<'))),
        _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('>')), _mm_cmpeq_epi8(x, _mm_set1_epi8('"'))));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  auto escape = [&](size_t base, unsigned mask) {
    for (; mask; mask &= mask - 1) {
      size_t at = base + static_cast<size_t>(__builtin_ctz(mask));
      out.append(s + run, at - run);
      out += entity(s[at]);
      run = at + 1;
    }
  };
  size_t i = 0;
  for (; i + 16 <= n; i += 16)
    escape(i, specials(s + i));
  if (i < n) {  // the last bytes, from a zero-padded copy
    alignas(16) char tail[16] = {};
    std::memcpy(tail, s + i, n - i);
    escape(i, specials(tail));
  }
  out.append(s + run, n - run);
}

void append_escaped_url(std::string& out, std::string_view url) {
  if (dangerous_url(url)) return;
  static const char hex[] = "0123456789ABCDEF";
  size_t run = 0;
  for (size_t i = 0; i < url.size(); ++i) {
    auto c = static_cast<unsigned char>(url[i]);
    if (kUrlSafe[c]) continue;
    out.append(url, run, i - run);
    if (c == '&')
      out += "&amp;";
    else if (c == '\'')
      out += "&#x27;";
    else
      out += {'%', hex[c >> 4], hex[c & 0xF]};
    run = i + 1;
  }
  out.append(url, run);
}

HtmlWriter::HtmlWriter(std::string& out, cmark_llist* extensions, cmark_mem* mem,
                       void (*polish)(std::string&))
    : out_(out), extensions_(extensions), mem_(mem), polish_(polish) {}

// The opening tag on a line of its own when entering, the closing one where the content ends.
void HtmlWriter::tag(bool entering, const char* open, const char* close) {
  if (entering) newline_if_needed();
  out_ += entering ? open : close;
}

void HtmlWriter::write_with_cmark(cmark_node* node) {
  char* html = cmark_render_html_with_mem(node, kOptions, extensions_, mem_);
  if (polish_) {
    std::string piece = html;
    polish_(piece);
    out_ += piece;
  } else {
    out_ += html;
  }
  mem_->free(html);
}

// The definitions come last in the document, after everything else. Moved into a document of
// their own, they are written as one list, numbered and linked back as in the whole document.
void HtmlWriter::finish() {
  if (footnotes_.empty()) return;
  cmark_node* doc = cmark_node_new_with_mem(CMARK_NODE_DOCUMENT, mem_);
  for (cmark_node* n : footnotes_)
    cmark_node_append_child(doc, n);
  footnotes_.clear();
  write_with_cmark(doc);
  cmark_node_free(doc);
}

void HtmlWriter::newline_if_needed() {
  if (!out_.empty() && out_.back() != '\n') out_ += '\n';
}

void HtmlWriter::event(cmark_node* node, bool entering, std::string_view id) {
  if (delegated_ || plain_ || node->extension) {
    unusual_event(node, entering);
    return;
  }
  auto type = cmark::type(node);
  if (type == CMARK_NODE_TEXT) {  // the most common node, and the simplest
    append_escaped_text(out_, cmark::literal(node));
    return;
  }
  if (type == CMARK_NODE_FOOTNOTE_REFERENCE || type == CMARK_NODE_FOOTNOTE_DEFINITION) {
    if (entering) delegated_ = node;
    return;
  }
  if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK)
    block(node, entering, id);
  else
    inline_node(node, entering);
}

// An event within a node that cmark-gfm writes or within an image's alt text, or of an
// extension's node. Out of line, to keep the common events' path short.
[[gnu::noinline]] void HtmlWriter::unusual_event(cmark_node* node, bool entering) {
  if (delegated_) {
    if (node == delegated_ && !entering) {
      delegated_ = nullptr;
      if (cmark::type(node) == CMARK_NODE_FOOTNOTE_DEFINITION)
        footnotes_.push_back(node);
      else
        write_with_cmark(node);
    }
    return;
  }
  if (plain_ == node) {  // back at the image: its exit
    plain_ = nullptr;
    inline_node(node, entering);
    return;
  }
  if (plain_) {
    switch (cmark::type(node)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE:
        append_escaped_text(out_, cmark::literal(node));
        break;
      case CMARK_NODE_LINEBREAK:
      case CMARK_NODE_SOFTBREAK:
        out_ += ' ';
        break;
      default:
        break;
    }
    return;
  }
  if (extension_node(node, entering) || !entering) return;
  if ((cmark::type(node) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) newline_if_needed();
  delegated_ = node;
}

// Tables and strikethrough, as the table and strikethrough extensions write them.
bool HtmlWriter::extension_node(cmark_node* node, bool entering) {
  std::string_view type = cmark_node_get_type_string(node);
  if (type == "strikethrough") {
    out_ += entering ? "<del>" : "</del>";
  } else if (type == "table_cell") {
    if (!entering) {
      out_ += in_header_ ? "</th>" : "</td>";
      return true;
    }
    newline_if_needed();
    out_ += in_header_ ? "<th" : "<td";
    unsigned column = cell_++;
    switch (alignments_ && column < columns_ ? alignments_[column] : 0) {
      case 'l':
        out_ += " align=\"left\"";
        break;
      case 'c':
        out_ += " align=\"center\"";
        break;
      case 'r':
        out_ += " align=\"right\"";
        break;
      default:
        break;
    }
    out_ += '>';
  } else if (type == "table_row") {
    newline_if_needed();
    bool header = cmark_gfm_extensions_get_table_row_is_header(node);
    if (!entering) {
      out_ += "</tr>";
      if (header) {
        newline_if_needed();
        out_ += "</thead>";
        in_header_ = false;
      }
      return true;
    }
    if (header) {
      in_header_ = true;
      out_ += "<thead>\n";
    } else if (!body_open_) {
      out_ += "<tbody>\n";
      body_open_ = true;
    }
    out_ += "<tr>";
    cell_ = 0;
  } else if (type == "table") {
    if (entering) {
      newline_if_needed();
      out_ += "<table>";
      body_open_ = false;
      alignments_ = cmark_gfm_extensions_get_table_alignments(node);
      columns_ = cmark_gfm_extensions_get_table_columns(node);
      return true;
    }
    if (body_open_) {
      newline_if_needed();
      out_ += "</tbody>\n";
    }
    body_open_ = false;
    newline_if_needed();
    out_ += "</table>\n";
  } else {
    return false;
  }
  return true;
}

void HtmlWriter::block(cmark_node* node, bool entering, std::string_view id) {
  switch (cmark::type(node)) {
    case CMARK_NODE_BLOCK_QUOTE:
      newline_if_needed();
      out_ += entering ? "<blockquote>\n" : "</blockquote>\n";
      break;
    case CMARK_NODE_LIST: {
      bool bullet = node->as.list.list_type == CMARK_BULLET_LIST;
      if (!entering) {
        out_ += bullet ? "</ul>\n" : "</ol>\n";
        break;
      }
      newline_if_needed();
      int start = node->as.list.start;
      if (bullet)
        out_ += "<ul>\n";
      else if (start == 1)
        out_ += "<ol>\n";
      else
        out_ += "<ol start=\"" + std::to_string(start) + "\">\n";
      break;
    }
    case CMARK_NODE_ITEM:
      tag(entering, "<li>", "</li>\n");
      break;
    case CMARK_NODE_HEADING: {
      char level = static_cast<char>('0' + node->as.heading.level);
      if (!entering) {
        out_ += {'<', '/', 'h', level, '>', '\n'};
        break;
      }
      newline_if_needed();
      out_ += {'<', 'h', level};
      if (!id.empty()) {
        out_ += " id=\"";
        out_ += id;
        out_ += '"';
      }
      out_ += '>';
      break;
    }
    case CMARK_NODE_CODE_BLOCK: {
      newline_if_needed();
      std::string_view lang = cmark::text(node->as.code.info);
      if (lang.empty()) {
        out_ += "<pre><code>";
      } else {
        out_ += "<pre><code class=\"language-";
        append_escaped_text(out_, lang.substr(0, lang.find_first_of(" \t\n\v\f\r")));
        out_ += "\">";
      }
      append_escaped_text(out_, cmark::literal(node));
      out_ += "</code></pre>\n";
      break;
    }
    case CMARK_NODE_HTML_BLOCK:
      newline_if_needed();
      out_ += kRawHtmlOmitted;
      newline_if_needed();
      break;
    case CMARK_NODE_CUSTOM_BLOCK:
      newline_if_needed();
      out_ += cmark::text(entering ? node->as.custom.on_enter : node->as.custom.on_exit);
      newline_if_needed();
      break;
    case CMARK_NODE_THEMATIC_BREAK:
      newline_if_needed();
      out_ += "<hr />\n";
      break;
    case CMARK_NODE_PARAGRAPH:
      if (!tight_paragraph(node)) tag(entering, "<p>", "</p>\n");
      break;
    default:  // the document
      break;
  }
}

void HtmlWriter::inline_node(cmark_node* node, bool entering) {
  switch (cmark::type(node)) {
    case CMARK_NODE_TEXT:
      append_escaped_text(out_, cmark::literal(node));
      break;
    case CMARK_NODE_LINEBREAK:
      out_ += "<br />\n";
      break;
    case CMARK_NODE_SOFTBREAK:
      out_ += '\n';
      break;
    case CMARK_NODE_CODE:
      out_ += "<code>";
      append_escaped_text(out_, cmark::literal(node));
      out_ += "</code>";
      break;
    case CMARK_NODE_HTML_INLINE:
      out_ += kRawHtmlOmitted;
      break;
    case CMARK_NODE_CUSTOM_INLINE:
      out_ += cmark::text(entering ? node->as.custom.on_enter : node->as.custom.on_exit);
      break;
    case CMARK_NODE_STRONG:
      out_ += entering ? "<strong>" : "</strong>";
      break;
    case CMARK_NODE_EMPH:
      out_ += entering ? "<em>" : "</em>";
      break;
    case CMARK_NODE_LINK:
      if (entering) {
        out_ += "<a href=\"";
        append_escaped_url(out_, cmark::url(node));
        append_title(out_, node);
        out_ += "\">";
      } else {
        out_ += "</a>";
      }
      break;
    case CMARK_NODE_IMAGE:
      if (entering) {
        out_ += "<img src=\"";
        append_escaped_url(out_, cmark::url(node));
        out_ += "\" alt=\"";
        plain_ = node;
      } else {
        append_title(out_, node);
        out_ += "\" />";
      }
      break;
    default:
      break;
  }
}

}  // namespace hb
