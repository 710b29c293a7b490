// Heading ids as GitHub writes them (see markdown.h): Unicode lower case, then only letters,
// marks, numbers but No, connector punctuation, '-' and ' ', each space a dash.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "markdown.h"

namespace hb {

namespace {

struct CodeRange {
  char32_t first, last;
};
struct CodePair {
  char32_t from, to;
};
struct CodeSpecial {
  char32_t from;
  char32_t to[3];
  int size;
};

#include "heading_id_tables.inc"

template <size_t N>
bool in(const CodeRange (&table)[N], char32_t c) {
  auto it = std::upper_bound(std::begin(table), std::end(table), c,
                             [](char32_t v, const CodeRange& r) { return v < r.first; });
  return it != std::begin(table) && c <= (it - 1)->last;
}

char32_t simple_lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  auto it = std::lower_bound(std::begin(kLower), std::end(kLower), c,
                             [](const CodePair& p, char32_t v) { return p.from < v; });
  return it != std::end(kLower) && it->from == c ? it->to : c;
}

// The code points of UTF-8 `text`; a byte that starts no valid sequence gives U+FFFD.
std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    auto b = static_cast<unsigned char>(text[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    char32_t c = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = len > 0 && i + static_cast<size_t>(len) <= n;
    for (int k = 1; ok && k < len; ++k) {
      auto f = static_cast<unsigned char>(text[i + static_cast<size_t>(k)]);
      ok = (f & 0xC0) == 0x80;
      c = (c << 6) | (f & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))) ok = false;
    if (!ok) {
      out += U'\uFFFD';
      ++i;
      continue;
    }
    out += c;
    i += static_cast<size_t>(len);
  }
  return out;
}

void encode(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Capital sigma at `i` ends a word (Unicode's Final_Sigma condition): a cased letter before
// it and none after it, case-ignorable characters passed over on either side.
bool final_sigma(const std::u32string& s, size_t i) {
  size_t b = i;
  while (b > 0 && in(kCaseIgnorable, s[b - 1]))
    --b;
  if (b == 0 || !in(kCased, s[b - 1])) return false;
  size_t a = i + 1;
  while (a < s.size() && in(kCaseIgnorable, s[a]))
    ++a;
  return a == s.size() || !in(kCased, s[a]);
}

// Appends the slug's characters for the lower-case `c`.
void put(char32_t c, std::string& out) {
  if (c == ' ') {
    out += '-';
  } else if (c < 0x80) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (keep) out += static_cast<char>(c);
  } else if (!in(kDropped, c)) {
    encode(c, out);
  }
}

}  // namespace

std::string heading_id(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // Plain ASCII, the common case, needs no tables.
  if (std::all_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    for (char c : text)
      put(simple_lower(static_cast<unsigned char>(c)), out);
    return out;
  }
  std::u32string s = decode(text);
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c == U'\u03A3') {
      put(final_sigma(s, i) ? U'\u03C2' : U'\u03C3', out);
      continue;
    }
    auto special = std::find_if(std::begin(kSpecialLower), std::end(kSpecialLower),
                                [&](const CodeSpecial& sp) { return sp.from == c; });
    if (special != std::end(kSpecialLower)) {
      for (int k = 0; k < special->size; ++k)
        put(special->to[k], out);
      continue;
    }
    put(simple_lower(c), out);
  }
  return out;
}

std::string HeadingIds::make(std::string_view text) {
  std::string base = heading_id(text);
  if (base.empty()) base = "afsnit";
  std::string id = base;
  while (seen_.count(id)) {
    int n = ++seen_[base];
    id = base + "-" + std::to_string(n);
  }
  seen_.emplace(id, 0);
  return id;
}

}  // namespace hb
