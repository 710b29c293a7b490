// The compiled form of a Mustache template: a tree of nodes built once by the parser and only
// read by the renderer. Private to the template engine.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "template.h"

namespace hb {

struct Node;
using Nodes = std::vector<Node>;

// A name as written in a tag, split at the dots once at compile time. `{{.}}` has no parts.
struct DottedName {
  std::vector<std::string> parts;
  std::vector<KeyHead> heads;   // each part prepared for searches
  std::vector<uint32_t> paths;  // path_id of the first i + 1 parts joined, for each i
  bool implicit() const { return parts.empty(); }
};

// Literal text. `line_starts` are the offsets in `text` where a line of the template begins:
// the indentation of a standalone partial or block is inserted there while rendering.
struct TextNode {
  std::string text;
  std::vector<uint32_t> line_starts;
};

// `{{name}}` (escaped) and `{{{name}}}` / `{{&name}}` (raw).
struct ValueNode {
  DottedName name;
  bool escape = true;
};

// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when `inverted`.
struct SectionNode {
  DottedName name;
  bool inverted = false;
  Nodes children;
  std::string tag;    // the opening tag as written, for messages: `{{#roles}}`
  std::string where;  // `path:line:col` of the tag, for messages
};

// `{{$name}}default{{/name}}`: a part of the template that a parent call can replace.
struct BlockNode {
  std::string name;
  bool standalone = false;   // opening tag alone on its line: the content is re-indented
  bool starts_line = false;  // the content begins at the start of a line
  std::string indent;        // indentation added to each line of the content when standalone
  Nodes children;
  std::string tag;    // the opening tag as written, for messages: `{{$main}}`
  std::string where;  // `path:line:col` of the tag, for messages
};

// `{{>name}}` (a partial) or `{{<name}}...{{/name}}` (a parent, with its blocks as arguments).
// With `dynamic` (`{{>*key}}`), the template's name is the value of `key` in the data.
struct IncludeNode {
  bool parent = false;
  bool dynamic = false;
  bool standalone = false;  // alone on its line: `indent` goes before each line of the template
  std::string name;         // the template's name, or the key holding it when dynamic
  DottedName key;           // `name` split at the dots, when dynamic
  std::string indent;
  std::string tag;    // the tag as written, for messages: `{{>*kind}}`
  std::string where;  // `path:line:col` of the tag, for messages
  int line = 0;
  int col = 0;
  std::vector<BlockNode> blocks;  // parent only: the `{{$block}}` arguments
  // The template a static name names, set by the TemplateSet that holds this tag; null when it
  // names none.
  const CompiledTemplate* target = nullptr;
};

struct Node {
  std::variant<TextNode, ValueNode, SectionNode, IncludeNode, BlockNode> v;
};

struct CompiledTemplate {
  std::string name;
  std::string path;
  std::string source;  // kept for the source line of diagnostics found after compiling
  Nodes nodes;
};

// Calls `visit` for each partial and parent tag in `nodes` (const or not), at any depth (at most
// kMaxTemplateNesting, which the compiler enforces).
template <class NodeList, class Visit>
void for_each_include(NodeList& nodes, const Visit& visit) {
  for (auto& node : nodes) {
    if (auto* section = std::get_if<SectionNode>(&node.v)) {
      for_each_include(section->children, visit);
    } else if (auto* block = std::get_if<BlockNode>(&node.v)) {
      for_each_include(block->children, visit);
    } else if (auto* include = std::get_if<IncludeNode>(&node.v)) {
      visit(*include);
      for (auto& argument : include->blocks)
        for_each_include(argument.children, visit);
    }
  }
}

}  // namespace hb
