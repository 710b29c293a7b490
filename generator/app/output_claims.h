// Output claims: every file an edition writes, and what writes it. Two writers of one path are
// an error that names both, so that no attachment replaces a page or a theme file and no build
// depends on which of two writes comes last. Paths are compared without regard to upper and
// lower case, as the file systems of many servers and laptops compare them.
#pragma once

#include <string>
#include <unordered_map>

#include "base/diagnostics.h"

namespace hb {

// What writes a file, and where a collision with it is reported.
struct OutputWriter {
  std::string what;  // "the page made from content/roles/x.md"
  std::string fix;   // "rename the attachment"
  std::string path;  // where the report goes: a file, with line and column when known
  int line = 0, col = 0;
  std::string source_line;
  std::string prefix;  // put before the message ("link to 'x.html': ")
};

class OutputClaims {
 public:
  // Records that `writer` writes `rel` (relative to the edition's root). When an earlier
  // writer claimed the same path, reports the collision at `writer`'s place; returns false.
  bool claim(const std::string& rel, const OutputWriter& writer, Diagnostics& diags);
  // Whether a writer has claimed `rel` (in any case).
  bool claimed(const std::string& rel) const;

 private:
  struct Claim {
    std::string rel, what;
  };
  std::unordered_map<std::string, Claim> claims_;   // by lower-cased path
  std::unordered_map<std::string, Claim> folders_;  // each folder's first file, by lower-cased path
};

}  // namespace hb
