#include "content.h"

#include <algorithm>
#include <cctype>

#include <toml++/toml.h>

#include "base/messages.h"
#include "base/parallel.h"
#include "config/toml_mistakes.h"
#include "file_gate.h"
#include "frontmatter.h"
#include "link_target.h"
#include "schema.h"
#include "text_check.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

bool rewritable(std::string_view url) {
  return !url.empty() && url[0] != '#' && url[0] != '/' && !is_external_url(url);
}

// An image written into the address itself (data:image/png;base64,...): nothing is fetched.
bool is_inline_image(std::string_view url) {
  for (std::string_view type :
       {"data:image/png;", "data:image/gif;", "data:image/jpeg;", "data:image/webp;"})
    if (url.size() >= type.size() &&
        std::equal(type.begin(), type.end(), url.begin(),
                   [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
      return true;
  return false;
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
  std::string message =
      page.section.empty()
          ? msg("page_outside_collections", {{"folders",
                                              [&] {
                                                std::string s;
                                                for (auto& f : folders)
                                                  s += (s.empty() ? "" : ", ") + f + "/";
                                                return s;
                                              }()}})
          : msg("folder_not_collection", {{"folder", page.section}}) +
                did_you_mean(page.section, folders);
  diags.error(page.display_path, 0, 0, message, "");
  page.ok = false;
}

// The links of the page's Markdown fields, numbered from 0 in their HTML, put after the body's.
void add_field_links(Page& page, std::vector<BodyLink> field_links) {
  if (field_links.empty()) return;
  size_t body = page.body.links.size();
  if (body > 0)
    replace_value_links(page.fields, [&](size_t n) { return link_placeholder(n + body); });
  for (auto& l : field_links)
    page.body.links.push_back(std::move(l));
}

void resolve_links(Page& page, std::string_view text, Diagnostics& diags) {
  std::string_view dir = folder_of(page.rel);
  page.links.resize(page.body.links.size());
  for (size_t i = 0; i < page.body.links.size(); ++i) {
    const BodyLink& bl = page.body.links[i];
    if (bl.image && is_external_url(bl.url) && !is_inline_image(bl.url)) {
      diags.error_at(page.display_path, text, bl.line, bl.col,
                     msg("image_external", {{"url", bl.url}}));
      continue;
    }
    std::string problem;
    if (bl.url.starts_with("#") && !link_anchor(bl.url, page.links[i].anchor, problem))
      diags.error_at(page.display_path, text, bl.line, bl.col, problem);
    // A field's link to a heading of its page names the page: the field may be shown elsewhere.
    if (bl.url.starts_with("#") && !bl.field.empty()) page.links[i].path = page.rel;
    if (!rewritable(bl.url) && !is_absolute_path(bl.url)) continue;
    LinkTarget target = resolve_link(dir, bl.url);
    if (!target.problem.empty()) {
      diags.error_at(page.display_path, text, bl.line, bl.col, target.problem);
      continue;
    }
    PageLink& pl = page.links[i];
    pl.path = std::move(target.path);
    pl.anchor = std::move(target.anchor);
    pl.asset = !target.page;
  }
}

}  // namespace

std::string page_source_line(const SiteConfig& config, const std::string& rel, int line) {
  std::string text;
  FileGate gate(config);
  Admission file = gate.admit(FileRole::Page, rel);
  if (!file || !gate.source().read(file.real, text)) return "";
  return std::string(line_of(text, line));
}

std::string display_path(const SiteConfig& config, std::string_view rel_to_site) {
  return (config.root / fs::path(rel_to_site)).lexically_normal().generic_string();
}

ContentFiles find_content_files(const SiteSource& source) {
  ContentFiles out;
  for (std::string& rel : source.files("content")) {
    std::string_view type = file_type(rel);
    if (is_markdown_type(type)) (type == "md" ? out.pages : out.misnamed).push_back(std::move(rel));
  }
  return out;
}

Page load_page(const SiteConfig& config, const FileGate& gate, const std::string& rel,
               const LoadOptions& options, Diagnostics& diags) {
  // `diags` must hold only this page's problems: `ok` is judged by its count.
  Page page;
  page.rel = rel;
  page.display_path = config.content_display.empty() ? display_path(config, "content/" + rel)
                                                     : config.content_display + rel;
  place_page(config, page, diags);
  Admission file = gate.admit(FileRole::Page, rel);
  if (!file) {
    diags.error(page.display_path, 0, 0, file.refusal, "");
    page.ok = false;
    return page;
  }
  // The file's bytes go into a buffer kept by the thread, which keeps its capacity.
  thread_local std::string buffer;
  if (!gate.source().read(file.real, buffer)) {
    diags.error(page.display_path, 0, 0, msg("file_unreadable"), "");
    page.ok = false;
    return page;
  }
  std::string_view text = buffer;
  load_page_text(config, page, text, options, diags);
  return page;
}

void load_page_text(const SiteConfig& config, Page& page, std::string_view text,
                    const LoadOptions& options, Diagnostics& diags) {
  size_t errors_before = diags.error_count();
  if (!check_text(page.display_path, text, diags)) {
    page.ok = false;
    return;
  }
  auto fm = split_front_matter(page.display_path, text, diags);
  if (!fm) {
    page.ok = false;
    return;
  }
  page.front_pos = {1, 1, std::string(line_of(text, 1))};
  toml::table table;
  try {
    table = parse_toml(fm->toml, page.display_path);
  } catch (const toml::parse_error& e) {
    toml_parse_error(diags, page.display_path, text, fm->toml, e, fm->toml_line - 1);
    page.ok = false;
    return;
  }
  check_strings(page.display_path, text, fm->toml_line - 1, table, diags);
  FrontMatterSource src{page.display_path, text, fm->toml_line - 1, options.include_internal};
  apply_front_matter(table, config, page, src, diags);
  Visibility vis;
  vis.keep_internal = options.include_internal;
  vis.path = page.display_path;
  vis.diags = &diags;
  std::vector<BodyLink> field_links = std::move(page.body.links);
  page.body = render_markdown(fm->body, fm->body_line, text, &rewritable, true, vis);
  add_field_links(page, std::move(field_links));
  resolve_links(page, text, diags);
  if (diags.error_count() > errors_before) page.ok = false;
}

Page load_page_version(const SiteConfig& config, const std::string& rel, std::string_view text,
                       const LoadOptions& options, Diagnostics& diags) {
  Page page;
  page.rel = rel;
  page.display_path = display_path(config, "content/" + rel);
  place_page(config, page, diags);
  load_page_text(config, page, text, options, diags);
  return page;
}

std::vector<Page> load_pages(const SiteConfig& config, const LoadOptions& options,
                             Diagnostics& diags) {
  FileGate gate(config);
  ContentFiles files = find_content_files(gate.source());
  for (auto& rel : files.misnamed) {
    std::string name = fs::path(rel).filename().string();
    diags.error(
        display_path(config, "content/" + rel), 0, 0,
        msg("file_misnamed_markdown", {{"type", std::string(file_type(name))},
                                       {"name", fs::path(name).replace_extension(".md").string()}}),
        "");
  }
  std::vector<Page> pages(files.pages.size());
  PageCache* cache = options.cache;
  if (cache) cache->keep_only(files.pages);
  std::vector<std::unique_ptr<Diagnostics>> loaded(cache ? files.pages.size() : 0);
  parallel_for(files.pages.size(), thread_count(options.threads), [&](size_t i) {
    if (cache && cache->reuse(config, files.pages[i], pages[i], diags)) return;
    auto local = std::make_unique<Diagnostics>();  // this page's only, so `ok` counts them
    pages[i] = load_page(config, gate, files.pages[i], options, *local);
    diags.merge(*local);
    if (cache) loaded[i] = std::move(local);
  });
  for (size_t i = 0; i < loaded.size(); ++i)
    if (loaded[i]) cache->keep(pages[i], std::move(loaded[i]));
  return pages;
}

}  // namespace hb
