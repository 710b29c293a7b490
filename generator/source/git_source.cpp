#include "git_source.h"

#include "base/messages.h"
#include "git_objects.h"

#include <git2.h>

#include <algorithm>
#include <mutex>

namespace fs = std::filesystem;

namespace hb {

namespace {

using Repository = Owned<git_repository, git_repository_free>;
using Object = Owned<git_object, git_object_free>;
using Tree = Owned<git_tree, git_tree_free>;
using TreeEntry = Owned<git_tree_entry, git_tree_entry_free>;
using Blob = Owned<git_blob, git_blob_free>;

std::string last_error() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

std::string join(std::string_view a, std::string_view b) {
  if (a.empty()) return std::string(b);
  if (b.empty()) return std::string(a);
  return std::string(a) + "/" + std::string(b);
}

Found refuse(std::string why) {
  return {{}, std::move(why), false};
}

class GitSource final : public SiteSource {
 public:
  // `prefix`: the site folder's path in the repository ("" for its top).
  GitSource(git_repository* repo, git_tree* tree, std::string prefix, std::string commit)
      : prefix_(std::move(prefix)), commit_(std::move(commit)) {
    repo_.ptr = repo;
    tree_.ptr = tree;
  }

  Found find(std::string_view folder, std::string_view rel,
             const std::string& shown) const override {
    std::string path = join(join(prefix_, folder), rel);
    std::lock_guard lock(mutex_);
    TreeEntry entry;
    if (git_tree_entry_bypath(&entry.ptr, tree_.ptr, path.c_str()) != 0)
      return refuse(msg("source_no_file", {{"file", shown}}));
    switch (git_tree_entry_filemode(entry.ptr)) {
      case GIT_FILEMODE_BLOB:
      case GIT_FILEMODE_BLOB_EXECUTABLE:
        return {fs::path(path), {}, false, false, blob_size(git_tree_entry_id(entry.ptr))};
      case GIT_FILEMODE_TREE:
        return refuse(msg("source_folder", {{"file", shown}}));
      case GIT_FILEMODE_LINK:
        return refuse(msg("source_git_link", {{"file", shown}}));
      default:
        return refuse(msg("source_not_regular", {{"file", shown}}));
    }
  }

  bool read(const fs::path& real, std::string& out) const override {
    std::lock_guard lock(mutex_);
    TreeEntry entry;
    Blob blob;
    if (git_tree_entry_bypath(&entry.ptr, tree_.ptr, real.c_str()) != 0 ||
        git_blob_lookup(&blob.ptr, repo_.ptr, git_tree_entry_id(entry.ptr)) != 0)
      return false;
    auto size = static_cast<size_t>(git_blob_rawsize(blob.ptr));
    const char* data = static_cast<const char*>(git_blob_rawcontent(blob.ptr));
    out.assign(data, size);
    return true;
  }

  std::vector<std::string> files(std::string_view folder) const override {
    std::vector<std::string> out;
    std::lock_guard lock(mutex_);
    Tree sub;
    if (!subtree(folder, sub)) return out;
    struct Walk {
      std::vector<std::string>* out;
    } walk{&out};
    git_tree_walk(
        sub.ptr, GIT_TREEWALK_PRE,
        [](const char* root, const git_tree_entry* entry, void* payload) -> int {
          std::string name = git_tree_entry_name(entry);
          if (name.starts_with(".")) return 1;  // hidden: skip it and what lies below
          if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) return 0;
          static_cast<Walk*>(payload)->out->push_back(std::string(root) + name);
          return 0;
        },
        &walk);
    std::sort(out.begin(), out.end());
    return out;
  }

  bool has_folder(std::string_view folder) const override {
    std::lock_guard lock(mutex_);
    Tree sub;
    return subtree(folder, sub);
  }

  bool on_disk() const override { return false; }
  std::string revision() const override { return commit_; }

 private:
  // The size of a blob, read from its header without inflating it; 0 when it cannot be read.
  uint64_t blob_size(const git_oid* id) const {
    size_t size = 0;
    return object_size(repo_.ptr, id, size) ? size : 0;
  }

  // The tree of the site folder `folder`; false when there is none.
  bool subtree(std::string_view folder, Tree& sub) const {
    std::string path = join(prefix_, folder);
    if (path.empty()) return git_tree_dup(&sub.ptr, tree_.ptr) == 0;
    TreeEntry entry;
    if (git_tree_entry_bypath(&entry.ptr, tree_.ptr, path.c_str()) != 0 ||
        git_tree_entry_type(entry.ptr) != GIT_OBJECT_TREE)
      return false;
    return git_tree_lookup(&sub.ptr, repo_.ptr, git_tree_entry_id(entry.ptr)) == 0;
  }

  Repository repo_;
  Tree tree_;
  std::string prefix_;
  std::string commit_;
  mutable std::mutex mutex_;  // one libgit2 call at a time on this repository
};

// The site folder's path inside the repository's working tree, or false when it lies outside.
bool site_prefix(git_repository* repo, const fs::path& site, std::string& prefix) {
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) return false;
  std::error_code ec;
  fs::path top = fs::canonical(workdir, ec), folder = fs::canonical(site, ec);
  if (ec) return false;
  fs::path rel = folder.lexically_relative(top);
  if (rel.empty() || *rel.begin() == "..") return false;
  prefix = rel == "." ? "" : rel.generic_string();
  return true;
}

}  // namespace

GitRevision git_source(const fs::path& site, const std::string& rev) {
  init_libgit2();
  GitRevision out;
  Repository repo;
  if (git_repository_open_ext(&repo.ptr, site.c_str(), 0, nullptr) != 0) {
    out.error = msg("source_no_repository", {{"folder", site.generic_string()}});
    return out;
  }
  std::string prefix;
  if (!site_prefix(repo.ptr, site, prefix)) {
    out.error = msg("source_outside_worktree", {{"folder", site.generic_string()}});
    return out;
  }
  Object commit;
  if (git_revparse_single(&commit.ptr, repo.ptr, rev.c_str()) != 0) {
    out.error = msg("source_no_revision", {{"rev", rev}, {"reason", last_error()}});
    return out;
  }
  Object peeled;
  if (git_object_peel(&peeled.ptr, commit.ptr, GIT_OBJECT_COMMIT) != 0) {
    out.error = msg("source_not_commit", {{"rev", rev}});
    return out;
  }
  Tree tree;
  if (git_commit_tree(&tree.ptr, reinterpret_cast<git_commit*>(peeled.ptr)) != 0) {
    out.error = msg("source_no_tree", {{"rev", rev}, {"reason", last_error()}});
    return out;
  }
  char id[GIT_OID_HEXSZ + 1];
  git_oid_tostr(id, sizeof id, git_object_id(peeled.ptr));
  out.commit = id;
  out.source = std::make_shared<GitSource>(repo.ptr, tree.ptr, prefix, out.commit);
  repo.ptr = nullptr;
  tree.ptr = nullptr;
  return out;
}

bool object_size(git_repository* repo, const git_oid* id, size_t& size) {
  git_odb* odb = nullptr;
  git_object_t type;
  bool ok = git_repository_odb(&odb, repo) == 0 && git_odb_read_header(&size, &type, odb, id) == 0;
  git_odb_free(odb);
  return ok;
}

void init_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // The build only reads objects: checking each one's hash again costs a SHA-1 of every blob
    // and tree read, which dominates a walk through thousands of commits.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // A folder of thousands of pages is one large tree, which the history's walk reads for a
    // commit and again for its child: keep trees of up to 4 MiB in the object cache.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t{4} << 20);
  });
}

}  // namespace hb
