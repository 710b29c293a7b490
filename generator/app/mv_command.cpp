#include "mv_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>

#include <toml++/toml.h>

#include "base/messages.h"
#include "build.h"
#include "config/config.h"
#include "config/toml_mistakes.h"
#include "content/content.h"
#include "content/frontmatter.h"
#include "renamed_source.h"
#include "scaffold.h"
#include "site/site.h"
#include "text_edits.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

MovePageResult refused(std::string message) {
  MovePageResult r;
  r.status = 2;
  r.message = std::move(message);
  return r;
}

// The errors of the site in every edition, as `check` finds them (warnings are left out).
void site_errors(const fs::path& site, const SiteConfig& config,
                 std::shared_ptr<const SiteSource> source, Diagnostics& errors) {
  std::set<std::string> seen;  // an error of both editions is reported once
  for (auto& profile : config.profiles) {
    Diagnostics d;
    BuildOptions options;
    options.site = site;
    options.profile = profile.name;
    options.write = false;
    options.source = source;
    BuildResult result;
    build(options, d, result);
    for (auto& diag : d.sorted())
      if (diag.severity == Severity::Error && seen.insert(format_text(diag)).second)
        errors.add(diag);
  }
}

struct Plan {
  std::map<std::string, std::vector<TextEdit>> edits;  // by file, relative to content/
  std::map<std::string, std::string> texts;            // each file's text as it is now
  std::optional<Diagnostic> problem;  // a reference that cannot be rewritten, at its place
};

class Planner {
 public:
  Planner(const SiteConfig& config, const Site& site, int page, const std::string& new_id)
      : config_(config), site_(site), page_(page), new_id_(new_id) {}

  Plan plan() {
    const Page& target = site_.pages[static_cast<size_t>(page_)];
    for (size_t i = 0; i < site_.pages.size() && !plan_.problem; ++i) {
      const Page& p = site_.pages[i];
      for (auto& r : p.refs)
        if (r.target == page_) edit_string(p, r.pos, msg("mv_what_field", {{"field", r.field}}));
      if (!config_.strategy.owners.empty() && target.collection &&
          config_.strategy.owners == target.collection->name && p.owner == target.id)
        edit_string(p, p.owner_pos, msg("mv_what_field", {{"field", "owner"}}));
      for (size_t k = 0; k < p.links.size(); ++k)
        if (p.links[k].target == page_ && !p.links[k].asset) edit_link(p, p.body.links[k]);
    }
    if (!plan_.problem) add_alias(target);
    return std::move(plan_);
  }

 private:
  const std::string& text(const Page& p) {
    auto [it, fresh] = plan_.texts.try_emplace(p.rel);
    if (fresh && !FileGate(config_).source().read(
                     FileGate(config_).admit(FileRole::Page, p.rel).real, it->second))
      plan_.problem =
          Diagnostic{Severity::Error, p.display_path, 0, 0, msg("file_unreadable"), "", 0};
    return it->second;
  }

  void fail(const Page& p, int line, int col, const std::string& what) {
    if (plan_.problem) return;
    plan_.problem = Diagnostic{Severity::Error,
                               p.display_path,
                               line,
                               col,
                               msg("mv_cannot_rewrite", {{"what", what}, {"id", old_id()}}),
                               std::string(line_of(text(p), line)),
                               0};
  }

  const std::string& old_id() const { return site_.pages[static_cast<size_t>(page_)].id; }

  void edit_string(const Page& p, const SourcePos& pos, const std::string& what) {
    const std::string& t = text(p);
    std::optional<size_t> at = offset_of(t, pos.line, pos.col);
    std::optional<TextEdit> e = at ? id_string_edit(t, *at, old_id(), new_id_) : std::nullopt;
    if (!e) return fail(p, pos.line, pos.col, what);
    plan_.edits[p.rel].push_back(std::move(*e));
  }

