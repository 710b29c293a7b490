// Diagrams drawn from the content as inline SVG, each with a text
// alternative: a title, a description and an equivalent list or table.
//  - organisation: the pages of a collection in columns by an enum field, with arrows for a
//    refs field ("answers to");
//  - annual wheel: the months in which the pages of a collection meet;
//  - matrix: a table of which pages of one collection a refs field of another names.
// Which collections and fields they use is set in handbook.toml's [diagrams].
#pragma once

#include <string>

#include "site/site.h"

namespace hb {

// Each returns an HTML fragment (a <figure>), or "" when the site declares no such diagram.
// `root` prefixes the links in the text alternative.
std::string organisation_diagram(const Site& site, const std::string& root);
std::string annual_wheel(const Site& site, const std::string& root);
// Where a diagram is shown: on a screen, with hints for it (the matrix's "scroll sideways",
// marked with the class screen-only), or in print, without them.
enum class Medium { Screen, Print };

// A matrix of more than `max_cells` cells is too big to read as a table: it becomes a list of
// the rows, each with the columns that name it.
std::string matrix_table(const Site& site, const std::string& root, Medium medium = Medium::Screen,
                         size_t max_cells = 2500);

}  // namespace hb
