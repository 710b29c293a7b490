// Where each link's URL stands in the file, for the reports that point at it. cmark-gfm gives a
// link's start and end, though not always exactly (an autolink in a list or a quote lacks the
// container's indent; a bare address found by the autolink extension has no position at all),
// so the URL is looked for after its '(' or '<' within the link's stretch of its line: the last
// such place for a link written inline, whose text may hold the same URL, so that each of two
// links with one URL on a line is found at its own. Each search is confined to that stretch and
// columns are counted on from the last one, so that the links of a text are located in time
// linear in its length, however many share a line.
#pragma once

#include <string_view>
#include <vector>

// clang-format off
#include <cmark-gfm.h>
// clang-format on

#include "markdown.h"

namespace hb {

class LinkLocator {
 public:
  // `file_text` is the whole file; the body parsed by cmark-gfm begins at its line `body_line`.
  LinkLocator(std::string_view file_text, int body_line);

  // Sets `link.line` and `link.col` for the link or image `node`; the links of a document are
  // handed over in the order of a walk. Both stay 0 for a link that cmark-gfm gives no position.
  void locate(BodyLink& link, cmark_node* node);

 private:
  std::string_view line(int number);
  // The column of byte `byte` of line `number`, whose text is `text`.
  int column(int number, std::string_view text, size_t byte);

  std::string_view text_;
  int body_line_;
  std::vector<size_t> starts_{0};  // where the file's lines 1, 2, ... begin, as far as read
  bool all_lines_ = false;         // starts_ holds every line
  // The line of the last search: the start of the last link on it, and its container prefix.
  int search_line_ = 0;
  size_t cursor_ = 0, prefix_ = 0;
  // The last column counted.
  int col_line_ = 0, col_ = 1;
  size_t col_byte_ = 0;
};

}  // namespace hb
