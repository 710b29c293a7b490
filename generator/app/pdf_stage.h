// The build's PDF stage: the booklet's PDF made with WeasyPrint (booklet/pdf.h), for `handbook
// build` into the edition's staged output as booklet.pdf, before any page is rendered, so that
// the pages can link it with its size and page count, and a failed PDF leaves the previous
// output in place.
#pragma once

#include <functional>
#include <string_view>

#include "base/diagnostics.h"
#include "build.h"
#include "output/output.h"
#include "site/site.h"
#include "template/template.h"

namespace hb {

inline constexpr const char* kBookletPdf = "booklet.pdf";

// The booklet's images for its PDF, as files on disk: a booklet read from git gets copies in a
// private folder, which lives as long as `result`. Sets result.booklet_files.
void booklet_files_on_disk(const Site& site, BuildResult& result);

// Writes the booklet's PDF to `out`'s booklet.pdf and records its pages and size in
// site.booklet_pdf. On failure reports an error at [booklet] in handbook.toml (with how to
// install WeasyPrint, or to skip the PDF with --no-pdf) and returns false. `progress` is told
// what WeasyPrint reports.
bool publish_booklet_pdf(Site& site, const TemplateSet& templates, const OutputDir& out,
                         const BuildOptions& options, Diagnostics& diags, BuildResult& result);

}  // namespace hb
