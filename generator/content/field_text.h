// How a field is described to editors, in Danish: in the comments of a page that `handbook new`
// writes, and in the error for a field that still holds the placeholder it wrote.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace hb {

// The value `handbook new` writes into each required field, and that check refuses.
inline constexpr std::string_view kPlaceholder = "UDFYLD";

// The fields every page may have (title, summary, weight, visibility, date) as field specs with
// Danish labels; title is required.
const std::vector<FieldSpec>& builtin_field_specs();

// What a value of `f` must be, as words that can follow "med" ("en af 'a' eller 'b'", "id'et
// på en side i Roller (role)").
std::string describe_field_da(const FieldSpec& f, const SiteConfig& config);

// The error for field `f` that still holds the placeholder, e.g. "feltet 'group' (Gruppe) er
// ikke udfyldt: erstat "UDFYLD" med en af 'ejer' eller 'politik'".
std::string unfilled_message(const FieldSpec& f, const SiteConfig& config);

}  // namespace hb
