#include "page_cache.h"

#include <algorithm>

namespace hb {

bool PageCache::reuse(const SiteConfig& config, const std::string& rel, Page& page,
                      Diagnostics& diags) const {
  auto it = entries_.find(rel);
  if (it == entries_.end()) return false;
  page = it->second.page;
  page.collection =
      it->second.collection.empty() ? nullptr : config.collection(it->second.collection);
  diags.merge(*it->second.problems);
  return true;
}

void PageCache::keep(const Page& page, std::unique_ptr<Diagnostics> problems) {
  Entry e{page, page.collection ? page.collection->name : "", std::move(problems)};
  e.page.collection = nullptr;
  entries_.insert_or_assign(page.rel, std::move(e));
}

void PageCache::keep_only(const std::vector<std::string>& rels) {
  std::erase_if(entries_, [&](const auto& e) {
    return !std::binary_search(rels.begin(), rels.end(), e.first);
  });
}

}  // namespace hb
