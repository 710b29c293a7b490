#include "link_target.h"

#include <optional>
#include <vector>

#include "base/escape.h"
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

// The segments of a path relative to content/ ("" has none).
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  for (size_t pos = 0; pos < path.size();) {
    size_t end = std::min(path.find('/', pos), path.size());
    out.push_back(path.substr(pos, end - pos));
    pos = end + 1;
  }
  return out;
}

// `segment` as a Markdown link writes it: the characters that end or change a link encoded.
void append_segment(std::string& out, std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : segment) {
    if (std::string_view(" ()<>%#?\\\"").find(ch) == std::string_view::npos) {
      out += ch;
      continue;
    }
    auto c = static_cast<unsigned char>(ch);
    out += '%';
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
}

}  // namespace

std::string_view folder_of(std::string_view rel) {
  size_t slash = rel.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : rel.substr(0, slash);
}

std::string relative_link(std::string_view from_dir, std::string_view path, std::string_view url) {
  std::vector<std::string_view> from = segments(from_dir), to = segments(path);
  size_t common = 0;
  while (common < from.size() && common + 1 < to.size() && from[common] == to[common])
    ++common;
  std::string out;
  for (size_t i = common; i < from.size(); ++i)
    out += "../";
  for (size_t i = common; i < to.size(); ++i) {
    if (i > common) out += '/';
    append_segment(out, to[i]);
  }
  size_t hash = url.find('#');
  if (hash != std::string_view::npos) out += url.substr(hash);
  return out;
}

std::string absolute_link_problem(std::string_view from_dir, std::string_view url,
                                  std::string_view path, bool exists, std::string_view guess) {
  std::string quoted = "'" + std::string(url) + "'";
  if (exists)
    return msg("link_absolute_page",
               {{"url", quoted}, {"relative", relative_link(from_dir, path, url)}});
  std::string out = msg("link_absolute_none", {{"url", quoted}, {"path", std::string(path)}});
  if (!guess.empty()) out += msg("did_you_mean", {{"word", relative_link(from_dir, guess, url)}});
  return out;
}

bool link_anchor(std::string_view url, std::string& out, std::string& problem) {
  out.clear();
  size_t hash = url.find('#');
  if (hash == std::string_view::npos) return true;
  std::string_view written = url.substr(hash + 1);
  auto fail = [&](size_t at) {  // the code written at `at` does not decode
    problem = msg("link_anchor_code", {{"url", "'" + std::string(url) + "'"},
                                       {"code", std::string(written.substr(at, 3))}});
    out.clear();
    return false;
  };
  std::vector<size_t> from;  // where each byte of `out` is written in `written`
  for (size_t i = 0; i < written.size(); ++i) {
    from.push_back(i);
    if (written[i] != '%') {
      out += written[i];
      continue;
    }
    int hi = i + 1 < written.size() ? hex_value(written[i + 1]) : -1;
    int lo = i + 2 < written.size() ? hex_value(written[i + 2]) : -1;
    if (hi < 0 || lo < 0) return fail(i);
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  for (size_t i = 0; i < out.size();) {
    size_t n = utf8_sequence(out, i);
    auto c = static_cast<unsigned char>(out[i]);
    if (n == 0 || c < 0x20 || c == 0x7f) return fail(from[i]);
    i += n;
  }
  return true;
}

bool is_absolute_path(std::string_view url) {
  return url.starts_with("/") && !url.starts_with("//");
}

LinkTarget resolve_link(std::string_view from_dir, std::string_view url) {
  LinkTarget t;
  std::string quoted = "'" + std::string(url) + "'";
  if (is_absolute_path(url)) {
    // From the root of the site's folder (as GitHub reads it) or of content/.
    std::string_view rest = url.substr(1);
    if (rest.starts_with("content/")) rest.remove_prefix(8);
    if (!link_anchor(url, t.anchor, t.problem)) return t;
    t = resolve_link("", rest);
    if (!t.problem.empty()) t.problem = msg("link_absolute", {{"url", quoted}});
    return t;
  }
  if (!link_anchor(url, t.anchor, t.problem)) return t;
  std::string_view path = url.substr(0, url.find('#'));
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
