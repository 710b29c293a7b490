// The build's cache files in the repository's git folder (.git/handbook/): a first line naming
// the file's kind and format, then fields that each end with a NUL byte, since a path may hold
// any other byte. A cache is never a reason to fail: a file that is missing, too large or of
// another kind reads as none, and a file that cannot be written is left as it was.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hb {

// A record file as read: its text and its fields, which point into the text.
struct RecordFile {
  std::string text;
  std::vector<std::string_view> fields;
};

// The file at `path` whose first line is `magic` (ending in '\n').
std::optional<RecordFile> read_record_file(const std::filesystem::path& path,
                                           std::string_view magic);

// Writes `magic` and `fields` to a temporary file beside `path` and renames it over `path`, so
// that a build running beside this one reads the old file or the new one, never a part.
void write_record_file(const std::filesystem::path& path, std::string_view magic,
                       const std::vector<std::string>& fields);

// Reads fields one by one; `ok` turns false at the first that is missing or malformed.
class RecordReader {
 public:
  explicit RecordReader(const std::vector<std::string_view>& fields) : fields_(fields) {}
  std::string_view next();
  size_t count();  // a field of decimal digits
  bool done() const { return at_ == fields_.size(); }
  bool ok = true;

 private:
  const std::vector<std::string_view>& fields_;
  size_t at_ = 0;
};

}  // namespace hb
