#include "page_cache.h"

#include <algorithm>
#include <functional>

namespace hb {

namespace {

// Appends the parts of a fingerprint, each followed by a separator that text cannot hold.
class Parts {
 public:
  Parts& operator<<(std::string_view s) {
    text_.append(s).push_back('\0');
    return *this;
  }
  Parts& operator<<(const std::string& s) { return *this << std::string_view(s); }
  Parts& operator<<(const char* s) { return *this << std::string_view(s); }
  Parts& operator<<(int64_t n) { return *this << std::string_view(std::to_string(n)); }
  // A value with its kind and shape: a list or map opens and closes with marks of its own.
  Parts& operator<<(const Value& v) {
    if (v.is_list()) {
      *this << "[";
      for (auto& item : v.as_list())
        *this << item;
      return *this << "]";
    }
    if (v.is_map()) {
      *this << "{";
      for (auto& [key, item] : v.as_map())
        *this << std::string_view(key) << item;
      return *this << "}";
    }
    return *this << (v.is_string() ? "s" : "v") << std::string_view(v.to_string());
  }
  uint64_t hash() const { return std::hash<std::string_view>{}(text_); }

 private:
  std::string text_;
};

uint64_t face_hash(const Page& p) {
  Parts f;
  f << p.rel << p.display_path << (p.collection ? p.collection->name : "") << p.section
    << p.is_index << p.id << p.title << p.summary << p.date << p.weight << p.has_weight
    << p.internal << p.owner << p.review_by << p.url << p.ok << p.fields;
  for (auto& r : p.refs)
    f << r.field << r.label << r.collection << r.id;
  for (auto& [taxonomy, term] : p.terms)
    f << taxonomy << term;
  for (auto& l : p.links)
    f << l.path << l.anchor << l.asset;
  return f.hash();
}

uint64_t body_hash(const Page& p) {
  Parts b;
  b << p.body.html << p.body.words;
  for (auto& h : p.body.headings)
    b << h.level << h.text << h.id;
  for (auto& l : p.body.links)
    b << l.url << l.image;
  return b.hash();
}

}  // namespace

PageFingerprint page_fingerprint(const Page& page) {
  return {face_hash(page), body_hash(page)};
}

bool PageCache::reuse(const SiteConfig& config, const std::string& rel, Page& page,
                      Diagnostics& diags) {
  auto it = entries_.find(rel);
  if (it == entries_.end() || it->second.lent) return false;
  Entry& e = it->second;
  if (e.page.internal) {
    page = e.page;
  } else {
    page = std::move(e.page);
    e.lent = true;
  }
  page.collection = e.collection.empty() ? nullptr : config.collection(e.collection);
  diags.merge(*e.problems);
  return true;
}

void PageCache::give_back(std::vector<Page>& pages, const std::vector<char>& included) {
  for (size_t i = 0; i < pages.size() && i < included.size(); ++i) {
    if (!included[i]) continue;
    // Lent or read by this build: either way the page kept is this one, now with what the
    // build made of it and keeps (its search entry).
    auto it = entries_.find(pages[i].rel);
    if (it == entries_.end()) continue;
    it->second.page = std::move(pages[i]);
    it->second.page.collection = nullptr;
    it->second.lent = false;
  }
}

void PageCache::keep(const Page& page, std::unique_ptr<Diagnostics> problems) {
  Entry e{page, page.collection ? page.collection->name : "", std::move(problems),
          page_fingerprint(page)};
  e.page.collection = nullptr;
  entries_.insert_or_assign(page.rel, std::move(e));
}

void PageCache::keep_only(const std::vector<std::string>& rels) {
  std::erase_if(entries_, [&](const auto& e) {
    return !std::binary_search(rels.begin(), rels.end(), e.first);
  });
}

const PageFingerprint* PageCache::fingerprint(const std::string& rel) const {
  auto it = entries_.find(rel);
  return it == entries_.end() ? nullptr : &it->second.print;
}

}  // namespace hb
