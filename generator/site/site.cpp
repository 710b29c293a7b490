#include "site.h"

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "base/messages.h"
#include "content/content.h"
#include "content/file_gate.h"
#include "content/link_target.h"

namespace hb {

namespace {

struct Resolver {
  Site& site;
  Diagnostics& diags;
  FileGate gate;
  std::unordered_map<std::string, std::unordered_map<std::string, int>> ids;  // collection -> id
  std::vector<std::string> rels;
  std::string key;  // reused for the keys of site.reverse
  // The heading ids of the pages that links point into, gathered on the first such link.
  std::unordered_map<const Page*, std::unordered_set<std::string_view>> anchors;

  void index() {
    for (size_t i = 0; i < site.pages.size(); ++i) {
      Page& p = site.pages[i];
      site.by_rel.emplace(p.rel, static_cast<int>(i));
      rels.push_back(p.rel);
      if (!p.collection || p.is_index) continue;
      auto [it, fresh] = ids[p.collection->name].emplace(p.id, static_cast<int>(i));
      if (!fresh)
        diags.error(p.display_path, 0, 0,
                    msg("site_id_twice",
                        {{"id", p.id},
                         {"collection", p.collection->name},
                         {"other", site.pages[static_cast<size_t>(it->second)].display_path}}),
                    "");
    }
  }

  void backlink(int from, int to, std::string_view via) {
    if (from == to || !site.is_included(from) || !site.is_included(to)) return;
    site.backlinks[static_cast<size_t>(to)].push_back({from, std::string(via)});  // repeats go
  }

  // Line `line` of page p's file, read again: pages do not keep their text, and only a report
  // needs it.
  std::string source(const Page& p, int line) const {
    if (!diags.accepts(p.display_path)) return "";  // the report will not be shown
    return page_source_line(*site.config, p.rel, line);
  }
  std::string source(const Page& p, const SourcePos& pos) const {
    return pos.source_line.empty() ? source(p, pos.line) : pos.source_line;
  }

  // An included page naming a page that this edition leaves out (`what` names the target).
  template <typename SourceLine, typename What>
  void check_visible(int from, int to, const std::string& path, int line, int col,
                     SourceLine&& source_line, What&& what) {
    if (!site.is_included(from) || site.is_included(to)) return;
    diags.error(path, line, col,
                msg("site_internal_target", {{"what", what()}, {"profile", site.profile->name}}),
                source_line());
  }

  // " (did you mean 'x'?)" for an id that `collection` lacks; looked for only when the report
  // on `p` will be shown.
  std::string suggest_id(const Page& p, const std::string& collection, const std::string& id) {
    if (const Page* now = renamed_page(collection, id))
      return msg("site_earlier_id", {{"id", id}, {"file", now->display_path}, {"now", now->id}});
    std::vector<std::string> known;
    if (diags.accepts(p.display_path))
      for (auto& [key, _] : ids[collection])
        known.push_back(key);
    std::sort(known.begin(), known.end());
    return did_you_mean(id, known);
  }

  // The page of `collection` that had the id `id` before it was renamed (its `aliases`), or null.
  const Page* renamed_page(const std::string& collection, std::string_view id) const {
    for (auto& p : site.pages)
      if (p.collection && p.collection->name == collection && !p.is_index)
        for (auto& a : p.aliases)
          if (a.id == id) return &p;
    return nullptr;
  }

  // The page that the file `rel` (relative to content/) was before it was renamed, or null.
  const Page* renamed_file(std::string_view rel) const {
    size_t slash = rel.rfind('/');
    if (slash == std::string_view::npos || !rel.ends_with(".md")) return nullptr;
    const CollectionSpec* c = site.config->collection_for_folder(rel.substr(0, slash));
    std::string_view id = rel.substr(slash + 1, rel.size() - slash - 4);
    return c ? renamed_page(c->name, id) : nullptr;
  }

