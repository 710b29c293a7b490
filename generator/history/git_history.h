// Git history: the repository around a site read once with libgit2. The commits are walked one
// time (topological and time order); each commit's content/ tree is compared with its parents'
// (only when it differs), renames are followed, and every Markdown file under content/ gets the
// commits that changed it. A merge counts for a file only when the file differs from every
// parent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace hb {

struct CommitInfo {
  std::string sha, author, subject;
  int64_t time = 0;  // the author's date, seconds since 1970
  int offset = 0;    // the author's time zone, minutes east of UTC
};

enum class ChangeKind { Added, Changed, Removed };

// One commit's change of one file. `blob` is the file's version after the commit (before it for
// a removal), as a hexadecimal object id.
struct FileChange {
  int commit = -1;  // index in RepoHistory::commits
  ChangeKind kind = ChangeKind::Changed;
  std::string blob;
};

struct TagInfo {
  std::string name;   // without refs/tags/
  CommitInfo commit;  // the commit it points at
};

class GitRepo;  // an open repository, for reading old versions of files

struct RepoHistory {
  bool in_repo = false;  // false: the site is outside any repository (no history, no error)
  bool shallow = false;  // a shallow clone: older commits are missing
  CommitInfo head;       // the commit checked out (empty before the first commit)
  std::vector<CommitInfo> commits;  // the commits that changed content/, newest first
  // Path relative to content/ as it is now (or was when removed) -> its changes, newest first.
  std::unordered_map<std::string, std::vector<FileChange>> files;
  // Paths relative to content/ with changes not committed (modified, staged, new, untracked).
  std::unordered_map<std::string, bool> dirty;
  std::shared_ptr<GitRepo> repo;
  std::filesystem::path cache_dir;  // the build's caches: .git/handbook of the repository
  std::vector<TagInfo> tags;        // every tag, sorted by name

  const std::vector<FileChange>* changes(const std::string& rel) const;
  bool is_dirty(const std::string& rel) const { return dirty.count(rel) > 0; }
};

// Reads the history of the repository that holds `site_root`, from HEAD and with the working
// tree's uncommitted changes, or from the commit `at` (a full id, for a site built from a
// revision: then nothing counts as uncommitted). Throws std::runtime_error when libgit2 fails
// on a repository it found.
RepoHistory read_history(const std::filesystem::path& site_root, const std::string& at = "");

// The bytes of a blob (hexadecimal id) of the repository; false when it cannot be read.
bool read_blob(const RepoHistory& history, const std::string& blob, std::string& out);

}  // namespace hb
