#include "git_history.h"

#include "commit_changes.h"
#include "content/file_gate.h"
#include "source/git_objects.h"

#include <git2.h>
#include <malloc.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

namespace fs = std::filesystem;

namespace hb {

namespace {

using Repo = Owned<git_repository, git_repository_free>;
using Walk = Owned<git_revwalk, git_revwalk_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Entry = Owned<git_tree_entry, git_tree_entry_free>;
using Diff = Owned<git_diff, git_diff_free>;
using StatusList = Owned<git_status_list, git_status_list_free>;
using Object = Owned<git_object, git_object_free>;
using Blob = Owned<git_blob, git_blob_free>;

void check(int code, const char* what) {
  if (code >= 0) return;
  const git_error* e = git_error_last();
  throw std::runtime_error(std::string("git: ") + what + ": " +
                           (e && e->message ? e->message : "unknown error"));
}

std::string hex(const git_oid* id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, id);
  return buf;
}

bool is_page(const char* path) {
  std::string_view p = path ? path : "";
  return p.size() > 3 && p.ends_with(".md");
}

CommitInfo commit_info(git_commit* c) {
  CommitInfo info;
  info.sha = hex(git_commit_id(c));
  const git_signature* a = git_commit_author(c);
  info.author = a && a->name ? a->name : "";
  info.time = a ? a->when.time : git_commit_time(c);
  info.offset = a ? a->when.offset : git_commit_time_offset(c);
  const char* summary = git_commit_summary(c);
  info.subject = summary ? summary : "";
  return info;
}

}  // namespace

class GitRepo {
 public:
  Repo repo;
  std::string site;    // the folder the repository was found from, to open more handles
  std::string prefix;  // the site's content/ folder relative to the work tree, with '/'

  GitRepo() = default;
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;
  ~GitRepo() {
    for (git_repository* r : spare_)
      git_repository_free(r);
  }

  // The tree of content/ in `commit`, or none when the commit has no such folder.
  void content_tree(git_commit* commit, Tree& out) {
    Tree root;
    check(git_commit_tree(root.out(), commit), "reading a commit's tree");
    Entry entry;
    if (git_tree_entry_bypath(entry.out(), root.ptr, prefix.c_str()) != 0) return;
    if (git_tree_entry_type(entry.ptr) != GIT_OBJECT_TREE) return;
    check(git_tree_lookup(out.out(), repo.ptr, git_tree_entry_id(entry.ptr)), "reading a tree");
  }

  // A handle for reading objects on the calling thread, or null when the repository cannot be
  // opened again. libgit2 lets one thread at a time use a handle, so threads that read blobs
  // side by side each take one of their own, and give it back when done.
  git_repository* take() {
    {
      std::lock_guard lock(mutex_);
      if (!spare_.empty()) {
        git_repository* r = spare_.back();
        spare_.pop_back();
        return r;
      }
    }
    git_repository* r = nullptr;
    if (git_repository_open_ext(&r, site.c_str(), 0, nullptr) != 0) return nullptr;
    return r;
  }
  void give(git_repository* r) {
    std::lock_guard lock(mutex_);
    spare_.push_back(r);
  }

 private:
  std::mutex mutex_;
  std::vector<git_repository*> spare_;
};

const std::vector<FileChange>* RepoHistory::changes(const std::string& rel) const {
  auto it = files.find(rel);
  return it == files.end() ? nullptr : &it->second;
}

namespace {

// The paths (relative to content/) that a diff touches.
std::unordered_set<std::string> touched(git_diff* diff) {
  std::unordered_set<std::string> paths;
  for (size_t i = 0, n = git_diff_num_deltas(diff); i < n; ++i) {
    const git_diff_delta* d = git_diff_get_delta(diff, i);
    paths.insert(d->new_file.path);
    paths.insert(d->old_file.path);
  }
  return paths;
}

class Walker {
 public:
  Walker(GitRepo& git, RepoHistory& out, CommitChangesCache& cache)
      : git_(git), out_(out), cache_(cache) {}

