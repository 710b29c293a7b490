#include "output_sink.h"

#include <sstream>
#include <stdexcept>

#include "base/messages.h"

namespace hb {

void MemoryOutput::write(std::string_view rel, std::string_view content) const {
  write_owned(rel, std::string(content));
}

void MemoryOutput::write_owned(std::string_view rel, std::string content) const {
  std::lock_guard lock(mutex_);
  files_.insert_or_assign(std::string(rel), std::move(content));
}

void MemoryOutput::write_stream(std::string_view rel,
                                const std::function<void(std::ostream&)>& fill) const {
  std::ostringstream out;
  fill(out);
  std::string content = std::move(out).str();  // the stream's buffer, not a copy
  std::lock_guard lock(mutex_);
  files_.insert_or_assign(std::string(rel), std::move(content));
}

void MemoryOutput::copy(const SiteSource& source, const std::filesystem::path& real,
                        std::string_view rel) const {
  std::string content;
  if (!source.read(real, content))
    throw std::runtime_error(msg("out_cannot_read", {{"path", real.string()}}));
  write(rel, content);
}

}  // namespace hb
