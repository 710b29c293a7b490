#include "git_history.h"

#include <git2.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <unordered_set>

namespace fs = std::filesystem;

namespace hb {

namespace {

// Owns one libgit2 object and frees it with the matching function.
template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  Owned() = default;
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() {
    if (p) Free(p);
  }
  T** out() { return &p; }
  T* operator->() const { return p; }
  explicit operator bool() const { return p != nullptr; }
};
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

void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
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
  std::string prefix;  // the site's content/ folder relative to the work tree, with '/'
  std::mutex mutex;    // one reader of objects at a time

  // The tree of content/ in `commit`, or none when the commit has no such folder.
  void content_tree(git_commit* commit, Tree& out) {
    Tree root;
    check(git_commit_tree(root.out(), commit), "reading a commit's tree");
    Entry entry;
    if (git_tree_entry_bypath(entry.out(), root.p, prefix.c_str()) != 0) return;
    if (git_tree_entry_type(entry.p) != GIT_OBJECT_TREE) return;
    check(git_tree_lookup(out.out(), repo.p, git_tree_entry_id(entry.p)), "reading a tree");
  }
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
  Walker(GitRepo& git, RepoHistory& out) : git_(git), out_(out) {}

  // From HEAD, or from the commit `from` when it is given.
  void walk(const git_oid* from) {
    Walk walk;
    check(git_revwalk_new(walk.out(), git_.repo.p), "starting the walk of the history");
    git_revwalk_sorting(walk.p, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
    int pushed = from ? git_revwalk_push(walk.p, from) : git_revwalk_push_head(walk.p);
    if (pushed == GIT_EUNBORNBRANCH || pushed == GIT_ENOTFOUND) return;  // no commit yet
    check(pushed, "reading HEAD");
    git_oid id;
    while (git_revwalk_next(&id, walk.p) == 0) {
      Commit c;
      check(git_commit_lookup(c.out(), git_.repo.p, &id), "reading a commit");
      visit(c.p);
    }
  }

 private:
  GitRepo& git_;
  RepoHistory& out_;
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

  void record(git_commit* c, const std::string& path, ChangeKind kind, const git_oid* blob) {
    std::string k = key(path);
    out_.files[k].push_back({commit_index(c), kind, hex(blob)});
  }

  void diff(git_tree* from, git_tree* to, bool renames, Diff& d) {
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    check(git_diff_tree_to_tree(d.out(), git_.repo.p, from, to, &opts), "comparing trees");
    if (!renames) return;
    bool added = false, removed = false;
    for (size_t i = 0, n = git_diff_num_deltas(d.p); i < n; ++i) {
      auto s = git_diff_get_delta(d.p, i)->status;
      added |= s == GIT_DELTA_ADDED;
      removed |= s == GIT_DELTA_DELETED;
    }
    if (!added || !removed) return;
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    check(git_diff_find_similar(d.p, &find), "finding renamed files");
  }

  void visit(git_commit* c) {
    Tree tree;
    git_.content_tree(c, tree);
    unsigned parents = git_commit_parentcount(c);
    std::vector<std::unique_ptr<Tree>> before;
    for (unsigned i = 0; i < parents; ++i) {
      Commit parent;
      if (git_commit_parent(parent.out(), c, i) != 0) continue;  // missing in a shallow clone
      auto t = std::make_unique<Tree>();
      git_.content_tree(parent.p, *t);
      bool same = (!t->p && !tree.p) ||
                  (t->p && tree.p && git_oid_equal(git_tree_id(t->p), git_tree_id(tree.p)));
      if (same) return;  // no file differs from this parent
      before.push_back(std::move(t));
    }
    if (!tree.p && before.empty()) return;
    Diff first;
    diff(before.empty() ? nullptr : before[0]->p, tree.p, true, first);
    std::vector<std::unordered_set<std::string>> others;
    for (size_t i = 1; i < before.size(); ++i) {
      Diff d;
      diff(before[i]->p, tree.p, false, d);
      others.push_back(touched(d.p));
    }
    auto in_every_diff = [&](const char* path) {
      for (auto& set : others)
        if (!set.count(path)) return false;
      return true;
    };
    std::vector<std::pair<std::string, std::string>> renames;
    for (size_t i = 0, n = git_diff_num_deltas(first.p); i < n; ++i) {
      const git_diff_delta* d = git_diff_get_delta(first.p, i);
      bool old_page = is_page(d->old_file.path), new_page = is_page(d->new_file.path);
      if (!old_page && !new_page) continue;
      const char* path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
      if (!in_every_diff(path)) continue;
      switch (d->status) {
        case GIT_DELTA_ADDED:
          if (new_page) record(c, d->new_file.path, ChangeKind::Added, &d->new_file.id);
          break;
        case GIT_DELTA_DELETED:
          if (old_page) record(c, d->old_file.path, ChangeKind::Removed, &d->old_file.id);
          break;
        case GIT_DELTA_RENAMED:
          if (new_page && old_page) {
            record(c, d->new_file.path, ChangeKind::Changed, &d->new_file.id);
            renames.emplace_back(d->old_file.path, key(d->new_file.path));
          } else if (new_page) {
            record(c, d->new_file.path, ChangeKind::Added, &d->new_file.id);
          } else {
            record(c, d->old_file.path, ChangeKind::Removed, &d->old_file.id);
          }
          break;
        default:
          if (new_page) record(c, d->new_file.path, ChangeKind::Changed, &d->new_file.id);
      }
    }
    // Older commits name the file by its old path.
    for (auto& [old_path, now] : renames)
      alias_[old_path] = now;
  }
};

void read_status(GitRepo& git, RepoHistory& out) {
  git_status_options opts = GIT_STATUS_OPTIONS_INIT;
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
               GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  std::string spec = git.prefix + "/";
  char* specs[] = {spec.data()};
  opts.pathspec = {specs, 1};
  StatusList list;
  check(git_status_list_new(list.out(), git.repo.p, &opts), "reading the status of content/");
  for (size_t i = 0, n = git_status_list_entrycount(list.p); i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list.p, i);
    const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    if (!d || !d->new_file.path || !is_page(d->new_file.path)) continue;
    std::string_view path = d->new_file.path;
    if (!path.starts_with(spec)) continue;
    out.dirty[std::string(path.substr(spec.size()))] = true;
  }
}

