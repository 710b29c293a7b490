#include "markup_writer.h"

#include <charconv>

namespace hb {

namespace {

// Appends `text`, escaping & < > and, in attribute values, " and ' as well.
void append_escaped(std::string& out, std::string_view text, bool attribute) {
  size_t from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = attribute ? "&quot;" : nullptr;
        break;
      case '\'':
        entity = attribute ? "&apos;" : nullptr;
        break;
      default:
        break;
    }
    if (!entity) continue;
    out.append(text.data() + from, i - from);
    out.append(entity);
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
