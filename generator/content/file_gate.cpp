#include "file_gate.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace fs = std::filesystem;

namespace hb {

namespace {

// The path with every symbolic link resolved, or "" when it leads to nothing.
fs::path real_path(const fs::path& folder) {
  std::unique_ptr<char, decltype(&std::free)> real(::realpath(folder.c_str(), nullptr), &std::free);
  return real ? fs::path(real.get()) : fs::path();
}

bool inside(const std::string& path, const std::string& folder) {
  return !folder.empty() && path.size() > folder.size() && path.starts_with(folder) &&
         path[folder.size()] == '/';
}

// `rel` is a plain relative path: no empty, `.` or `..` part, no leading '/'.
bool plain_relative(std::string_view rel) {
  if (rel.empty()) return false;
  size_t pos = 0;
  while (pos <= rel.size()) {
    size_t end = std::min(rel.find('/', pos), rel.size());
    std::string_view part = rel.substr(pos, end - pos);
    if (part.empty() || part == "." || part == "..") return false;
    pos = end + 1;
  }
  return true;
}

// How a character that breaks a web address is named in a message, or "" for a harmless one.
std::string breaking_character(unsigned char c) {
  if (c < 0x20 || c == 0x7f) return "a control character";
  if (c == ' ') return "a space";
  static constexpr std::string_view kBreaking = "\"#%<>?[\\]^`{|}:";
  if (kBreaking.find(static_cast<char>(c)) != std::string_view::npos)
    return "'" + std::string(1, static_cast<char>(c)) + "'";
  return "";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string_view file_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string type_list(const std::vector<std::string>& types) {
  std::string list;
  for (auto& t : types)
    list += (list.empty() ? "" : ", ") + t;
  return list.empty() ? "none" : list;
}

Admission refuse(std::string why) {
  return {{}, std::move(why)};
}

// The real path of the folder `name` of the site, or "" when it leads out of the site (a
// `content` that is itself a symbolic link to /etc admits nothing).
fs::path site_folder(const fs::path& root, const char* name) {
  fs::path site = real_path(root), folder = real_path(root / name);
  return inside(folder.native(), site.native()) ? folder : fs::path();
}

}  // namespace

std::string_view file_type(std::string_view name) {
  name = file_name(name);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return name.substr(dot + 1);
}

std::string breaking_character_in(std::string_view name) {
  for (char ch : name)
    if (std::string c = breaking_character(static_cast<unsigned char>(ch)); !c.empty()) return c;
  return "";
}

FileGate::FileGate(const SiteConfig& config)
    : root_(config.root),
      content_real_(site_folder(config.root, "content")),
      theme_real_(site_folder(config.root, "theme")),
      allowed_(config.attachments.allowed) {
  theme_display_ = (config.root / "theme").lexically_normal().generic_string() + "/";
}

std::string FileGate::folder_of(FileRole role) {
  return role == FileRole::ThemeFile ? "theme" : "content";
}

Admission FileGate::admit(FileRole role, std::string_view rel) const {
  std::string shown = folder_of(role) + "/" + std::string(rel);
  if (!plain_relative(rel)) return refuse(shown + " is not a path inside " + folder_of(role) + "/");
  Admission found = resolve(role, rel, shown);
  if (!found) return found;
  Admission fits = check_name(rel, shown);
  if (fits && role == FileRole::Page) fits = check_page(rel, found.real, shown);
  if (fits && role == FileRole::Attachment) fits = check_attachment(rel, found.real, shown);
  return fits ? found : fits;
}

std::vector<AdmittedFile> FileGate::theme_files(Diagnostics& diags) const {
  std::vector<AdmittedFile> out;
  fs::path folder = root_ / "theme";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(folder, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    bool hidden = it->path().filename().string().starts_with(".");
    if (hidden && it->is_directory(ec)) it.disable_recursion_pending();
    if (hidden || (it->is_directory(ec) && !it->is_symlink(ec))) continue;
    std::string rel = it->path().lexically_relative(folder).generic_string();
    Admission file = admit(FileRole::ThemeFile, rel);
    if (file)
      out.push_back({std::move(rel), std::move(file.real)});
    else
      diags.error(theme_display_ + rel, 0, 0, std::move(file.refusal), "");
  }
  std::sort(out.begin(), out.end(),
            [](const AdmittedFile& a, const AdmittedFile& b) { return a.rel < b.rel; });
  return out;
}

// The file exists, is a regular file with one name (a hard link could give a file outside the
// folder a name inside it), and lies inside the role's folder once every link is resolved.
Admission FileGate::resolve(FileRole role, std::string_view rel, const std::string& shown) const {
  fs::path lexical = root_ / folder_of(role) / fs::path(rel);
  fs::path real = real_path(lexical);
  struct stat st;
  if (real.empty())
    return refuse(::lstat(lexical.c_str(), &st) == 0
                      ? shown + " is a symbolic link that leads to no file"
                      : "there is no file " + shown);
  const fs::path& folder = role == FileRole::ThemeFile ? theme_real_ : content_real_;
  if (!inside(real.native(), folder.native()))
    return refuse(shown + " leads out of " + std::string(folder_of(role)) +
                  "/ through a symbolic link: the build reads only files inside the site's "
                  "content/ and theme/");
  if (::stat(real.c_str(), &st) != 0) return refuse("there is no file " + shown);
  if (S_ISDIR(st.st_mode)) return refuse(shown + " is a folder, not a file");
  if (!S_ISREG(st.st_mode)) return refuse(shown + " is not a regular file");
  if (st.st_nlink > 1)
    return refuse(shown + " is a hard link, one of several names of a file that may lie outside " +
                  folder_of(role) + "/: replace it with a copy of the file");
  return {real, {}};
}

// No part of the path is hidden or holds a character that breaks a web address.
Admission FileGate::check_name(std::string_view rel, const std::string& shown) const {
  for (size_t i = 0; i < rel.size(); ++i)
    if (rel[i] == '.' && (i == 0 || rel[i - 1] == '/'))
      return refuse(shown +
                    " is hidden (a name that starts with '.'), and hidden files are "
                    "never published");
  std::string c = breaking_character_in(rel);
  if (!c.empty())
    return refuse("the name " + shown + " contains " + c +
                  ", which breaks web addresses: rename it using letters, digits, '-', '_' "
                  "and '.'");
  return {};
}

// A page is a Markdown source, and not one that would replace a section's list page.
Admission FileGate::check_page(std::string_view rel, const fs::path& real,
                               const std::string& shown) const {
  if (file_name(rel) == "index.md")
    return refuse(shown + " would take the address of the section's list page, " +
                  std::string(rel.substr(0, rel.size() - 2)) +
                  "html: a section's own page is named _index.md; rename this file");
  if (!is_markdown_type(file_type(real.native())))
    return refuse(shown + " leads to a file that is not a Markdown source");
  return {};
}

// An attachment is of an allowed type, and neither its name nor the file it leads to is a
// Markdown source's.
Admission FileGate::check_attachment(std::string_view rel, const fs::path& real,
                                     const std::string& shown) const {
  std::string_view type = file_type(rel);
  if (is_markdown_type(type))
    return refuse(shown + " is a Markdown source, which is never published as a file: a page " +
                  "must be named *.md, and a link to it names that file");
  if (type.empty())
    return refuse(shown + " has no file type (like .pdf), so it cannot be an attachment: the " +
                  "allowed types are " + type_list(allowed_));
  if (std::find(allowed_.begin(), allowed_.end(), lower(type)) == allowed_.end())
    return refuse(shown + " is of type '." + std::string(type) +
                  "', which is not an allowed attachment type: the allowed types are " +
                  type_list(allowed_) + " ([attachments] allowed in handbook.toml)");
  if (is_markdown_type(file_type(real.native())))
    return refuse(shown + " leads to a Markdown source, which is never published as a file");
  return {};
}

}  // namespace hb
