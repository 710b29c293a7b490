#include "template_build.h"

#include <optional>

#include "template_lines.h"
#include "template_paths.h"
#include "template_scan.h"
#include "template_source.h"

namespace hb {

namespace {

DottedName split_name(std::string_view name) {
  DottedName out;
  if (name == ".") return out;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    out.parts.emplace_back(name.substr(start, dot - start));
    out.heads.emplace_back(out.parts.back());
    out.paths.push_back(path_id(name.substr(0, dot)));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return out;
}

// `s` without the part of `prefix` it starts with.
std::string_view strip_prefix(std::string_view s, std::string_view prefix) {
  size_t n = 0;
  while (n < s.size() && n < prefix.size() && s[n] == prefix[n])
    ++n;
  return s.substr(n);
}

std::string common_prefix(std::string_view a, std::string_view b) {
  size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n])
    ++n;
  return std::string(a.substr(0, n));
}

// Builds the node tree from the tags, in one pass over the text. Each open section, block or
// parent call is a frame collecting its content. Inside a standalone block, the indentation
// common to its lines (`dedent`) is taken off each line: the block is indented where it is used.
class TreeBuilder {
 public:
  TreeBuilder(const TemplateSource& src, const std::vector<Tag>& tags)
      : src_(src), text_(src.text()), tags_(tags) {}

  Nodes build() {
    frames_.emplace_back();
    size_t text_begin = 0;
    for (size_t i = 0; i < tags_.size(); ++i) {
      add_text(text_begin, tags_[i].cut_begin, !tags_[i].standalone);
      text_begin = std::max(text_begin, tags_[i].cut_end);
      add_tag(i);
    }
    add_text(text_begin, text_.size(), false);
    return std::move(frames_.back().nodes);
  }

 private:
  struct Frame {
    size_t tag = kNoTag;  // the opening tag, none for the template itself
    Nodes nodes;
    std::string dedent;  // indentation taken off each line of the content
    std::string indent;  // block: indentation added to each line where it is used
  };

  bool in_parent_call() const {
    size_t tag = frames_.back().tag;
    return tag != kNoTag && tags_[tag].kind == TagKind::Parent;
  }

  // The text from `begin` to `end`, noting where its lines start. `tag_follows` says that a tag
  // printing on its line comes at `end` (so a line starting at `end` is not empty).
  void add_text(size_t begin, size_t end, bool tag_follows) {
    if (begin > end || in_parent_call()) return;
    TextNode chunk;
    bool at_line_start = starts_line(text_, begin);
    size_t pos = begin;
    while (true) {
      if (at_line_start) pos = begin_line(pos, end, tag_follows, chunk);
      if (pos >= end) break;
      size_t newline = text_.find('\n', pos);
      size_t stop = newline < end ? newline + 1 : end;
      chunk.text.append(text_.substr(pos, stop - pos));
      at_line_start = text_[stop - 1] == '\n';
      pos = stop;
    }
    append_text(std::move(chunk));
  }

  // Takes the dedent off the line starting at `pos` and records where the line's indentation
  // goes, unless the line is empty. Returns where the line's text starts.
  size_t begin_line(size_t pos, size_t end, bool tag_follows, TextNode& chunk) const {
    const std::string& dedent = frames_.back().dedent;
    size_t n = 0;
    while (n < dedent.size() && pos + n < end && text_[pos + n] == dedent[n])
      ++n;
    pos += n;
    bool has_text = pos < end ? !newline_at(text_, pos) : tag_follows && pos < text_.size();
    if (has_text) chunk.line_starts.push_back(static_cast<uint32_t>(chunk.text.size()));
    return pos;
  }

  void append_text(TextNode chunk) {
    if (chunk.text.empty() && chunk.line_starts.empty()) return;
    Nodes& nodes = frames_.back().nodes;
    auto* last = nodes.empty() ? nullptr : std::get_if<TextNode>(&nodes.back().v);
    if (!last) {
      nodes.push_back(Node{std::move(chunk)});
      return;
    }
    auto offset = static_cast<uint32_t>(last->text.size());
    for (uint32_t start : chunk.line_starts)
      last->line_starts.push_back(offset + start);
    last->text += chunk.text;
  }

  void add_tag(size_t i) {
    const Tag& tag = tags_[i];
    switch (tag.kind) {
      case TagKind::Value:
      case TagKind::Raw:
        add_node(ValueNode{split_name(tag.name), tag.kind == TagKind::Value});
        break;
      case TagKind::Partial:
        add_node(make_include(tag));
        break;
      case TagKind::Section:
      case TagKind::Inverted:
      case TagKind::Parent:
      case TagKind::Block:
        open_frame(i);
        break;
      case TagKind::Close:
        close_frame();
        break;
      case TagKind::Comment:
      case TagKind::Delimiters:
        break;
    }
  }

