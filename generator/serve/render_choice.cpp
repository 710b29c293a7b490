#include "render_choice.h"

#include "site/site.h"
#include "view/history_view.h"

namespace hb {

// What the choice needs to know of a build's pages: their files, fingerprints, whether the
// edition includes them, and which pages each one shows (its links and references).
ServeRenderChoice::Records ServeRenderChoice::records(const Site& site) const {
  Records out;
  size_t n = site.pages.size();
  out.rels.reserve(n);
  out.pages.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const Page& p = site.pages[i];
    out.rels.push_back(p.rel);
    Record& r = out.pages[i];
    const PageFingerprint* print = pages_.fingerprint(p.rel);
    r.print = print ? *print : page_fingerprint(p);
    r.included = site.included[i];
    r.index = p.is_index || p.is_home();
    for (auto& l : p.links)
      if (l.target >= 0) r.uses.push_back(l.target);
    for (auto& ref : p.refs)
      if (ref.target >= 0) r.uses.push_back(ref.target);
  }
  out.at.reserve(n);
  for (size_t i = 0; i < n; ++i)
    out.at.emplace(out.rels[i], static_cast<int>(i));
  return out;
}

namespace {

bool same_face(const ServeRenderChoice::Record& a, const ServeRenderChoice::Record& b) {
  return a.print.face == b.print.face && a.included == b.included;
}

// The pages that show what git tells of the site: they read the working tree's history, which
// a save can change even when no face changes.
bool is_time_page(std::string_view path) {
  return path == kChangesPage || path == kVersionsPage || path == kReviewPage;
}

}  // namespace

// The pages of `now` to render (by index). Sets `faces_changed` when a face changed, and
// `everything` when that of a list page or the home page did.
std::vector<char> ServeRenderChoice::pages_to_render(const Records& now, bool& everything,
                                                     bool& faces_changed) const {
  std::vector<char> render(now.pages.size(), 0), face(now.pages.size(), 0);
  std::vector<char> old_face(last_.pages.size(), 1);  // gone or changed
  for (size_t i = 0; i < now.pages.size(); ++i) {
    const Record& r = now.pages[i];
    auto old = last_.at.find(now.rels[i]);
    const Record* before = old == last_.at.end() ? nullptr : &last_.pages[old->second];
    render[i] = !before || !(before->print == r.print);
    face[i] = !before || !same_face(*before, r);
    if (before) old_face[old->second] = face[i];
  }
  auto mark = [&](const std::string& rel) {  // a page of the last build, by file
    auto it = now.at.find(rel);
    if (it != now.at.end()) render[it->second] = 1;
  };
  for (size_t i = 0; i < now.pages.size(); ++i) {
    if (!face[i]) continue;
    faces_changed = true;
    everything |= now.pages[i].index;
    for (int used : now.pages[i].uses)  // the pages it shows: their backlinks
      render[used] = 1;
  }
  for (size_t i = 0; i < last_.pages.size(); ++i) {
    if (!old_face[i]) continue;
    faces_changed = true;
    everything |= last_.pages[i].index;
    for (int used : last_.pages[i].uses)
      mark(last_.rels[used]);
  }
  if (!faces_changed) return render;
  for (size_t i = 0; i < now.pages.size(); ++i)  // the pages that show it, after the change
    for (int used : now.pages[i].uses)
      if (face[used] || now.pages[i].index) render[i] = 1;
  for (size_t i = 0; i < last_.pages.size(); ++i)  // and before
    for (int used : last_.pages[i].uses)
      if (old_face[used] || last_.pages[i].index) mark(last_.rels[i]);
  return render;
}

std::vector<char> ServeRenderChoice::choose(const Site& site,
                                            const std::vector<std::string>& paths) {
  next_ = records(site);
  paths_ = paths;
  rendered_.assign(paths.size(), 1);
  bool everything = all_ || !kept_, faces_changed = false;
  std::vector<char> render;
  if (!everything) render = pages_to_render(next_, everything, faces_changed);
  if (everything) return rendered_;
  std::unordered_map<std::string_view, int> page_at;  // output path -> page
  page_at.reserve(site.pages.size());
  for (size_t i = 0; i < site.pages.size(); ++i)
    if (site.included[i]) page_at.emplace(site.pages[i].url, static_cast<int>(i));
  for (size_t k = 0; k < paths.size(); ++k) {
    if (!kept_(paths[k]) || is_time_page(paths[k])) continue;  // rendered
    auto page = page_at.find(paths[k]);
    // Pages that are not content pages show faces only.
    rendered_[k] = page != page_at.end() ? render[page->second] : faces_changed;
  }
  return rendered_;
}

void ServeRenderChoice::succeeded() {
  last_ = std::move(next_);
  next_ = Records();
  all_ = false;
}

}  // namespace hb
