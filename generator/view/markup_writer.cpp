#include "markup_writer.h"

#include <charconv>

#include "base/escape.h"

namespace hb {

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
  append_xml_attribute(out_, value);
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
  append_xml_text(out_, text);
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
