// PDF: turns the booklet's HTML into a PDF with WeasyPrint (Debian package `weasyprint`), run as
// a child process without a shell. WeasyPrint reads only what the booklet names: the HTML file
// itself and the files of `PdfJob::files`, each under exactly its address; besides those, only
// data: URLs of PNG, GIF, JPEG and WebP images. Every other URL (another file, even beside the
// booklet, file://, http and https) is refused, and the refusal is reported.
// WeasyPrint runs in the Python of the `weasyprint` command (or /usr/bin/python3); the
// environment variable HANDBOOK_PYTHON names another one, e.g. a virtualenv's.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace hb {

// The PDF variants WeasyPrint 57 offers ("pdf/ua-1", "pdf/a-3b", ...).
const std::vector<std::string>& pdf_variants();

// A file the PDF may read: `url` as the booklet writes it (relative to the booklet's own
// address, or absolute), and the file that WeasyPrint then reads.
struct PdfFile {
  std::string url;
  std::filesystem::path file;
};

struct PdfJob {
  std::filesystem::path html;  // the booklet
  std::filesystem::path pdf;   // replaced only once WeasyPrint has written the whole file
  std::string variant;         // "" or one of pdf_variants()
  std::vector<PdfFile> files;  // what the booklet shows besides itself
  // Told, while WeasyPrint works, what it is doing (its steps, every 25 pages laid out), in
  // the messages' language.
  std::function<void(const std::string&)> progress;
};

struct PdfResult {
  bool ok = false;
  int pages = 0;
  double seconds = 0;
  std::string error;               // why it failed, for the user
  bool missing = false;            // WeasyPrint is not installed
  std::vector<std::string> notes;  // what WeasyPrint reported (errors loading resources, ...)
};

PdfResult write_pdf(const PdfJob& job);

}  // namespace hb
