// What the fuzz harnesses share: a throw-away site built from fuzz/site/handbook.toml, and checks
// on what a harness produced.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/value.h"
#include "config/config.h"

namespace hb::fuzz {

// The fuzz site, made once per process in a fresh folder under $TMPDIR (or /dev/shm) with
// content/all/, content/other/ and content/pages/, and removed when the process exits.
const SiteConfig& site();

// The collection folder a harness byte picks: "all", "other" or "pages" (no collection).
std::string_view folder_for(uint8_t byte);

// Formats every diagnostic both ways, as the command line would print them.
void format_all(const Diagnostics& diags);

// How often `needle` occurs in the strings of `v`, however deep.
size_t count_in_value(const Value& v, std::string_view needle);
size_t count_in(std::string_view text, std::string_view needle);

// Occurrences of `needle` in `html` that are outside every `<div class="internal-passage"` box.
size_t count_outside_internal_boxes(std::string_view html, std::string_view needle);

// Prints `what` with the input's size and aborts, so that libFuzzer keeps the input.
[[noreturn]] void fail(const char* what, std::string_view detail);

}  // namespace hb::fuzz
