#include "search_index.h"

#include <sstream>

#include "view.h"

namespace hb {

static bool json_safe(unsigned char c) {
  return c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
}

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (size_t i = 0; i < s.size(); ++i) {
    size_t run = i;
    while (run < s.size() && json_safe(static_cast<unsigned char>(s[run])))
      ++run;
    if (run > i) {
      out.append(s.substr(i, run - i));
      i = run;
      if (i == s.size()) break;
    }
    unsigned char c = s[i];
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
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

static std::string joined_headings(const Page& p) {
  std::string out;
  for (auto& h : p.body.headings)
    out += (out.empty() ? "" : " · ") + h.text;
  return out;
}

// The page's short text fields (a role's short name, a case's municipality), for search.
static std::string text_fields(const Page& p) {
  std::string out;
  if (!p.collection) return out;
  for (auto& f : p.collection->fields) {
    const Value* v = p.fields.find(f.name);
    if (f.type == FieldType::String && v && v->is_string() && !v->as_string().empty())
      out += (out.empty() ? "" : " · ") + v->as_string();
  }
  return out;
}

// Written in blocks of about a megabyte: few system calls, little memory.
void write_search_index(const Site& site, std::ostream& out) {
  std::string block = "window.HANDBOOK_SEARCH = [\n";
  bool first = true;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    const Page& p = site.pages[i];
    block += first ? "" : ",\n";
    first = false;
    std::string kind = p.collection && !p.is_index ? p.collection->singular : "";
    block += "{\"t\":" + json_string(p.title);
    block += ",\"u\":" + json_string(page_href(site, static_cast<int>(i)));
    block += ",\"k\":" + json_string(kind) + ",\"s\":" + json_string(p.summary);
    block += ",\"a\":" + json_string(text_fields(p)) + ",\"h\":" + json_string(joined_headings(p));
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
