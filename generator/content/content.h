// Content: finds every `content/**/*.md`, splits and validates its front matter, and renders its
// body, in parallel. Yields Page records that carry their source positions.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "config/config.h"
#include "file_gate.h"
#include "page.h"
#include "page_cache.h"

namespace hb {

struct LoadOptions {
  bool include_internal = false;  // the edition shows internal passages and fields
  unsigned threads = 0;           // 0: every core
  PageCache* cache = nullptr;     // set: pages it keeps are reused, pages read are kept
};

// The Markdown files under content/, relative to it with '/', sorted: `pages` end in `.md`,
// `misnamed` in another spelling of a Markdown ending (`.MD`, `.markdown`), which is an error.
// Hidden files and folders (a name that starts with '.') are left out.
struct ContentFiles {
  std::vector<std::string> pages;
  std::vector<std::string> misnamed;
};
ContentFiles find_content_files(const SiteSource& source);

// Loads one file, which `gate` must admit as a page. `rel` is relative to content/.
Page load_page(const SiteConfig& config, const FileGate& gate, const std::string& rel,
               const LoadOptions& options, Diagnostics& diags);

// The rest of load_page once the file's bytes are read: front matter, fields and body.
void load_page_text(const SiteConfig& config, Page& page, std::string_view text,
                    const LoadOptions& options, Diagnostics& diags);
// Loads a version of the page `rel` from `text` (an older version, read from the repository).
Page load_page_version(const SiteConfig& config, const std::string& rel, std::string_view text,
                       const LoadOptions& options, Diagnostics& diags);

// Loads every page, in the sorted order of their paths.
std::vector<Page> load_pages(const SiteConfig& config, const LoadOptions& options,
                             Diagnostics& diags);

// `path` as diagnostics show it: relative to the working folder as the site was given.
std::string display_path(const SiteConfig& config, std::string_view rel_to_site);

// Line `line` of the page `rel` (relative to content/), read again through the file gate: pages
// do not keep their text, and only reports need it. "" when the gate refuses the file.
std::string page_source_line(const SiteConfig& config, const std::string& rel, int line);

}  // namespace hb
