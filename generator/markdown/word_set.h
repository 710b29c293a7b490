// The distinct words of a page for the search index: lower-cased (ASCII and the Latin-1 letters
// Æ Ø Å É ...), at least two bytes long, each once, in order of first appearance.
#pragma once

#include <string>
#include <string_view>

namespace hb {

// One WordSet at a time per thread: they share a per-thread table and text buffer.
class WordSet {
 public:
  WordSet();
  // Adds the words of `text`; a word never continues from one call into the next.
  void add(std::string_view text);
  // The words separated by single spaces.
  std::string take();
};

}  // namespace hb
