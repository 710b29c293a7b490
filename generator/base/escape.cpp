#include "escape.h"

namespace hb {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool between(unsigned char c, unsigned char lo, unsigned char hi) {
  return c >= lo && c <= hi;
}

// The characters that a URL keeps as they are, as cmark-gfm's escape_href keeps them.
constexpr std::array<bool, 256> url_safe() {
  std::array<bool, 256> safe{};
  for (int c = '0'; c <= '9'; ++c)
    safe[c] = true;
  for (int c = 'a'; c <= 'z'; ++c)
    safe[c] = safe[c - 'a' + 'A'] = true;
  for (unsigned char c : std::string_view("-_.+!*'(),%#@?=;:/$~&"))
    safe[c] = true;
  return safe;
}

constexpr std::array<bool, 256> kUrlSafe = url_safe();

// Copies a text to `out`, with some of its bytes replaced: put(i, n, with) writes the text up to
// byte i and `with` in place of its n bytes from i on; finish() writes the rest.
struct Rewrite {
  std::string& out;
  std::string_view text;
  size_t from = 0;
  void operator()(size_t i, size_t n, std::string_view with) {
    out.append(text, from, i - from);
    out += with;
    from = i + n;
  }
  void finish() { out.append(text, from); }
};

// Writes `text` as XML text or attribute value; see escape.h.
void append_xml(std::string& out, std::string_view text, bool attribute) {
  Rewrite put{out, text};
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '&') {
        put(i, 1, "&amp;");
      } else if (c == '<') {
        put(i, 1, "&lt;");
      } else if (c == '>') {
        put(i, 1, "&gt;");
      } else if (attribute && c == '"') {
        put(i, 1, "&quot;");
      } else if (attribute && c == '\'') {
        put(i, 1, "&apos;");
      } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        put(i, 1, kReplacement);
      }
      ++i;
      continue;
    }
    size_t n = utf8_sequence(text, i);
    bool noncharacter = n == 3 && c == 0xEF && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                        static_cast<unsigned char>(text[i + 2]) >= 0xBE;  // U+FFFE, U+FFFF
    if (n == 0 || noncharacter) put(i, n ? n : 1, kReplacement);
    i += n ? n : 1;
  }
  put.finish();
}

}  // namespace

size_t utf8_sequence(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  unsigned char c = at(0);
  if (i >= s.size()) return 0;
  if (c < 0x80) return 1;
  auto tail = [&](size_t k) { return between(at(k), 0x80, 0xBF); };
  if (between(c, 0xC2, 0xDF)) return tail(1) ? 2 : 0;
  if (between(c, 0xE0, 0xEF)) {
    unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    return between(at(1), lo, hi) && tail(2) ? 3 : 0;
  }
  if (between(c, 0xF0, 0xF4)) {
    unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    return between(at(1), lo, hi) && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

std::string terminal_text(std::string_view text, bool tabs, bool line_breaks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t n = utf8_sequence(text, i);
    auto c = static_cast<unsigned char>(text[i]);
    bool kept = (tabs && c == '\t') || (line_breaks && c == '\n');
    bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if (n == 0 || (c < 0x20 && !kept) || c == 0x7F || c1)
      out += "\uFFFD";
    else
      out.append(text.substr(i, n));
    i += n ? n : 1;
  }
  return out;
}

void append_url(std::string& out, std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '&') {
      out += "&amp;";
    } else if (c == '\'') {
      out += "&#39;";
    } else if (kUrlSafe[c]) {
      out += ch;
    } else {
      char code[3] = {'%', kHex[c >> 4], kHex[c & 15]};
      out.append(code, 3);
    }
  }
}

void append_xml_text(std::string& out, std::string_view text) {
  append_xml(out, text, false);
}

void append_xml_attribute(std::string& out, std::string_view text) {
  append_xml(out, text, true);
}

void append_js_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  Rewrite put{out, text};
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '"') {
        put(i, 1, "\\\"");
      } else if (c == '\\') {
        put(i, 1, "\\\\");
      } else if (c == '\n') {
        put(i, 1, "\\n");
      } else if (c == '\r') {
        put(i, 1, "\\r");
      } else if (c == '\t') {
        put(i, 1, "\\t");
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'') {
        char code[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        put(i, 1, std::string_view(code, 6));
      }
      ++i;
      continue;
    }
    size_t n = utf8_sequence(text, i);
    if (n == 0) {
      put(i, 1, "\\ufffd");
      ++i;
      continue;
    }
    if (n == 3 && c == 0xE2 && text[i + 1] == '\x80' &&
        (text[i + 2] == '\xA8' || text[i + 2] == '\xA9'))
      put(i, 3, text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029");
    i += n;
  }
  put.finish();
}

namespace {

template <void (*append)(std::string&, std::string_view)>
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append(out, text);
  return out;
}

}  // namespace

std::string html_text(std::string_view text) {
  return escaped<append_html_text<std::string>>(text);
}

std::string html_attribute(std::string_view text) {
  return escaped<append_html_attribute<std::string>>(text);
}

std::string url_in_html(std::string_view url) {
  return escaped<append_url>(url);
}

std::string xml_text(std::string_view text) {
  return escaped<append_xml_text>(text);
}

void append_markdown_text(std::string& out, std::string_view text) {
  static constexpr std::string_view kSyntax = "\\`*_{}[]()#+-.!|~&:@";
  for (char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '\n' || c == '\r')
      out += ' ';
    else {
      if (kSyntax.find(c) != std::string_view::npos) out += '\\';
      out += c;
    }
  }
}

std::string markdown_text(std::string_view text) {
  return escaped<append_markdown_text>(text);
}

std::string js_string(std::string_view text) {
  return escaped<append_js_string>(text);
}

}  // namespace hb