  void edit_link(const Page& p, const BodyLink& bl) {
    const std::string& t = text(p);
    std::optional<size_t> at = offset_of(t, bl.line, bl.col);
    std::optional<TextEdit> e = at ? link_edit(t, *at, bl.url, old_id(), new_id_) : std::nullopt;
    if (!e) e = definition_edit(t, bl.url);  // a reference link: its definition names the file
    if (!e) return fail(p, bl.line, bl.col, msg("mv_what_link", {{"url", bl.url}}));
    plan_.edits[p.rel].push_back(std::move(*e));
  }

  // The edit of the link reference definition `[x]: url` that gives a reference link its address.
  std::optional<TextEdit> definition_edit(const std::string& t, const std::string& url) {
    for (size_t at = t.find("]:"); at != std::string::npos; at = t.find("]:", at + 2)) {
      size_t start = t.find_first_not_of(" \t", at + 2);
      if (start != std::string::npos && t[start] == '<') ++start;
      if (start == std::string::npos) break;
      if (auto e = link_edit(t, start, url, old_id(), new_id_)) return e;
    }
    return std::nullopt;
  }

  void add_alias(const Page& p) {
    const std::string& t = text(p);
    Diagnostics ignored;
    std::optional<FrontMatter> fm = split_front_matter(p.display_path, t, ignored);
    if (!fm) return fail(p, 1, 1, msg("mv_what_front_matter"));
    size_t toml_at = static_cast<size_t>(fm->toml.data() - t.data());
    size_t insert_at = toml_at + fm->toml.size();  // the closing `+++`
    std::optional<size_t> list;
    try {
      toml::table table = parse_toml(fm->toml);
      for (auto&& [k, v] : table) {
        bool header = (v.is_table() && !v.as_table()->is_inline()) || v.is_array_of_tables();
        if (header) insert_at = std::min(insert_at, line_start(t, toml_at, k.source().begin.line));
        if (k.str() == "aliases" && v.is_array())
          list = offset_of(fm->toml, static_cast<int>(v.source().begin.line),
                           static_cast<int>(v.source().begin.column));
      }
    } catch (const toml::parse_error&) {
      return fail(p, fm->toml_line, 1, msg("mv_what_front_matter"));
    }
    if (list) *list += toml_at;
    std::optional<TextEdit> e = alias_edit(t, list, insert_at, old_id());
    if (!e) return fail(p, fm->toml_line, 1, msg("mv_what_aliases"));
    plan_.edits[p.rel].push_back(std::move(*e));
  }

  // The offset of line `line` of the TOML that begins at `toml_at`.
  static size_t line_start(const std::string& t, size_t toml_at, size_t line) {
    size_t pos = toml_at;
    for (size_t l = 1; l < line; ++l) {
      size_t eol = t.find('\n', pos);
      if (eol == std::string::npos) return t.size();
      pos = eol + 1;
    }
    return pos;
  }

  const SiteConfig& config_;
  const Site& site_;
  int page_;
  const std::string& new_id_;
  Plan plan_;
};

// Writes each text to a file beside its own (`<name>.handbook-mv`), and only when every one is
// written renames them over their files: "" or why not (then no file has changed).
std::string write_all(const fs::path& content, const std::map<std::string, std::string>& texts) {
  std::vector<fs::path> temps;
  auto undo = [&] {
    std::error_code ec;
    for (auto& t : temps)
      fs::remove(t, ec);
  };
  for (auto& [rel, text] : texts) {
    temps.push_back(content / (rel + ".handbook-mv"));
    std::ofstream out(temps.back(), std::ios::binary);
    out << text;
    if (!out.flush()) {
      undo();
      return msg("mv_cannot_write",
                 {{"file", "content/" + rel}, {"reason", std::strerror(errno ? errno : EIO)}});
    }
  }
  for (auto& [rel, text] : texts) {
    std::error_code ec;
    fs::rename(content / (rel + ".handbook-mv"), content / rel, ec);
    if (ec) return msg("mv_cannot_write", {{"file", "content/" + rel}, {"reason", ec.message()}});
  }
  return "";
}

