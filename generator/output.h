// Output: writes a build into a fresh temporary folder beside the target and swaps it into
// place only when the whole build succeeded; otherwise the previous output stays untouched.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace hb {

class OutputDir {
 public:
  explicit OutputDir(std::filesystem::path target);
  ~OutputDir();  // removes the temporary folder unless committed
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Writes `content` to `rel` (relative to the output root), creating folders. Thread-safe for
  // distinct paths. Throws std::runtime_error on failure.
  void write(std::string_view rel, std::string_view content) const;
  // Streams a file: `fill` writes its content to the stream, piece by piece.
  void write_stream(std::string_view rel, const std::function<void(std::ostream&)>& fill) const;
  // Copies a file or a whole folder to `rel`.
  void copy(const std::filesystem::path& from, std::string_view rel) const;
  // Replaces the target with the new output, then removes the old one with `threads` threads.
  void commit(unsigned threads = 1);

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace hb
