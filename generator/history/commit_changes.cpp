#include "commit_changes.h"

#include <unistd.h>

#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace hb {

namespace {

// The file starts with this line and the content folder; then for each commit its id, the
// number of its deltas, and each delta's five fields. Every field ends with a NUL byte, since a
// path may hold any other byte.
constexpr std::string_view kMagic = "handbook commit changes 1\n";
constexpr std::uintmax_t kMaxFileSize = 512u << 20;

void put_field(std::string& out, std::string_view field) {
  out += field;
  out += '\0';
}

// Reads the fields of the file one by one; `ok` turns false at the first that is not there.
class Fields {
 public:
  explicit Fields(std::string_view text) : text_(text) {}
  std::string next() {
    size_t end = text_.find('\0', pos_);
    if (end == std::string_view::npos) {
      ok = false;
      return {};
    }
    std::string field(text_.substr(pos_, end - pos_));
    pos_ = end + 1;
    return field;
  }
  size_t count() {
    std::string field = next();
    if (field.empty() || field.size() > 9 || field.find_first_not_of("0123456789") != field.npos)
      ok = false;
    return ok ? std::stoul(field) : 0;
  }
  bool done() const { return pos_ == text_.size(); }
  bool ok = true;

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

bool valid_status(const std::string& s) {
  return s == "A" || s == "D" || s == "R" || s == "M";
}

}  // namespace

CommitChangesCache::CommitChangesCache(const fs::path& git_dir, const std::string& prefix)
    : prefix_(prefix) {
  std::error_code ec;
  // One file per content folder: the name holds the folder's hash, the file the folder itself.
  file_ =
      git_dir / "handbook" / ("commit-changes-" + std::to_string(std::hash<std::string>{}(prefix)));
  auto size = fs::file_size(file_, ec);
  if (ec || size > kMaxFileSize || size < kMagic.size()) return;
  std::ifstream in(file_, std::ios::binary);
  std::string text(static_cast<size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size))) return;
  if (!std::string_view(text).starts_with(kMagic)) return;
  Fields fields(std::string_view(text).substr(kMagic.size()));
  if (fields.next() != prefix || !fields.ok) return;
  std::unordered_map<std::string, CommitChanges> read;
  while (fields.ok && !fields.done()) {
    std::string sha = fields.next();
    size_t n = fields.count();
    CommitChanges changes;
    for (size_t i = 0; i < n && fields.ok; ++i) {
      std::string status = fields.next();
      if (!valid_status(status)) fields.ok = false;
      FileDelta d;
      d.status = status.empty() ? 'M' : status[0];
      d.old_path = fields.next();
      d.new_path = fields.next();
      d.old_blob = fields.next();
      d.new_blob = fields.next();
      changes.push_back(std::move(d));
    }
    if (sha.size() != 40) fields.ok = false;
    read[sha] = std::move(changes);
  }
  if (fields.ok) commits_ = std::move(read);
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
  std::string out(kMagic);
  put_field(out, prefix_);
  for (const auto& [sha, changes] : commits_) {
    put_field(out, sha);
    put_field(out, std::to_string(changes.size()));
    for (const FileDelta& d : changes) {
      put_field(out, std::string(1, d.status));
      put_field(out, d.old_path);
      put_field(out, d.new_path);
      put_field(out, d.old_blob);
      put_field(out, d.new_blob);
    }
  }
  std::error_code ec;
  fs::create_directories(file_.parent_path(), ec);
  fs::path temp = file_;
  temp += ".new-" + std::to_string(::getpid());
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    if (!f.write(out.data(), static_cast<std::streamsize>(out.size()))) {
      f.close();
      fs::remove(temp, ec);
      return;
    }
  }
  fs::rename(temp, file_, ec);
  if (ec) fs::remove(temp, ec);
}

}  // namespace hb
