#include "config.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "base/messages.h"
#include "base/ui_strings.h"
#include "toml_mistakes.h"

namespace hb {

namespace {

constexpr const char* kConfigName = "handbook.toml";

struct Reader {
  Diagnostics& diags;
  std::string path;
  std::string text;

  void error(const toml::node& where, std::string message) const {
    toml_error(diags, path, text, where.source(), 0, std::move(message));
  }

  // Reports keys of `table` not in `allowed`, with the closest allowed key.
  void check_keys(const toml::table& table, const std::vector<std::string>& allowed,
                  std::string_view what) const {
    for (auto&& [key, node] : table) {
      if (std::find(allowed.begin(), allowed.end(), key.str()) != allowed.end()) continue;
      std::string hint = did_you_mean(key.str(), allowed);
      if (hint.empty()) {  // no spelling is near: name the settings there are
        std::string keys;
        for (const std::string& k : allowed)
          keys += (keys.empty() ? "" : ", ") + k;
        hint = msg("config_known_keys", {{"keys", keys}});
      }
      toml_error(
          diags, path, text, key.source(), 0,
          msg("config_unknown_setting",
              {{"key", std::string(key.str())}, {"where", std::string(what)}, {"hint", hint}}));
    }
  }

  std::string str(const toml::table& t, std::string_view key, std::string fallback = {}) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (auto s = n->value<std::string>()) return *s;
    error(*n, msg("config_string", {{"key", std::string(key)}}));
    return fallback;
  }

  // A date written as a TOML date (2026-11-23) or a string of that form.
  std::string day(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return {};
    if (auto d = n->value<toml::date>()) {
      char buf[16];
      snprintf(buf, sizeof buf, "%04d-%02d-%02d", d->year, d->month, d->day);
      return buf;
    }
    error(*n, msg("config_date", {{"key", std::string(key)}}));
    return {};
  }

  // A web address under which an edition is published: https:// or http://, a host, and no
  // character that would have to be escaped in an address.
  std::string web_address(const toml::table& t, std::string_view key) const {
    std::string s = str(t, key);
    size_t host = s.starts_with("https://") ? 8 : s.starts_with("http://") ? 7 : 0;
    bool plain = std::none_of(s.begin(), s.end(), [](char ch) {
      return static_cast<unsigned char>(ch) <= ' ' ||
             std::string_view("\"'<>\\^`{|}#?").find(ch) != std::string_view::npos;
    });
    if (s.empty() || (host && s.size() > host && s[host] != '/' && plain)) return s;
    error(*t.get(key), msg("config_web_address", {{"key", std::string(key)}}));
    return "";
  }

  bool boolean(const toml::table& t, std::string_view key, bool fallback) const {
    const toml::node* n = t.get(key);
    if (!n) return fallback;
    if (auto b = n->value<bool>()) return *b;
    error(*n, msg("config_boolean", {{"key", std::string(key)}}));
    return fallback;
  }

  std::vector<std::string> strings(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* a = n->as_array();
    if (!a) {
      error(*n, msg("config_strings", {{"key", std::string(key)}}));
      return out;
    }
    for (auto&& e : *a) {
      if (auto s = e.value<std::string>())
        out.push_back(*s);
      else
        error(e, msg("config_strings_only", {{"key", std::string(key)}}));
    }
    return out;
  }

