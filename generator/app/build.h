// Build: the pipeline as a flat list of timed steps, from a site folder to an output folder.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "booklet/pdf.h"
#include "content/page_cache.h"
#include "output/output.h"
#include "output/output_sink.h"
#include "source/site_source.h"

namespace hb {

struct Site;

// `handbook serve`: chooses which of the pages made from templates a build renders; the caller
// keeps the others from its last build (serve/render_choice.h).
class RenderChoice {
 public:
  virtual ~RenderChoice() = default;
  // Called once per build, with the loaded site and the output path of every page the build
  // makes from a template (content pages, term pages, lists, ...), in order. Returns for each
  // whether to render it.
  virtual std::vector<char> choose(const Site& site, const std::vector<std::string>& paths) = 0;
};

struct BuildOptions {
  std::filesystem::path site = ".";
  std::string profile = "public";
  std::filesystem::path out;  // default: <site>/_site/<profile>
  OutputOptions output;       // how the output folder is replaced (see output.h)
  bool write = true;          // false for `handbook check`
  unsigned threads = 0;       // 0: every core
  // `handbook booklet`: write only the booklet (see booklet.h), to this file.
  std::filesystem::path booklet;
  // False when the process ends right after the build: the loaded site (tens of thousands of
  // small blocks) is then left for the system to reclaim instead of being freed piece by piece
  // (at 10,000 pages that saves about 0.07 s). Builds with AddressSanitizer always free it.
  bool free_site = true;
  // Where the site's files are read from; null: the folder `site` on disk.
  std::shared_ptr<const SiteSource> source;
  // Set: the edition is written here, in memory, instead of into `out`.
  const MemoryOutput* memory = nullptr;
  // `handbook check`: the day that `review_by` dates are compared with ("" for today), and
  // whether a page past it is an error rather than a warning.
  std::string today;
  bool fail_on_overdue = false;
  // Set: pages loaded by an earlier build of the same site and edition are reused (the caller
  // forgets the ones whose files changed), and the pages read are kept there. The build borrows
  // them and gives them back when it ends.
  PageCache* pages = nullptr;
  // Set, with `memory`: renders only the pages it chooses (the site-wide files all).
  RenderChoice* choice = nullptr;
  // `handbook build` of a site with [booklet]: also the booklet's PDF, as booklet.pdf in the
  // edition's output (app/pdf_stage.h); written before the pages, which link it.
  bool pdf = false;
  // Told what a long stage is doing while it runs (the PDF), for the command line to print.
  std::function<void(const std::string&)> progress;
};

struct StageTime {
  std::string name;
  double seconds = 0;
};

struct BuildResult {
  size_t pages_written = 0;
  size_t files_written = 0;
  size_t templates_compiled = 0;
  double seconds = 0;
  std::vector<StageTime> stages;
  std::filesystem::path out;
  std::vector<PdfFile> booklet_files;  // `handbook booklet`: what its PDF may read besides it
  // A build into memory that renders every page (not one with a `choice`): each content page's
  // output path and its file, relative to content/.
  std::map<std::string, std::string> page_sources;
  // What the result's files need while they are used (the booklet's images from git).
  std::shared_ptr<const void> keep_alive;
};

// Runs the whole build. Problems go to `diags`; nothing is written when there is any error.
// Returns false on errors. The caller checks the output folder or booklet file first, with
// output/output_target.h: the output folder is only replaced when handbook made it, but the
// checks of the site's own folders are made there.
bool build(const BuildOptions& options, Diagnostics& diags, BuildResult& result);

}  // namespace hb
