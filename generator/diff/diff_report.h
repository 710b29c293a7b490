// Diff report: `handbook diff` written for people and tools. The public edition comes first,
// and in it first what moves from internal to public, because that is what a reviewer must not
// miss. Formats: markdown (a pull-request comment), text (a terminal), json (tools).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "edition_diff.h"

namespace hb {

struct DiffReport {
  std::string base, head;                // as the user named them
  std::string base_commit, head_commit;  // full ids; head_commit "" for the working tree
  std::vector<EditionDiff> editions;     // the public edition first
  std::vector<Diagnostic> new_warnings;  // check warnings of head that base did not have
  bool head_has_errors = false;          // head does not build: its editions are not compared
  bool base_has_errors = false;          // base does not build: all of head shows as new
  std::vector<Diagnostic> head_errors;
};

std::string format_diff_markdown(const DiffReport& report);
std::string format_diff_text(const DiffReport& report);
std::string format_diff_json(const DiffReport& report);

}  // namespace hb