  const toml::table* table(const toml::table& t, std::string_view key) const {
    const toml::node* n = t.get(key);
    if (!n) return nullptr;
    if (auto* tt = n->as_table()) return tt;
    error(*n, msg("config_table", {{"key", std::string(key)}}));
    return nullptr;
  }
};

std::vector<std::string> type_names() {
  return {"string", "markdown", "integer", "number", "boolean", "date", "enum",
          "url",    "email",    "list",    "ref",    "refs",    "table"};
}

FieldSpec read_field(const Reader& r, std::string name, const toml::node& node);

// Fields in the order they are written in handbook.toml (toml++ keeps tables sorted by key).
std::vector<FieldSpec> read_fields(const Reader& r, const toml::table& fields) {
  std::vector<std::pair<std::pair<int, int>, FieldSpec>> placed;
  for (auto&& [key, node] : fields) {
    auto at = key.source().begin;
    placed.push_back({{static_cast<int>(at.line), static_cast<int>(at.column)},
                      read_field(r, std::string(key.str()), node)});
  }
  std::stable_sort(placed.begin(), placed.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<FieldSpec> out;
  for (auto& [where, f] : placed)
    out.push_back(std::move(f));
  return out;
}

FieldSpec read_field(const Reader& r, std::string name, const toml::node& node) {
  FieldSpec f;
  f.name = std::move(name);
  f.label = f.name;
  const toml::table* t = node.as_table();
  if (!t) {
    r.error(node, msg("config_field_table", {{"name", f.name}}));
    return f;
  }
  r.check_keys(*t,
               {"type", "of", "values", "to", "taxonomy", "fields", "default", "required",
                "internal", "label", "inline", "min", "max"},
               msg("config_in_field", {{"name", f.name}}));
  f.label = r.str(*t, "label", f.name);
  std::string type = r.str(*t, "type");
  if (auto ft = parse_field_type(type))
    f.type = *ft;
  else
    r.error(t->get("type") ? *t->get("type") : node,
            msg("config_field_type",
                {{"name", f.name}, {"type", type}, {"hint", did_you_mean(type, type_names())}}));
  if (t->get("of")) {
    std::string of = r.str(*t, "of");
    if (auto ft = parse_field_type(of))
      f.of = *ft;
    else
      r.error(*t->get("of"),
              msg("config_field_of", {{"type", of}, {"hint", did_you_mean(of, type_names())}}));
  }
  f.values = r.strings(*t, "values");
  f.to = r.str(*t, "to");
  f.taxonomy = r.str(*t, "taxonomy");
  f.required = r.boolean(*t, "required", false);
  f.internal = r.boolean(*t, "internal", false);
  f.inline_markdown = r.boolean(*t, "inline", false);
  if (auto* n = t->get("min")) f.min = n->value<int64_t>();
  if (auto* n = t->get("max")) f.max = n->value<int64_t>();
  if (auto* sub = r.table(*t, "fields")) f.fields = read_fields(r, *sub);
  if (auto* d = t->get("default")) d->visit([&](auto&& v) { f.default_holder.insert("v", v); });
  bool enum_like =
      f.type == FieldType::Enum || (f.type == FieldType::List && f.of == FieldType::Enum);
  if (enum_like && f.values.empty()) r.error(node, msg("config_enum_values", {{"name", f.name}}));
  bool ref_like = f.type == FieldType::Ref || f.type == FieldType::Refs;
  if (ref_like && f.to.empty()) r.error(node, msg("config_ref_to", {{"name", f.name}}));
  return f;
}

// [collections.list_table] of collection `c`, whose fields are read: the columns are fields
// that both editions show in a table cell, the group an enum field.
void read_list_table(const Reader& r, const toml::table& t, CollectionSpec& c) {
  r.check_keys(t, {"columns", "group", "titles"}, "list_table");
  std::vector<std::string> names;
  for (auto& f : c.fields)
    names.push_back(f.name);
  auto field_at = [&](const toml::node& where, const std::string& name) -> const FieldSpec* {
    const FieldSpec* f = c.field(name);
    if (!f)
      r.error(where,
              msg("config_table_no_field",
                  {{"name", name}, {"collection", c.name}, {"hint", did_you_mean(name, names)}}));
    return f;
  };
  c.table_columns = r.strings(t, "columns");
  if (auto* columns = t.get_as<toml::array>("columns"))
    for (auto&& column : *columns) {
      auto name = column.value<std::string>();
      const FieldSpec* f = name ? field_at(column, *name) : nullptr;
      if (f && (f->internal || f->type == FieldType::Markdown || f->type == FieldType::Table ||
                (f->type == FieldType::List && f->of == FieldType::Table)))
        r.error(column, msg(f->internal ? "config_table_internal" : "config_table_long",
                            {{"name", f->name}}));
    }
  c.table_group = r.str(t, "group");
  if (!c.table_group.empty()) {
    const FieldSpec* g = field_at(*t.get("group"), c.table_group);
    if (g && g->type != FieldType::Enum)
      r.error(*t.get("group"), msg("config_table_group", {{"name", c.table_group}}));
  }
  if (auto* titles = r.table(t, "titles"))
    for (auto&& [k, v] : *titles)
      c.table_titles[std::string(k.str())] = r.str(*titles, k.str());
}

CollectionSpec read_collection(const Reader& r, const toml::table& t) {
  CollectionSpec c;
  r.check_keys(t,
               {"name", "folder", "title", "singular", "template", "order", "visibility", "fields",
                "list_table"},
               msg("config_in_collection"));
  c.name = r.str(t, "name");
  c.folder = r.str(t, "folder", c.name);
  c.title = r.str(t, "title", c.name);
  c.singular = r.str(t, "singular", c.title);
  c.template_name = r.str(t, "template", c.name);
  c.order = r.str(t, "order", "weight");
  std::string visibility = r.str(t, "visibility", "public");
  c.internal_by_default = visibility == "internal";
  if (visibility != "public" && !c.internal_by_default)
    r.error(*t.get("visibility"),
            msg("config_visibility", {{"value", visibility},
                                      {"hint", did_you_mean(visibility, {"public", "internal"})}}));
  if (c.name.empty()) r.error(t, msg("config_collection_name"));
  if (auto* f = r.table(t, "fields")) c.fields = read_fields(r, *f);
  if (auto* lt = r.table(t, "list_table")) read_list_table(r, *lt, c);
  return c;
}

void read_site(const Reader& r, const toml::table& root, SiteConfig& c) {
  if (auto* s = r.table(root, "site")) {
    r.check_keys(*s, {"title", "subtitle", "owner", "language", "base_url", "version", "status"},
                 "[site]");
    c.title = r.str(*s, "title");
    c.subtitle = r.str(*s, "subtitle");
    c.owner = r.str(*s, "owner");
    c.language = r.str(*s, "language", "da");
    c.base_url = r.web_address(*s, "base_url");
    c.version = r.str(*s, "version");
    c.status = r.str(*s, "status");
  }
  if (auto* f = r.table(root, "footer"))
    for (auto&& [k, v] : *f)
      c.footer[std::string(k.str())] = r.str(*f, k.str());
}

void read_profiles(const Reader& r, const toml::table& root, SiteConfig& c) {
  if (auto* p = r.table(root, "profiles")) {
    for (auto&& [k, v] : *p) {
      ProfileSpec ps;
      ps.name = std::string(k.str());
      if (auto* t = v.as_table()) {
        r.check_keys(*t, {"include_internal", "label", "base_url"},
                     msg("config_in_profile", {{"name", ps.name}}));
        ps.include_internal = r.boolean(*t, "include_internal", false);
        ps.label = r.str(*t, "label");
        ps.base_url = r.web_address(*t, "base_url");
      }
      c.profiles.push_back(ps);
    }
  }
  if (c.profiles.empty()) {
    c.profiles.push_back({"public", false, ""});
    c.profiles.push_back({"internal", true, "Intern version"});
  }
}

// `s` with ASCII and Latin-1 capitals (Æ, Ø, Å, É, ...) in lower case: how two spellings of a
// term are found to differ only in case.
std::string folded(std::string_view s) {
  std::string out(s);
  for (size_t i = 0; i < out.size(); ++i) {
    auto ch = static_cast<unsigned char>(out[i]);
    if (ch >= 'A' && ch <= 'Z') out[i] = static_cast<char>(ch - 'A' + 'a');
    auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (ch == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97)
      out[i + 1] = static_cast<char>(next + 0x20);
  }
  return out;
}

// [taxonomies.<name>] terms: a list of distinct, non-empty strings.
std::vector<std::string> read_terms(const Reader& r, const toml::table& t,
                                    const std::string& name) {
  std::vector<std::string> out;
  const toml::node* n = t.get("terms");
  if (!n) return out;
  std::string where = "[taxonomies." + name + "] terms";
  const toml::array* a = n->as_array();
  if (!a || a->empty()) {
    r.error(*n, msg("config_terms", {{"where", where}}));
    return out;
  }
  for (auto&& e : *a) {
    auto s = e.value<std::string>();
    if (!s) {
      r.error(e, msg("config_terms_strings", {{"where", where}}));
      continue;
    }
    if (s->find_first_not_of(" \t") == std::string::npos) {
      r.error(e, msg("config_terms_empty", {{"where", where}}));
      continue;
    }
    auto same = std::find_if(out.begin(), out.end(),
                             [&](const std::string& o) { return folded(o) == folded(*s); });
    if (same != out.end() && *same == *s)
      r.error(e, msg("config_terms_twice", {{"term", *s}, {"where", where}}));
    else if (same != out.end())
      r.error(e, msg("config_terms_case", {{"term", *s}, {"other", *same}, {"where", where}}));
    else
      out.push_back(*s);
  }
  return out;
}

void read_taxonomies(const Reader& r, const toml::table& root, SiteConfig& c) {
  if (auto* p = r.table(root, "taxonomies")) {
    for (auto&& [k, v] : *p) {
      TaxonomySpec ts{std::string(k.str()), std::string(k.str()), std::string(k.str()), {}};
      if (auto* t = v.as_table()) {
        r.check_keys(*t, {"title", "singular", "terms"},
                     msg("config_in_taxonomy", {{"name", ts.name}}));
        ts.title = r.str(*t, "title", ts.name);
        ts.singular = r.str(*t, "singular", ts.title);
        ts.terms = read_terms(r, *t, ts.name);
      }
      c.taxonomies.push_back(ts);
    }
  }
}

void read_booklet(const Reader& r, const toml::table& root, SiteConfig& c) {
  auto* b = r.table(root, "booklet");
  if (!b) return;
  c.booklet.declared = true;
  r.check_keys(*b, {"title", "subtitle", "edition", "status", "date", "chapters"}, "[booklet]");
  c.booklet.title = r.str(*b, "title", c.title);
  c.booklet.subtitle = r.str(*b, "subtitle");
  c.booklet.edition = r.str(*b, "edition");
  c.booklet.status = r.str(*b, "status");
  c.booklet.date = r.str(*b, "date");
  c.booklet.chapters = r.strings(*b, "chapters");
}

// [strategy] and [repository]: the strategy's own life and the repository's web address.
void read_strategy(const Reader& r, const toml::table& root, SiteConfig& c) {
  if (auto* s = r.table(root, "strategy")) {
    r.check_keys(*s,
                 {"status", "decided_by", "decided_on", "version", "next_revision", "version_tags",
                  "owners"},
                 "[strategy]");
    StrategySpec& st = c.strategy;
    st.status = r.str(*s, "status");
    if (!st.status.empty() && std::find(kStrategyStatuses.begin(), kStrategyStatuses.end(),
                                        st.status) == kStrategyStatuses.end())
      r.error(*s->get("status"),
              msg("config_status",
                  {{"status", st.status}, {"hint", did_you_mean(st.status, kStrategyStatuses)}}));
    st.decided_by = r.str(*s, "decided_by");
    st.decided_on = r.day(*s, "decided_on");
    st.version = r.str(*s, "version", c.version);
    st.next_revision = r.day(*s, "next_revision");
    st.version_tags = r.str(*s, "version_tags");
    st.owners = r.str(*s, "owners");
    if (!st.owners.empty() && !c.collection(st.owners)) {
      std::vector<std::string> names;
      for (auto& col : c.collections)
        names.push_back(col.name);
      r.error(*s->get("owners"), msg("config_owners", {{"name", st.owners},
                                                       {"hint", did_you_mean(st.owners, names)}}));
    }
  }
}

void read_diagrams(const Reader& r, const toml::table& root, SiteConfig& c) {
  c.diagrams.matrix_title = ui_string(c.language, "matrix");
  auto* d = r.table(root, "diagrams");
  if (!d) return;
  r.check_keys(*d, {"organisation", "annual_wheel", "matrix"}, "[diagrams]");
  DiagramSpec& s = c.diagrams;
  if (auto* o = r.table(*d, "organisation")) {
    r.check_keys(*o, {"collection", "group", "links"}, "[diagrams.organisation]");
    s.org_collection = r.str(*o, "collection");
    s.org_group = r.str(*o, "group");
    s.org_links = r.str(*o, "links");
  }
  if (auto* w = r.table(*d, "annual_wheel")) {
    r.check_keys(*w, {"collection", "months", "frequency"}, "[diagrams.annual_wheel]");
    s.wheel_collection = r.str(*w, "collection");
    s.wheel_months = r.str(*w, "months");
    s.wheel_frequency = r.str(*w, "frequency");
  }
  if (auto* m = r.table(*d, "matrix")) {
    r.check_keys(*m, {"rows", "columns", "field", "title"}, "[diagrams.matrix]");
    s.matrix_rows = r.str(*m, "rows");
    s.matrix_columns = r.str(*m, "columns");
    s.matrix_field = r.str(*m, "field");
    s.matrix_title = r.str(*m, "title", s.matrix_title);
  }
}

// A type in [attachments] allowed: a file ending in letters and digits, without the dot, and
// never one of Markdown's.
void read_attachment_type(const Reader& r, const toml::node& e, std::vector<std::string>& out) {
  auto s = e.value<std::string>();
  if (!s) return r.error(e, msg("config_allowed_strings"));
  std::string type = *s;
  for (char& ch : type)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  bool plain = !type.empty() && std::all_of(type.begin(), type.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
  });
  if (!plain) return r.error(e, msg("config_allowed_type", {{"type", *s}}));
  if (is_markdown_type(type)) return r.error(e, msg("config_allowed_markdown", {{"type", *s}}));
  out.push_back(type);
}

void read_attachments(const Reader& r, const toml::table& root, SiteConfig& c) {
  auto* t = r.table(root, "attachments");
  if (!t) return;
  r.check_keys(*t, {"allowed"}, "[attachments]");
  const toml::node* n = t->get("allowed");
  if (!n) return;
  c.attachments.allowed.clear();
  const toml::array* a = n->as_array();
  if (!a) return r.error(*n, msg("config_allowed_list"));
  for (auto&& e : *a)
    read_attachment_type(r, e, c.attachments.allowed);
}

// Letters, digits and - _ . / only, no part "..", and no '/' at either end: a branch or a folder
// that needs no escaping in an address.
bool plain_path(std::string_view s) {
  if (s.empty() || s.front() == '/' || s.back() == '/' || s.find("..") != std::string_view::npos ||
      s.find("//") != std::string_view::npos)
    return false;
  return std::all_of(s.begin(), s.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_' || ch == '.' || ch == '/';
  });
}

