#include "link_target.h"

#include <optional>
#include <vector>

#include "base/messages.h"
#include "config/config.h"
#include "file_gate.h"

namespace hb {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `%XX` turned into its byte; a '%' without two hex digits stays as it is. False when a
// control character is encoded.
bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    int hi = i + 2 < in.size() && in[i] == '%' ? hex_value(in[i + 1]) : -1;
    int lo = hi >= 0 ? hex_value(in[i + 2]) : -1;
    if (lo < 0) {
      out += in[i];
      continue;
    }
    auto byte = static_cast<unsigned char>(hi * 16 + lo);
    if (byte < 0x20 || byte == 0x7f) return false;
    out += static_cast<char>(byte);
    i += 2;
  }
  return true;
}

// `base_dir/target` without empty, `.` and `..` parts; nullopt when it climbs out of content/.
std::optional<std::string> normalise(std::string_view base_dir, std::string_view target) {
  std::vector<std::string_view> parts;
  auto push = [&](std::string_view path) -> bool {
    size_t pos = 0;
    while (pos <= path.size()) {
      size_t end = std::min(path.find('/', pos), path.size());
      std::string_view seg = path.substr(pos, end - pos);
      if (seg == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      pos = end + 1;
    }
    return true;
  };
  if (!push(base_dir) || !push(target)) return std::nullopt;
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

}  // namespace

bool is_absolute_path(std::string_view url) {
  return url.starts_with("/") && !url.starts_with("//");
}

LinkTarget resolve_link(std::string_view from_dir, std::string_view url) {
  LinkTarget t;
  std::string quoted = "'" + std::string(url) + "'";
  if (is_absolute_path(url)) {
    t.problem = msg("link_absolute", {{"url", quoted}});
    return t;
  }
  size_t hash = url.find('#');
  if (hash != std::string_view::npos) t.anchor = std::string(url.substr(hash + 1));
  std::string_view path = url.substr(0, hash);
  path = path.substr(0, path.find('?'));
  std::string decoded;
  if (!percent_decode(path, decoded)) {
    t.problem = msg("link_control", {{"url", quoted}});
    return t;
  }
  auto normal = normalise(from_dir, decoded);
  if (!normal) {
    t.problem = msg("link_leaves", {{"url", quoted}});
    return t;
  }
  if (normal->empty()) {
    t.problem = msg("link_content_folder", {{"url", quoted}});
    return t;
  }
  t.path = std::move(*normal);
  t.page = is_markdown_type(file_type(t.path));
  return t;
}

}  // namespace hb
