#include "markup_writer.h"

#include <bit>
#include <charconv>

#include "template/template_output.h"  // html_escape_mask

namespace hb {

namespace {

// The entity of a character that text (`attribute` false) or an attribute value escapes, or null.
const char* entity(char c, bool attribute) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return attribute ? "&quot;" : nullptr;
    case '\'':
      return attribute ? "&apos;" : nullptr;
    default:
      return nullptr;
  }
}

// The position of the first of & < > " ' in `text` from `i` on, or text.size(): 16 bytes at a
// time while they last.
size_t next_special(std::string_view text, size_t i) {
  for (; i + 16 <= text.size(); i += 16)
    if (unsigned mask = html_escape_mask(text.data() + i)) return i + std::countr_zero(mask);
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'') return i;
  }
  return i;
}

// Appends `text`, escaping & < > and, in attribute values, " and ' as well.
void append_escaped(std::string& out, std::string_view text, bool attribute) {
  size_t from = 0;
  for (size_t i = next_special(text, 0); i < text.size(); i = next_special(text, i + 1)) {
    const char* e = entity(text[i], attribute);
    if (!e) continue;
    out.append(text.data() + from, i - from);
    out.append(e);
    from = i + 1;
  }
  out.append(text.data() + from, text.size() - from);
}

}  // namespace

MarkupWriter& MarkupWriter::open(const char* name) {
  seal();
  out_ += '<';
  out_ += name;
  open_.push_back(name);
  tag_open_ = true;
  return *this;
}

MarkupWriter& MarkupWriter::attr(const char* name, std::string_view value) {
  out_ += ' ';
  out_ += name;
  out_ += "=\"";
  append_escaped(out_, value, true);
  out_ += '"';
  return *this;
}

// std::to_chars writes what printf would, "%.17g" and "%d" here.
MarkupWriter& MarkupWriter::attr(const char* name, double value) {
  char buffer[64];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 17);
  return attr(name, std::string_view(buffer, static_cast<size_t>(end.ptr - buffer)));
}

MarkupWriter& MarkupWriter::attr(const char* name, int value) {
  char buffer[16];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value);
  return attr(name, std::string_view(buffer, static_cast<size_t>(end.ptr - buffer)));
}

MarkupWriter& MarkupWriter::text(std::string_view text) {
  seal();
  append_escaped(out_, text, false);
  return *this;
}

MarkupWriter& MarkupWriter::close() {
  const char* name = open_.back();
  open_.pop_back();
  if (tag_open_) {
    out_ += "/>";
    tag_open_ = false;
    return *this;
  }
  out_ += "</";
  out_ += name;
  out_ += '>';
  return *this;
}

void MarkupWriter::seal() {
  if (!tag_open_) return;
  out_ += '>';
  tag_open_ = false;
}

}  // namespace hb
