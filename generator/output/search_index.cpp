#include "search_index.h"

#include "base/escape.h"
#include "view/view.h"

namespace hb {

namespace {

void append_json(std::string& out, std::string_view s) {
  out += '"';
  append_js_string(out, s);
  out += '"';
}

// The headings of the page, joined by " · ".
void append_headings(std::string& out, const Page& p) {
  out += '"';
  bool first = true;
  for (auto& h : p.body.headings) {
    if (!first) out += " · ";
    first = false;
    append_js_string(out, h.text);
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
      append_js_string(out, v->as_string());
    }
  out += '"';
}

// The entry of one page: `{"t":...}`.
void append_entry(std::string& block, const Page& p) {
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
  // Words are letters, digits and non-ASCII characters of checked UTF-8 between spaces: only
  // U+2028 and U+2029 (E2 80 A8/A9) need escaping.
  block += ",\"w\":";
  if (p.body.words.find('\xE2') == std::string::npos) {
    block += '"';
    block += p.body.words;
    block += '"';
  } else {
    append_json(block, p.body.words);
  }
  block += "}";
}

constexpr std::string_view kHead = "window.HANDBOOK_SEARCH = [\n";
constexpr std::string_view kTail = "\n];\n";

}  // namespace

// Written in blocks of about a megabyte: few system calls, little memory.
void write_search_index(const Site& site, std::ostream& out) {
  std::string block(kHead);
  block.reserve((1 << 20) + (64 << 10));
  bool first = true;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    if (!first) block += ",\n";
    first = false;
    append_entry(block, site.pages[i]);
    if (block.size() > (1 << 20)) {
      out.write(block.data(), static_cast<std::streamsize>(block.size()));
      block.clear();
    }
  }
  block += kTail;
  out.write(block.data(), static_cast<std::streamsize>(block.size()));
}

TextPieces search_index_pieces(const Site& site) {
  static const auto head = std::make_shared<const std::string>(kHead);
  static const auto tail = std::make_shared<const std::string>(kTail);
  static const auto between = std::make_shared<const std::string>(",\n");
  TextPieces out = {head};
  out.reserve(2 * site.pages.size() + 2);
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    const Page& p = site.pages[i];
    if (!p.search_entry) {
      std::string entry;
      append_entry(entry, p);
      p.search_entry = std::make_shared<const std::string>(std::move(entry));
    }
    if (out.size() > 1) out.push_back(between);
    out.push_back(p.search_entry);
  }
  out.push_back(tail);
  return out;
}

}  // namespace hb
