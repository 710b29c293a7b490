#include "record_file.h"

#include <unistd.h>

#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace hb {

namespace {

constexpr std::uintmax_t kMaxFileSize = 512u << 20;

}  // namespace

std::optional<std::vector<std::string>> read_record_file(const fs::path& path,
                                                         std::string_view magic) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec || size > kMaxFileSize || size < magic.size()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  std::string text(static_cast<size_t>(size), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  if (!std::string_view(text).starts_with(magic)) return std::nullopt;
  std::vector<std::string> fields;
  size_t pos = magic.size();
  while (pos < text.size()) {
    size_t end = text.find('\0', pos);
    if (end == std::string::npos) return std::nullopt;  // cut short
    fields.emplace_back(text, pos, end - pos);
    pos = end + 1;
  }
  return fields;
}

void write_record_file(const fs::path& path, std::string_view magic,
                       const std::vector<std::string>& fields) {
  std::string out(magic);
  for (const std::string& field : fields) {
    out += field;
    out += '\0';
  }
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::path temp = path;
  temp += ".new-" + std::to_string(::getpid());
  bool written = false;
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    written = f && f.write(out.data(), static_cast<std::streamsize>(out.size())) && f.flush();
  }
  if (written) fs::rename(temp, path, ec);
  if (!written || ec) fs::remove(temp, ec);
}

const std::string& RecordReader::next() {
  static const std::string none;
  if (at_ == fields_.size()) {
    ok = false;
    return none;
  }
  return fields_[at_++];
}

size_t RecordReader::count() {
  const std::string& field = next();
  if (field.empty() || field.size() > 9 || field.find_first_not_of("0123456789") != field.npos)
    ok = false;
  return ok ? std::stoul(field) : 0;
}

}  // namespace hb
