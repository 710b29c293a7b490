// MarkupWriter: writes XML/HTML elements straight into a string, byte for byte as tinyxml2's
// compact printer prints the same tree: attributes escape & < > " ', text escapes & < >,
// numbers are written as "%.17g" and "%d", and an element without content closes as `<x/>`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hb {

class MarkupWriter {
 public:
  explicit MarkupWriter(std::string& out) : out_(out) {}

  // Opens element `name` (a string that outlives the element); attributes may follow.
  MarkupWriter& open(const char* name);
  MarkupWriter& attr(const char* name, std::string_view value);
  MarkupWriter& attr(const char* name, const char* value) {
    return attr(name, std::string_view(value));
  }
  MarkupWriter& attr(const char* name, const std::string& value) {
    return attr(name, std::string_view(value));
  }
  MarkupWriter& attr(const char* name, double value);
  MarkupWriter& attr(const char* name, int value);
  // Text inside the open element; even empty text gives the element content (`<x></x>`).
  MarkupWriter& text(std::string_view text);
  // Closes the innermost open element.
  MarkupWriter& close();
  // An element holding only `content` as text: open, text, close.
  MarkupWriter& element(const char* name, std::string_view content) {
    return open(name).text(content).close();
  }

 private:
  void seal();  // ends the open tag of the innermost element, if it is still open

  std::string& out_;
  std::vector<const char*> open_;
  bool tag_open_ = false;
};

}  // namespace hb
