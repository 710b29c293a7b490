// Markdown limits: the constructs on which cmark-gfm (0.29.0.gfm.6, as Debian ships it) takes
// time or memory that grows with the square of a small input, found before the text is parsed.
// A text over a limit is not parsed at all; its page fails with a report at the construct.
//
//   - a table: cmark-gfm reads a row in time that grows with the square of its cells, and fills
//     every short row up to the table's width ("|x" under 200 columns is 200 cells);
//   - brackets: each link closed in a paragraph looks again at every '[' still open before it
//     (`![[]()` repeated);
//   - an inline `<?` or `<![CDATA[` that is never closed is looked for to the end of its
//     paragraph, each time it is written;
//   - a link definition is copied into every link that uses it: 30,000 uses (`[a]`) of one
//     10 KB address made a page of 288 MB;
//   - each footnote reference adds a link back to it in the footnote.
//
// The counts are made on lines, without parsing: a block is a run of lines with no blank line,
// a quote's '>' counted as blank space; the counts may exceed what cmark-gfm does, never fall
// short of it. No page an editor writes comes near the limits.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hb {

// The most cells ('|') a line of a table may hold.
inline constexpr int kMaxTableRowCells = 100;
// The most cells all the tables of one text may have: columns times rows, filled ones or not.
inline constexpr long kMaxTableCells = 100000;
// The most looks back at open brackets that closing brackets may cost in one text.
inline constexpr long kMaxBracketWork = 20000000;
// The most bytes that unclosed `<?` and `<![CDATA[` may have cmark-gfm scan in one text.
inline constexpr long kMaxUnclosedScan = 50000000;

// The most bytes that the uses of link definitions may copy: the largest paragraph that may hold
// definitions times the number of ']' in the text, which each may close a use.
inline constexpr long kMaxLinkCopies = 32L << 20;
// The most footnote references (`[^`) one text may hold.
inline constexpr long kMaxFootnoteReferences = 5000;

// Where a text goes over a limit, and what to write instead.
struct MarkdownLimit {
  int line = 0;     // 1-based, within the text
  size_t byte = 0;  // within that line
  std::string message;
};

// The first place where `text` goes over a limit above, or nullopt.
std::optional<MarkdownLimit> over_markdown_limits(std::string_view text);

}  // namespace hb
