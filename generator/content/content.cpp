#include "content.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>

#include <fstream>

#include <toml++/toml.h>

#include "base/parallel.h"
#include "frontmatter.h"
#include "schema.h"
#include "text_check.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

bool rewritable(std::string_view url) {
  return !url.empty() && url[0] != '#' && url[0] != '/' && !is_external_url(url);
}

// Normalises `base_dir/target` (both relative to content/); empty if it leaves content/.
std::string resolve_relative(std::string_view base_dir, std::string_view target) {
  thread_local std::vector<std::string_view> parts;
  parts.clear();
  auto push = [&](std::string_view path) -> bool {
    size_t pos = 0;
    while (pos <= path.size()) {
      size_t end = path.find('/', pos);
      if (end == std::string_view::npos) end = path.size();
      std::string_view seg = path.substr(pos, end - pos);
      if (seg == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      pos = end + 1;
    }
    return true;
  };
  if (!push(base_dir) || !push(target)) return {};
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

void place_page(const SiteConfig& config, Page& page, Diagnostics& diags) {
  const std::string& rel = page.rel;
  size_t slash = rel.find('/');
  page.section = slash == std::string::npos ? "" : rel.substr(0, slash);
  std::string file = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
  page.id = file.substr(0, file.size() - 3);
  page.is_index = page.id == "_index";
  if (page.is_index) {
    page.url = rel.substr(0, rel.size() - file.size()) + "index.html";
    // A section of a collection that is internal by default is internal too.
    if (auto* c = config.collection_for_folder(page.section))
      page.internal = c->internal_by_default;
    if (!page.section.empty() && !config.collection_for_folder(page.section))
      page.collection = nullptr;
    return;
  }
  page.url = rel.substr(0, rel.size() - 3) + ".html";
  page.collection = config.collection_for_folder(page.section);
  if (page.collection) return;
  std::vector<std::string> folders;
  for (auto& c : config.collections)
    folders.push_back(c.folder);
  std::string message = page.section.empty()
                            ? "a page must be in a collection's folder (" +
                                  [&] {
                                    std::string s;
                                    for (auto& f : folders)
                                      s += (s.empty() ? "" : ", ") + f + "/";
                                    return s;
                                  }() +
                                  ")"
                            : "folder '" + page.section +
                                  "' is not a collection declared in handbook.toml" +
                                  did_you_mean(page.section, folders);
  diags.error(page.display_path, 0, 0, message, "");
  page.ok = false;
}

void resolve_links(Page& page, std::string_view text, Diagnostics& diags) {
  std::string dir =
      page.rel.substr(0, page.rel.rfind('/') == std::string::npos ? 0 : page.rel.rfind('/'));
  page.links.resize(page.body.links.size());
  for (size_t i = 0; i < page.body.links.size(); ++i) {
    const BodyLink& bl = page.body.links[i];
    PageLink& pl = page.links[i];
    if (!rewritable(bl.url)) continue;
    std::string_view url = bl.url;
    size_t hash = url.find('#');
    if (hash != std::string_view::npos) pl.anchor = std::string(url.substr(hash + 1));
    std::string_view path = url.substr(0, hash);
    size_t query = path.find('?');
    if (query != std::string_view::npos) path = path.substr(0, query);
    pl.path = resolve_relative(dir, path);
    pl.asset = !path.ends_with(".md");
    if (pl.path.empty())
      diags.error(page.display_path, bl.line, bl.col,
                  "link '" + bl.url + "' leaves the content folder: link to a file inside content/",
                  line_of(text, bl.line));
  }
}

}  // namespace

// One open, fstat, read and close: this runs for every page.
bool read_file(const fs::path& path, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  out.resize(ok ? static_cast<size_t>(st.st_size) : 0);
  size_t done = 0;
  while (ok && done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n <= 0) ok = n == 0 && (out.resize(done), true);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return ok;
}

namespace {

// Reads the file into `buffer`, which only grows, and points `text` at its bytes.
bool read_file_into(const std::string& path, std::string& buffer, std::string_view& text) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0;
  size_t size = ok ? static_cast<size_t>(st.st_size) : 0, done = 0;
  if (buffer.size() < size) buffer.resize(std::max(size, 2 * buffer.size()));
  while (ok && done < size) {
    ssize_t n = ::read(fd, buffer.data() + done, size - done);
    if (n < 0) ok = false;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  text = std::string_view(buffer.data(), done);
  return ok;
}

// `root`/content/ as a string that a page's path is appended to: made once for each site that a
// thread loads pages of, not with path operations for every page.
const std::string& content_folder(const fs::path& root) {
  thread_local std::string root_seen, folder;
  if (folder.empty() || root_seen != root.native()) {
    root_seen = root.native();
    folder = (root / "content/").native();
  }
  return folder;
}

}  // namespace

std::string display_path(const SiteConfig& config, std::string_view rel_to_site) {
  return (config.root / fs::path(rel_to_site)).lexically_normal().generic_string();
}

std::vector<std::string> find_content_files(const fs::path& content_dir) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(content_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->path().extension() != ".md") continue;
    out.push_back(it->path().lexically_relative(content_dir).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Page load_page(const SiteConfig& config, const std::string& rel, const LoadOptions& options,
               Diagnostics& diags) {
  // `diags` must hold only this page's problems: `ok` is judged by its count.
  Page page;
  page.rel = rel;
  page.display_path = config.content_display.empty() ? display_path(config, "content/" + rel)
                                                     : config.content_display + rel;
  place_page(config, page, diags);
  // The file's path and bytes go into buffers kept by the thread, whose bytes are never cleared
  // first.
  thread_local std::string path, buffer;
  path.assign(content_folder(config.root)).append(rel);
  std::string_view text;
  if (!read_file_into(path, buffer, text)) {
    diags.error(page.display_path, 0, 0, "cannot read the file", "");
    page.ok = false;
    return page;
  }
  size_t errors_before = diags.error_count();
  if (!check_text(page.display_path, text, diags)) {
    page.ok = false;
    return page;
  }
  auto fm = split_front_matter(page.display_path, text, diags);
  if (!fm) {
    page.ok = false;
    return page;
  }
  page.front_pos = {1, 1, std::string(line_of(text, 1))};
  toml::table table;
  try {
    table = toml::parse(fm->toml, page.display_path);
  } catch (const toml::parse_error& e) {
    toml_error(diags, page.display_path, text, e.source(), fm->toml_line - 1,
               std::string(e.description()));
    page.ok = false;
    return page;
  }
  check_strings(page.display_path, text, fm->toml_line - 1, table, diags);
  FrontMatterSource src{page.display_path, text, fm->toml_line - 1, options.include_internal};
  apply_front_matter(table, config, page, src, diags);
  std::string filtered;
  std::string_view body = fm->body;
  if (body.find("<!--") != std::string_view::npos) {  // may hold internal passages
    filtered = filter_internal(page.display_path, text, body, fm->body_line,
                               options.include_internal, diags);
    body = filtered;
  }
  page.body = render_markdown(body, fm->body_line, text, &rewritable);
  resolve_links(page, text, diags);
  if (diags.error_count() > errors_before) page.ok = false;
  return page;
}

std::vector<Page> load_pages(const SiteConfig& config, const LoadOptions& options,
                             Diagnostics& diags) {
  auto files = find_content_files(config.root / "content");
  std::vector<Page> pages(files.size());
  parallel_for(files.size(), thread_count(options.threads), [&](size_t i) {
    Diagnostics local;  // per page, so that `ok` counts only this page's problems
    pages[i] = load_page(config, files[i], options, local);
    diags.merge(local);
  });
  return pages;
}

}  // namespace hb
