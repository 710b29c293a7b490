// The check that no template includes itself, directly or through others, with static partials
// and parents: rendering such a template never ends. Private to the template engine.
#pragma once

#include "base/diagnostics.h"
#include "template_render.h"

namespace hb {

// Reports each loop of static partials and parents once, at the tag that closes it, naming the
// templates along it (`a → b → a`). Returns false when there is one.
bool check_include_cycles(const TemplateList& templates, Diagnostics& diags);

}  // namespace hb
