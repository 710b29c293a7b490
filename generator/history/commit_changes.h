// What one commit changed under content/: the Markdown files added, removed, renamed or
// changed, after the rules of the walk (a merge counts only what differs from every parent).
// Kept in a cache file beside the repository's objects: a commit never changes, so its entry
// stays true, and the next build skips comparing its trees (on a site with thousands of pages in
// one folder, that comparison is most of the history's cost).
#pragma once

#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace hb {

struct FileDelta {
  char status = 'M';               // 'A' added, 'D' deleted, 'R' renamed, 'M' changed
  std::string old_path, new_path;  // relative to content/
  std::string old_blob, new_blob;  // hexadecimal object ids
};

using CommitChanges = std::vector<FileDelta>;

class CommitChangesCache {
 public:
  // The cache file of the content folder `prefix` (relative to the work tree) in `dir` (the
  // repository's .git/handbook). Reads it when it is there and well formed; otherwise starts
  // empty (a cache is never a reason to fail).
  CommitChangesCache(const std::filesystem::path& dir, const std::string& prefix);

  // The changes of commit `sha` (hexadecimal), or null when not cached.
  const CommitChanges* find(const std::string& sha) const;
  void put(const std::string& sha, CommitChanges changes);
  // Writes the file again when something was added: a new file renamed over the old one, so a
  // build running beside this one reads either. Failing to write is not an error.
  void save() const;

  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  std::string prefix_;
  std::unordered_map<std::string, CommitChanges> commits_;
  bool added_ = false;
};

}  // namespace hb
