#include "timeline.h"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "base/parallel.h"
#include "content/content.h"
#include "content/file_gate.h"
#include "dates.h"
#include "version_cache.h"

namespace hb {

namespace {

void serialise(const Value& v, std::string& out) {
  if (const Map* m = v.if_map()) {
    out += '{';
    for (auto& [k, e] : *m) {
      out += k;
      out += '=';
      serialise(e, out);
      out += ';';
    }
    out += '}';
  } else if (v.is_list()) {
    out += '[';
    for (auto& e : v.as_list()) {
      serialise(e, out);
      out += ',';
    }
    out += ']';
  } else {
    std::string s = v.to_string();
    out += std::to_string(s.size()) + ':' + s;
  }
}

void field(std::string& out, std::string_view s) {
  out += std::to_string(s.size());
  out += ':';
  out += s;
}

// What an edition shows of a loaded page, as one number.
uint64_t fingerprint(const Page& p) {
  std::string s;
  s += p.ok ? '1' : '0';
  s += p.internal ? '1' : '0';
  field(s, p.title);
  field(s, p.summary);
  field(s, p.date);
  field(s, std::to_string(p.weight) + (p.has_weight ? "w" : ""));
  serialise(p.fields, s);
  for (auto& [tax, term] : p.terms)
    field(s, tax + "/" + term);
  field(s, p.body.html);
  for (auto& l : p.links)
    field(s, l.path + "#" + l.anchor);
  return std::hash<std::string>{}(s);
}

PageTime time_of(int64_t time, int offset) {
  PageTime t;
  t.day = iso_day(time, offset);
  t.timestamp = iso_timestamp(time, offset);
  t.time = time;
  return t;
}

PageTime time_of(const CommitInfo& c) {
  return time_of(c.time, c.offset);
}

// A front matter date ("2026-11-23"), at midnight UTC.
PageTime time_of_day(const std::string& day) {
  int64_t n = 0;
  if (!day_number(day, n)) return {};
  return time_of(n * 86400, 0);
}

// The bytes of page `p`'s file as it is in the site now.
bool read_source(const Site& site, const Page& p, std::string& text) {
  const SiteSource& source = FileGate(*site.config).source();
  Found file = source.find("content", p.rel, p.display_path);
  return file && source.read(file.real, text);
}

// The versions of pages this edition has loaded, in this build and (through the cache in
// .git/handbook) in earlier ones.
class Versions {
 public:
  Versions(const Site& site, const RepoHistory& repo)
      : site_(site),
        repo_(repo),
        kept_(repo.cache_dir, *site.config, site.profile->include_internal) {}
  ~Versions() { kept_.save(); }
  Versions(const Versions&) = delete;
  Versions& operator=(const Versions&) = delete;

  // The version `blob` of the file `rel`, loaded; `text`, when given, holds its bytes.
  const Version& get(const std::string& rel, const std::string& blob,
                     const std::string* text = nullptr) {
    if (const Version* known = find(rel, blob); known && known->loaded) return *known;
    std::string read;
    Version v;
    if (text)
      v = load(rel, *text);
    else if (read_blob(repo_, blob, read))
      v = load(rel, read);
    return keep(rel, blob, std::move(v));
  }

  Version load(const std::string& rel, std::string_view text) const {
    Diagnostics ignored;
    LoadOptions options{site_.profile->include_internal, 1};
    return version_of(load_page_version(*site_.config, rel, text, options, ignored), text);
  }

  // What this edition shows of page `p`, loaded from `text`.
  Version version_of(const Page& p, std::string_view text) const {
    Version v;
    v.print = fingerprint(p);
    v.shown = p.ok && (site_.profile->include_internal || !p.internal);
    v.plain = plain(collection(p.rel), text);
    v.loaded = true;
    v.title = p.title;
    return v;
  }

  // The newest version `blob` of page `p`, clean in the work tree: the edition loaded it, and
  // the file holds its bytes. Null when the file cannot be read.
  const Version* current(const Page& p, const std::string& blob) {
    if (const Version* known = find(p.rel, blob); known && known->loaded) return known;
    std::string text;
    if (!read_source(site_, p, text)) return nullptr;
    return &keep(p.rel, blob, version_of(p, text));
  }