  void resolve_refs(int i) {
    Page& p = site.pages[static_cast<size_t>(i)];
    for (auto& r : p.refs) {
      auto& table = ids[r.collection];
      auto it = table.find(r.id);
      if (it == table.end()) {
        diags.error(p.display_path, r.pos.line, r.pos.col,
                    msg("site_unknown_ref", {{"field", field_ref(r.field, r.label)},
                                             {"id", r.id},
                                             {"collection", r.collection}}) +
                        suggest_id(p, r.collection, r.id),
                    source(p, r.pos));
        continue;
      }
      r.target = it->second;
      check_visible(
          i, r.target, p.display_path, r.pos.line, r.pos.col, [&] { return source(p, r.pos); },
          [&] {
            return msg("site_what_ref", {{"collection", r.collection}, {"id", r.id}});
          });
      backlink(i, r.target, r.label);
      if (site.is_included(i) && site.is_included(r.target) && p.collection) {
        key.assign(p.collection->name).append(".").append(r.field);
        auto& lists = site.reverse[static_cast<size_t>(r.target)];
        auto list = lists.find(key);
        if (list == lists.end()) list = lists.emplace(key, std::vector<int>()).first;
        list->second.push_back(i);
      }
    }
  }

  // `owner` names a page of [strategy] owners (a role), when the site declares that collection.
  void resolve_owner(const Page& p) {
    const std::string& owners = site.config->strategy.owners;
    if (p.owner.empty() || owners.empty()) return;
    if (ids[owners].count(p.owner)) return;
    diags.error(p.display_path, p.owner_pos.line, p.owner_pos.col,
                msg("site_unknown_ref", {{"field", field_ref("owner", msg("label_owner"))},
                                         {"id", p.owner},
                                         {"collection", owners}}) +
                    suggest_id(p, owners, p.owner),
                source(p, p.owner_pos));
  }

  void check_anchor(const Page& from, const BodyLink& bl, const Page& target,
                    const std::string& anchor) {
    if (anchor.empty() || anchor == "fodnoter") return;
    // A page with errors is reported at its own file, and its headings are not known: a link to
    // one of them is not reported as well.
    if (!target.ok) return;
    auto [ids, fresh] = anchors.try_emplace(&target);
    if (fresh)
      for (auto& h : target.body.headings)
        ids->second.insert(h.id);
    if (ids->second.count(anchor)) return;
    std::string suggestion;
    if (diags.accepts(from.display_path)) {  // the suggestion only for a report that is shown
      // An id spelt with æ, ø and å written out (`aabne-spoergsmaal` for `åbne-spørgsmål`) is
      // matched by the ids' ASCII spellings.
      std::vector<std::string> known, ascii;
      for (auto& h : target.body.headings) {
        known.push_back(h.id);
        ascii.push_back(slugify(h.id));
      }
      std::string m = closest_match(anchor, known);
      if (m.empty()) {
        std::string a = closest_match(slugify(anchor), ascii);
        if (!a.empty())
          m = known[static_cast<size_t>(std::find(ascii.begin(), ascii.end(), a) - ascii.begin())];
      }
      if (!m.empty()) suggestion = msg("did_you_mean", {{"word", "'" + m + "'"}});
    }
    MessageArgs args = {{"page", target.rel}, {"anchor", anchor}};
    diags.error(
        from.display_path, bl.line, bl.col,
        msg(&from == &target ? "site_no_heading_here" : "site_no_heading", args) + suggestion,
        source(from, bl.line));
  }

  void resolve_links(int i) {
    Page& p = site.pages[static_cast<size_t>(i)];
    for (size_t k = 0; k < p.links.size(); ++k) {
      const BodyLink& bl = p.body.links[k];
      PageLink& pl = p.links[k];
      if (bl.url.starts_with("#")) {
        if (!bl.url.starts_with("#fn")) check_anchor(p, bl, p, pl.anchor);
        if (!pl.path.empty()) pl.target = i;  // in a field: the page itself
        continue;
      }
      if (pl.path.empty()) continue;
      if (is_absolute_path(bl.url)) {
        report_absolute(p, bl, pl);
        continue;
      }
      if (pl.asset) {
        resolve_asset(i, k, bl, pl);
        continue;
      }
      auto it = site.by_rel.find(pl.path);
      if (it == site.by_rel.end()) {
        // The suggestion is looked for only when the report will be shown.
        if (const Page* now = renamed_file(pl.path)) {
          diags.error(p.display_path, bl.line, bl.col,
                      msg("site_link_renamed", {{"url", bl.url},
                                                {"path", pl.path},
                                                {"file", now->display_path},
                                                {"now", now->id}}),
                      source(p, bl.line));
          continue;
        }
        std::string guess =
            diags.accepts(p.display_path) ? closest_match(pl.path, rels) : std::string();
        diags.error(p.display_path, bl.line, bl.col,
                    msg("site_no_file", {{"url", bl.url}, {"path", pl.path}}) +
                        (guess.empty() ? "" : msg("did_you_mean", {{"word", "content/" + guess}})),
                    source(p, bl.line));
        continue;
      }
      pl.target = it->second;
      check_anchor(p, bl, site.pages[static_cast<size_t>(pl.target)], pl.anchor);
      check_visible(
          i, pl.target, p.display_path, bl.line, bl.col, [&] { return source(p, bl.line); },
          [&] {
            return msg("site_what_link", {{"path", pl.path}});
          });
      backlink(i, pl.target, bl.field);
    }
  }

