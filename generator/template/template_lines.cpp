#include "template_lines.h"

#include <optional>

namespace hb {

namespace {

// The start of the line holding `pos` when only spaces and tabs come before `pos` on it.
std::optional<size_t> blank_before(std::string_view text, size_t pos) {
  while (pos > 0 && is_indent_char(text[pos - 1]))
    --pos;
  if (pos == 0 || text[pos - 1] == '\n') return pos;
  return std::nullopt;
}

// Where the spaces and tabs starting at `pos` end.
size_t skip_blanks(std::string_view text, size_t pos) {
  while (pos < text.size() && is_indent_char(text[pos]))
    ++pos;
  return pos;
}

// The start of the next line (or the end of the text) when only spaces and tabs come after
// `pos` on its line.
std::optional<size_t> blank_after(std::string_view text, size_t pos) {
  pos = skip_blanks(text, pos);
  if (pos == text.size()) return pos;
  if (text[pos] == '\n') return pos + 1;
  if (text.compare(pos, 2, "\r\n") == 0) return pos + 2;
  return std::nullopt;
}

bool may_stand_alone(TagKind kind) {
  return kind != TagKind::Value && kind != TagKind::Raw;
}

// Makes `tag` stand alone on a line starting at `line_start`.
void set_standalone(std::string_view text, Tag& tag, size_t line_start) {
  tag.standalone = true;
  tag.cut_begin = line_start;
  tag.indent = text.substr(line_start, tag.start - line_start);
}

void mark_single(std::string_view text, Tag& tag) {
  if (!may_stand_alone(tag.kind)) return;
  auto begin = blank_before(text, tag.start);
  auto end = blank_after(text, tag.end);
  if (!begin || !end) return;
  set_standalone(text, tag, *begin);
  tag.cut_end = *end;
}

// `  {{$block}}{{/block}}`: the indentation goes, the line break stays (the block's content,
// usually given by the parent call, takes the place of the line).
void mark_empty_block(std::string_view text, Tag& open, Tag& close) {
  if (open.standalone || close.start != open.end) return;
  auto begin = blank_before(text, open.start);
  if (!begin || !blank_after(text, close.end)) return;
  set_standalone(text, open, *begin);
  close.cut_end = skip_blanks(text, close.end);
}

// `  {{<parent}}...{{/parent}}` all on one line.
void mark_one_line_parent(std::string_view text, Tag& open, Tag& close) {
  if (open.standalone ||
      text.substr(open.end, close.start - open.end).find('\n') != std::string_view::npos)
    return;
  auto begin = blank_before(text, open.start);
  auto end = blank_after(text, close.end);
  if (!begin || !end) return;
  set_standalone(text, open, *begin);
  close.cut_end = *end;
}

// `  {{<parent}}{{$block}}` ending a line: both stand alone.
void mark_parent_and_first_block(std::string_view text, Tag& parent, Tag& block) {
  if (parent.standalone || block.kind != TagKind::Block || block.start != parent.end) return;
  auto begin = blank_before(text, parent.start);
  auto end = blank_after(text, block.end);
  if (!begin || !end) return;
  set_standalone(text, parent, *begin);
  block.standalone = true;
  block.cut_end = *end;
}

// `  {{/block}}{{/parent}}` alone on a line.
void mark_last_block_and_parent(std::string_view text, const std::vector<Tag>& tags, Tag& last,
                                Tag& close) {
  if (last.kind != TagKind::Close || tags[last.partner].kind != TagKind::Block ||
      last.end != close.start || last.standalone || close.standalone)
    return;
  auto begin = blank_before(text, last.start);
  auto end = blank_after(text, close.end);
  if (!begin || !end) return;
  set_standalone(text, last, *begin);
  close.cut_end = *end;
}

void mark_parent(std::string_view text, std::vector<Tag>& tags, size_t i) {
  size_t end = tags[i].partner;
  mark_one_line_parent(text, tags[i], tags[end]);
  if (end > i + 1) {
    mark_parent_and_first_block(text, tags[i], tags[i + 1]);
    mark_last_block_and_parent(text, tags, tags[end - 1], tags[end]);
  }
}

}  // namespace

void mark_standalone_lines(std::string_view text, std::vector<Tag>& tags) {
  for (Tag& tag : tags) {
    tag.cut_begin = tag.start;
    tag.cut_end = tag.end;
    mark_single(text, tag);
  }
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].kind == TagKind::Block) mark_empty_block(text, tags[i], tags[tags[i].partner]);
    if (tags[i].kind == TagKind::Parent) mark_parent(text, tags, i);
  }
}

}  // namespace hb