  // Whether the public edition shows versions `a` and `b` of `rel` differently. Two versions
  // with no internal material differ in what the edition shows when their bytes differ, and are
  // not loaded. `now`, when given, is `a` (see `current`).
  bool differ(const std::string& rel, const std::string& a, const std::string& b,
              const Version* now = nullptr) {
    if (a == b) return false;
    const Version* va = now ? now : find(rel, a);
    const Version* vb = find(rel, b);
    if (va && vb) {  // known from this build or an earlier one: nothing to read
      if (va->plain && vb->plain) return true;
      if (va->loaded && vb->loaded) return va->print != vb->print;
    }
    std::string ta, tb;
    bool read = (va || read_blob(repo_, a, ta)) && (vb || read_blob(repo_, b, tb));
    bool plain_a = va ? va->plain : plain(collection(rel), ta);
    bool plain_b = vb ? vb->plain : plain(collection(rel), tb);
    if (read && plain_a && plain_b) {
      if (!va) keep(rel, a, plain_only());
      if (!vb) keep(rel, b, plain_only());
      return true;
    }
    uint64_t print_a = va && va->loaded ? va->print : get(rel, a, va ? nullptr : &ta).print;
    return print_a != get(rel, b, vb ? nullptr : &tb).print;
  }

 private:
  const Site& site_;
  const RepoHistory& repo_;
  std::mutex mutex_;
  // "rel\0blob" -> this build's versions. Only the thread dating a page touches its versions.
  std::unordered_map<std::string, Version> cache_;
  VersionCache kept_;  // earlier builds' versions

  // A version seen before, in this build or an earlier one, or null.
  const Version* find(const std::string& rel, const std::string& blob) {
    std::string key = rel + '\0' + blob;
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return &it->second;
    const Version* kept = kept_.find(rel, blob);
    return kept ? &cache_.emplace(key, *kept).first->second : nullptr;
  }

  // Keeps `v` as the version `blob` of `rel`, for this build and the next ones.
  const Version& keep(const std::string& rel, const std::string& blob, Version v) {
    std::lock_guard lock(mutex_);
    kept_.put(rel, blob, v);
    return cache_.insert_or_assign(rel + '\0' + blob, std::move(v)).first->second;
  }

  // A version known only to hold no internal material.
  static Version plain_only() {
    Version v;
    v.plain = true;
    return v;
  }

  const CollectionSpec* collection(const std::string& rel) const {
    size_t slash = rel.find('/');
    return slash == std::string::npos ? nullptr
                                      : site_.config->collection_for_folder(rel.substr(0, slash));
  }

  static bool plain(const CollectionSpec* c, std::string_view text) {
    if (text.find("internal") != std::string_view::npos) return false;
    // TOML can spell a word without its letters: an escape (`\u0069nternal`), or a backslash at
    // the end of a line inside a multi-line string (`inter\` + line break + `nal`).
    for (size_t at = text.find('\\'); at != std::string_view::npos; at = text.find('\\', at + 1)) {
      size_t next = text.find_first_not_of(" \t", at + 1);
      if (next == std::string_view::npos) break;
      if (text[next] == 'u' || text[next] == 'U' || text[next] == '\n' || text[next] == '\r')
        return false;
    }
    if (c)
      for (auto& f : c->fields)
        if (f.internal && text.find(f.name) != std::string_view::npos) return false;
    return true;
  }
};

// The public edition: the newest version whose public rendering differs from the one before.
PageTime public_time(const Site& site, int i, const RepoHistory& repo, Versions& versions) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  const std::vector<FileChange>* ch = repo.changes(p.rel);
  bool dirty = repo.is_dirty(p.rel);
  bool head = !repo.head.sha.empty();
  if (dirty) {
    if (!ch || ch->empty() || ch->front().kind == ChangeKind::Removed)
      return head ? time_of(repo.head) : time_of_day(p.date);
    std::string text;
    if (!read_source(site, p, text) ||
        versions.load(p.rel, text).print != versions.get(p.rel, ch->front().blob).print)
      return time_of(repo.head);
  }
  if (!ch || ch->empty()) return time_of_day(p.date);
  // Unless the file has uncommitted changes, its newest version is the page the build loaded.
  const Version* now = dirty ? nullptr : versions.current(p, ch->front().blob);
  for (size_t k = 0; k < ch->size(); ++k) {
    const FileChange& c = (*ch)[k];
    if (c.kind == ChangeKind::Removed)
      return k ? time_of(repo.commits[(*ch)[k - 1].commit]) : PageTime{};
    bool origin = k + 1 == ch->size() || c.kind == ChangeKind::Added ||
                  (*ch)[k + 1].kind == ChangeKind::Removed;
    if (origin || versions.differ(p.rel, c.blob, (*ch)[k + 1].blob, k ? nullptr : now))
      return time_of(repo.commits[c.commit]);
  }
  return time_of_day(p.date);
}

PageTime internal_time(const Site& site, int i, const RepoHistory& repo) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  const std::vector<FileChange>* ch = repo.changes(p.rel);
  bool dirty = repo.is_dirty(p.rel) && !repo.head.sha.empty();
  PageTime t = dirty                ? time_of(repo.head)
               : ch && !ch->empty() ? time_of(repo.commits[ch->front().commit])
                                    : time_of_day(p.date);
  t.uncommitted = dirty;
  if (ch) {
    if (!dirty && !ch->empty()) t.author = repo.commits[ch->front().commit].author;
    for (auto& c : *ch)
      t.commits.push_back(c.commit);
  }
  return t;
}

