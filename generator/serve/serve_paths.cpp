#include "serve_paths.h"

#include <algorithm>

#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "base/messages.h"

namespace hb {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The target with every %XX decoded, as often as it takes to leave no escape that decodes.
std::string decode_fully(std::string_view target) {
  std::string s(target);
  for (int round = 0; round < 4; ++round) {
    std::string out;
    bool changed = false;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
        changed = true;
      } else {
        out += s[i];
      }
    }
    s = std::move(out);
    if (!changed) break;
  }
  return s;
}

// Why `path` may not be served, or "".
std::string refusal(std::string_view path) {
  if (path.empty() || path.front() != '/') return msg("serve_path_slash");
  if (path.size() > 1 && path[1] == '/') return msg("serve_path_absolute");
  if (path.find('\\') != std::string_view::npos) return msg("serve_path_backslash");
  if (path.find('\0') != std::string_view::npos) return msg("serve_path_nul");
  size_t start = 1;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part == "." || part == "..") return msg("serve_path_dots", {{"part", std::string(part)}});
    if (part.empty() && end < path.size()) return msg("serve_path_empty");
    start = end + 1;
  }
  return "";
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool loopback_host(std::string_view host) {
  if (host.starts_with('[')) {  // [::1] or [::1]:port
    size_t end = host.find(']');
    if (end == std::string_view::npos) return false;
    std::string_view rest = host.substr(end + 1);
    if (!rest.empty() && !(rest[0] == ':' && all_digits(rest.substr(1)))) return false;
    return host.substr(1, end - 1) == "::1";
  }
  size_t colon = host.find(':');
  if (colon != std::string_view::npos) {
    if (!all_digits(host.substr(colon + 1))) return false;
    host = host.substr(0, colon);
  }
  if (host == "localhost") return true;
  if (!host.starts_with("127.")) return false;
  int parts = 0;  // four numbers of one to three digits
  for (size_t from = 0; from <= host.size(); ++parts) {
    size_t dot = std::min(host.find('.', from), host.size());
    std::string_view part = host.substr(from, dot - from);
    if (part.empty() || part.size() > 3 || !all_digits(part) || std::stoi(std::string(part)) > 255)
      return false;
    from = dot + 1;
  }
  return parts == 4;
}

RequestedFile requested_file(std::string_view path, std::string_view target) {
  RequestedFile r;
  // Decoded again, a path must still be fine: a server or proxy in front may decode it once
  // more. The target as sent is checked too, when the library keeps it.
  std::string_view raw = target.substr(0, target.find_first_of("?#"));
  std::vector<std::string> forms = {std::string(path), decode_fully(path)};
  if (!raw.empty()) forms.push_back(decode_fully(raw));
  for (const std::string& p : forms) {
    r.refusal = refusal(p);
    if (!r.refusal.empty()) return r;
  }
  r.rel = std::string(path.substr(1));
  if (r.rel.empty() || r.rel.back() == '/') r.rel += "index.html";
  return r;
}

std::string content_type(std::string_view rel) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {"html", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"txt", "text/plain; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"pdf", "application/pdf"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"csv", "text/csv; charset=utf-8"},
  };
  size_t slash = rel.rfind('/');
  size_t dot = rel.rfind('.');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    std::string ext = lower(rel.substr(dot + 1));
    for (auto& [e, type] : kTypes)
      if (ext == e) return type;
  }
  return "application/octet-stream";
}

}  // namespace hb
