#include "pdf_stage.h"

#include <stdlib.h>

#include <algorithm>
#include <fstream>
#include <memory>

#include "base/messages.h"
#include "booklet/booklet.h"
#include "content/content.h"
#include "content/file_gate.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

// A folder of its own under the system's temporary folder, removed with the last reference.
std::shared_ptr<const fs::path> private_folder() {
  fs::path pattern = fs::temp_directory_path() / "handbook-booklet-XXXXXX";
  std::string name = pattern.string();
  if (!::mkdtemp(name.data())) throw std::runtime_error(msg("out_cannot_temp"));
  return std::shared_ptr<const fs::path>(new fs::path(name), [](const fs::path* p) {
    std::error_code ec;
    fs::remove_all(*p, ec);
    delete p;
  });
}

// Reports `message` at the [booklet] table of handbook.toml, where the PDF is asked for.
void report_at_booklet(const Site& site, const std::string& message, Diagnostics& diags) {
  std::string toml;
  const SiteSource& source = FileGate(*site.config).source();
  if (Found file = source.find("", "handbook.toml", "handbook.toml")) source.read(file.real, toml);
  std::string path = display_path(*site.config, "handbook.toml");
  size_t at = toml.find("[booklet]");
  if (at != std::string::npos && (at == 0 || toml[at - 1] == '\n')) {
    int line = 1;
    for (size_t k = 0; k < at; ++k)
      line += toml[k] == '\n';
    diags.error_at(path, toml, line, 1, message);
  } else {
    diags.error(path, 0, 0, message, "");
  }
}

// "41,2 s" in Danish, "41.2 s" in English.
std::string seconds_text(double s) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f s", s);
  std::string text = buf;
  if (message_language() == "da") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

}  // namespace

void booklet_files_on_disk(const Site& site, BuildResult& result) {
  result.booklet_files = booklet_files(site);
  const SiteSource& source = FileGate(*site.config).source();
  if (source.on_disk() || result.booklet_files.empty()) return;
  auto folder = private_folder();
  size_t n = 0;
  for (auto& file : result.booklet_files) {
    std::string bytes;
    if (!source.read(file.file, bytes))
      throw std::runtime_error(msg("out_cannot_read", {{"path", file.file.string()}}));
    fs::path copy =
        *folder / (std::to_string(n++) + "." + std::string(file_type(file.file.native())));
    std::ofstream out(copy, std::ios::binary);
    out << bytes;
    if (!out) throw std::runtime_error(msg("out_cannot_write", {{"path", copy.string()}}));
    file.file = copy;
  }
  result.keep_alive = folder;
}

bool publish_booklet_pdf(Site& site, const TemplateSet& templates, const OutputDir& out,
                         const BuildOptions& options, Diagnostics& diags, BuildResult& result) {
  auto folder = private_folder();
  fs::path html = *folder / "booklet.html";
  write_booklet(site, templates, html);
  booklet_files_on_disk(site, result);
  if (options.progress) options.progress(msg("build_pdf_started"));
  PdfJob job{html, out.external(kBookletPdf), "", result.booklet_files};
  job.progress = options.progress;
  PdfResult pdf = write_pdf(job);
  if (options.progress)
    for (auto& note : pdf.notes)
      options.progress(note);
  if (!pdf.ok) {
    report_at_booklet(
        site,
        pdf.missing ? msg("build_pdf_missing") : msg("build_pdf_failed", {{"why", pdf.error}}),
        diags);
    return false;
  }
  std::error_code ec;
  site.booklet_pdf = {pdf.pages, fs::file_size(out.staging() / kBookletPdf, ec)};
  if (options.progress)
    options.progress(msg("build_pdf_written", {{"pages", std::to_string(pdf.pages)},
                                               {"seconds", seconds_text(pdf.seconds)}}));
  return true;
}

}  // namespace hb
