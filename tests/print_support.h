// Helpers for the tests of the booklet in print: the booklet fixture's PDF, made with the
// repository's booklet templates and print styles, and the text of a PDF as pdftotext reads it.
#pragma once

#include <functional>
#include <string>

#include "support.h"

namespace hb::test {

// Why this machine cannot run the print tests (weasyprint, pdftotext or pdftoppm missing), or
// "" when it can.
std::string missing_print_tools();

// Copies the booklet fixture into `dir`/site with the repository's templates and styles where it
// has none of its own, and writes its booklet to `dir`/b.html and its PDF to `dir`/b.pdf.
// Returns the PDF's path; fails the test when `handbook booklet --pdf` fails. `variant` is a
// --pdf-variant ("pdf/ua-1"), or "" for none; `adjust` may change the copy before.
fs::path fixture_booklet_pdf(const fs::path& dir, const std::string& variant = "",
                             const std::function<void(const fs::path& site)>& adjust = {});

// The text of `pdf` (pdftotext, in reading order; `layout`: as laid out), pages separated by
// form feeds.
std::string pdf_text(const fs::path& pdf, bool layout = false);

// The number of the page (from 1) of `text` (pages separated by form feeds) that holds
// `needle`, or 0.
int page_with(const std::string& text, const std::string& needle);

}  // namespace hb::test