void read_tags(GitRepo& git, RepoHistory& out) {
  git_strarray names{};
  if (git_tag_list(&names, git.repo.p) != 0) return;
  for (size_t i = 0; i < names.count; ++i) {
    Object obj, peeled;
    std::string ref = std::string("refs/tags/") + names.strings[i];
    if (git_revparse_single(obj.out(), git.repo.p, ref.c_str()) != 0) continue;
    if (git_object_peel(peeled.out(), obj.p, GIT_OBJECT_COMMIT) != 0) continue;
    out.tags.push_back({names.strings[i], commit_info(reinterpret_cast<git_commit*>(peeled.p))});
  }
  git_strarray_dispose(&names);
  std::sort(out.tags.begin(), out.tags.end(),
            [](const TagInfo& a, const TagInfo& b) { return a.name < b.name; });
}

}  // namespace

RepoHistory read_history(const fs::path& site_root, const std::string& revision) {
  init_libgit2();
  RepoHistory out;
  auto git = std::make_shared<GitRepo>();
  std::error_code ec;
  fs::path site = fs::weakly_canonical(fs::absolute(site_root), ec);
  int found = git_repository_open_ext(git->repo.out(), site.c_str(), 0, nullptr);
  if (found == GIT_ENOTFOUND) return out;
  check(found, "opening the repository");
  const char* workdir = git_repository_workdir(git->repo.p);
  if (!workdir) return out;  // a bare repository has no site files
  fs::path root = fs::weakly_canonical(workdir, ec);
  std::string rel = site.lexically_relative(root).generic_string();
  if (rel.starts_with("..")) return out;
  git->prefix = rel.empty() || rel == "." ? "content" : rel + "/content";
  out.in_repo = true;
  out.shallow = git_repository_is_shallow(git->repo.p) == 1;
  Commit head;
  git_oid head_id;
  bool at_revision = !revision.empty();
  if (at_revision) check(git_oid_fromstr(&head_id, revision.c_str()), "reading the revision");
  if ((at_revision || git_reference_name_to_id(&head_id, git->repo.p, "HEAD") == 0) &&
      git_commit_lookup(head.out(), git->repo.p, &head_id) == 0)
    out.head = commit_info(head.p);
  Walker(*git, out).walk(at_revision ? &head_id : nullptr);
  if (!at_revision) read_status(*git, out);
  read_tags(*git, out);
  out.repo = std::move(git);
  return out;
}

bool read_blob(const RepoHistory& history, const std::string& blob, std::string& out) {
  if (!history.repo) return false;
  GitRepo& git = *history.repo;
  git_oid id;
  if (git_oid_fromstr(&id, blob.c_str()) != 0) return false;
  std::lock_guard lock(git.mutex);
  Blob b;
  if (git_blob_lookup(b.out(), git.repo.p, &id) != 0) return false;
  auto size = static_cast<size_t>(git_blob_rawsize(b.p));
  out.assign(static_cast<const char*>(git_blob_rawcontent(b.p)), size);
  return true;
}

}  // namespace hb
