#include "template_render.h"

#include <algorithm>
#include <charconv>

#include "base/messages.h"
#include "template_output.h"
#include "template_paths.h"

namespace hb {

namespace {

// An element of a list by its position: `items.0.title`.
const Value* list_member(const List& list, const std::string& part) {
  size_t index = 0;
  const char* end = part.data() + part.size();
  auto [stop, error] = std::from_chars(part.data(), end, index);
  if (part.empty() || error != std::errc() || stop != end || index >= list.size()) return nullptr;
  return &list[index];
}

// A member of a map, or an element of a list by its position; `head` is KeyHead(part).
inline const Value* member(const Value& value, const std::string& part, const KeyHead& head) {
  if (const Map* map = value.if_map()) return map->find(part, head);
  const List* list = value.if_list();
  return list ? list_member(*list, part) : nullptr;
}

std::vector<std::string> template_names(const TemplateList& templates) {
  std::vector<std::string> names;
  for (const auto& entry : templates)
    names.push_back(entry.first);
  return names;
}

// Puts a TextWriter's pieces into the output as they come.
struct OutputSink final : TextSink {
  explicit OutputSink(RenderOutput& out) : out(out) {}
  void put(std::string_view piece) override { out.append(piece); }
  RenderOutput& out;
};

class Renderer {
 public:
  Renderer(const TemplateList& templates, const RenderRules& rules, RenderOutput& out)
      : templates_(templates), rules_(rules), out_(out) {}

  void run(const CompiledTemplate& root, const Value& data) {
    stack_.reserve(16);
    stack_.push_back(&data);
    render(root.nodes);
  }

  void operator()(const TextNode& node) {
    std::string_view text = node.text;
    if (indent_.empty() || node.line_starts.empty()) {
      out_.append(text);
      return;
    }
    size_t from = 0;
    for (uint32_t start : node.line_starts) {
      out_.append(text.substr(from, start - from));
      out_.append(indent_);
      from = start;
    }
    out_.append(text.substr(from));
  }

  void operator()(const ValueNode& node) {
    if (const Value* value = lookup(node.name)) write(*value, node.escape);
  }

  void operator()(const SectionNode& node) {
    const Value* value = lookup(node.name);
    bool shown = value && value->truthy();
    if (shown == node.inverted) return;
    enter(node.where, node.tag, {});
    if (node.inverted) {
      render(node.children);
    } else if (!value->is_list()) {
      render_with(*value, node.children);
    } else {
      for (const Value& item : value->as_list()) {
        step(node.where, node.tag);
        render_with(item, node.children);
      }
    }
    leave();
  }

  void operator()(const IncludeNode& node) {
    std::string dynamic_name;
    const CompiledTemplate* target = resolve(node, dynamic_name);
    if (!target) return;
    enter(node.where, node.tag, target->name);
    Scope scope{&node, scope_};
    const Scope* outer_scope = scope_;
    if (node.parent) scope_ = &scope;
    render_indented(node.standalone, node.indent, target->nodes);
    scope_ = outer_scope;
    leave();
  }

  // A block shows what the innermost parent call gives for it or, without one, its own content;
  // when it stands alone, indented like its tag.
  void operator()(const BlockNode& node) {
    const BlockNode* given = find_override(node.name);
    const BlockNode& shown = given ? *given : node;
    enter(node.where, node.tag, node.tag);
    if (node.standalone) {
      size_t outer = indent_.size();
      indent_ += node.indent;
      if (!shown.starts_line && !shown.children.empty()) out_.append(indent_);
      render(shown.children);
      indent_.resize(outer);
    } else if (given) {
      render_indented(false, {}, shown.children);
    } else {
      render(shown.children);
    }
    leave();
  }

 private:
  // The blocks given by a parent call, and those of the calls it is nested in.
  struct Scope {
    const IncludeNode* call;
    const Scope* outer;
  };

  // Dispatches on the node's kind by hand: std::visit costs a call and checks per node.
  void render(const Nodes& nodes) {
    static_assert(std::is_same_v<std::variant_alternative_t<4, decltype(Node::v)>, BlockNode>);
    for (const Node& node : nodes) {
      const auto& v = node.v;
      switch (v.index()) {
        case 0:
          (*this)(*std::get_if<TextNode>(&v));
          break;
        case 1:
          (*this)(*std::get_if<ValueNode>(&v));
          break;
        case 2:
          (*this)(*std::get_if<SectionNode>(&v));
          break;
        case 3:
          (*this)(*std::get_if<IncludeNode>(&v));
          break;
        default:
          (*this)(*std::get_if<BlockNode>(&v));
          break;
      }
    }
  }

  void render_with(const Value& context, const Nodes& nodes) {
    stack_.push_back(&context);
    render(nodes);
    stack_.pop_back();
  }

  // Renders text from elsewhere: a standalone tag adds its indentation to each line, any other
  // tag drops the indentation of the surrounding lines.
  void render_indented(bool standalone, std::string_view indent, const Nodes& nodes) {
    if (standalone) {
      size_t outer = indent_.size();
      indent_ += indent;
      render(nodes);
      indent_.resize(outer);
      return;
    }
    std::string outer;
    outer.swap(indent_);
    render(nodes);
    indent_.swap(outer);
  }

