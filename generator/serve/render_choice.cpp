#include "render_choice.h"

#include "site/site.h"

namespace hb {

ServeRenderChoice::Records ServeRenderChoice::records(const Site& site) const {
  Records out;
  out.reserve(site.pages.size());
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    Record r;
    const PageFingerprint* print = pages_.fingerprint(p.rel);
    r.print = print ? *print : page_fingerprint(p);
    r.included = site.included[i];
    r.index = p.is_index || p.is_home();
    for (auto& l : p.links)
      if (l.target >= 0) r.uses.push_back(site.pages[static_cast<size_t>(l.target)].rel);
    for (auto& ref : p.refs)
      if (ref.target >= 0) r.uses.push_back(site.pages[static_cast<size_t>(ref.target)].rel);
    out.emplace(p.rel, std::move(r));
  }
  return out;
}

// The files of the content pages to render. Sets `faces` when a face changed, and `everything`
// when that of a list page or the home page did.
std::unordered_set<std::string> ServeRenderChoice::pages_to_render(const Site& site,
                                                                   const Records& now,
                                                                   bool& everything,
                                                                   bool& faces_changed) const {
  std::unordered_set<std::string> render, faces;  // faces: pages whose face changed
  for (auto& [rel, r] : now) {
    auto old = last_.find(rel);
    if (old == last_.end() || !(old->second.print == r.print)) render.insert(rel);
    if (old == last_.end() || old->second.print.face != r.print.face ||
        old->second.included != r.included)
      faces.insert(rel);
  }
  for (auto& [rel, r] : last_)
    if (!now.count(rel)) faces.insert(rel);
  for (auto& rel : faces) {
    auto old = last_.find(rel), current = now.find(rel);
    everything |= (old != last_.end() && old->second.index) ||
                  (current != now.end() && current->second.index);
    for (const Records* side : {&last_, &now})  // the pages it shows, before and after
      if (auto it = side->find(rel); it != side->end())
        render.insert(it->second.uses.begin(), it->second.uses.end());
  }
  faces_changed = !faces.empty();
  if (faces.empty()) return render;
  for (const Records* side : {&last_, &now})  // the pages that show it, before and after
    for (auto& [rel, r] : *side)
      for (auto& used : r.uses)
        if (faces.count(used)) render.insert(rel);
  for (auto& p : site.pages)
    if (p.is_index || p.is_home()) render.insert(p.rel);
  render.insert(faces.begin(), faces.end());
  return render;
}

std::vector<char> ServeRenderChoice::choose(const Site& site,
                                            const std::vector<std::string>& paths) {
  next_ = records(site);
  paths_ = paths;
  rendered_.assign(paths.size(), 1);
  bool everything = all_ || !kept_, faces_changed = false;
  std::unordered_set<std::string> render;
  if (!everything) render = pages_to_render(site, next_, everything, faces_changed);
  if (everything) return rendered_;
  std::unordered_map<std::string_view, const std::string*> page_at;  // output path -> file
  for (size_t i = 0; i < site.pages.size(); ++i)
    if (site.included[i]) page_at.emplace(site.pages[i].url, &site.pages[i].rel);
  for (size_t k = 0; k < paths.size(); ++k) {
    if (!kept_(paths[k])) continue;  // new: rendered
    auto page = page_at.find(paths[k]);
    // Pages that are not content pages show faces only.
    rendered_[k] = page != page_at.end() ? render.count(*page->second) > 0 : faces_changed;
  }
  return rendered_;
}

void ServeRenderChoice::succeeded() {
  last_ = std::move(next_);
  next_.clear();
  all_ = false;
}

}  // namespace hb
