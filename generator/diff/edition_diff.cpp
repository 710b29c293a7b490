#include "edition_diff.h"

#include <algorithm>
#include <string_view>

namespace hb {

namespace {

bool is_page(std::string_view path) {
  return path.ends_with(".html") && path != "booklet.html";
}

// Files made from the pages, which change whenever a page does: not worth a line of their own.
bool is_index(std::string_view path) {
  return path == "search-index.js" || path == "sitemap.xml" || path == "robots.txt" ||
         path == "feed.xml";
}

constexpr size_t kMinMovedWords = 3;  // shorter runs are found in any text by chance

std::string all_words(const PageText& page) {
  std::string out = " ";
  for (auto& s : page.sections)
    for (auto& w : s.words)
      out += w + " ";
  return out;
}

size_t word_count(const std::string& text) {
  return text.empty() ? 0 : static_cast<size_t>(std::count(text.begin(), text.end(), ' ')) + 1;
}

// The added runs of `page` that the internal edition showed on the same page before.
void find_made_public(const EditionInputs& in, const ChangedPage& page, EditionDiff& out) {
  if (!in.base_internal) return;
  auto before = in.base_internal->find(page.path);
  if (before == in.base_internal->end()) return;
  std::string internal_text = all_words(page_text(before->second));
  for (auto& section : page.sections)
    for (auto& change : section.changes)
      for (auto& run : change.runs)
        if (run.kind == WordRun::Added && word_count(run.text) >= kMinMovedWords &&
            internal_text.find(" " + run.text + " ") != std::string::npos)
          out.made_public.push_back({page.path, page.title, run.text});
}

}  // namespace

bool EditionDiff::empty() const {
  return added.empty() && removed.empty() && changed.empty() && consequential.empty() &&
         files_added.empty() && files_removed.empty() && files_changed.empty();
}

EditionDiff diff_edition(const EditionInputs& in) {
  EditionDiff out;
  out.edition = in.edition;
  out.is_public = in.is_public;
  for (auto& [path, html] : *in.head) {
    auto old = in.base->find(path);
    bool page = is_page(path);
    if (old == in.base->end()) {
      if (!page) {
        if (!is_index(path)) out.files_added.push_back(path);
        continue;
      }
      std::string title = page_text(html).title;
      out.added.push_back({path, title});
      if (in.is_public && in.base_internal && in.base_internal->count(path))
        out.made_public.push_back({path, title, ""});
      continue;
    }
    if (old->second == html) continue;
    if (!page) {
      if (!is_index(path)) out.files_changed.push_back(path);
      continue;
    }
    PageText now = page_text(html);
    ChangedPage changed{path, now.title, diff_text(page_text(old->second), now)};
    if (changed.sections.empty()) continue;  // only markup changed, not what a reader reads
    bool own = in.source_changed && in.source_changed(path);
    if (in.is_public && own) find_made_public(in, changed, out);
    (own ? out.changed : out.consequential).push_back(std::move(changed));
  }
  for (auto& [path, html] : *in.base) {
    if (in.head->count(path)) continue;
    if (is_page(path))
      out.removed.push_back({path, page_text(html).title});
    else if (!is_index(path))
      out.files_removed.push_back(path);
  }
  return out;
}

}  // namespace hb
