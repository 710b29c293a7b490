#include "commit_changes.h"

#include "record_file.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

// After the first line, the content folder; then for each commit its id, the number of its
// deltas, and each delta's five fields.
constexpr std::string_view kMagic = "handbook commit changes 1\n";

bool valid_status(std::string_view s) {
  return s == "A" || s == "D" || s == "R" || s == "M";
}

}  // namespace

CommitChangesCache::CommitChangesCache(const fs::path& dir, const std::string& prefix)
    : prefix_(prefix) {
  // One file per content folder: the name holds the folder's hash, the file the folder itself.
  file_ = dir / ("commit-changes-" + std::to_string(std::hash<std::string>{}(prefix)));
  auto file = read_record_file(file_, kMagic);
  if (!file) return;
  RecordReader in(file->fields);
  if (in.next() != prefix) return;
  std::unordered_map<std::string, CommitChanges> read;
  while (in.ok && !in.done()) {
    std::string sha(in.next());
    size_t n = in.count();
    CommitChanges changes;
    for (size_t i = 0; i < n && in.ok; ++i) {
      std::string_view status = in.next();
      if (!valid_status(status)) in.ok = false;
      FileDelta d;
      d.status = status.empty() ? 'M' : status[0];
      d.old_path = in.next();
      d.new_path = in.next();
      d.old_blob = in.next();
      d.new_blob = in.next();
      changes.push_back(std::move(d));
    }
    if (sha.size() != 40) in.ok = false;
    read[sha] = std::move(changes);
  }
  if (in.ok) commits_ = std::move(read);
}

const CommitChanges* CommitChangesCache::find(const std::string& sha) const {
  auto it = commits_.find(sha);
  return it == commits_.end() ? nullptr : &it->second;
}

void CommitChangesCache::put(const std::string& sha, CommitChanges changes) {
  commits_[sha] = std::move(changes);
  added_ = true;
}

void CommitChangesCache::save() const {
  if (!added_) return;
  std::vector<std::string> out{prefix_};
  for (const auto& [sha, changes] : commits_) {
    out.push_back(sha);
    out.push_back(std::to_string(changes.size()));
    for (const FileDelta& d : changes) {
      out.push_back(std::string(1, d.status));
      out.push_back(d.old_path);
      out.push_back(d.new_path);
      out.push_back(d.old_blob);
      out.push_back(d.new_blob);
    }
  }
  write_record_file(file_, kMagic, out);
}

}  // namespace hb
