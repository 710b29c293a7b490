// Render choice: which pages a rebuild of `handbook serve` renders again; the others are kept
// from the last good build. Each page of the site has a face (what other outputs can show of
// it: title, summary, fields, links, whether the edition includes it) and a body (the rest); the
// page cache fingerprints both (content/page_cache.h). Compared with the last good build:
//   - a page whose face or body changed, or that is new, is rendered;
//   - when a page's face changed, appeared or went, so are the pages that show it: those it
//     links to or names (their backlinks), those that link to it or name it, before or after
//     the change, every list page and the home page, and every page that is not a content page
//     (term pages, taxonomies, the matrix, 404, ...);
//   - the pages made from git's history (changes, versions, review) are always rendered;
//   - when the face of a list page or of the home page changed (their titles are in every
//     page's navigation), and after a change of the settings, a template, the theme or an
//     attachment, everything is rendered.
// The site-wide files (search index, sitemap, feed, booklet) are written by every build.
// tests/serve_incremental_test.cpp checks after each of a long series of random edits that the
// result equals a full build byte for byte.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "app/build.h"
#include "content/page_cache.h"

namespace hb {

class ServeRenderChoice final : public RenderChoice {
 public:
  // The fingerprints are read from `pages`, the cache the builds load pages through.
  explicit ServeRenderChoice(const PageCache& pages) : pages_(pages) {}

  // The next builds render everything until one succeeds.
  void render_all() { all_ = true; }
  // The outputs the last good build wrote; a page not among them is always rendered.
  void set_kept(std::function<bool(std::string_view path)> kept) { kept_ = std::move(kept); }
  // The build that just chose succeeded: its pages are what the next build is compared with.
  void succeeded();

  std::vector<char> choose(const Site& site, const std::vector<std::string>& paths) override;
  // Of the last choice: every path, and whether it was rendered.
  const std::vector<std::string>& paths() const { return paths_; }
  const std::vector<char>& rendered() const { return rendered_; }

  struct Record {
    PageFingerprint print;
    bool included = false;
    bool index = false;     // a list page or the home page
    std::vector<int> uses;  // pages it links to or names
  };

 private:
  struct Records {
    std::vector<std::string> rels;  // the file of each page, relative to content/
    std::vector<Record> pages;
    std::unordered_map<std::string_view, int> at;  // file -> page
  };
  Records records(const Site& site) const;
  std::vector<char> pages_to_render(const Records& now, bool& everything,
                                    bool& faces_changed) const;

  const PageCache& pages_;
  bool all_ = true;
  Records last_, next_;
  std::function<bool(std::string_view)> kept_;
  std::vector<std::string> paths_;
  std::vector<char> rendered_;
};

}  // namespace hb