// "github" or "gitlab" from the host of `url`, or "".
std::string kind_of_host(std::string_view url) {
  std::string_view host = url.substr(8);
  host = host.substr(0, host.find('/'));
  if (host.find("github") != std::string_view::npos) return "github";
  if (host.find("gitlab") != std::string_view::npos) return "gitlab";
  return "";
}

void read_repository(const Reader& r, const toml::table& root, SiteConfig& c) {
  auto* t = r.table(root, "repository");
  if (!t) return;
  r.check_keys(*t, {"url", "branch", "kind", "path", "public_links"}, "[repository]");
  RepositorySpec& repo = c.repository;
  std::string url = r.str(*t, "url");
  while (url.ends_with("/"))
    url.pop_back();
  if (url.ends_with(".git")) url.resize(url.size() - 4);
  bool plain = url.starts_with("https://") && url.size() > 8 && url[8] != '/' &&
               std::none_of(url.begin(), url.end(), [](char ch) {
                 return static_cast<unsigned char>(ch) <= ' ' ||
                        std::string_view("\"'<>\\^`{|}#?%").find(ch) != std::string_view::npos;
               });
  const toml::node* where = t->get("url") ? t->get("url") : t;
  if (!plain) return r.error(*where, msg("config_repo_url"));
  repo.branch = r.str(*t, "branch");
  if (!plain_path(repo.branch))
    return r.error(t->get("branch") ? *t->get("branch") : *t, msg("config_repo_branch"));
  repo.kind = r.str(*t, "kind", kind_of_host(url));
  std::vector<std::string> kinds = {"github", "gitlab"};
  if (repo.kind.empty()) return r.error(*where, msg("config_repo_kind_unknown", {{"url", url}}));
  if (std::find(kinds.begin(), kinds.end(), repo.kind) == kinds.end())
    return r.error(
        *t->get("kind"),
        msg("config_repo_kind", {{"kind", repo.kind}, {"hint", did_you_mean(repo.kind, kinds)}}));
  repo.path = r.str(*t, "path");
  while (repo.path.ends_with("/"))
    repo.path.pop_back();
  if (!repo.path.empty() && !plain_path(repo.path))
    return r.error(*t->get("path"), msg("config_repo_path"));
  if (!repo.path.empty()) repo.path += '/';
  repo.public_links = r.boolean(*t, "public_links", false);
  repo.url = url;
}

