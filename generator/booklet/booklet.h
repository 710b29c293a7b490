// Booklet: the handbook of one edition as a single printable HTML document, made from the same
// site graph as the website: cover, colophon, contents with page numbers, the chapters of
// `[booklet] chapters`, the diagrams and an index. templates/booklet.mustache lays it out and
// theme/booklet.css styles it for print; pdf.h turns it into a PDF, reading nothing but the
// booklet and the images it shows.
#pragma once

#include <filesystem>
#include <string>

#include "base/diagnostics.h"
#include "pdf.h"
#include "site/site.h"
#include "template/template.h"

namespace hb {

inline constexpr const char* kBookletTemplate = "booklet";
inline constexpr const char* kBookletStyles = "booklet.css";  // in theme/
inline constexpr const char* kBookletDiagramStyles = "booklet-diagrams.css";

// Reports chapters in `[booklet] chapters` that name nothing or repeat a page, a missing
// booklet template and missing print styles, at their place in handbook.toml.
void check_booklet(const Site& site, const TemplateSet& templates, Diagnostics& diags);

// Who reads the booklet's HTML. The website's booklet.html is read by browsers: it links the
// theme's stylesheets, so that it meets the site's Content-Security-Policy (no inline style).
// The document `handbook booklet` writes is read by WeasyPrint: it stands alone, with the
// styles inlined and each diagram's styles inside its <svg> (WeasyPrint styles an inline SVG
// only from there), plus the rules only a print renderer uses ("see page N", the edition's
// name in the page margin).
enum class BookletReader { Browser, Printer };

// The booklet of the site's edition as one HTML document, for `reader`.
std::string render_booklet(const Site& site, const TemplateSet& templates, BookletReader reader);

// What the booklet shows besides itself, for its PDF: each image attachment of a page in the
// booklet, under the address the booklet gives it, and the file the edition's file gate
// admitted for it.
std::vector<PdfFile> booklet_files(const Site& site);

// Renders the booklet into `file`, replacing it only once the whole file is written.
// Throws std::runtime_error when it cannot be written.
void write_booklet(const Site& site, const TemplateSet& templates,
                   const std::filesystem::path& file);

}  // namespace hb