  template <class T>
  void add_node(T node) {
    frames_.back().nodes.push_back(Node{std::move(node)});
  }

  IncludeNode make_include(const Tag& tag) const {
    IncludeNode node;
    node.parent = tag.kind == TagKind::Parent;
    node.dynamic = tag.dynamic;
    node.name = tag.name;
    if (tag.dynamic) node.key = split_name(tag.name);
    node.standalone = tag.standalone;
    node.indent = std::string(strip_prefix(tag.indent, frames_.back().dedent));
    node.tag = tag.written;
    node.where = src_.where(tag.start);
    TemplateSource::Position at = src_.position(tag.start);
    node.line = at.line;
    node.col = at.col;
    return node;
  }

  void open_frame(size_t i) {
    Frame frame;
    frame.tag = i;
    frame.dedent = frames_.back().dedent;
    if (tags_[i].kind == TagKind::Block && tags_[i].standalone) indent_block(tags_[i], frame);
    frames_.push_back(std::move(frame));
  }

  // A standalone block's content loses the indentation common to its lines; where the block is
  // used, its own indentation is added instead: that of its content, or of its tag when the
  // content has no text.
  void indent_block(const Tag& open, Frame& frame) const {
    auto common = common_indent(open.cut_end, tags_[open.partner].cut_begin);
    std::string_view own = common ? std::string_view(*common) : open.indent;
    frame.indent = std::string(strip_prefix(own, frames_.back().dedent));
    if (common) frame.dedent = *common;
  }

  // The whitespace that all non-blank lines from `begin` to `end` start with.
  std::optional<std::string> common_indent(size_t begin, size_t end) const {
    std::optional<std::string> common;
    for (size_t pos = begin; pos < end;) {
      size_t text = pos;
      while (text < end && is_indent_char(text_[text]))
        ++text;
      bool blank = text >= end || newline_at(text_, text);
      if (!blank && starts_line(text_, pos)) {
        std::string_view indent = text_.substr(pos, text - pos);
        common = common ? common_prefix(*common, indent) : std::string(indent);
      }
      size_t newline = text_.find('\n', pos);
      if (newline >= end) break;
      pos = newline + 1;
    }
    return common;
  }

  void close_frame() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    const Tag& open = tags_[frame.tag];
    switch (open.kind) {
      case TagKind::Section:
      case TagKind::Inverted:
        add_node(SectionNode{split_name(open.name), open.kind == TagKind::Inverted,
                             std::move(frame.nodes), open.written, src_.where(open.start)});
        break;
      case TagKind::Block:
        add_node(make_block(open, std::move(frame)));
        break;
      case TagKind::Parent:
        add_node(make_parent(open, std::move(frame.nodes)));
        break;
      default:
        break;
    }
  }

  BlockNode make_block(const Tag& open, Frame frame) const {
    BlockNode block;
    block.name = open.name;
    block.standalone = open.standalone;
    block.starts_line = starts_line(text_, open.cut_end);
    block.indent = std::move(frame.indent);
    block.children = std::move(frame.nodes);
    block.tag = open.written;
    block.where = src_.where(open.start);
    return block;
  }

  // A parent call keeps only its blocks: any other content between its tags is ignored.
  IncludeNode make_parent(const Tag& open, Nodes content) const {
    IncludeNode node = make_include(open);
    for (Node& child : content)
      if (auto* block = std::get_if<BlockNode>(&child.v)) node.blocks.push_back(std::move(*block));
    return node;
  }

  const TemplateSource& src_;
  std::string_view text_;
  const std::vector<Tag>& tags_;
  std::vector<Frame> frames_;
};

}  // namespace

std::unique_ptr<CompiledTemplate> compile_template(std::string name, std::string source,
                                                   std::string path, Diagnostics& diags) {
  auto compiled = std::make_unique<CompiledTemplate>();
  compiled->name = std::move(name);
  compiled->path = std::move(path);
  compiled->source = std::move(source);
  TemplateSource src(compiled->path, compiled->source, diags);
  std::vector<Tag> tags;
  // Sections are paired only in a text whose tags all read well, to report no errors that are
  // mere echoes of an earlier one.
  if (!scan_tags(src, tags) || src.failed()) return nullptr;
  pair_sections(src, tags);
  if (src.failed()) return nullptr;
  mark_standalone_lines(src.text(), tags);
  compiled->nodes = TreeBuilder(src, tags).build();
  return compiled;
}

}  // namespace hb
