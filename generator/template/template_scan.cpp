#include "template_scan.h"

#include <algorithm>
#include <string>

#include "base/messages.h"
#include "template.h"

namespace hb {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

TagKind kind_of(char sigil) {
  switch (sigil) {
    case '!':
      return TagKind::Comment;
    case '#':
      return TagKind::Section;
    case '^':
      return TagKind::Inverted;
    case '/':
      return TagKind::Close;
    case '>':
      return TagKind::Partial;
    case '<':
      return TagKind::Parent;
    case '$':
      return TagKind::Block;
    case '=':
      return TagKind::Delimiters;
    case '&':
    case '{':
      return TagKind::Raw;
    default:
      return TagKind::Value;
  }
}

// What a section-like tag is called in messages.
std::string noun(TagKind kind) {
  switch (kind) {
    case TagKind::Block:
      return msg("template_noun_block");
    case TagKind::Parent:
      return msg("template_noun_parent");
    default:
      return msg("template_noun_section");
  }
}

// Whitespace runs shown as single spaces, cut to a length that fits a message.
std::string shorten(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (is_space(c)) {
      if (out.empty() || out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > 40) out = out.substr(0, 37) + "...";
  return out;
}

class Scanner {
 public:
  Scanner(TemplateSource& src, std::vector<Tag>& tags)
      : src_(src), text_(src.text()), tags_(tags) {}

  bool run() {
    size_t pos = 0;
    while ((pos = text_.find(open_, pos)) != std::string_view::npos) {
      pos = scan_tag(pos);
      if (pos == std::string_view::npos) return false;
    }
    return true;
  }

 private:
  // Reads the tag whose opening delimiter is at `start`; returns where scanning goes on, or npos
  // when the tag is never closed.
  size_t scan_tag(size_t start) {
    size_t body = start + open_.size();
    char sigil = body < text_.size() ? text_[body] : '\0';
    TagKind kind = kind_of(sigil);
    size_t content = kind == TagKind::Value ? body : body + 1;
    std::string terminator = close_;
    if (kind == TagKind::Delimiters) terminator = "=" + close_;
    if (sigil == '{') terminator = "}" + close_;
    size_t stop = text_.find(terminator, content);
    if (stop == std::string_view::npos) {
      report_unclosed(start, kind, terminator);
      return std::string_view::npos;
    }
    Tag tag;
    tag.kind = kind;
    tag.start = start;
    tag.end = stop + terminator.size();
    std::string_view inside = text_.substr(content, stop - content);
    if (kind == TagKind::Delimiters) {
      change_delimiters(start, inside);
      tag.written = std::string(text_.substr(start, tag.end - start));
    } else if (kind != TagKind::Comment) {
      if (inside.find(open_) != std::string_view::npos) {
        report_unclosed(start, kind, terminator);
        return std::string_view::npos;
      }
      read_name(tag, sigil, inside);
    }
    tags_.push_back(std::move(tag));
    return tags_.back().end;
  }

  void report_unclosed(size_t start, TagKind kind, const std::string& terminator) {
    if (kind == TagKind::Delimiters) {
      src_.error(start, msg("template_delimiters_end", {{"end", terminator}}));
    } else {
      src_.error(start, msg("template_tag_unclosed", {{"end", terminator}}));
    }
  }

  // `inside` is the text between `{{=` and `=}}`: two delimiters separated by whitespace.
  void change_delimiters(size_t start, std::string_view inside) {
    std::vector<std::string_view> parts;
    std::string_view rest = trim(inside);
    while (!rest.empty()) {
      size_t n = 0;
      while (n < rest.size() && !is_space(rest[n]))
        ++n;
      parts.push_back(rest.substr(0, n));
      rest = trim(rest.substr(n));
    }
    if (parts.size() != 2) {
      src_.error(start, msg("template_delimiters_two"));
      return;
    }
    open_ = std::string(parts[0]);
    close_ = std::string(parts[1]);
  }

  void read_name(Tag& tag, char sigil, std::string_view inside) {
    std::string_view name = trim(inside);
    bool may_be_dynamic =
        tag.kind == TagKind::Partial || tag.kind == TagKind::Parent || tag.kind == TagKind::Close;
    if (may_be_dynamic && !name.empty() && name.front() == '*') {
      tag.dynamic = true;
      name = trim(name.substr(1));
    }
    tag.name = std::string(name);
    std::string sigil_text = tag.kind == TagKind::Value ? "" : std::string(1, sigil);
    tag.written = open_ + sigil_text + tag.key() + (sigil == '{' ? "}" : "") + close_;
    if (name.empty()) {
      src_.error(tag.start,
                 msg("template_tag_no_name",
                     {{"tag", std::string(text_.substr(tag.start, tag.end - tag.start))}}));
    } else if (std::any_of(name.begin(), name.end(), is_space)) {
      src_.error(tag.start, msg("template_tag_spaces", {{"name", shorten(name)}}));
    }
  }

  TemplateSource& src_;
  std::string_view text_;
  std::vector<Tag>& tags_;
  std::string open_ = "{{";
  std::string close_ = "}}";
};

// The innermost open section named `key`, as a position in `open`, or npos.
size_t find_open(const std::vector<Tag>& tags, const std::vector<size_t>& open,
                 const std::string& key) {
  for (size_t i = open.size(); i-- > 0;)
    if (tags[open[i]].key() == key) return i;
  return std::string::npos;
}

void report_never_closed(TemplateSource& src, const Tag& tag) {
  src.error(tag.start,
            msg("template_never_closed", {{"kind", noun(tag.kind)}, {"name", tag.key()}}));
}

// Deeper nesting is refused: the rest of the template is not read, as each further tag would
// only repeat the error.
void report_too_deep(TemplateSource& src, const Tag& tag) {
  src.error(tag.start, msg("template_too_deep", {{"kind", noun(tag.kind)},
                                                 {"name", tag.key()},
                                                 {"max", std::to_string(kMaxTemplateNesting)}}));
}

// Pairs the closing tag `close` with an open section; reports it when it closes none, or not the
// innermost one.
void close_section(TemplateSource& src, std::vector<Tag>& tags, std::vector<size_t>& open,
                   size_t close) {
  Tag& tag = tags[close];
  if (open.empty()) {
    src.error(tag.start, msg("template_close_none", {{"tag", tag.written}}));
    return;
  }
  size_t match = find_open(tags, open, tag.key());
  if (match == std::string::npos) {
    const Tag& inner = tags[open.back()];
    src.error(tag.start,
              msg("template_close_mismatch",
                  {{"tag", tag.written}, {"kind", noun(inner.kind)}, {"name", inner.key()}}));
    match = open.size() - 1;
  }
  for (size_t i = match + 1; i < open.size(); ++i)
    report_never_closed(src, tags[open[i]]);
  size_t opening = open[match];
  open.resize(match);
  tags[opening].partner = close;
  tag.partner = opening;
}

}  // namespace

bool scan_tags(TemplateSource& src, std::vector<Tag>& tags) {
  return Scanner(src, tags).run();
}

void pair_sections(TemplateSource& src, std::vector<Tag>& tags) {
  std::vector<size_t> open;
  for (size_t i = 0; i < tags.size(); ++i) {
    if (tags[i].opens_section()) {
      if (open.size() == kMaxTemplateNesting) return report_too_deep(src, tags[i]);
      open.push_back(i);
    }
    if (tags[i].kind == TagKind::Close) close_section(src, tags, open, i);
  }
  for (size_t i : open)
    report_never_closed(src, tags[i]);
}

}  // namespace hb
