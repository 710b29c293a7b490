#include "support.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>

#include "app/cli.h"
#include "content/content.h"

namespace hb::test {

double time_limit(double seconds) {
#if defined(HANDBOOK_SANITIZE) || !defined(NDEBUG)
  return seconds * 50;
#else
  return seconds;
#endif
}

double cpu_seconds_since(std::clock_t start) {
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "handbook-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  path_ = made ? fs::path(made) : fs::path(tmpl);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void skip_test(const std::string& why) {
  std::cout << "SKIPPED: " << why << std::endl;
}

std::string missing_pdf_tools() {
  auto has = [](const std::string& name) {
    return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
  };
  std::string why;
  if (!has("weasyprint")) why = "weasyprint not found (apt-get install -y weasyprint)";
  if (!has("pdftotext"))
    why += (why.empty() ? "" : "; ") +
           std::string("pdftotext not found (apt-get install -y poppler-utils)");
  return why;
}

fs::path source_dir() {
  return HANDBOOK_SOURCE_DIR;
}

fs::path fixture(const std::string& name) {
  return source_dir() / "tests" / "fixtures" / name;
}

std::string at_file(const fs::path& file, std::string_view expected) {
  std::string path = file.lexically_normal().generic_string();
  std::string out;
  for (char c : expected)
    if (c == '@')
      out += path;
    else
      out += c;
  return out;
}

std::string percent_decoded(std::string_view text) {
  auto hex = [](char c) {
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
  };
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

void copy_bundled_site(const fs::path& to) {
  for (std::string part : {"content", "templates", "theme"})
    copy_tree(source_dir() / part, to / part);
  fs::copy_file(source_dir() / "handbook.toml", to / "handbook.toml");
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file())
      out[e.path().lexically_relative(dir).generic_string()] = read_text(e.path());
  return out;
}

std::map<std::string, std::string> listing(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (auto& e : fs::recursive_directory_iterator(dir)) {
    std::string rel = e.path().lexically_relative(dir).generic_string();
    if (e.is_symlink())
      out[rel] = "<link>";
    else if (e.is_directory())
      out[rel] = "<folder>";
    else
      out[rel] = read_text(e.path());
  }
  return out;
}

CliResult run(const std::vector<std::string>& args) {
  std::vector<std::string> given = args;
  if (!given.empty() && given[0] == "build") given.insert(given.begin() + 1, "--no-pdf");
  return run_with_pdf(given);
}

CliResult run_with_pdf(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  CliResult r;
  r.exit_code = hb::run_cli(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

bool overwrite_snapshots() {
  const char* v = std::getenv("SNAPSHOTS");
  return v && std::string(v) == "overwrite";
}

BuiltSite::BuiltSite(const std::string& name, bool internal,
                     const std::function<void(SiteConfig&)>& adjust) {
  Diagnostics d;
  config = load_config(fixture(name), d);
  if (adjust) adjust(config);
  const ProfileSpec* profile = config.profile(internal ? "internal" : "public");
  if (!profile) throw std::runtime_error("fixture " + name + " has no such edition");
  site = build_site(config, *profile, load_pages(config, {internal, 1}, d), d);
  errors = d.error_count();
}

}  // namespace hb::test