void validate_references(const Reader& r, const toml::table& root, SiteConfig& c) {
  std::vector<std::string> names;
  for (auto& col : c.collections)
    names.push_back(col.name);
  std::vector<std::string> tax;
  for (auto& t : c.taxonomies)
    tax.push_back(t.name);
  auto* arr = root.get("collections") ? root.get("collections")->as_array() : nullptr;
  for (size_t i = 0; i < c.collections.size() && arr; ++i) {
    const toml::node& where = *arr->get(i);
    for (auto& f : c.collections[i].fields) {
      if (!f.to.empty() && !c.collection(f.to))
        r.error(where,
                msg("config_unknown_collection",
                    {{"name", f.name}, {"collection", f.to}, {"hint", did_you_mean(f.to, names)}}));
      if (!f.taxonomy.empty() && !c.taxonomy(f.taxonomy))
        r.error(where, msg("config_unknown_taxonomy", {{"name", f.name},
                                                       {"taxonomy", f.taxonomy},
                                                       {"hint", did_you_mean(f.taxonomy, tax)}}));
    }
  }
}

std::string display_path_of(const std::filesystem::path& site_dir) {
  return (site_dir / kConfigName).lexically_normal().generic_string();
}

}  // namespace

const std::vector<std::string> kDefaultAttachmentTypes = {
    "pdf", "doc", "docx", "xls", "xlsx", "ppt",  "pptx", "odt", "ods",
    "odp", "txt", "csv",  "png", "jpg",  "jpeg", "gif",  "webp"};

