#include "file_gate.h"

#include <algorithm>
#include <memory>

#include "base/escape.h"
#include "base/messages.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

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
  if (c < 0x20 || c == 0x7f) return msg("char_control");
  if (c == ' ') return msg("char_space");
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
  return list.empty() ? msg("types_none") : list;
}

// A size in whole megabytes (10^6 bytes), rounded up: "17 MB".
std::string megabytes(uint64_t bytes) {
  return std::to_string((bytes + 999'999) / 1'000'000) + " MB";
}

Admission refuse(std::string why) {
  return {{}, std::move(why)};
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
    : source_(config.source ? config.source : disk_source(config.root)),
      allowed_(config.attachments.allowed) {
  theme_display_ = (config.root / "theme").lexically_normal().generic_string() + "/";
  std::error_code ec;
  site_real_ = fs::weakly_canonical(fs::absolute(config.root, ec), ec);
}

std::string FileGate::folder_of(FileRole role) {
  return role == FileRole::ThemeFile ? "theme" : "content";
}

Admission FileGate::admit(FileRole role, std::string_view rel) const {
  std::string shown = folder_of(role) + "/" + terminal_text(rel, false);
  if (!plain_relative(rel))
    return refuse(msg("file_not_inside", {{"file", shown}, {"folder", folder_of(role)}}));
  Admission found = resolve(role, rel, shown);
  if (!found) return found;
  Admission fits = check_name(rel, shown);
  if (fits) fits = check_real(role, rel, found.real, shown);
  if (fits && role == FileRole::Page) fits = check_page(rel, found.real, shown);
  if (fits && role == FileRole::Attachment) fits = check_attachment(rel, found.real, shown);
  return fits ? found : fits;
}

std::vector<AdmittedFile> FileGate::theme_files(Diagnostics& diags) const {
  std::vector<AdmittedFile> out;
  for (std::string& rel : source_->files("theme")) {
    Admission file = admit(FileRole::ThemeFile, rel);
    if (file)
      out.push_back({std::move(rel), std::move(file.real)});
    else
      diags.error(theme_display_ + rel, 0, 0, std::move(file.refusal), "");
  }
  return out;
}

Admission FileGate::resolve(FileRole role, std::string_view rel, const std::string& shown) const {
  Found found = source_->find(folder_of(role), rel, shown);
  // A page's collection and edition follow from the folder it stands in: a link in a public
  // folder to a page of a collection that is internal by default would publish it.
  if (found && found.linked && role == FileRole::Page)
    return refuse(msg("file_page_link", {{"file", shown}}));
  uint64_t max = role == FileRole::Page         ? kMaxPageBytes
                 : role == FileRole::Attachment ? kMaxAttachmentBytes
                                                : kMaxThemeFileBytes;
  if (found && found.bytes > max)
    return refuse(
        msg(role == FileRole::Page         ? "file_page_too_large"
            : role == FileRole::Attachment ? "file_attachment_too_large"
                                           : "file_theme_too_large",
            {{"file", shown}, {"size", megabytes(found.bytes)}, {"max", megabytes(max)}}));
  return {std::move(found.real), std::move(found.refusal)};
}

// No part of the path is hidden or holds a character that breaks a web address.
Admission FileGate::check_name(std::string_view rel, const std::string& shown) const {
  for (size_t i = 0; i < rel.size(); ++i)
    if (rel[i] == '.' && (i == 0 || rel[i - 1] == '/'))
      return refuse(msg("file_hidden", {{"file", shown}}));
  std::string c = breaking_character_in(rel);
  if (!c.empty()) return refuse(msg("file_name_breaks", {{"file", shown}, {"char", c}}));
  for (size_t i = 0, n; i < rel.size(); i += n)
    if ((n = utf8_sequence(rel, i)) == 0)
      return refuse(msg("file_name_not_utf8", {{"file", shown}}));
  return {};
}

// Where the file leads on disk, links resolved, no part of the path in the site is hidden (a
// theme/ that is a link to .git/ would publish its settings); and a theme file is no Markdown
// source, by name or by where it leads.
Admission FileGate::check_real(FileRole role, std::string_view rel, const fs::path& real,
                               const std::string& shown) const {
  if (role == FileRole::ThemeFile &&
      (is_markdown_type(file_type(rel)) || is_markdown_type(file_type(real.native()))))
    return refuse(msg("file_markdown_theme", {{"file", shown}}));
  if (!source_->on_disk()) return {};  // a git tree has no links to follow
  for (const fs::path& part : real.lexically_relative(site_real_))
    if (part.native().starts_with('.') && part != "..")
      return refuse(msg("file_leads_to_hidden", {{"file", shown}}));
  return {};
}

// A page is a Markdown source, and not one that would replace a section's list page.
Admission FileGate::check_page(std::string_view rel, const fs::path& real,
                               const std::string& shown) const {
  if (file_name(rel) == "index.md")
    return refuse(
        msg("file_index_md",
            {{"file", shown}, {"address", std::string(rel.substr(0, rel.size() - 2)) + "html"}}));
  if (!is_markdown_type(file_type(real.native())))
    return refuse(msg("file_page_not_markdown", {{"file", shown}}));
  return {};
}

// An attachment is of an allowed type, and neither its name nor the file it leads to is a
// Markdown source's.
Admission FileGate::check_attachment(std::string_view rel, const fs::path& real,
                                     const std::string& shown) const {
  std::string_view type = file_type(rel);
  if (is_markdown_type(type)) return refuse(msg("file_markdown_attachment", {{"file", shown}}));
  if (type.empty())
    return refuse(msg("file_no_type", {{"file", shown}, {"types", type_list(allowed_)}}));
  if (std::find(allowed_.begin(), allowed_.end(), lower(type)) == allowed_.end())
    return refuse(
        msg("file_type_not_allowed",
            {{"file", shown}, {"type", std::string(type)}, {"types", type_list(allowed_)}}));
  if (is_markdown_type(file_type(real.native())))
    return refuse(msg("file_leads_to_markdown", {{"file", shown}}));
  return {};
}

}  // namespace hb