const ProfileSpec* widest_profile(const SiteConfig& config) {
  for (auto& p : config.profiles)
    if (p.include_internal) return &p;
  return config.profiles.empty() ? nullptr : &config.profiles.front();
}

}  // namespace

MovePageResult move_page(const MovePageRequest& request, Diagnostics& diags) {
  SiteConfig config = load_config(request.site, diags);
  if (diags.has_errors()) return {1, msg("mv_config_errors"), {}, {}, {}};
  const CollectionSpec* collection = config.collection(request.collection);
  if (!collection) return refused(unknown_collection(config, request.collection));
  if (std::string why = id_refusal(request.new_id, collection->folder); !why.empty())
    return refused(why);
  const ProfileSpec* profile = widest_profile(config);
  if (!profile) return refused(msg("mv_no_edition"));
  Diagnostics ignored;
  LoadOptions load{true, 0, nullptr};
  Site site = build_site(config, *profile, load_pages(config, load, ignored), ignored);
  std::string folder = collection->folder + "/";
  int page = site.find(folder + request.old_id + ".md");
  if (page < 0) {
    std::vector<std::string> ids;
    for (auto& p : site.pages)
      if (p.collection == collection && !p.is_index) ids.push_back(p.id);
    return refused(msg(
        "mv_no_page", {{"collection", collection->name},
                       {"id", request.old_id},
                       {"file", display_path(config, "content/" + folder + request.old_id + ".md")},
                       {"suggest", did_you_mean(request.old_id, ids)}}));
  }
  if (request.new_id == request.old_id) return refused(msg("mv_same_id", {{"id", request.new_id}}));
  std::string from = display_path(config, "content/" + folder + request.old_id + ".md");
  std::string to = display_path(config, "content/" + folder + request.new_id + ".md");
  if (site.find(folder + request.new_id + ".md") >= 0 ||
      fs::exists(config.root / "content" / folder / (request.new_id + ".md")))
    return refused(msg("mv_id_taken",
                       {{"collection", collection->name}, {"id", request.new_id}, {"file", to}}));
  site_errors(request.site, config, nullptr, diags);
  if (diags.has_errors()) {
    return {1, msg("mv_site_errors"), from, to, {}};
  }
  Plan plan = Planner(config, site, page, request.new_id).plan();
  if (plan.problem) {
    const Diagnostic& d = *plan.problem;
    diags.error(d.path, d.line, d.col, d.message, d.source_line);
    return refused(msg("mv_nothing_renamed", {{"file", from}}));
  }
  std::map<std::string, std::string> texts;
  for (auto& [rel, edits] : plan.edits)
    texts[rel] = apply_edits(plan.texts[rel], edits);
  std::string old_rel = folder + request.old_id + ".md", new_rel = folder + request.new_id + ".md";
  texts[new_rel] = std::move(texts[old_rel]);
  texts.erase(old_rel);
  fs::path content = fs::weakly_canonical(config.root / "content");
  auto renamed = std::make_shared<RenamedSource>(
      config.source ? config.source : disk_source(config.root), content, texts, old_rel);
  site_errors(request.site, config, renamed, diags);
  if (diags.has_errors()) {
    return {1, msg("mv_would_break"), from, to, {}};
  }
  if (std::string why = write_all(config.root / "content", texts); !why.empty())
    return refused(why);
  MovePageResult result{0, "", from, to, {}};
  for (auto& [rel, text] : texts)
    if (rel != new_rel) result.rewritten.push_back(display_path(config, "content/" + rel));
  std::error_code ec;
  fs::remove(config.root / "content" / old_rel, ec);
  if (ec) return refused(msg("mv_cannot_remove", {{"file", from}, {"reason", ec.message()}}));
  return result;
}

}  // namespace hb
