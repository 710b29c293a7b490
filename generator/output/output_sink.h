// Output sink: where a build writes its files. A folder on disk (output.h: staged and swapped
// into place) or memory (MemoryOutput below: for `handbook diff` and `handbook serve`).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "source/site_source.h"

namespace hb {

// A file's content as pieces that other files, or the same file of other builds, may share: its
// bytes are those of the pieces one after the other. The search index is written so, from the
// entries kept with its pages, when `handbook serve` builds again.
using TextPieces = std::vector<std::shared_ptr<const std::string>>;

// The pieces' bytes as one string.
std::string joined(const TextPieces& pieces);

// Whether two files have the same bytes, however their pieces cut them. Pieces they share are
// not read.
bool same_bytes(const TextPieces& a, const TextPieces& b);

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // Writes `content` to `rel` (relative to the output root). Thread-safe for distinct paths.
  // Throws std::runtime_error on failure.
  virtual void write(std::string_view rel, std::string_view content) const = 0;
  // Streams a file: `fill` writes its content to the stream, piece by piece.
  virtual void write_stream(std::string_view rel,
                            const std::function<void(std::ostream&)>& fill) const = 0;
  // Writes `content`, which the sink may keep instead of copying.
  virtual void write_owned(std::string_view rel, std::string content) const { write(rel, content); }
  // Writes the pieces one after the other; the sink may keep them instead of copying.
  virtual void write_pieces(std::string_view rel, TextPieces pieces) const {
    write_owned(rel, joined(pieces));
  }
  // Copies the file `real` of `source` (a file the file gate admitted) to `rel`.
  virtual void copy(const SiteSource& source, const std::filesystem::path& real,
                    std::string_view rel) const = 0;
};

// The output as a map from path (relative to the output root) to content.
class MemoryOutput final : public OutputSink {
 public:
  void write(std::string_view rel, std::string_view content) const override;
  void write_stream(std::string_view rel,
                    const std::function<void(std::ostream&)>& fill) const override;
  void write_owned(std::string_view rel, std::string content) const override;
  void write_pieces(std::string_view rel, TextPieces pieces) const override;
  void copy(const SiteSource& source, const std::filesystem::path& real,
            std::string_view rel) const override;

  // The files written, by path, each as one string. Not to be called while a build writes.
  std::map<std::string, std::string, std::less<>> take();
  // The files written, by path, each as its pieces: neither the pieces nor the files are copied.
  std::map<std::string, TextPieces, std::less<>> take_pieces();

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::string, std::less<>> files_;  // written whole
  mutable std::map<std::string, TextPieces, std::less<>> pieces_;  // written in pieces
};

}  // namespace hb
