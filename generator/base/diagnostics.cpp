#include "diagnostics.h"

#include <emmintrin.h>
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
    (out += ':') += std::to_string(d.line);
    if (d.col > 0) (out += ':') += std::to_string(d.col);
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
  return LineCursor(text).line(line);
}

std::string_view LineCursor::line(int number) {
  if (number < 1) return {};
  if (number < line_) start_ = 0, line_ = 1;
  for (; line_ < number; ++line_) {
    size_t nl = text_.find('\n', start_);
    if (nl == std::string_view::npos) return {};
    start_ = nl + 1;
  }
  size_t end = text_.find('\n', start_);
  if (end == std::string_view::npos) end = text_.size();
  if (end > start_ && text_[end - 1] == '\r') --end;
  return text_.substr(start_, end - start_);
}

int utf8_length(std::string_view s) {
  // Sixteen bytes at a time: continuation bytes 0x80..0xBF are those below -64 as signed bytes.
  // Each lane counts down by one per continuation byte, at most 255 blocks before it is summed.
  const char* p = s.data();
  size_t n = s.size(), i = 0, continuation = 0;
  const __m128i below = _mm_set1_epi8(-64);
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    size_t end = std::min(n - n % 16, i + 16 * 255);
    for (; i < end; i += 16) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(x, below));
    }
    __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    continuation += static_cast<size_t>(_mm_cvtsi128_si64(sums)) +
                    static_cast<size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
  for (; i < n; ++i)
    if ((static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) ++continuation;
  return static_cast<int>(n - continuation);
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
