#include "record_file.h"

#include <unistd.h>

#include <charconv>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace hb {

namespace {

constexpr std::uintmax_t kMaxFileSize = 512u << 20;

}  // namespace

std::optional<RecordFile> read_record_file(const fs::path& path, std::string_view magic) {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  if (ec || size > kMaxFileSize || size < magic.size()) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  RecordFile file;
  file.text.resize(static_cast<size_t>(size));
  if (!in.read(file.text.data(), static_cast<std::streamsize>(size))) return std::nullopt;
  std::string_view text = file.text;
  if (!text.starts_with(magic)) return std::nullopt;
  size_t pos = magic.size();
  while (pos < text.size()) {
    size_t end = text.find('\0', pos);
    if (end == std::string_view::npos) return std::nullopt;  // cut short
    file.fields.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return file;
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

std::string_view RecordReader::next() {
  if (at_ == fields_.size()) {
    ok = false;
    return {};
  }
  return fields_[at_++];
}

size_t RecordReader::count() {
  std::string_view field = next();
  size_t n = 0;
  auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), n);
  if (field.empty() || error != std::errc() || end != field.data() + field.size()) ok = false;
  return ok ? n : 0;
}

}  // namespace hb
