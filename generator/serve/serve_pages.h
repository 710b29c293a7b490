// Serve pages: what `handbook serve` adds to the pages it serves, and only to those (the built
// edition is never changed): a link to the reload script, and while the last build failed a
// panel with its problems. Also the error page shown when no build has succeeded yet, the
// reload script and the panel's style sheet, served from /__handbook/ so that a site whose
// Content-Security-Policy forbids inline scripts and styles still runs them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace hb {

inline constexpr std::string_view kServePrefix = "/__handbook/";

// `html` as served: the reload script (told the generation it shows) before `</head>`, and
// when `problems` holds errors the problems panel after the opening `<body>` tag.
std::string served_html(std::string_view html, uint64_t generation,
                        const std::vector<Diagnostic>& problems);

// A whole page (Danish, for editors) listing `problems` as `handbook check` prints them: the
// place, the message, the line and a caret.
std::string error_page(const std::vector<Diagnostic>& problems, uint64_t generation);

// The script that reloads the page on an event from /__handbook/events.
std::string_view reload_script();
// The style of the problems panel and the error page.
std::string_view serve_style();

}  // namespace hb
