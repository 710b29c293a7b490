// The standalone-line rules of Mustache: a line holding only whitespace and one tag that prints
// nothing (section, comment, partial, delimiter change, parent, block) is left out of the output,
// so templates can be laid out freely. Inheritance adds pairs of tags that count as one
// (`{{<parent}}{{/parent}}`, `{{<parent}}{{$block}}`, `{{/block}}{{/parent}}`,
// `{{$block}}{{/block}}`).
#pragma once

#include <string_view>
#include <vector>

#include "template_scan.h"

namespace hb {

// Sets `standalone`, `cut_begin`, `cut_end` and `indent` of each tag. Needs paired sections.
void mark_standalone_lines(std::string_view text, std::vector<Tag>& tags);

}  // namespace hb
