// Escaping: one function per context that the generator writes text into. Each appends `text` to
// `out`, and every other byte is copied as it is unless the context says otherwise.
//
//   HTML text          & < >            as &amp; &lt; &gt;
//   HTML attribute     & < > " '        as &amp; &lt; &gt; &quot; &#39; (safe in either quoting,
//                                       and in text: what Mustache's {{name}} writes)
//   URL                percent-encoded outside the characters that cmark-gfm leaves in a link
//                      (letters, digits, -_.+!*'(),%#@?=;:/$~&), then & ' as in an attribute:
//                      for an href, src or an XML text
//   XML text           & < >, and XML attribute & < > " ' (&apos;), as XML printers write them;
//                      a byte sequence that is not UTF-8 and a character that XML 1.0 cannot hold
//                      (control characters but tab, LF and CR; U+FFFE, U+FFFF) become U+FFFD
//   JavaScript string  the inside of a "..." or '...' literal, valid JSON too, safe inside
//                      <script>: " \ ' as \" \\ \u0027, control characters as \n \r \t or
//                      \u00XX, < > & as \u003c \u003e \u0026 (no `</script>`, no `<!--`),
//                      U+2028 U+2029 as \u2028 \u2029, bytes that are not UTF-8 as \ufffd
//
// In HTML a byte that is not UTF-8 is left as it is: the browser's decoder turns it into U+FFFD
// and never lets it swallow the ASCII character after it. Content is checked for such bytes and
// for control characters before it gets here (content/text_check.h).
#pragma once

#include <array>
#include <bit>
#include <string>
#include <string_view>

#include "simd.h"

namespace hb {

namespace escape_detail {

using Table = std::array<std::string_view, 256>;

constexpr Table entities(bool attribute) {
  Table t{};
  t['&'] = "&amp;";
  t['<'] = "&lt;";
  t['>'] = "&gt;";
  if (attribute) {
    t['"'] = "&quot;";
    t['\''] = "&#39;";
  }
  return t;
}

inline constexpr Table kHtmlText = entities(false);
inline constexpr Table kHtmlAttribute = entities(true);

// The position of the first of & < > " ' in `text` from `from` on, or text.size(); 16 bytes at
// a time while whole blocks of the text last.
inline size_t next_special(std::string_view text, size_t from) {
  using V = simd::Native;
  for (; from + 16 <= text.size(); from += 16) {
    V::Block x = V::load(text.data() + from);
    auto is = [&](char c) { return V::eq(x, V::splat(static_cast<uint8_t>(c))); };
    V::Block hit = V::or_(V::or_(is('&'), is('<')), V::or_(V::or_(is('>'), is('"')), is('\'')));
    if (unsigned mask = V::mask(hit)) return from + static_cast<size_t>(std::countr_zero(mask));
  }
  for (; from < text.size(); ++from)
    if (!kHtmlAttribute[static_cast<unsigned char>(text[from])].empty()) return from;
  return from;
}

// Appends `text` to `out` with each byte that `table` names replaced (a table that names only
// bytes of & < > " ').
template <class Out>
void replace(Out& out, std::string_view text, const Table& table) {
  size_t from = 0;
  for (size_t i = next_special(text, 0); i < text.size(); i = next_special(text, i + 1)) {
    std::string_view entity = table[static_cast<unsigned char>(text[i])];
    if (entity.empty()) continue;
    out.append(text.substr(from, i - from));
    out.append(entity);
    from = i + 1;
  }
  out.append(text.substr(from));
}

}  // namespace escape_detail

// `Out` is a std::string or any buffer with append(std::string_view).
template <class Out>
void append_html_text(Out& out, std::string_view text) {
  escape_detail::replace(out, text, escape_detail::kHtmlText);
}

template <class Out>
void append_html_attribute(Out& out, std::string_view text) {
  escape_detail::replace(out, text, escape_detail::kHtmlAttribute);
}

void append_url(std::string& out, std::string_view url);
void append_xml_text(std::string& out, std::string_view text);
void append_xml_attribute(std::string& out, std::string_view text);
void append_js_string(std::string& out, std::string_view text);
// Text inside a GitHub-flavoured Markdown document (a pull-request comment): each character
// that could start syntax (emphasis, code, links and images, headings, lists, tables, entities,
// and the autolinks of 'https:', 'www.' and 'a@b') gets a backslash, '<' and '>' become
// entities, and line breaks become spaces: the text shows as it is and starts nothing.
void append_markdown_text(std::string& out, std::string_view text);

// The same, as a new string.
std::string html_text(std::string_view text);
std::string html_attribute(std::string_view text);
std::string url_in_html(std::string_view url);
std::string xml_text(std::string_view text);
std::string js_string(std::string_view text);
std::string markdown_text(std::string_view text);

// The length of the UTF-8 character at s[i] (1 to 4), or 0 if the bytes there are not a
// well-formed one (an overlong form, a surrogate, beyond U+10FFFF, cut short).
size_t utf8_sequence(std::string_view s, size_t i);

// What a report may show of a file's bytes on a terminal or in a CI log: each byte that is not
// UTF-8 and each control character as U+FFFD (C0 and C1 controls and DEL: ESC, CSI, CR and BS
// would clear, move or recolour the screen), but tab when `tabs` and line feed when
// `line_breaks`.
std::string terminal_text(std::string_view text, bool tabs, bool line_breaks = false);

}  // namespace hb