struct Event {
  int commit;
  const std::string* rel;
  const std::vector<FileChange>* changes;
  size_t k;
};

std::vector<Event> events_newest_first(const RepoHistory& repo) {
  std::vector<Event> events;
  for (auto& [rel, ch] : repo.files)
    for (size_t k = 0; k < ch.size(); ++k)
      events.push_back({ch[k].commit, &rel, &ch, k});
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.commit != b.commit ? a.commit < b.commit : *a.rel < *b.rel;
  });
  return events;
}

// Whether the page of an event is public now: in the site and in the public edition, or, gone
// from the site, public in its last version. The history of a page made internal says nothing
// of it in the public edition, not even the title it had when it was public.
bool still_public(const Site& site, const Event& e, Versions& versions) {
  int j = site.find(*e.rel);
  if (j >= 0) return site.is_included(j);
  for (const FileChange& c : *e.changes)  // newest first
    if (c.kind != ChangeKind::Removed) return versions.get(*e.rel, c.blob).shown;
  return false;
}

// An event as this edition tells it, or false when the edition does not show it.
bool shown_change(const Site& site, const Event& e, Versions& versions, ChangeEntry& out) {
  const FileChange& c = (*e.changes)[e.k];
  const std::string& rel = *e.rel;
  out.commit = c.commit;
  out.kind = c.kind;
  int j = site.find(rel);
  out.page = site.is_included(j) && c.kind != ChangeKind::Removed ? j : -1;
  if (!site.profile->include_internal && !still_public(site, e, versions)) return false;
  const Version& v = versions.get(rel, c.blob);
  if (!v.shown) return false;
  out.title = out.page >= 0 ? site.pages[static_cast<size_t>(j)].title : v.title;
  if (c.kind != ChangeKind::Changed) return true;
  bool first = e.k + 1 == e.changes->size() || (*e.changes)[e.k + 1].kind == ChangeKind::Removed;
  if (first) return true;
  const std::string& before = (*e.changes)[e.k + 1].blob;
  if (!versions.get(rel, before).shown) {
    out.kind = ChangeKind::Added;  // it was not in this edition before
    return true;
  }
  return site.profile->include_internal || versions.differ(rel, c.blob, before);
}

}  // namespace

std::shared_ptr<Timeline> build_timeline(const Site& site, RepoHistory repo, unsigned threads) {
  auto t = std::make_shared<Timeline>();
  t->repo = std::move(repo);
  const RepoHistory& r = t->repo;
  Versions versions(site, r);
  bool internal = site.profile->include_internal;
  t->pages.resize(site.pages.size());
  parallel_for(site.pages.size(), thread_count(threads), [&](size_t i) {
    if (!site.included[i]) return;
    int n = static_cast<int>(i);
    t->pages[i] = internal ? internal_time(site, n, r) : public_time(site, n, r, versions);
  });
  for (auto& pt : t->pages)
    if (!pt.day.empty() && (t->newest.day.empty() || pt.time > t->newest.time)) {
      t->newest.day = pt.day;
      t->newest.timestamp = pt.timestamp;
      t->newest.time = pt.time;
    }
  for (const Event& e : events_newest_first(r)) {
    if (t->changes.size() >= kMaxChanges) break;
    ChangeEntry entry;
    if (shown_change(site, e, versions, entry)) t->changes.push_back(std::move(entry));
  }
  return t;
}

}  // namespace hb
