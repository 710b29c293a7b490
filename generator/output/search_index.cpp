#include "search_index.h"

#include <array>
#include <bit>
#include <cstdio>
#include <sstream>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "view/view.h"

namespace hb {

namespace {

// Bytes that a JSON string in a <script> file cannot hold as they are.
constexpr std::array<bool, 256> unsafe_bytes() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c)
    table[c] = true;
  for (unsigned char c : {'"', '\\', '<', '>', '&'})
    table[c] = true;
  return table;
}

constexpr std::array<bool, 256> kUnsafe = unsafe_bytes();

// The position of the first byte from `i` on that needs escaping, or s.size().
size_t next_unsafe(std::string_view s, size_t i) {
#if defined(__SSE2__)
  const __m128i below = _mm_set1_epi8(0x1F);
  for (; i + 16 <= s.size(); i += 16) {
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(b, below), b),
                                            _mm_cmpeq_epi8(b, _mm_set1_epi8('"'))),
                               _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('\\')),
                                            _mm_cmpeq_epi8(b, _mm_set1_epi8('&'))));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(b, _mm_set1_epi8('<')),
                                         _mm_cmpeq_epi8(b, _mm_set1_epi8('>'))));
    if (unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)))
      return i + static_cast<size_t>(std::countr_zero(mask));
  }
#endif
  for (; i < s.size(); ++i)
    if (kUnsafe[static_cast<unsigned char>(s[i])]) return i;
  return s.size();
}

void append_escaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    case '<':
      out += "\\u003c";
      break;
    case '>':
      out += "\\u003e";
      break;
    case '&':
      out += "\\u0026";
      break;
    default: {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    }
  }
}

// The characters of a JSON string literal of `s`, without the quotes.
void append_json_text(std::string& out, std::string_view s) {
  size_t from = 0;
  for (size_t i = next_unsafe(s, 0); i < s.size(); i = next_unsafe(s, from)) {
    out.append(s.data() + from, i - from);
    append_escaped(out, static_cast<unsigned char>(s[i]));
    from = i + 1;
  }
  out.append(s.data() + from, s.size() - from);
}

void append_json(std::string& out, std::string_view s) {
  out += '"';
  append_json_text(out, s);
  out += '"';
}

// The headings of the page, joined by " · ".
void append_headings(std::string& out, const Page& p) {
  out += '"';
  bool first = true;
  for (auto& h : p.body.headings) {
    if (!first) out += " · ";
    first = false;
    append_json_text(out, h.text);
  }
  out += '"';
}

// The page's short text fields (a role's short name, a case's municipality), for search.
void append_text_fields(std::string& out, const Page& p) {
  out += '"';
  bool first = true;
  if (p.collection)
    for (auto& f : p.collection->fields) {
      if (f.type != FieldType::String) continue;
      const Value* v = p.fields.find(f.name);
      if (!v || !v->is_string() || v->as_string().empty()) continue;
      if (!first) out += " · ";
      first = false;
      append_json_text(out, v->as_string());
    }
  out += '"';
}

}  // namespace

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json(out, s);
  return out;
}

// Written in blocks of about a megabyte: few system calls, little memory.
void write_search_index(const Site& site, std::ostream& out) {
  std::string block = "window.HANDBOOK_SEARCH = [\n";
  block.reserve((1 << 20) + (64 << 10));
  bool first = true;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    const Page& p = site.pages[i];
    if (!first) block += ",\n";
    first = false;
    block += "{\"t\":";
    append_json(block, p.title);
    block += ",\"u\":";
    append_json(block, p.url);  // page_href(site, i), without a copy
    block += ",\"k\":";
    append_json(block, p.collection && !p.is_index ? std::string_view(p.collection->singular)
                                                   : std::string_view());
    block += ",\"s\":";
    append_json(block, p.summary);
    block += ",\"a\":";
    append_text_fields(block, p);
    block += ",\"h\":";
    append_headings(block, p);
    // Words are letters, digits and non-ASCII bytes separated by spaces: nothing to escape.
    block += ",\"w\":\"";
    block += p.body.words;
    block += "\"}";
    if (block.size() > (1 << 20)) {
      out.write(block.data(), static_cast<std::streamsize>(block.size()));
      block.clear();
    }
  }
  block += "\n];\n";
  out.write(block.data(), static_cast<std::streamsize>(block.size()));
}

std::string search_index_js(const Site& site) {
  std::ostringstream out;
  write_search_index(site, out);
  return out.str();
}

}  // namespace hb
