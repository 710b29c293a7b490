// Edition diff: what a change does to one edition, from the edition's files as two builds wrote
// them (in memory): pages added, removed and changed, with the changed text by section, and
// text that was internal before and is now public.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "word_diff.h"

namespace hb {

using EditionFiles = std::map<std::string, std::string, std::less<>>;

struct PageRef {
  std::string path, title;
};

struct ChangedPage {
  std::string path, title;
  std::vector<SectionChange> sections;
};

// Text that the public edition shows now and that only the internal edition showed before.
struct MadePublic {
  std::string path, title;
  std::string text;  // "" when the whole page was made public
};

struct EditionDiff {
  std::string edition;
  bool is_public = false;
  std::vector<MadePublic> made_public;
  std::vector<PageRef> added, removed;
  std::vector<ChangedPage> changed;        // pages whose own source changed
  std::vector<ChangedPage> consequential;  // pages that show what changed elsewhere (lists, ...)
  std::vector<std::string> files_added, files_removed, files_changed;  // attachments, theme, ...
  bool empty() const;
};

struct EditionInputs {
  std::string edition;
  bool is_public = false;
  const EditionFiles* base = nullptr;
  const EditionFiles* head = nullptr;
  // The internal edition before the change, to find what is made public; may be null.
  const EditionFiles* base_internal = nullptr;
  // True when the page at this output path was made from a content file that changed; false
  // for pages that only show others (term pages, the matrix, a list whose own file is as it was).
  std::function<bool(const std::string& path)> source_changed;
};

EditionDiff diff_edition(const EditionInputs& in);

}  // namespace hb
