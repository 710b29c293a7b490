// PDF: turns the booklet's HTML into a PDF with WeasyPrint (Debian package `weasyprint`), run as
// a child process without a shell. WeasyPrint may read only files inside the booklet's folder:
// every other URL is refused, so the PDF depends on nothing but the one HTML file.
// WeasyPrint runs in the Python of the `weasyprint` command (or /usr/bin/python3); the
// environment variable HANDBOOK_PYTHON names another one, e.g. a virtualenv's.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace hb {

// The PDF variants WeasyPrint 57 offers ("pdf/ua-1", "pdf/a-3b", ...).
const std::vector<std::string>& pdf_variants();

struct PdfJob {
  std::filesystem::path html;  // the booklet
  std::filesystem::path pdf;   // replaced only once WeasyPrint has written the whole file
  std::string variant;         // "" or one of pdf_variants()
};

struct PdfResult {
  bool ok = false;
  int pages = 0;
  double seconds = 0;
  std::string error;               // why it failed, for the user
  std::vector<std::string> notes;  // what WeasyPrint reported (errors loading resources, ...)
};

PdfResult write_pdf(const PdfJob& job);

}  // namespace hb
