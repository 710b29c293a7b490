#include "output_sink.h"

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
