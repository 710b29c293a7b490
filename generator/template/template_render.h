// The template renderer: walks a compiled node tree with a view model. Keeps all of its state
// in the call, so any number of threads can render from the same templates.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "template_nodes.h"

namespace hb {

// All templates of a set, sorted by name.
using TemplateList = std::vector<std::pair<std::string, std::unique_ptr<CompiledTemplate>>>;

// The template named `name`, or null.
const CompiledTemplate* find_template(const TemplateList& templates, std::string_view name);

// What a render may do: whether a missing partial is an error, and its budget.
struct RenderRules {
  MissingTemplate missing;
  RenderLimits limits;
};

// Renders `root` with `data`, taking partials and parents from `templates`.
void render_template(const CompiledTemplate& root, const TemplateList& templates,
                     const RenderRules& rules, const Value& data, std::string& out);

}  // namespace hb
