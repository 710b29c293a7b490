#include "markdown_limits.h"

#include <algorithm>
#include <vector>

#include "base/messages.h"

namespace hb {

namespace {

struct Line {
  size_t start = 0;  // in the text
  std::string_view text;
  size_t body = 0;  // where the text begins after the '>' of quotes, within the line
  int indent = 0;   // spaces and tabs before it
  bool blank = false;
};

// The lines of `text`, under any line ending (LF, CRLF, CR), as cmark-gfm counts them.
std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> out;
  for (size_t i = 0; i <= text.size();) {
    size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    Line l;
    l.start = i;
    l.text = text.substr(i, end - i);
    size_t at = 0;
    for (;;) {  // up to three spaces and a '>', again and again
      size_t spaces = 0;
      while (at + spaces < l.text.size() && spaces < 3 && l.text[at + spaces] == ' ')
        ++spaces;
      if (at + spaces >= l.text.size() || l.text[at + spaces] != '>') break;
      at += spaces + 1;
    }
    l.body = at;
    while (at < l.text.size() && (l.text[at] == ' ' || l.text[at] == '\t'))
      ++at, ++l.indent;
    l.blank = at == l.text.size();
    out.push_back(l);
    if (end == text.size()) break;
    i = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
  }
  return out;
}

std::string_view content(const Line& l) {
  return l.text.substr(l.body + static_cast<size_t>(l.indent));
}

// A line that cmark-gfm's tables may read as the row under a table's header: '|', '-', ':' and
// blank space, with at least one '-'.
bool delimiter_row(const Line& l) {
  std::string_view c = content(l);
  return !c.empty() && c.find('-') != std::string_view::npos &&
         c.find_first_not_of("|-: \t\v\f") == std::string_view::npos;
}

// A line that always begins a block of its own, ending the paragraph before it: a list item
// with text, or a heading.
bool starts_block(const Line& l) {
  if (l.indent > 3) return false;
  std::string_view c = content(l);
  if (c.size() >= 3 && (c[0] == '-' || c[0] == '*' || c[0] == '+') && c[1] == ' ' && c[2] != ' ')
    return true;
  if (c.size() >= 4 && c[0] == '1' && (c[1] == '.' || c[1] == ')') && c[2] == ' ' && c[3] != ' ')
    return true;
  size_t hashes = c.find_first_not_of('#');
  return hashes >= 1 && hashes <= 6 && hashes < c.size() && c[hashes] == ' ';
}

class Counter {
 public:
  explicit Counter(std::string_view text) : text_(text), lines_(lines_of(text)) {}

  std::optional<MarkdownLimit> run() {
    for (size_t from = 0; from < lines_.size() && !found_;) {
      if (lines_[from].blank) {
        ++from;
        continue;
      }
      size_t to = from;
      while (to < lines_.size() && !lines_[to].blank)
        ++to;
      tables(from, to);
      for (size_t unit = from; unit < to && !found_;) {  // the paragraphs of the block
        size_t end = unit + 1;
        while (end < to && !starts_block(lines_[end]))
          ++end;
        inlines(unit, end);
        definitions(unit, end);
        unit = end;
      }
      from = to;
    }
    if (!found_) copies();
    if (!found_) footnote_references();
    return found_;
  }

 private:
  void report(size_t line, size_t byte, std::string message) {
    if (!found_) found_ = MarkdownLimit{static_cast<int>(line) + 1, byte, std::move(message)};
  }

  // The tables that the block of lines [from, to) may hold.
  void tables(size_t from, size_t to) {
    size_t first = to;
    long cells = 0;
    for (size_t k = from; k < to; ++k) {
      if (!delimiter_row(lines_[k])) continue;
      first = std::min(first, k == from ? k : k - 1);  // the header is the line above
      long columns =
          static_cast<long>(std::count(lines_[k].text.begin(), lines_[k].text.end(), '|')) + 1;
      cells = std::max(cells, columns * static_cast<long>(to - k + 1));
    }
    for (size_t k = first; k < to; ++k) {
      std::string_view t = lines_[k].text;
      size_t pipe = std::string_view::npos;
      for (int n = 0; n <= kMaxTableRowCells; ++n)
        if ((pipe = t.find('|', pipe == std::string_view::npos ? 0 : pipe + 1)) ==
            std::string_view::npos)
          break;
      if (pipe != std::string_view::npos) {
        report(k, pipe, msg("md_table_row_cells", {{"max", std::to_string(kMaxTableRowCells)}}));
        return;
      }
    }
    table_cells_ += cells;
    if (first < to && table_cells_ > kMaxTableCells)
      report(first, 0, msg("md_table_cells", {{"max", std::to_string(kMaxTableCells)}}));
  }

