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
  std::string anchor;   // after '#', percent-decoded ("åbne-spørgsmål")
  bool page = false;    // names a Markdown source: a page, never an attachment
  std::string problem;  // why it names no file inside content/ ("" when it does)
};

// Resolves `url`, written in a page in the folder `from_dir` (relative to content/, "" for
// content/ itself). `url` has no scheme and does not start with '#'. An absolute `url`
// ("/roles/x.md", or "/content/roles/x.md" as GitHub reads it) gives the file it names in
// content/; such a link is an error all the same, reported with absolute_link_problem.
LinkTarget resolve_link(std::string_view from_dir, std::string_view url);

// The anchor of `url` (after its '#', "" without one), percent-decoded into `out`, as GitHub's
// preview and browsers decode it. On a code that does not decode to text ("%G1", "%C3" without
// its second half, a control character) returns false with `problem` set.
bool link_anchor(std::string_view url, std::string& out, std::string& problem);

// The folder of the file `rel` (relative to content/): "roles" for "roles/x.md", "" for "x.md".
std::string_view folder_of(std::string_view rel);

// The link to write in a page in `from_dir` to the file `path` (both relative to content/), with
// the '#' part of `url` as written: "../roles/x.md#ansvar". It works on the site and in GitHub.
std::string relative_link(std::string_view from_dir, std::string_view path, std::string_view url);

// The report on an absolute link `url` from a page in `from_dir` to `path` in content/: the path
// to write when `exists`, else that there is no such file, and `guess` (a file in content/, or
// "") as the one it may have meant.
std::string absolute_link_problem(std::string_view from_dir, std::string_view url,
                                  std::string_view path, bool exists, std::string_view guess);

// True for a link that starts with '/' (and not '//'): a path from the root of a file system
// or a web server, which the site cannot check.
bool is_absolute_path(std::string_view url);

}  // namespace hb
