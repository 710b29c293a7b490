// Heading ids as GitHub writes them (see markdown.h): Unicode lower case, then only letters,
// marks, numbers but No, connector punctuation, '-' and ' ', each space a dash. The Unicode
// data (case mapping, categories, properties) is libunistring's.
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "markdown.h"

namespace hb {

namespace {

// What github-slugger keeps of a lower-case character: letters, marks, decimal and letter
// numbers, connector punctuation, '-', and any character with the Alphabetic property.
bool kept(ucs4_t c) {
  return c == '-' || uc_is_general_category(c, UC_LETTER) || uc_is_general_category(c, UC_MARK) ||
         uc_is_general_category(c, UC_DECIMAL_DIGIT_NUMBER) ||
         uc_is_general_category(c, UC_LETTER_NUMBER) ||
         uc_is_general_category(c, UC_CONNECTOR_PUNCTUATION) || uc_is_property_alphabetic(c);
}

}  // namespace

std::string heading_id(std::string_view text) {
  // Lower case as JavaScript's toLowerCase does it: full case mapping, a final sigma as ς.
  size_t length = 0;
  std::unique_ptr<uint8_t, decltype(&std::free)> lower(
      u8_tolower(reinterpret_cast<const uint8_t*>(text.data()), text.size(), nullptr, nullptr,
                 nullptr, &length),
      &std::free);
  if (!lower) return "";
  std::string out;
  out.reserve(length);
  for (const uint8_t *p = lower.get(), *end = p + length; p < end;) {
    ucs4_t c;
    int n = u8_mbtouc(&c, p, static_cast<size_t>(end - p));  // U+FFFD for a broken sequence
    if (c == ' ')
      out += '-';
    else if (kept(c))
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n;
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
