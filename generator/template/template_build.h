// The template compiler: text in, node tree out (scan the tags, pair the sections, apply the
// standalone-line rules, build the tree). Rendering then never looks at the text again.
#pragma once

#include <memory>
#include <string>

#include "base/diagnostics.h"
#include "template_nodes.h"

namespace hb {

// Compiles `source`; syntax errors go to `diags` at `path:line:col`, and the result is null then.
std::unique_ptr<CompiledTemplate> compile_template(std::string name, std::string source,
                                                   std::string path, Diagnostics& diags);

}  // namespace hb
