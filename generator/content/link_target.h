// Link target: what a link in a page's body names inside content/, however it is spelt. The
// path is percent-decoded and normalised (`./x.md/.`, `x.md//`, `x.m%64` and `x.md/` all name
// `x.md`), and a name with a Markdown ending in any case makes it a link to a page, which is
// never copied as a file.
#pragma once

#include <string>
#include <string_view>

namespace hb {

struct LinkTarget {
  std::string path;     // relative to content/, decoded and normalised ("roles/x.md")
  std::string anchor;   // after '#', as written
  bool page = false;    // names a Markdown source: a page, never an attachment
  std::string problem;  // why it names no file inside content/ ("" when it does)
};

// Resolves `url`, written in a page in the folder `from_dir` (relative to content/, "" for
// content/ itself). `url` is relative: no scheme, not starting with '#'.
LinkTarget resolve_link(std::string_view from_dir, std::string_view url);

// True for a link that starts with '/' (and not '//'): a path from the root of a file system
// or a web server, which the site cannot check.
bool is_absolute_path(std::string_view url);

}  // namespace hb
