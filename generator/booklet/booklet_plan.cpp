#include "booklet_plan.h"

#include "base/messages.h"

namespace hb {

namespace {

// Every chapter name a reader could have meant: the collections and the pages (without .md).
std::vector<std::string> known_entries(const Site& site) {
  std::vector<std::string> names;
  for (auto& c : site.config->collections)
    names.push_back(c.name);
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const std::string& rel = site.pages[i].rel;
    if (site.included[i] && !site.pages[i].is_index && rel.ends_with(".md"))
      names.push_back(rel.substr(0, rel.size() - 3));
  }
  return names;
}

std::string page_title(const Site& site, int i) {
  return site.pages[static_cast<size_t>(i)].title;
}

BookletChapter collection_chapter(const Site& site, const CollectionSpec& c) {
  BookletChapter ch;
  ch.collection = &c;
  ch.title = c.title;
  if (const Page* idx = site.section_index(c.folder)) {
    ch.intro = site.find(idx->rel);
    if (!idx->title.empty()) ch.title = idx->title;
  }
  auto it = site.collections.find(c.name);
  if (it != site.collections.end()) ch.sections = it->second;
  ch.anchor = ch.intro >= 0 ? page_anchor(ch.intro) : "c-" + c.name;
  return ch;
}

// -1 when `entry` is no page; -2 when it is one that this edition leaves out.
int page_of_entry(const Site& site, std::string entry) {
  if (!entry.ends_with(".md")) entry += ".md";
  int i = site.find(entry);
  if (i < 0) return -1;
  return site.is_included(i) ? i : -2;
}

class Planner {
 public:
  explicit Planner(const Site& site) : site_(site) {}

  void add(const std::string& entry) {
    if (const CollectionSpec* c = site_.config->collection(entry)) {
      BookletChapter ch = collection_chapter(site_, *c);
      ch.entry = entry;
      if (ch.intro < 0 && ch.sections.empty()) return;  // nothing of it in this edition
      claim(ch);
      return;
    }
    int i = page_of_entry(site_, entry);
    if (i == -2) return;
    if (i < 0) {
      plan_.problems.push_back({entry, msg("booklet_unknown_chapter",
                                           {{"entry", entry},
                                            {"file", entry + (entry.ends_with(".md") ? "" : ".md")},
                                            {"hint", did_you_mean(entry, known_entries(site_))}})});
      return;
    }
    BookletChapter ch;
    ch.entry = entry;
    ch.title = page_title(site_, i);
    ch.intro = i;
    ch.anchor = page_anchor(i);
    claim(ch);
  }

  BookletPlan finish() { return std::move(plan_); }

 private:
  // Gives each page of `ch` its anchor, reporting pages that an earlier chapter already has.
  void claim(BookletChapter& ch) {
    std::vector<int> pages = ch.sections;
    if (ch.intro >= 0) pages.insert(pages.begin(), ch.intro);
    for (int i : pages) {
      auto [it, fresh] = owner_.emplace(i, ch.entry);
      if (fresh) continue;
      plan_.problems.push_back(
          {ch.entry, msg("booklet_page_twice", {{"entry", ch.entry},
                                                {"file", site_.pages[static_cast<size_t>(i)].rel},
                                                {"other", it->second}})});
      return;
    }
    for (int i : pages)
      plan_.anchors[i] = page_anchor(i);
    plan_.chapters.push_back(std::move(ch));
  }

  const Site& site_;
  BookletPlan plan_;
  std::map<int, std::string> owner_;  // page -> the chapter entry that holds it
};

}  // namespace

std::string page_anchor(int i) {
  return "p" + std::to_string(i);
}

std::string BookletPlan::anchor(int i) const {
  auto it = anchors.find(i);
  return it == anchors.end() ? std::string() : it->second;
}

BookletPlan plan_booklet(const Site& site) {
  Planner planner(site);
  const auto& entries = site.config->booklet.chapters;
  if (entries.empty()) {
    for (auto& c : site.config->collections)
      planner.add(c.name);
  } else {
    for (auto& entry : entries)
      planner.add(entry);
  }
  return planner.finish();
}

}  // namespace hb