  // Resolves a name against the context stack: the first part in the innermost context that has
  // it, the other parts inside that value only (a broken chain resolves to nothing).
  const Value* lookup(const DottedName& name) {
    if (name.implicit()) return stack_.back();
    for (size_t k = stack_.size() - 1; k > 0; --k)
      if (const Value* value = member(*stack_[k], name.parts.front(), name.heads.front()))
        return follow(value, name, 1);
    return from_root(name);
  }

  // The parts of `name` from the i-th on, inside `value`.
  static const Value* follow(const Value* value, const DottedName& name, size_t i) {
    for (; value && i < name.parts.size(); ++i)
      value = member(*value, name.parts[i], name.heads[i]);
    return value;
  }

  // `name` inside the root context: the root never changes during a render, so each prefix of a
  // name is resolved once and remembered.
  const Value* from_root(const DottedName& name) {
    size_t i = name.parts.size();
    const Value* value = stack_.front();
    for (; i > 0; --i) {
      bool known = false;
      const Value* found = paths_.get(name.paths[i - 1], known);
      if (known) {
        value = found;
        break;
      }
    }
    for (; value && i < name.parts.size(); ++i) {
      value = member(*value, name.parts[i], name.heads[i]);
      paths_.set(name.paths[i], value);
    }
    return value;
  }

  void write(const Value& value, bool escape) {
    if (const std::string* text = value.if_string()) return write_text(*text, escape);
    if (value.is_null()) return;
    if (const TextWriter* writer = value.if_writer(); writer && !escape) {
      OutputSink sink{out_};
      return writer->write(writer->subject, writer->index, sink);
    }
    write_text(value.to_string(), escape);
  }

  void write_text(const std::string& text, bool escape) {
    if (escape)
      out_.append_escaped(text);
    else
      out_.append(text);
  }

  // The outermost call's block wins: a template overrides what its parents pass on.
  const BlockNode* find_override(std::string_view name) const {
    const BlockNode* found = nullptr;
    for (const Scope* scope = scope_; scope; scope = scope->outer)
      for (const BlockNode& block : scope->call->blocks)
        if (block.name == name) found = &block;
    return found;
  }

  const CompiledTemplate* resolve(const IncludeNode& node, std::string& dynamic_name) {
    if (node.target) return node.target;
    std::string_view name = node.name;
    if (node.dynamic) {
      const Value* value = lookup(node.key);
      if (!value) return nullptr;
      dynamic_name = value->to_string();
      if (dynamic_name.empty()) return nullptr;
      name = dynamic_name;
    }
    if (const CompiledTemplate* found = find_template(templates_, name)) return found;
    if (rules_.missing == MissingTemplate::Error) throw_missing(node, name);
    return nullptr;
  }

  [[noreturn]] void throw_missing(const IncludeNode& node, std::string_view name) const {
    std::string message =
        node.where + ": " +
        msg("template_not_found", {{"name", std::string(name)},
                                   {"hint", did_you_mean(name, template_names(templates_))}});
    if (node.dynamic) message += msg("template_named_by", {{"tag", node.tag}});
    throw TemplateError(message);
  }

  // Counts one more level of nesting: a section, block, partial or parent being rendered.
  // Beyond the limit, throws at the tag, naming what probably includes itself (`repeated`).
  void enter(const std::string& where, const std::string& tag, std::string_view repeated) {
    step(where, tag);
    if (++depth_ <= kMaxRenderNesting) return;
    MessageArgs args = {{"tag", tag}, {"max", std::to_string(kMaxRenderNesting)}};
    if (repeated.empty()) throw TemplateError(where + ": " + msg("template_render_deep", args));
    args.push_back({"name", std::string(repeated)});
    throw TemplateError(where + ": " + msg("template_render_deep_self", args));
  }
  void leave() { --depth_; }

  // Counts one step of the render's budget (RenderLimits) and checks the output's size.
  void step(const std::string& where, const std::string& tag) {
    if (++steps_ > rules_.limits.steps)
      throw TemplateError(
          where + ": " +
          msg("template_steps", {{"tag", tag}, {"max", std::to_string(rules_.limits.steps)}}));
    if (out_.size() > rules_.limits.bytes)
      throw TemplateError(
          where + ": " +
          msg("template_bytes", {{"tag", tag}, {"max", std::to_string(rules_.limits.bytes)}}));
  }

  const TemplateList& templates_;
  const RenderRules& rules_;
  RenderOutput& out_;
  std::vector<const Value*> stack_;
  PathCache paths_;
  std::string indent_;
  const Scope* scope_ = nullptr;
  size_t depth_ = 0;  // sections, blocks, partials and parents being rendered
  size_t steps_ = 0;  // steps taken, see RenderLimits
};

}  // namespace

const CompiledTemplate* find_template(const TemplateList& templates, std::string_view name) {
  auto it = std::lower_bound(templates.begin(), templates.end(), name,
                             [](const auto& entry, std::string_view n) { return entry.first < n; });
  if (it == templates.end() || it->first != name) return nullptr;
  return it->second.get();
}

void render_template(const CompiledTemplate& root, const TemplateList& templates,
                     const RenderRules& rules, const Value& data, std::string& out) {
  RenderOutput text;
  try {
    Renderer(templates, rules, text).run(root, data);
  } catch (...) {
    out.append(text.text());  // what came before the error
    throw;
  }
  out.append(text.text());
}

void render_template(const CompiledTemplate& root, const TemplateList& templates,
                     const RenderRules& rules, const Value& data,
                     const std::function<void(std::string_view)>& use) {
  RenderOutput text;
  Renderer(templates, rules, text).run(root, data);
  use(text.text());
}

}  // namespace hb
