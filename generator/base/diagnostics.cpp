#include "diagnostics.h"

#include "escape.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>

#include "messages.h"

namespace hb {

namespace {

auto sort_key(const Diagnostic& d) {
  return std::tie(d.path, d.line, d.col, d.message);
}

// Sorts `items` by path, line, column and message and drops repeats.
void sort_unique(std::vector<Diagnostic>& items) {
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return sort_key(a) < sort_key(b);
  });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const Diagnostic& a, const Diagnostic& b) {
                            return sort_key(a) == sort_key(b) && a.severity == b.severity;
                          }),
              items.end());
}

}  // namespace

bool Diagnostics::full(std::string_view path) const {
  auto it = per_file_.find(std::string(path));
  return it != per_file_.end() && it->second >= kMaxProblemsPerFile;
}

void Diagnostics::keep(Diagnostic d) {
  if (full(d.path)) {
    ++omitted_;
    return;
  }
  ++per_file_[d.path];
  if (d.caret == 0 && utf8_length(d.source_line) > kMaxExcerpt)
    d.source_line = excerpt(d.source_line, d.col, d.caret);
  items_.push_back(std::move(d));
  // Keep the first kMaxProblems in sorted order, whichever thread found them first.
  if (items_.size() >= 2 * kMaxProblems) {
    sort_unique(items_);
    if (items_.size() > kMaxProblems) {
      omitted_ += items_.size() - kMaxProblems;
      items_.resize(kMaxProblems);
    }
  }
}

bool Diagnostics::accepts(std::string_view path) const {
  std::lock_guard lock(mutex_);
  return !full(path);
}

bool Diagnostics::omit(std::string_view path, Severity severity) {
  std::lock_guard lock(mutex_);
  if (!full(path)) return false;
  ++(severity == Severity::Error ? errors_ : warnings_);
  ++omitted_;
  return true;
}

void Diagnostics::add(Diagnostic d) {
  std::lock_guard lock(mutex_);
  ++(d.severity == Severity::Error ? errors_ : warnings_);
  keep(std::move(d));
}

void Diagnostics::error(std::string path, int line, int col, std::string message,
                        std::string_view source_line) {
  if (omit(path, Severity::Error)) return;
  Diagnostic d{Severity::Error, std::move(path), line, col, std::move(message), {}};
  d.source_line = excerpt(source_line, col, d.caret);
  add(std::move(d));
}

void Diagnostics::warning(std::string path, int line, int col, std::string message,
                          std::string_view source_line) {
  if (omit(path, Severity::Warning)) return;
  Diagnostic d{Severity::Warning, std::move(path), line, col, std::move(message), {}};
  d.source_line = excerpt(source_line, col, d.caret);
  add(std::move(d));
}

void Diagnostics::error_at(std::string_view path, std::string_view text, int line, int col,
                           std::string message) {
  // Past the limits the line is not even looked up: a flood costs no more than its count.
  if (omit(path, Severity::Error)) return;
  error(std::string(path), line, col, std::move(message), line_of(text, line));
}

void Diagnostics::merge(const Diagnostics& other) {
  std::vector<Diagnostic> theirs;
  size_t errors, warnings, omitted;
  {
    std::lock_guard lock(other.mutex_);
    theirs = other.items_;
    errors = other.errors_, warnings = other.warnings_, omitted = other.omitted_;
  }
  std::lock_guard lock(mutex_);
  errors_ += errors;
  warnings_ += warnings;
  omitted_ += omitted;
  for (auto& d : theirs)
    keep(std::move(d));
}

size_t Diagnostics::error_count() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

size_t Diagnostics::omitted() const {
  std::lock_guard lock(mutex_);
  std::vector<Diagnostic> all = items_;
  sort_unique(all);
  return omitted_ + (all.size() > kMaxProblems ? all.size() - kMaxProblems : 0);
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  std::vector<Diagnostic> out;
  {
    std::lock_guard lock(mutex_);
    out = items_;
  }
  sort_unique(out);
  if (out.size() > kMaxProblems) out.resize(kMaxProblems);
  return out;
}

std::string excerpt(std::string_view line, int col, int& caret) {
  caret = 0;
  if (utf8_length(line) <= kMaxExcerpt) return std::string(line);
  // Byte offsets of code points: keep kMaxExcerpt / 2 characters on either side of the column.
  auto advance = [&](size_t from, int chars) {
    size_t i = from;
    for (; i < line.size() && chars > 0; --chars)
      for (++i; i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80;)
        ++i;
    return i;
  };
  int half = kMaxExcerpt / 2;
  int first = std::max(1, col - half);  // the first column shown
  size_t begin = advance(0, first - 1);
  size_t end = advance(begin, kMaxExcerpt);
  std::string out;
  if (begin > 0) out += "…";
  out.append(line.substr(begin, end - begin));
  if (end < line.size()) out += "…";
  caret = col - first + 1 + (begin > 0 ? 1 : 0);
  return out;
}

static const char* severity_name(Severity s) {
  return s == Severity::Error ? "error" : "warning";
}

std::string format_text(const Diagnostic& d) {
  std::string out = terminal_text(d.path, true);
  if (d.line > 0) {
    (out += ':') += std::to_string(d.line);
    if (d.col > 0) (out += ':') += std::to_string(d.col);
  }
  out += ": " + msg(d.severity == Severity::Error ? "severity_error" : "severity_warning") + ": " +
         terminal_text(d.message, true, true) + "\n";
  if (d.line > 0 && !d.source_line.empty()) {
    out += "    " + terminal_text(d.source_line, true) + "\n";
    // One column per character as shown (a byte that is not UTF-8 shows as one U+FFFD); tabs
    // kept in the padding so the caret lines up under tab-indented text.
    std::string pad;
    int col = 1;
    int caret = d.caret > 0 ? d.caret : d.col;
    const std::string& line = d.source_line;
    for (size_t i = 0; i < line.size() && col < caret; ++col) {
      pad += line[i] == '\t' ? '\t' : ' ';
      size_t n = utf8_sequence(line, i);
      i += n ? n : 1;
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
  std::string out = std::string("::") + severity_name(d.severity) +
                    " file=" + github_escape(terminal_text(d.path, true), true);
  if (d.line > 0) out += ",line=" + std::to_string(d.line);
  if (d.col > 0) out += ",col=" + std::to_string(d.col);
  out += "::" + github_escape(terminal_text(d.message, true, true), false) + "\n";
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

// Characters are counted as the bytes that do not continue one (0x80..0xBF); compilers turn
// this loop into vector code.
int utf8_length(std::string_view s) {
  size_t continuation = 0;
  for (char c : s)
    continuation += (static_cast<unsigned char>(c) & 0xC0) == 0x80;
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
  return m.empty() ? std::string() : msg("did_you_mean", {{"word", "'" + m + "'"}});
}

}  // namespace hb
