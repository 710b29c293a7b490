// Helpers shared by the tests: temporary folders, files, fixture sites and running the CLI.
#pragma once

#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/messages.h"
#include "config/config.h"
#include "site/site.h"

namespace hb::test {

// For a test of the English texts (`--lang en`): English while it lives, then the language
// before it. The broken sites check the Danish texts.
struct EnglishMessages {
  std::string before{message_language()};
  EnglishMessages() { set_message_language("en"); }
  ~EnglishMessages() { set_message_language(before); }
};

namespace fs = std::filesystem;

// A fresh folder under the system's temporary folder, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

fs::path source_dir();                      // the repository
fs::path fixture(const std::string& name);  // tests/fixtures/<name>

void write_file(const fs::path& path, const std::string& text);
// `text` with each %XX replaced by its byte, as a browser reads a link's fragment.
std::string percent_decoded(std::string_view text);
std::string read_text(const fs::path& path);
// `expected` with each "@" replaced by `file` as `check` shows it (the path lexically normal).
std::string at_file(const fs::path& file, std::string_view expected);
void copy_tree(const fs::path& from, const fs::path& to);
// A scratch copy of the bundled site (content/, templates/, theme/, handbook.toml) in `to`.
void copy_bundled_site(const fs::path& to);
// Every regular file under `dir`: relative path -> content.
std::map<std::string, std::string> read_tree(const fs::path& dir);
// Everything below `dir`, hidden entries included and symlinks not followed: relative path ->
// a file's content, "<folder>" or "<link>".
std::map<std::string, std::string> listing(const fs::path& dir);

struct CliResult {
  int exit_code = 0;
  std::string out, err;
};
// Runs the command line in-process. A build is run with --no-pdf: the booklet's PDF takes
// WeasyPrint seconds, and only the tests of the PDF want it (run_with_pdf).
CliResult run(const std::vector<std::string>& args);
// Runs the command line in-process as it is given.
CliResult run_with_pdf(const std::vector<std::string>& args);

// The fixture site `name` loaded and built as one edition, after `adjust` has changed its
// settings. It stays in place: the Site points at its settings.
struct BuiltSite {
  SiteConfig config;
  Site site;
  size_t errors = 0;  // reported while loading and building
  BuiltSite(const std::string& name, bool internal,
            const std::function<void(SiteConfig&)>& adjust = {});
  BuiltSite(const BuiltSite&) = delete;
  BuiltSite& operator=(const BuiltSite&) = delete;
};

// For a test that this machine cannot run: prints "SKIPPED: <why>", which CTest shows as a
// skipped test (tests/CMakeLists.txt). The test returns right after, having checked nothing.
void skip_test(const std::string& why);
// What the PDF tests need and this machine lacks (weasyprint, pdftotext), or "" when nothing.
std::string missing_pdf_tools();

// The limit for a test of hostile input that must take linear time: `seconds` of processor time
// in an optimised build, fifty times that in a build without optimisation or with the
// sanitizers, which run ten to fifty times slower. A return to quadratic time exceeds either.
double time_limit(double seconds);
// Seconds of processor time the process has used since `start`, a clock() reading.
double cpu_seconds_since(std::clock_t start);

// True when SNAPSHOTS=overwrite asks to regenerate expected files.
bool overwrite_snapshots();

}  // namespace hb::test
