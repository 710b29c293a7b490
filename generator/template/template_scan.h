// The first pass of the template parser: finds the tags in a template's text (following
// `{{=<% %>=}}` delimiter changes) and pairs each section, block and parent with its closing tag.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "template_source.h"

namespace hb {

enum class TagKind {
  Value,       // {{name}}
  Raw,         // {{{name}}} and {{&name}}
  Comment,     // {{! ... }}
  Section,     // {{#name}}
  Inverted,    // {{^name}}
  Close,       // {{/name}}
  Partial,     // {{>name}}
  Parent,      // {{<name}}
  Block,       // {{$name}}
  Delimiters,  // {{=<% %>=}}
};

inline constexpr size_t kNoTag = static_cast<size_t>(-1);

struct Tag {
  TagKind kind = TagKind::Value;
  std::string name;         // the name without padding (and without the `*` of a dynamic name)
  bool dynamic = false;     // `{{>*name}}`, `{{<*name}}` and their closing `{{/*name}}`
  std::string written;      // the tag as written with its delimiters, for messages: `{{/forum}}`
  size_t start = 0;         // byte offset of the opening delimiter
  size_t end = 0;           // byte offset just past the closing delimiter
  size_t partner = kNoTag;  // the closing tag of an opening tag, and the other way round

  // Filled in by mark_standalone_lines (template_lines.h).
  bool standalone = false;  // alone on its line: the line is not part of the output
  size_t cut_begin = 0;     // the text from cut_begin to cut_end is left out of the output
  size_t cut_end = 0;
  std::string_view indent;  // the whitespace before a standalone tag on its line

  // The name a closing tag must repeat: `*name` for a dynamic one.
  std::string key() const { return dynamic ? "*" + name : name; }
  bool opens_section() const {
    return kind == TagKind::Section || kind == TagKind::Inverted || kind == TagKind::Parent ||
           kind == TagKind::Block;
  }
};

// Finds every tag in `src`; syntax errors go to `src`. Returns false when the text could not be
// read to its end (a tag that is never closed).
bool scan_tags(TemplateSource& src, std::vector<Tag>& tags);

// Links each opening tag with its closing tag; unclosed, unopened and mismatched sections go to
// `src` as errors.
void pair_sections(TemplateSource& src, std::vector<Tag>& tags);

}  // namespace hb