  // The paragraph on lines [from, to) may hold link definitions when it holds "]:": each may be
  // as long as the paragraph.
  void definitions(size_t from, size_t to) {
    size_t begin = lines_[from].start;
    size_t end = lines_[to - 1].start + lines_[to - 1].text.size();
    std::string_view t = text_.substr(begin, end - begin);
    if (t.find("]:") == std::string_view::npos) return;
    if (t.size() > longest_definition_) {
      longest_definition_ = t.size();
      definition_line_ = from;
    }
  }

  // What the uses of link definitions may copy: at most one definition per ']'.
  void copies() {
    if (!longest_definition_) return;
    long closes = static_cast<long>(std::count(text_.begin(), text_.end(), ']'));
    if (closes * static_cast<long>(longest_definition_) <= kMaxLinkCopies) return;
    report(definition_line_, lines_[definition_line_].body + lines_[definition_line_].indent,
           msg("md_link_copies", {{"size", std::to_string(longest_definition_)},
                                  {"uses", std::to_string(closes)},
                                  {"max", std::to_string(kMaxLinkCopies >> 20)}}));
  }

  void footnote_references() {
    size_t at = text_.find("[^");
    for (long n = 1; at != std::string_view::npos; at = text_.find("[^", at + 2), ++n)
      if (n > kMaxFootnoteReferences)
        return this->at(
            at, msg("md_footnote_references", {{"max", std::to_string(kMaxFootnoteReferences)}}));
  }

  // The inline work of the paragraph on lines [from, to).
  void inlines(size_t from, size_t to) {
    size_t begin = lines_[from].start;
    size_t end = lines_[to - 1].start + lines_[to - 1].text.size();
    std::string_view t = text_.substr(begin, end - begin);
    long open = 0;                         // brackets open, as cmark-gfm keeps them
    size_t pi_close = 0, cdata_close = 0;  // where the next "?>" and "]]>" end, once looked for
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (c == '\\') {
        ++i;
      } else if (c == '[') {
        ++open;
      } else if (c == ']' && open > 0) {
        bracket_work_ += open--;
        if (bracket_work_ > kMaxBracketWork)
          return at(begin + i, msg("md_brackets", {{"max", std::to_string(kMaxBracketWork)}}));
      } else if (c == '<' && t.substr(i, 2) == "<?") {
        if (!scan(t, i, "?>", pi_close, begin)) return;
      } else if (c == '<' && t.substr(i, 9) == "<![CDATA[") {
        if (!scan(t, i, "]]>", cdata_close, begin)) return;
      }
    }
  }

  // cmark-gfm looks for `close` from `i` on: the bytes it reads count. False when over the limit.
  bool scan(std::string_view t, size_t i, std::string_view close, size_t& next, size_t begin) {
    if (next <= i) {
      size_t found = t.find(close, i + 2);
      next = found == std::string_view::npos ? t.size() : found + close.size();
    }
    unclosed_scan_ += static_cast<long>(next - i);
    if (unclosed_scan_ <= kMaxUnclosedScan) return true;
    at(begin + i,
       msg("md_unclosed_html", {{"what", std::string(t.substr(i, close == "?>" ? 2 : 9))}}));
    return false;
  }

  // Reports at byte `offset` of the text.
  void at(size_t offset, std::string message) {
    auto line = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                 [](size_t o, const Line& l) { return o < l.start; }) -
                lines_.begin() - 1;
    report(static_cast<size_t>(line), offset - lines_[static_cast<size_t>(line)].start,
           std::move(message));
  }

  std::string_view text_;
  std::vector<Line> lines_;
  long table_cells_ = 0, bracket_work_ = 0, unclosed_scan_ = 0;
  size_t longest_definition_ = 0, definition_line_ = 0;
  std::optional<MarkdownLimit> found_;
};

}  // namespace

std::optional<MarkdownLimit> over_markdown_limits(std::string_view text) {
  // Texts without any of the characters involved, as most are, need no closer look.
  if (text.find_first_of("|[<") == std::string_view::npos) return std::nullopt;
  return Counter(text).run();
}

}  // namespace hb
