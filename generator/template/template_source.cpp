#include "template_source.h"

#include <algorithm>

namespace hb {

TemplateSource::TemplateSource(std::string_view path, std::string_view text, Diagnostics& diags)
    : path_(path), text_(text), diags_(diags) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
}

TemplateSource::Position TemplateSource::position(size_t byte) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte);
  int line = static_cast<int>(after - line_starts_.begin());
  size_t line_start = line_starts_[line - 1];
  return {line, column_of_byte(line_of(text_, line), byte - line_start)};
}

std::string TemplateSource::where(size_t byte) const {
  Position p = position(byte);
  return std::string(path_) + ":" + std::to_string(p.line) + ":" + std::to_string(p.col);
}

void TemplateSource::error(size_t byte, std::string message) {
  Position p = position(byte);
  diags_.error_at(path_, text_, p.line, p.col, std::move(message));
  failed_ = true;
}

}  // namespace hb