  void walk(const git_oid* start) {
    Walk walk;
    check(git_revwalk_new(walk.out(), git_.repo.ptr), "starting the walk of the history");
    git_revwalk_sorting(walk.ptr, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    int pushed = start ? git_revwalk_push(walk.ptr, start) : git_revwalk_push_head(walk.ptr);
    if (pushed == GIT_EUNBORNBRANCH || pushed == GIT_ENOTFOUND) return;  // no commit yet
    check(pushed, "reading HEAD");
    git_oid id;
    while (git_revwalk_next(&id, walk.ptr) == 0) {
      Commit c;
      check(git_commit_lookup(c.out(), git_.repo.ptr, &id), "reading a commit");
      visit(c.ptr);
    }
  }

 private:
  GitRepo& git_;
  RepoHistory& out_;
  CommitChangesCache& cache_;
  // A path as it was at this point of the walk -> the path it has now (after a rename).
  std::unordered_map<std::string, std::string> alias_;

  const std::string& key(const std::string& path) {
    auto it = alias_.find(path);
    return it == alias_.end() ? path : it->second;
  }

  int commit_index(git_commit* c) {
    if (out_.commits.empty() || out_.commits.back().sha != hex(git_commit_id(c)))
      out_.commits.push_back(commit_info(c));
    return static_cast<int>(out_.commits.size()) - 1;
  }

  void record(git_commit* c, const std::string& path, ChangeKind kind, const std::string& blob) {
    std::string k = key(path);
    out_.files[k].push_back({commit_index(c), kind, blob});
  }

  void diff(git_tree* from, git_tree* to, bool renames, Diff& d) {
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    check(git_diff_tree_to_tree(d.out(), git_.repo.ptr, from, to, &opts), "comparing trees");
    if (!renames) return;
    bool added = false, removed = false;
    for (size_t i = 0, n = git_diff_num_deltas(d.ptr); i < n; ++i) {
      auto s = git_diff_get_delta(d.ptr, i)->status;
      added |= s == GIT_DELTA_ADDED;
      removed |= s == GIT_DELTA_DELETED;
    }
    if (!added || !removed) return;
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    check(git_diff_find_similar(d.ptr, &find), "finding renamed files");
  }

  void visit(git_commit* c) {
    std::string sha = hex(git_commit_id(c));
    if (const CommitChanges* known = cache_.find(sha)) return apply(c, *known);
    CommitChanges changes = changes_of(c);
    apply(c, changes);
    cache_.put(sha, std::move(changes));
  }

  // The Markdown files `c` changed: compared with each parent, a file counts only when it
  // differs from every parent; none when the content folder is the same as a parent's.
  CommitChanges changes_of(git_commit* c) {
    CommitChanges out;
    Tree tree;
    git_.content_tree(c, tree);
    unsigned parents = git_commit_parentcount(c);
    std::vector<std::unique_ptr<Tree>> before;
    for (unsigned i = 0; i < parents; ++i) {
      Commit parent;
      if (git_commit_parent(parent.out(), c, i) != 0) continue;  // missing in a shallow clone
      auto t = std::make_unique<Tree>();
      git_.content_tree(parent.ptr, *t);
      bool same = (!t->ptr && !tree.ptr) ||
                  (t->ptr && tree.ptr && git_oid_equal(git_tree_id(t->ptr), git_tree_id(tree.ptr)));
      if (same) return out;  // no file differs from this parent
      before.push_back(std::move(t));
    }
    if (!tree.ptr && before.empty()) return out;
    Diff first;
    diff(before.empty() ? nullptr : before[0]->ptr, tree.ptr, true, first);
    std::vector<std::unordered_set<std::string>> others;
    for (size_t i = 1; i < before.size(); ++i) {
      Diff d;
      diff(before[i]->ptr, tree.ptr, false, d);
      others.push_back(touched(d.ptr));
    }
    auto in_every_diff = [&](const char* path) {
      for (auto& set : others)
        if (!set.count(path)) return false;
      return true;
    };
    for (size_t i = 0, n = git_diff_num_deltas(first.ptr); i < n; ++i) {
      const git_diff_delta* d = git_diff_get_delta(first.ptr, i);
      if (!is_page(d->old_file.path) && !is_page(d->new_file.path)) continue;
      const char* path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
      if (!in_every_diff(path)) continue;
      char status = d->status == GIT_DELTA_ADDED     ? 'A'
                    : d->status == GIT_DELTA_DELETED ? 'D'
                    : d->status == GIT_DELTA_RENAMED ? 'R'
                                                     : 'M';
      out.push_back({status, d->old_file.path ? d->old_file.path : "",
                     d->new_file.path ? d->new_file.path : "", hex(&d->old_file.id),
                     hex(&d->new_file.id)});
    }
    return out;
  }

  // Records `changes` of commit `c` under the files' present paths.
  void apply(git_commit* c, const CommitChanges& changes) {
    std::vector<std::pair<std::string, std::string>> renames;
    for (const FileDelta& d : changes) {
      bool old_page = is_page(d.old_path.c_str()), new_page = is_page(d.new_path.c_str());
      switch (d.status) {
        case 'A':
          if (new_page) record(c, d.new_path, ChangeKind::Added, d.new_blob);
          break;
        case 'D':
          if (old_page) record(c, d.old_path, ChangeKind::Removed, d.old_blob);
          break;
        case 'R':
          if (new_page && old_page) {
            record(c, d.new_path, ChangeKind::Changed, d.new_blob);
            renames.emplace_back(d.old_path, key(d.new_path));
          } else if (new_page) {
            record(c, d.new_path, ChangeKind::Added, d.new_blob);
          } else {
            record(c, d.old_path, ChangeKind::Removed, d.old_blob);
          }
          break;
        default:
          if (new_page) record(c, d.new_path, ChangeKind::Changed, d.new_blob);
      }
    }
    // Older commits name the file by its old path.
    for (auto& [old_path, now] : renames)
      alias_[old_path] = now;
  }
};

// libgit2 reads each version of a tree into a buffer of its own and frees it again, and a folder
// of thousands of pages is a tree of hundreds of KB. Above glibc's mmap threshold every such
// buffer is a new mapping, faulted in page by page and unmapped again: on the benchmark's
// repository that was more than half of a first walk's time (bench/README.md, "History"). With
// the threshold raised, freed buffers are reused from the heap.
void keep_large_buffers_in_heap() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
  });
}

