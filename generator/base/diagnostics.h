// Diagnostics: the problems a build finds, with the place in the source they point at.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hb {

enum class Severity { Error, Warning };

// One problem. `line` and `col` are 1-based; `col` counts characters (UTF-8 code points), as
// editors do. `source_line` is the text of that line, shown under the message with a caret.
struct Diagnostic {
  Severity severity = Severity::Error;
  std::string path;
  int line = 0;
  int col = 0;
  std::string message;
  std::string source_line;  // a long line is cut to an excerpt around the column
  int caret = 0;            // column of the caret within `source_line`; 0: `col`
};

// Limits that keep a flood of problems readable and its memory bounded: further problems are
// counted, not kept.
inline constexpr size_t kMaxProblemsPerFile = 100;
inline constexpr size_t kMaxProblems = 1000;
// A source line longer than this many characters is shown as an excerpt around the column.
inline constexpr int kMaxExcerpt = 160;

// Collects diagnostics from any thread; sorted by path, line and column before printing.
class Diagnostics {
 public:
  void add(Diagnostic d);
  void error(std::string path, int line, int col, std::string message,
             std::string_view source_line);
  void warning(std::string path, int line, int col, std::string message,
               std::string_view source_line);
  // Error in a file at a position, taking the source line out of `text`.
  void error_at(std::string_view path, std::string_view text, int line, int col,
                std::string message);
  void merge(const Diagnostics& other);

  // Every error found, kept or not.
  size_t error_count() const;
  bool has_errors() const { return error_count() > 0; }
  // False once `path` has reached its limit of problems: a caller may skip the work of
  // describing another one.
  bool accepts(std::string_view path) const;
  // Problems found beyond the limits: counted, not shown.
  size_t omitted() const;
  // All diagnostics, sorted by path, line, column and message.
  std::vector<Diagnostic> sorted() const;

 private:
  // Counts a problem of a file that is past its limit and returns true; false when it may be
  // kept.
  bool omit(std::string_view path, Severity severity);
  // With the mutex held: whether `path` has reached its limit, and keeping `d` within the limits.
  bool full(std::string_view path) const;
  void keep(Diagnostic d);

  mutable std::mutex mutex_;
  std::vector<Diagnostic> items_;
  std::unordered_map<std::string, size_t> per_file_;
  size_t errors_ = 0;
  size_t warnings_ = 0;
  size_t omitted_ = 0;
};

// The part of `line` shown for column `col`: the whole line, or when it is longer than
// kMaxExcerpt characters an excerpt around the column with "…" where it was cut. `caret` is set
// to the column's place within the excerpt.
std::string excerpt(std::string_view line, int col, int& caret);

// `path:line:col: error: message`, then the source line and a caret under the column.
std::string format_text(const Diagnostic& d);
// `::error file=PATH,line=L,col=C::MESSAGE` for GitHub Actions annotations.
std::string format_github(const Diagnostic& d);

// Line `line` (1-based) of `text`, without its line break; empty when out of range.
std::string_view line_of(std::string_view text, int line);

// The lines of one text asked for mostly in increasing order (as a document's links are): each
// search goes on from the line found last.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  // As line_of(text, number).
  std::string_view line(int number);

 private:
  std::string_view text_;
  size_t start_ = 0;  // where line `line_` begins
  int line_ = 1;
};
// Number of UTF-8 code points in `s`.
int utf8_length(std::string_view s);
// 1-based character column of the byte at `byte_offset` within `line`.
int column_of_byte(std::string_view line, size_t byte_offset);

// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);
// " (did you mean 'x'?)" or "" when nothing is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace hb