  // A link written from the root ("/roles/x.md"): the path to write from this page, or that
  // there is no such file (and the nearest page's path).
  void report_absolute(const Page& p, const BodyLink& bl, const PageLink& pl) {
    bool exists =
        pl.asset ? bool(gate.admit(FileRole::Attachment, pl.path)) : site.by_rel.count(pl.path) > 0;
    std::string guess;
    if (const Page* now = exists ? nullptr : renamed_file(pl.path))
      guess = now->rel;
    else if (!exists && diags.accepts(p.display_path))
      guess = closest_match(pl.path, rels);
    diags.error(p.display_path, bl.line, bl.col,
                absolute_link_problem(folder_of(p.rel), bl.url, pl.path, exists, guess),
                source(p, bl.line));
  }

  void resolve_asset(int i, size_t k, const BodyLink& bl, PageLink& pl) {
    Page& p = site.pages[static_cast<size_t>(i)];
    Admission file = gate.admit(FileRole::Attachment, pl.path);
    if (!file) {
      diags.error(p.display_path, bl.line, bl.col,
                  msg("site_link_refused", {{"url", bl.url}, {"reason", file.refusal}}),
                  source(p, bl.line));
      return;
    }
    if (site.is_included(i)) site.assets.push_back({pl.path, std::move(file.real), i, k});
  }
};

std::string order_key(const Page& p, const std::string& order) {
  if (order == "title") return p.title;
  if (order == "weight") return "";
  const Value* v = p.fields.find(order);
  return v ? v->to_string() : std::string();
}

void order_collections(Site& site) {
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    if (p.collection && !p.is_index && site.included[i])
      site.collections[p.collection->name].push_back(static_cast<int>(i));
  }
  for (auto& [name, list] : site.collections) {
    const CollectionSpec* c = site.config->collection(name);
    std::string order = c ? c->order : "weight";
    using Key = std::tuple<bool, int64_t, std::string, std::string_view, std::string_view, int>;
    std::vector<Key> keys;  // computed once, not at every comparison
    keys.reserve(list.size());
    for (int i : list) {
      const Page& p = site.pages[static_cast<size_t>(i)];
      keys.emplace_back(order == "weight" && !p.has_weight, order == "weight" ? p.weight : 0,
                        order_key(p, order), p.title, p.id, i);
    }
    std::vector<uint32_t> by(keys.size());
    std::iota(by.begin(), by.end(), 0u);
    // The page index is the last key: the same order as a stable sort.
    std::sort(by.begin(), by.end(), [&](uint32_t a, uint32_t b) { return keys[a] < keys[b]; });
    for (size_t k = 0; k < by.size(); ++k)
      list[k] = std::get<5>(keys[by[k]]);
  }
}

// Position of each page in its collection's order, for sorting mixed lists.
std::vector<size_t> page_ranks(const Site& site) {
  std::vector<size_t> rank(site.pages.size(), 0);
  size_t r = 0;
  for (auto& c : site.config->collections) {
    auto it = site.collections.find(c.name);
    if (it == site.collections.end()) continue;
    for (int i : it->second)
      rank[static_cast<size_t>(i)] = ++r;
  }
  return rank;
}

void collect_terms(Site& site, const std::vector<size_t>& rank) {
  std::unordered_map<std::string, size_t> index;  // "taxonomy\0slug" -> site.terms
  std::string key;
  for (size_t i = 0; i < site.pages.size(); ++i) {
    if (!site.included[i]) continue;
    for (auto& [tax, name] : site.pages[i].terms) {
      std::string slug = slugify(name);
      key.assign(tax).push_back('\0');
      key.append(slug);
      auto [it, fresh] = index.emplace(key, site.terms.size());
      if (fresh) site.terms.push_back(Term{tax, name, std::move(slug), {}});
      Term& t = site.terms[it->second];
      if (t.pages.empty() || t.pages.back() != static_cast<int>(i))  // pages come in order
        t.pages.push_back(static_cast<int>(i));
    }
  }
  std::sort(site.terms.begin(), site.terms.end(), [](const Term& a, const Term& b) {
    return std::tie(a.taxonomy, a.slug) < std::tie(b.taxonomy, b.slug);
  });
  for (Term& t : site.terms)
    std::sort(t.pages.begin(), t.pages.end(), [&](int a, int b) {
      return std::tie(rank[static_cast<size_t>(a)], a) < std::tie(rank[static_cast<size_t>(b)], b);
    });
}

void sort_relations(Site& site, const std::vector<size_t>& rank) {
  auto by_rank = [&](int a, int b) {
    return std::tie(rank[static_cast<size_t>(a)], a) < std::tie(rank[static_cast<size_t>(b)], b);
  };
  for (auto& list : site.backlinks) {
    std::sort(list.begin(), list.end(), [&](const Backlink& a, const Backlink& b) {
      if (a.from != b.from) return by_rank(a.from, b.from);
      return a.via < b.via;
    });
    auto same = [](const Backlink& a, const Backlink& b) {
      return a.from == b.from && a.via == b.via;
    };
    list.erase(std::unique(list.begin(), list.end(), same), list.end());
  }
  for (auto& m : site.reverse)
    for (auto& [k, list] : m) {
      std::sort(list.begin(), list.end(), by_rank);
      list.erase(std::unique(list.begin(), list.end()), list.end());
    }
  auto by_path = [](const Attachment& a, const Attachment& b) {
    return std::tie(a.rel, a.page, a.link) < std::tie(b.rel, b.page, b.link);
  };
  std::sort(site.assets.begin(), site.assets.end(), by_path);
  auto same_path = [](const Attachment& a, const Attachment& b) { return a.rel == b.rel; };
  site.assets.erase(std::unique(site.assets.begin(), site.assets.end(), same_path),
                    site.assets.end());
}

}  // namespace

