// Site: the whole handbook as a graph. Resolves front matter references and body links, applies
// the edition's visibility, computes backlinks, reverse references, taxonomy terms and order,
// and reports every broken reference at its place in the source.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "base/value.h"
#include "config/config.h"
#include "content/page.h"

namespace hb {

struct Timeline;  // history/timeline.h: the dates and changes the edition shows

// Hashes std::string and std::string_view alike, for lookups without a copy.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Backlink {
  int from = -1;
  std::string via;  // the field's label, or "" for a link in the text
};

struct Term {
  std::string taxonomy, name, slug;
  std::vector<int> pages;  // ordered like their collections
  std::string url() const { return taxonomy + "/" + slug + ".html"; }
};

// A file in content/ that a page of the edition links to, copied into the edition as it is.
// A file is in an edition only when a page or passage of that edition links to it.
struct Attachment {
  std::string rel;             // relative to content/, and to the edition's root
  std::filesystem::path real;  // the file that the file gate admitted
  int page = -1;               // the first page that links to it, for reports
  size_t link = 0;             // which of that page's links
};

struct Site {
  const SiteConfig* config = nullptr;
  const ProfileSpec* profile = nullptr;
  std::vector<Page> pages;
  std::vector<char> included;  // page i is in this edition
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> by_rel;
  std::vector<std::vector<Backlink>> backlinks;
  // reverse[i]["forum.participants"]: pages of that collection whose field names page i
  std::vector<std::map<std::string, std::vector<int>>> reverse;
  std::vector<Term> terms;                              // by taxonomy, then slug
  std::map<std::string, std::vector<int>> collections;  // collection name -> ordered pages
  std::vector<Attachment> assets;                       // used by this edition, by path

  // Page summaries for views, made once per build and shared by every view that lists a page
  // (filled by common_view).
  mutable std::vector<std::shared_ptr<const Value>> summaries;
  // What the edition tells of time (history/timeline.h); null until the build's history stage.
  std::shared_ptr<const Timeline> timeline;
  // A fingerprint of the theme's files, set by the build: pages link theme files with
  // "?v=<it>", so a web server may cache them for long and a changed theme still reaches every
  // reader at once.
  std::string theme_version;
  // The booklet's PDF that the build published beside the pages (booklet.pdf), for the link to
  // it: its pages and its size in bytes; pages 0 when the build made none.
  struct BookletPdf {
    int pages = 0;
    uintmax_t bytes = 0;
  } booklet_pdf;

  // The edition's web address: its profile's base_url, or else [site] base_url ("" if neither).
  const std::string& base_url() const;
  bool is_included(int i) const { return i >= 0 && included[static_cast<size_t>(i)]; }
  int find(std::string_view rel) const;
  const Attachment* attachment(std::string_view rel) const;
  const Page* section_index(std::string_view folder) const;
};

Site build_site(const SiteConfig& config, const ProfileSpec& profile, std::vector<Page> pages,
                Diagnostics& diags);

}  // namespace hb
