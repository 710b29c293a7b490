#include "output_sink.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "base/messages.h"

namespace hb {

std::string joined(const TextPieces& pieces) {
  size_t size = 0;
  for (auto& piece : pieces)
    size += piece->size();
  std::string out;
  out.reserve(size);
  for (auto& piece : pieces)
    out += *piece;
  return out;
}

bool same_bytes(const TextPieces& a, const TextPieces& b) {
  if (a.size() == b.size()) {  // the same cuts, most often the same pieces
    size_t i = 0;
    while (i < a.size() && (a[i] == b[i] || *a[i] == *b[i]))
      ++i;
    if (i == a.size()) return true;
  }
  // Byte by byte: the bytes of a's piece i from offset x against those of b's piece j from y.
  size_t i = 0, j = 0, x = 0, y = 0;
  while (true) {
    while (i < a.size() && x == a[i]->size())
      ++i, x = 0;
    while (j < b.size() && y == b[j]->size())
      ++j, y = 0;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    size_t n = std::min(a[i]->size() - x, b[j]->size() - y);
    if (a[i]->compare(x, n, *b[j], y, n) != 0) return false;
    x += n;
    y += n;
  }
}

void MemoryOutput::write(std::string_view rel, std::string_view content) const {
  write_owned(rel, std::string(content));
}

void MemoryOutput::write_owned(std::string_view rel, std::string content) const {
  std::lock_guard lock(mutex_);
  pieces_.erase(std::string(rel));
  files_.insert_or_assign(std::string(rel), std::move(content));
}

void MemoryOutput::write_pieces(std::string_view rel, TextPieces pieces) const {
  std::lock_guard lock(mutex_);
  files_.erase(std::string(rel));
  pieces_.insert_or_assign(std::string(rel), std::move(pieces));
}

void MemoryOutput::write_stream(std::string_view rel,
                                const std::function<void(std::ostream&)>& fill) const {
  std::ostringstream out;
  fill(out);
  write_owned(rel, std::move(out).str());  // the stream's buffer, not a copy
}

void MemoryOutput::copy(const SiteSource& source, const std::filesystem::path& real,
                        std::string_view rel) const {
  std::string content;
  if (!source.read(real, content))
    throw std::runtime_error(msg("out_cannot_read", {{"path", real.string()}}));
  write_owned(rel, std::move(content));
}

std::map<std::string, std::string, std::less<>> MemoryOutput::take() {
  std::map<std::string, std::string, std::less<>> out = std::move(files_);
  for (auto& [path, pieces] : pieces_)
    out.emplace(path, joined(pieces));
  pieces_.clear();
  return out;
}

std::map<std::string, TextPieces, std::less<>> MemoryOutput::take_pieces() {
  std::map<std::string, TextPieces, std::less<>> out = std::move(pieces_);
  for (auto& [path, content] : files_)
    out.emplace(path, TextPieces{std::make_shared<const std::string>(std::move(content))});
  files_.clear();
  return out;
}

}  // namespace hb