bool is_markdown_type(std::string_view type) {
  static const std::vector<std::string_view> kMarkdown = {"md",   "markdown", "mdown",  "mkd",
                                                          "mkdn", "mdwn",     "mdtext", "mdx"};
  if (type.size() > 8) return false;
  std::string lower(type);
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return std::find(kMarkdown.begin(), kMarkdown.end(), lower) != kMarkdown.end();
}

std::optional<FieldType> parse_field_type(std::string_view s) {
  auto names = type_names();
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == s) return static_cast<FieldType>(i);
  return std::nullopt;
}

const FieldSpec* CollectionSpec::field(std::string_view n) const {
  for (auto& f : fields)
    if (f.name == n) return &f;
  return nullptr;
}

const CollectionSpec* SiteConfig::collection(std::string_view n) const {
  for (auto& c : collections)
    if (c.name == n) return &c;
  return nullptr;
}

const CollectionSpec* SiteConfig::collection_for_folder(std::string_view folder) const {
  for (auto& c : collections)
    if (c.folder == folder) return &c;
  return nullptr;
}

const ProfileSpec* SiteConfig::profile(std::string_view n) const {
  for (auto& p : profiles)
    if (p.name == n) return &p;
  return nullptr;
}

const TaxonomySpec* SiteConfig::taxonomy(std::string_view n) const {
  for (auto& t : taxonomies)
    if (t.name == n) return &t;
  return nullptr;
}

