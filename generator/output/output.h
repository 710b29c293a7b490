// Output: writes a build into a staging folder beside the target and swaps it into place only
// when the whole build succeeded; otherwise the previous output stays untouched.
//
// The output that a swap replaces is kept as a hidden spare folder beside the target
// (`.public.spare` for `_site/public`) and becomes the next build's staging folder: files whose
// content has not changed are left as they are, changed ones are rewritten, and whatever the
// new build did not write is removed before the swap. A rebuild therefore writes and deletes
// only what changed.
//
// Only folders that handbook made are replaced, recycled or removed: each of them holds the
// marker file of output_target.h. The target must be absent, empty or marked (or `--force`
// given); a spare without the marker is left alone. The target is taken as its real path
// (symlinks resolved). Which targets a command may name at all (not the site, its sources or
// the home folder) is decided before the build by output_target.h.
//
// The staging folder is named after the process (`.public.new-PID`), so that two builds never
// share one. A build that is killed leaves it behind; the next build into the same target
// removes every marked `.public.new-PID` (and `.public.old-PID`, see commit) whose process has
// ended. One without the marker, or of a process still running, is left alone.
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>

#include "output_sink.h"

namespace hb {

struct OutputOptions {
  // Replace a target folder that is not empty and was not made by handbook (`--force`).
  bool replace_foreign = false;
  // For tests: runs before each file of the build is written, with its path relative to the
  // output root. What it throws fails that write, as a full disk would.
  std::function<void(std::string_view rel)> before_write;
};

class OutputDir final : public OutputSink {
 public:
  // Removes the leftovers of killed builds and prepares the staging folder. Throws
  // std::runtime_error when that is not possible.
  explicit OutputDir(std::filesystem::path target, OutputOptions options = {});
  ~OutputDir();  // without a commit, the staging folder goes back to being the spare
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  // Writes `content` to `rel` (relative to the output root), creating folders; a file that
  // already has exactly this content is left alone. Thread-safe for distinct paths. Throws
  // std::runtime_error on failure.
  void write(std::string_view rel, std::string_view content) const override;
  // Streams a file: `fill` writes its content to the stream, piece by piece.
  void write_stream(std::string_view rel,
                    const std::function<void(std::ostream&)>& fill) const override;
  // Copies a file of the site to `rel`: on disk as a file copy, from elsewhere read and written.
  void copy(const SiteSource& source, const std::filesystem::path& real,
            std::string_view rel) const override;
  // The staging path of `rel`, for a file that another program writes there (the booklet's
  // PDF), with its folder made; the file counts as written by this build.
  std::filesystem::path external(std::string_view rel) const;
  // Removes from staging what this build did not write, then swaps it in for the target. Throws
  // std::runtime_error, leaving the target as it was, when the target is not a folder or is a
  // non-empty folder that handbook did not make (unless `replace_foreign`).
  void commit(unsigned threads = 1);

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }

 private:
  void start_staging();
  void record(std::string_view rel) const;
  void about_to_write(std::string_view rel) const;
  void prune(unsigned threads) const;
  void swap_in();

  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::filesystem::path spare_;
  OutputOptions options_;
  bool recycled_ = false;  // staging began as the spare: files may exist, prune is needed
  bool committed_ = false;
  mutable std::mutex mutex_;
  mutable std::unordered_set<std::string> written_;  // paths relative to the output root
};

}  // namespace hb