const std::string& Site::base_url() const {
  return profile && !profile->base_url.empty() ? profile->base_url : config->base_url;
}

int Site::find(std::string_view rel) const {
  auto it = by_rel.find(rel);
  return it == by_rel.end() ? -1 : it->second;
}

const Attachment* Site::attachment(std::string_view rel) const {
  auto it = std::lower_bound(assets.begin(), assets.end(), rel,
                             [](const Attachment& a, std::string_view r) { return a.rel < r; });
  return it != assets.end() && it->rel == rel ? &*it : nullptr;
}

const Page* Site::section_index(std::string_view folder) const {
  int i = find(std::string(folder) + "/_index.md");
  return is_included(i) ? &pages[static_cast<size_t>(i)] : nullptr;
}

Site build_site(const SiteConfig& config, const ProfileSpec& profile, std::vector<Page> pages,
                Diagnostics& diags) {
  Site site;
  site.config = &config;
  site.profile = &profile;
  site.pages = std::move(pages);
  size_t n = site.pages.size();
  site.included.resize(n);
  for (size_t i = 0; i < n; ++i)
    site.included[i] = !site.pages[i].internal || profile.include_internal;
  site.backlinks.resize(n);
  site.reverse.resize(n);
  Resolver r{site, diags, FileGate(config), {}, {}, {}};
  r.index();
  for (size_t i = 0; i < n; ++i) {
    r.resolve_refs(static_cast<int>(i));
    r.resolve_owner(site.pages[i]);
    r.resolve_links(static_cast<int>(i));
  }
  order_collections(site);
  auto rank = page_ranks(site);
  collect_terms(site, rank);
  sort_relations(site, rank);
  // What this edition leaves out is dropped here, so that no later stage can show it.
  for (size_t i = 0; i < n; ++i) {
    if (site.included[i]) continue;
    Page blank;
    blank.rel = std::move(site.pages[i].rel);
    blank.display_path = std::move(site.pages[i].display_path);
    site.pages[i] = std::move(blank);
  }
  return site;
}

}  // namespace hb