void toml_error(Diagnostics& diags, std::string_view path, std::string_view text,
                const toml::source_region& where, int line_offset, std::string message) {
  int line = static_cast<int>(where.begin.line);
  int col = static_cast<int>(where.begin.column);
  if (line > 0) line += line_offset;
  diags.error_at(path, text, line, col, std::move(message));
}

void toml_parse_error(Diagnostics& diags, std::string_view path, std::string_view text,
                      std::string_view toml, const toml::parse_error& e, int line_offset) {
  TomlMistake m =
      explain_toml_error(toml, static_cast<int>(e.source().begin.line),
                         static_cast<int>(e.source().begin.column), e.description(), line_offset);
  diags.error_at(path, text, m.line + line_offset, m.col, std::move(m.message));
}

std::string peek_site_language(const std::filesystem::path& site_dir) {
  auto source = disk_source(site_dir);
  Found file = source->find("", kConfigName, kConfigName);
  std::string text;
  if (!file || file.outside || !source->read(file.real, text)) return "da";
  try {
    toml::table root = parse_toml(text);
    if (auto lang = root["site"]["language"].value<std::string>()) return *lang;
  } catch (const toml::parse_error&) {
  }
  return "da";
}

SiteConfig load_config(const std::filesystem::path& site_dir, Diagnostics& diags,
                       std::shared_ptr<const SiteSource> source) {
  SiteConfig c;
  c.root = site_dir;
  c.source = source ? std::move(source) : disk_source(site_dir);
  c.content_display = (site_dir / "content/").lexically_normal().generic_string();
  Found file = c.source->find("", kConfigName, kConfigName);
  if (file.outside) {
    diags.error(display_path_of(site_dir), 0, 0, msg("config_outside"), "");
    return c;
  }
  std::string text;
  if (!file || !c.source->read(file.real, text)) {
    diags.error(display_path_of(site_dir), 0, 0,
                msg("config_missing", {{"folder", site_dir.string()}}), "");
    return c;
  }
  Reader r{diags, display_path_of(site_dir), std::move(text)};
  toml::table root;
  try {
    root = parse_toml(r.text, r.path);
  } catch (const toml::parse_error& e) {
    toml_parse_error(diags, r.path, r.text, r.text, e, 0);
    return c;
  }
  r.check_keys(root,
               {"site", "footer", "profiles", "taxonomies", "collections", "booklet", "diagrams",
                "attachments", "strategy", "repository"},
               "handbook.toml");
  read_site(r, root, c);
  read_profiles(r, root, c);
  read_taxonomies(r, root, c);
  if (auto* n = root.get("collections")) {
    if (auto* arr = n->as_array())
      for (auto&& e : *arr) {
        if (auto* t = e.as_table()) c.collections.push_back(read_collection(r, *t));
      }
    else
      r.error(*n, msg("config_collections"));
  }
  validate_references(r, root, c);
  read_booklet(r, root, c);
  read_diagrams(r, root, c);
  read_attachments(r, root, c);
  read_strategy(r, root, c);
  read_repository(r, root, c);
  return c;
}

}  // namespace hb