void read_status(GitRepo& git, RepoHistory& out) {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
               GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  std::string spec = git.prefix + "/";
  char* specs[] = {spec.data()};
  opts.pathspec = {specs, 1};
  StatusList list;
  check(git_status_list_new(list.out(), git.repo.ptr, &opts), "reading the status of content/");
  for (size_t i = 0, n = git_status_list_entrycount(list.ptr); i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.ptr, i);
    const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    if (!d || !d->new_file.path || !is_page(d->new_file.path)) continue;
    std::string_view path = d->new_file.path;
    if (!path.starts_with(spec)) continue;
    out.dirty[std::string(path.substr(spec.size()))] = true;
  }
}

void read_tags(GitRepo& git, RepoHistory& out) {
  git_strarray names{};
  if (git_tag_list(&names, git.repo.ptr) != 0) return;
  for (size_t i = 0; i < names.count; ++i) {
    Object obj, peeled;
    std::string ref = std::string("refs/tags/") + names.strings[i];
    if (git_revparse_single(obj.out(), git.repo.ptr, ref.c_str()) != 0) continue;
    if (git_object_peel(peeled.out(), obj.ptr, GIT_OBJECT_COMMIT) != 0) continue;
    out.tags.push_back({names.strings[i], commit_info(reinterpret_cast<git_commit*>(peeled.ptr))});
  }
  git_strarray_dispose(&names);
  std::sort(out.tags.begin(), out.tags.end(),
            [](const TagInfo& a, const TagInfo& b) { return a.name < b.name; });
}

}  // namespace

RepoHistory read_history(const fs::path& site_root, const std::string& at) {
  init_libgit2();
  keep_large_buffers_in_heap();
  RepoHistory out;
  auto git = std::make_shared<GitRepo>();
  std::error_code ec;
  fs::path site = fs::weakly_canonical(fs::absolute(site_root), ec);
  int found = git_repository_open_ext(git->repo.out(), site.c_str(), 0, nullptr);
  if (found == GIT_ENOTFOUND) return out;
  check(found, "opening the repository");
  const char* workdir = git_repository_workdir(git->repo.ptr);
  if (!workdir) return out;  // a bare repository has no site files
  fs::path root = fs::weakly_canonical(workdir, ec);
  std::string rel = site.lexically_relative(root).generic_string();
  if (rel.starts_with("..")) return out;
  git->prefix = rel.empty() || rel == "." ? "content" : rel + "/content";
  git->site = site.string();
  out.in_repo = true;
  out.shallow = git_repository_is_shallow(git->repo.ptr) == 1;
  Commit head;
  git_oid head_id;
  bool found_head = at.empty() ? git_reference_name_to_id(&head_id, git->repo.ptr, "HEAD") == 0
                               : git_oid_fromstr(&head_id, at.c_str()) == 0;
  if (!at.empty() && !found_head) throw std::runtime_error("git: no commit '" + at + "'");
  if (found_head && git_commit_lookup(head.out(), git->repo.ptr, &head_id) == 0)
    out.head = commit_info(head.ptr);
  if (!at.empty() && out.head.sha.empty()) throw std::runtime_error("git: no commit '" + at + "'");
  out.cache_dir = fs::path(git_repository_path(git->repo.ptr)) / "handbook";
  CommitChangesCache cache(out.cache_dir, git->prefix);
  Walker(*git, out, cache).walk(at.empty() ? nullptr : &head_id);
  cache.save();
  if (at.empty()) read_status(*git, out);
  read_tags(*git, out);
  out.repo = std::move(git);
  return out;
}

bool read_blob(const RepoHistory& history, const std::string& blob, std::string& out) {
  if (!history.repo) return false;
  GitRepo& git = *history.repo;
  git_oid id;
  if (git_oid_fromstr(&id, blob.c_str()) != 0) return false;
  git_repository* repo = git.take();
  if (!repo) return false;
  bool found = false;
  {
    // A version larger than a page may be is not read: the page of that day was refused.
    size_t size = 0;
    bool small = object_size(repo, &id, size) && size <= kMaxPageBytes;
    Blob b;  // freed before the handle goes back
    found = small && git_blob_lookup(b.out(), repo, &id) == 0;
    if (found)
      out.assign(static_cast<const char*>(git_blob_rawcontent(b.ptr)),
                 static_cast<size_t>(git_blob_rawsize(b.ptr)));
  }
  git.give(repo);
  return found;
}

}  // namespace hb
