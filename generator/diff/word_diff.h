// Word diff: what changed between two renderings of a page, word by word (the Myers algorithm of
// the Diff Template Library, Debian `libdtl-dev`), grouped by the section it lies in.
#pragma once

#include <string>
#include <vector>

#include "page_text.h"

namespace hb {

// A stretch of words that stayed, went or came.
struct WordRun {
  enum Kind { Same, Removed, Added } kind;
  std::string text;
};

// One place where the text changed: its runs, with a few unchanged words on each side. Changes
// close to each other are one change.
struct WordChange {
  std::vector<WordRun> runs;
};

struct SectionChange {
  std::string heading;  // the section's heading in the new text ("" before the first heading)
  std::vector<WordChange> changes;
};

// The sections that changed from `base` to `head`, in the order of the page.
std::vector<SectionChange> diff_text(const PageText& base, const PageText& head);

}  // namespace hb
