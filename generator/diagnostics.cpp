#include "diagnostics.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>

namespace hb {

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  items_.push_back(std::move(d));
}

void Diagnostics::error(std::string path, int line, int col, std::string message,
                        std::string source_line) {
  add({Severity::Error, std::move(path), line, col, std::move(message), std::move(source_line)});
}

void Diagnostics::warning(std::string path, int line, int col, std::string message,
                          std::string source_line) {
  add({Severity::Warning, std::move(path), line, col, std::move(message), std::move(source_line)});
}

void Diagnostics::error_at(std::string_view path, std::string_view text, int line, int col,
                           std::string message) {
  error(std::string(path), line, col, std::move(message), std::string(line_of(text, line)));
}

void Diagnostics::warning_at(std::string_view path, std::string_view text, int line, int col,
                             std::string message) {
  warning(std::string(path), line, col, std::move(message), std::string(line_of(text, line)));
}

void Diagnostics::merge(const Diagnostics& other) {
  auto theirs = other.sorted();
  std::lock_guard lock(mutex_);
  items_.insert(items_.end(), theirs.begin(), theirs.end());
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

size_t Diagnostics::warning_count() const {
  std::lock_guard lock(mutex_);
  return items_.size() - std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
           return d.severity == Severity::Error;
         });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  auto key = [](const Diagnostic& d) { return std::tie(d.path, d.line, d.col, d.message); };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  out.erase(std::unique(out.begin(), out.end(),
                        [&](const Diagnostic& a, const Diagnostic& b) {
                          return key(a) == key(b) && a.severity == b.severity;
                        }),
            out.end());
  return out;
}

static const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

std::string format_text(const Diagnostic& d) {
  std::string out = d.path;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.col > 0) out += ":" + std::to_string(d.col);
  }
  out += std::string(": ") + severity_name(d.severity) + ": " + d.message + "\n";
  if (d.line > 0 && !d.source_line.empty()) {
    out += "    " + d.source_line + "\n";
    // Keep tabs in the padding so the caret lines up under tab-indented text.
    std::string pad;
    int col = 1;
    for (size_t i = 0; i < d.source_line.size() && col < d.col; ++i) {
      unsigned char c = d.source_line[i];
      if ((c & 0xC0) == 0x80) continue;
      pad += c == '\t' ? '\t' : ' ';
      ++col;
    }
    out += "    " + pad + "^\n";
  }
  return out;
}

// GitHub's workflow commands need %, CR and LF escaped in the message and ',' ':' in values.
static std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string format_github(const Diagnostic& d) {
  std::string out =
      std::string("::") + severity_name(d.severity) + " file=" + github_escape(d.path, true);
  if (d.line > 0) out += ",line=" + std::to_string(d.line);
  if (d.col > 0) out += ",col=" + std::to_string(d.col);
  out += "::" + github_escape(d.message, false) + "\n";
  return out;
}

std::string_view line_of(std::string_view text, int line) {
  if (line < 1) return {};
  size_t start = 0;
  for (int i = 1; i < line; ++i) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return {};
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return text.substr(start, end - start);
}

int utf8_length(std::string_view s) {
  // Eight bytes at a time: a continuation byte has its top bit set and the next one clear.
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  size_t i = 0, continuation = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    continuation += static_cast<size_t>(__builtin_popcountll(x & ~(x << 1) & kHigh));
  }
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++continuation;
  return static_cast<int>(s.size() - continuation);
}

int column_of_byte(std::string_view line, size_t byte_offset) {
  return utf8_length(line.substr(0, std::min(byte_offset, line.size()))) + 1;
}

static size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  size_t limit = std::max<size_t>(1, std::min<size_t>(3, word.size() / 3 + 1));
  std::string best;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    size_t d = edit_distance(word, c);
    if (d < best_distance || (d == best_distance && !best.empty() && c < best)) {
      best_distance = d;
      best = c;
    }
  }
  return best_distance <= limit ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string m = closest_match(word, candidates);
  return m.empty() ? std::string() : " (did you mean '" + m + "'?)";
}

}  // namespace hb
