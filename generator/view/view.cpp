#include "view.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string_view>
#include <vector>

#include "base/escape.h"
#include "base/ui_strings.h"
#include "diagrams.h"
#include "history/dates.h"
#include "history_view.h"
#include "markdown/markdown.h"
#include "template/template.h"

namespace hb {

namespace {

// Maps are sorted vectors: views add their keys in order, so that each one is appended.
Map link_map(std::string title, std::string url, size_t capacity = 2) {
  Map m;
  m.reserve(capacity);
  m.emplace("title", std::move(title));
  m.emplace("url", std::move(url));
  return m;
}

Value link_item(std::string title, std::string url) {
  return link_map(std::move(title), std::move(url));
}

// A file's size as a reader is told it: "850 kB", "1,4 MB" (a decimal comma in Danish).
std::string file_size_text(uintmax_t bytes, const std::string& language) {
  char buf[32];
  if (bytes < 1000 * 1000)
    snprintf(buf, sizeof buf, "%ju kB", (bytes + 999) / 1000);
  else
    snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  std::string text = buf;
  if (language == "da") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

// The booklet's PDF for the link to it: its size and number of pages.
Value booklet_pdf_view(const Site& site) {
  Value v;
  v["size"] = file_size_text(site.booklet_pdf.bytes, site.config->language);
  v["pages"] = std::to_string(site.booklet_pdf.pages);
  return v;
}

// Whether `rel` is `folder/id.md`.
bool is_page_path(std::string_view rel, std::string_view folder, std::string_view id) {
  return rel.size() == folder.size() + id.size() + 4 && rel.starts_with(folder) &&
         rel[folder.size()] == '/' && rel.substr(folder.size() + 1, id.size()) == id &&
         rel.ends_with(".md");
}

// The page at `folder/id.md`, named by field `field` of page p: the target its reference was
// resolved to when that is the page there, else the page found by the path.
int ref_target(const Site& site, const Page& p, const std::string& field, const std::string& folder,
               const std::string& id) {
  for (const FieldRef& r : p.refs) {
    if (r.target < 0 || r.field != field || r.id != id) continue;
    if (is_page_path(site.pages[static_cast<size_t>(r.target)].rel, folder, id)) return r.target;
    break;
  }
  return site.find(folder + "/" + id + ".md");
}

// The summaries of the pages that field f of page p names by id.
Value ref_list(const Site& site, const Page& p, const FieldSpec& f, const Value& ids) {
  List out;
  out.reserve(ids.as_list().size());
  const std::string& folder = site.config->collection(f.to)->folder;
  for (auto& id : ids.as_list()) {
    const std::string* text = id.if_string();
    int t = ref_target(site, p, f.name, folder, text ? *text : id.to_string());
    if (site.is_included(t)) out.push_back(page_summary(site, t));
  }
  return out;
}

std::string join_text(const Value& v) {
  if (!v.is_list()) return v.to_string();
  std::string out;
  for (auto& e : v.as_list())
    out += (out.empty() ? "" : ", ") + e.to_string();
  return out;
}

// A link to the term `name` of `taxonomy`: {title, url}.
Value term_link(const std::string& taxonomy, std::string name) {
  Term probe{taxonomy, {}, slugify(name), {}};
  return link_item(std::move(name), probe.url());
}

// The key of common_view that holds the link of each term that pages name, by taxonomy and name.
constexpr std::string_view kTermLinks = "term_links";

// The links of every term named (as a string) in a taxonomy field of an included page.
Value term_links(const Site& site) {
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> names;  // by taxonomy
  auto names_of = [&](std::string_view taxonomy) -> std::vector<std::string_view>& {
    for (auto& [t, list] : names)
      if (t == taxonomy) return list;
    return names.emplace_back(taxonomy, std::vector<std::string_view>()).second;
  };
  for (size_t i = 0; i < site.pages.size(); ++i) {
    const Page& p = site.pages[i];
    if (!site.included[i] || !p.collection) continue;
    for (auto& f : p.collection->fields) {
      const Value* v = f.taxonomy.empty() ? nullptr : p.fields.find(f.name);
      if (!v || !v->is_list()) continue;
      auto& list = names_of(f.taxonomy);
      for (auto& n : v->as_list())
        if (const std::string* name = n.if_string()) list.push_back(*name);
    }
  }
  Value links;
  links.map();
  for (auto& [taxonomy, list] : names) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    std::string tax(taxonomy);
    Map& by_name = links[tax].map();
    by_name.reserve(list.size());
    for (std::string_view name : list)
      by_name.emplace(name, term_link(tax, std::string(name)));
  }
  return links;
}

// The links of the terms `names` of `taxonomy`, shared from common_view's where it has them.
Value term_list(const std::shared_ptr<const Value>& common, const std::string& taxonomy,
                const Value& names) {
  const Value* links = common ? common->find(kTermLinks) : nullptr;
  links = links ? links->find(taxonomy) : nullptr;
  List out;
  out.reserve(names.as_list().size());
  for (auto& n : names.as_list()) {
    const std::string* text = n.if_string();
    std::string name = text ? std::string() : n.to_string();
    const Value* link = links ? links->find(text ? *text : name) : nullptr;
    if (link)
      out.push_back(Value::shared(std::shared_ptr<const Value>(common, link)));
    else
      out.push_back(term_link(taxonomy, text ? *text : std::move(name)));
  }
  return out;
}

// The label of an enum value: the interface string `<field>_<value>` if there is one, else the
// value with a capital first letter.

bool is_scalar(const FieldSpec& f) {
  return f.type != FieldType::Table && f.type != FieldType::Markdown && f.type != FieldType::Ref &&
         f.type != FieldType::Refs && f.taxonomy.empty() &&
         !(f.type == FieldType::List && f.of == FieldType::Table);
}

// Month numbers as names ("Marts"), for a list of months.
Value month_names(const Site& site, const Value& months) {
  std::vector<std::string> names;
  std::istringstream all(ui_string(site.config->language, "all_months"));
  for (std::string m; std::getline(all, m, ',');)
    names.push_back(m);
  Value out;
  out.list();
  for (auto& m : months.as_list())
    if (m.is_int() && m.as_int() >= 1 && m.as_int() <= static_cast<int64_t>(names.size()))
      out.push_back(names[static_cast<size_t>(m.as_int() - 1)]);
  return out;
}

std::string_view link_href(const Site& site, const Page& p, size_t n, const std::string& root,
                           std::string& href);

// A field's value with the links of its Markdown pointing at their pages from page p's address.
Value with_links(const Site& site, const Page& p, const Value& v) {
  if (!has_link_placeholders(v)) return Value::borrowed(v);
  Value out = v;
  std::string root = root_prefix(p.url), href;
  replace_value_links(out,
                      [&](size_t n) { return std::string(link_href(site, p, n, root, href)); });
  return out;
}

// A field's value as templates see it: refs become page summaries, taxonomy terms links, the
// links in Markdown addresses.
Value shown_value(const Site& site, const std::shared_ptr<const Value>& common, const Page& p,
                  const FieldSpec& f, const Value& v) {
  if (f.type == FieldType::Refs) return ref_list(site, p, f, v);
  if (f.type == FieldType::Ref) {
    Value one;
    one.push_back(v);
    Value l = ref_list(site, p, f, one);
    return l.as_list().empty() ? Value() : l.as_list()[0];
  }
  if (!f.taxonomy.empty()) return term_list(common, f.taxonomy, v);
  return with_links(site, p, v);
}

// Field values as templates see them: refs become page summaries, taxonomy terms links, enums
// get `<name>_is` and `<name>_label`, tables `<name>_labels`; `facts` lists the simple fields.
Value fields_view(const Site& site, const std::shared_ptr<const Value>& common, const Page& p) {
  if (!p.collection) return Map();
  std::vector<Map::Entry> out;
  out.reserve(p.collection->fields.size() * 2 + 1);
  List facts;
  for (auto& f : p.collection->fields) {
    const Value* v = p.fields.find(f.name);
    if (!v) continue;
    bool fact = is_scalar(f) && v->truthy();
    std::string text = fact ? join_text(*v) : std::string();
    if (f.type == FieldType::Enum) {
      Map is;
      is.emplace(v->to_string(), true);
      out.emplace_back(f.name + "_is", std::move(is));
      text = enum_label(site, f, v->to_string());
      out.emplace_back(f.name + "_label", text);
    }
    if (f.name == site.config->diagrams.wheel_months && v->is_list()) {
      Value names = month_names(site, *v);
      text = join_text(names);
      out.emplace_back(f.name + "_names", std::move(names));
    }
    if (!f.fields.empty()) {
      Value labels;
      for (auto& sub : f.fields)
        labels[sub.name] = Value::borrowed(sub.label);
      out.emplace_back(f.name + "_labels", std::move(labels));
    }
    if (fact) {
      Map item;
      item.reserve(3);
      item.emplace("label", Value::borrowed(f.label));
      item.emplace("name", Value::borrowed(f.name));
      item.emplace("value", std::move(text));
      facts.push_back(std::move(item));
    }
    out.emplace_back(f.name, shown_value(site, common, p, f, *v));
    out.emplace_back(f.name + "_field", Value::borrowed(f.label));
  }
  out.emplace_back("facts", std::move(facts));
  return Map::sorted(std::move(out));
}

// A pointer to `v` that owns nothing, for a value that outlives every view that points at it (a
// page summary of the site, or a static): copying it and letting it go touch no use count.
std::shared_ptr<const Value> unowned(const Value& v) {
  return std::shared_ptr<const Value>(std::shared_ptr<const Value>(), &v);
}

// A map that shows page i's summary plus what the caller adds.
Value with_base(const Site& site, int i) {
  auto k = static_cast<size_t>(i);
  if (k < site.summaries.size() && site.summaries[k]) {
    Value v;
    v.map().set_base(unowned(*site.summaries[k]));
    return v;
  }
  return make_summary(site, i);
}

// What the contents entries of headings of `level` (2 or 3) share: {level, sub}.
const std::shared_ptr<const Value>& toc_level(int level) {
  static const std::shared_ptr<const Value> levels[2] = {
      std::make_shared<const Value>(Map::sorted({{"level", 2}, {"sub", false}})),
      std::make_shared<const Value>(Map::sorted({{"level", 3}, {"sub", true}}))};
  return levels[level - 2];
}

// Each entry: {id, text} on the shared {level, sub} of its level.
Value toc_view(const Page& p) {
  List toc;
  toc.reserve(p.body.headings.size());
  for (auto& h : p.body.headings) {
    if (h.level < 2 || h.level > 3) continue;
    Map item;
    item.reserve(2);
    item.emplace("id", Value::borrowed(h.id));
    item.emplace("text", Value::borrowed(h.text));
    item.set_base(unowned(*toc_level(h.level)));
    toc.push_back(std::move(item));
  }
  return toc;
}

Value backlinks_view(const Site& site, int i) {
  const auto& backlinks = site.backlinks[static_cast<size_t>(i)];
  List out;
  out.reserve(backlinks.size());
  if (backlinks.empty()) return out;
  const Value* via_text = ui_strings(site.config->language).find("via_text");
  for (auto& b : backlinks) {
    Value item = with_base(site, b.from);
    Map& own = item.map();
    own.reserve(1);
    own.emplace("via", !b.via.empty() ? Value::borrowed(b.via)
                       : via_text     ? Value::borrowed(*via_text)
                                      : Value("via_text"));
    out.push_back(std::move(item));
  }
  return out;
}

Value reverse_view(const Site& site, int i, Value& by_key) {
  List out;
  Map& by = by_key.map();
  for (auto& [key, list] : site.reverse[static_cast<size_t>(i)]) {
    size_t dot = key.find('.');
    const CollectionSpec* c = site.config->collection(key.substr(0, dot));
    const FieldSpec* f = c ? c->field(key.substr(dot + 1)) : nullptr;
    List items;
    items.reserve(list.size());
    for (int from : list)
      items.push_back(page_summary(site, from));
    Map group;
    group.reserve(3);
    group.emplace("collection", Value::borrowed(c ? c->title : key));
    group.emplace("field", Value::borrowed(f ? f->label : key));
    group.emplace("items", items);
    by[key.substr(0, dot) + "_" + key.substr(dot + 1)] = std::move(items);
    out.push_back(std::move(group));
  }
  return out;
}

// The key of common_view that holds the navigation of each collection's folder, built once.
constexpr std::string_view kNavBySection = "nav_by_section";

Value nav_view(const Site& site, std::string_view section) {
  List nav;
  nav.reserve(site.config->collections.size());
  for (auto& c : site.config->collections) {
    const Page* idx = site.section_index(c.folder);
    if (!idx && !site.collections.count(c.name)) continue;
    Map item;
    item.reserve(4);
    item.emplace("current", c.folder == section);
    item.emplace("section", c.folder);
    item.emplace("title", idx && !idx->title.empty() ? idx->title : c.title);
    item.emplace("url", c.folder + "/index.html");
    nav.push_back(std::move(item));
  }
  return nav;
}

// The key of common_view that holds the breadcrumbs of the pages of each folder with an index
// page, and the key of those of an index page (the home page only).
constexpr std::string_view kCrumbsBySection = "crumbs_by_section";
constexpr std::string_view kHomeCrumbs = "home_crumbs";

Value home_crumb(const Site& site) {
  return link_item(ui_string(site.config->language, "home"), "index.html");
}

// The breadcrumbs of a page in `section` that is not its index, when the section has one.
Value section_crumbs(const Site& site, const Page& idx, const std::string& section) {
  List crumbs;
  crumbs.reserve(2);
  crumbs.push_back(home_crumb(site));
  crumbs.push_back(link_item(idx.title, section + "/index.html"));
  return crumbs;
}

Value breadcrumbs_view(const Site& site, const std::shared_ptr<const Value>& common,
                       const Page& p) {
  List crumbs;
  if (p.is_home()) return crumbs;
  bool in_section = !p.is_index && !p.section.empty();
  const Value* shared =
      common ? common->find(in_section ? kCrumbsBySection : kHomeCrumbs) : nullptr;
  if (shared && in_section) shared = shared->find(p.section);
  if (shared && shared->is_list())
    return Value::shared(std::shared_ptr<const Value>(common, shared));
  crumbs.reserve(2);
  crumbs.push_back(home_crumb(site));
  if (in_section) {
    const Page* idx = site.section_index(p.section);
    std::string title = idx ? idx->title : (p.collection ? p.collection->title : p.section);
    crumbs.push_back(link_item(std::move(title), p.section + "/index.html"));
  }
  return crumbs;
}

// The keys every view has, with `page` in its place (keys in order: edition, footer, nav, page,
// root, site, strings).
Value base_view(const Site& site, const std::shared_ptr<const Value>& common, std::string_view url,
                std::string_view section, Value page = Value()) {
  auto shared = [&](const Value* part) {  // shared, never copied
    return Value::shared(std::shared_ptr<const Value>(common, part));
  };
  const Value* nav = common->find(kNavBySection);
  nav = nav ? nav->find(section) : nullptr;
  Map v;
  v.reserve(8);
  if (!url.empty() && !site.base_url().empty()) v.emplace("canonical", page_address(site, url));
  v.emplace("edition", shared(common->find("edition")));
  v.emplace("footer", shared(common->find("footer")));
  v.emplace("nav", nav ? shared(nav) : nav_view(site, section));
  v.emplace("page", std::move(page));
  v.emplace("root", root_prefix(url));
  v.emplace("site", shared(common->find("site")));
  v.emplace("strings", shared(common->find("strings")));
  return v;
}

Value section_items(const Site& site, const Page& p) {
  List items;
  if (!p.is_index) return items;
  const CollectionSpec* c = site.config->collection_for_folder(p.section);
  auto it = site.collections.find(c ? c->name : "");
  if (p.section.empty() || it == site.collections.end()) {
    for (auto& [name, list] : site.collections) {
      const CollectionSpec* c = site.config->collection(name);
      if (c && c->folder == p.section)
        for (int i : list)
          items.push_back(page_summary(site, i));
    }
    return items;
  }
  for (int i : it->second)
    items.push_back(page_summary(site, i));
  return items;
}

// A field of page p as the text of a table cell: an enum's label, the titles of the pages a ref
// names (those in this edition), months as names, a list joined by commas.
std::string cell_text(const Site& site, const Page& p, const FieldSpec& f) {
  const Value* v = p.fields.find(f.name);
  if (!v) return "";
  if (f.type == FieldType::Enum) return enum_label(site, f, v->to_string());
  if (f.type == FieldType::Ref || f.type == FieldType::Refs) {
    Value ids;
    if (v->is_list())
      ids = Value::borrowed(*v);
    else
      ids.push_back(Value::borrowed(*v));
    std::string out;
    Value targets = ref_list(site, p, f, ids);
    for (auto& target : targets.as_list())
      out += (out.empty() ? "" : ", ") + target.find("title")->to_string();
    return out;
  }
  if (f.name == site.config->diagrams.wheel_months && v->is_list())
    return join_text(month_names(site, *v));
  return join_text(*v);
}

// The tables of a list page's collection ([collections.list_table]): [{id, title, heading (the
// first column's: the collection's singular), columns: [label], rows: [{title, url, cells:
// [text]}]}], one per value of the group field that some
// page of this edition has.
Value section_tables(const Site& site, const Page& p) {
  List tables;
  const CollectionSpec* c = p.is_index ? site.config->collection_for_folder(p.section) : nullptr;
  auto pages = c ? site.collections.find(c->name) : site.collections.end();
  if (!c || c->table_columns.empty() || pages == site.collections.end()) return tables;
  const FieldSpec* group = c->field(c->table_group);
  std::vector<std::string> values = group ? group->values : std::vector<std::string>{""};
  for (auto& value : values) {
    List rows;
    for (int i : pages->second) {
      const Page& row = site.pages[static_cast<size_t>(i)];
      const Value* v = group ? row.fields.find(group->name) : nullptr;
      if (group && (!v || v->to_string() != value)) continue;
      List cells;
      for (auto& name : c->table_columns)
        cells.push_back(cell_text(site, row, *c->field(name)));
      rows.push_back(
          Map::sorted({{"cells", std::move(cells)}, {"title", row.title}, {"url", row.url}}));
    }
    if (rows.empty()) continue;
    auto title = c->table_titles.find(value);
    List columns;
    for (auto& name : c->table_columns)
      columns.push_back(c->field(name)->label);
    tables.push_back(
        Map::sorted({{"columns", std::move(columns)},
                     {"heading", c->singular},
                     {"id", "tabel-" + c->name + (value.empty() ? "" : "-" + slugify(value))},
                     {"rows", std::move(rows)},
                     {"title", title != c->table_titles.end() ? title->second
                               : group                        ? enum_label(site, *group, value)
                                                              : c->title}}));
  }
  return tables;
}

Value sections_overview(const Site& site) {
  List list;
  for (auto& c : site.config->collections) {
    auto it = site.collections.find(c.name);
    if (it == site.collections.end()) continue;
    const Page* idx = site.section_index(c.folder);
    Map s;
    s.reserve(5);
    s.emplace("count", static_cast<int64_t>(it->second.size()));
    s.emplace("name", c.name);
    s.emplace("summary", idx ? idx->summary : "");
    s.emplace("title", idx && !idx->title.empty() ? idx->title : c.title);
    s.emplace("url", c.folder + "/index.html");
    list.push_back(std::move(s));
  }
  return list;
}

}  // namespace

std::string enum_label(const Site& site, const FieldSpec& f, const std::string& value) {
  std::string key = f.name + "_" + value;
  std::string label = ui_string(site.config->language, key);
  return label != key ? label : capitalise(value);
}

std::shared_ptr<const Value> common_view(const Site& site) {
  const SiteConfig& c = *site.config;
  if (site.summaries.size() != site.pages.size()) {
    site.summaries.assign(site.pages.size(), nullptr);
    for (size_t i = 0; i < site.pages.size(); ++i)
      if (site.included[i])
        site.summaries[i] = std::make_shared<const Value>(make_summary(site, static_cast<int>(i)));
  }
  Value v;
  Value s;
  s["title"] = c.title;
  s["subtitle"] = c.subtitle;
  s["owner"] = c.owner;
  s["language"] = c.language;
  s["version"] = c.version;
  s["status"] = c.status;
  s["base_url"] = site.base_url();
  s["theme_version"] = site.theme_version;
  v["site"] = std::move(s);
  Value e;
  e["name"] = site.profile->name;
  e["internal"] = site.profile->include_internal;
  e["label"] = site.profile->label;
  v["edition"] = std::move(e);
  v["strings"] = ui_strings(c.language);
  Value f;
  f.map();
  for (auto& [k, val] : c.footer)
    f[k] = val;
  v["footer"] = std::move(f);
  Value taxonomies;
  taxonomies.list();
  for (auto& t : c.taxonomies) {
    Value item = link_item(t.title, t.name + "/index.html");
    item["name"] = t.name;
    taxonomies.push_back(std::move(item));
  }
  v["site"]["taxonomies"] = std::move(taxonomies);
  v["site"]["booklet"] = c.booklet.declared;  // the build writes booklet.html
  if (site.booklet_pdf.pages > 0) v["site"]["booklet_pdf"] = booklet_pdf_view(site);
  time_links(site, v["site"]);
  if (!c.diagrams.matrix_field.empty())
    v["site"]["matrix"] = link_item(c.diagrams.matrix_title, matrix_url(site));
  v[kTermLinks] = term_links(site);
  v[kHomeCrumbs].push_back(home_crumb(site));
  Value& crumbs = v[kCrumbsBySection];
  crumbs.map();
  for (auto& collection : c.collections)
    if (const Page* idx = site.section_index(collection.folder))
      crumbs[collection.folder] = section_crumbs(site, *idx, collection.folder);
  Value& navs = v[kNavBySection];
  navs.map();
  for (auto& collection : c.collections)
    navs[collection.folder] = nav_view(site, collection.folder);
  return std::make_shared<const Value>(std::move(v));
}

std::string page_address(const Site& site, std::string_view href) {
  std::string base = site.base_url();
  if (!base.empty() && base.back() != '/') base += '/';
  if (href == "index.html" || href.ends_with("/index.html")) href.remove_suffix(10);
  return base.append(href);
}

std::string base_path(const Site& site) {
  const std::string& base = site.base_url();
  size_t scheme = base.find("://");
  size_t path = scheme == std::string::npos ? std::string::npos : base.find('/', scheme + 3);
  if (path == std::string::npos) return "/";
  std::string out = base.substr(path);
  return out.back() == '/' ? out : out + "/";
}

std::string root_prefix(std::string_view url) {
  std::string out;
  for (char ch : url)
    if (ch == '/') out += "../";
  return out;
}

std::string page_href(const Site& site, int i) {
  return site.pages[static_cast<size_t>(i)].url;
}

Value page_summary(const Site& site, int i) {
  auto k = static_cast<size_t>(i);
  if (k < site.summaries.size() && site.summaries[k]) return Value::borrowed(*site.summaries[k]);
  return make_summary(site, i);
}

Value make_summary(const Site& site, int i) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  Map v;
  v.reserve(9);
  v.emplace("collection", p.collection ? Value::borrowed(p.collection->name) : "");
  if (!p.date.empty()) {  // the page's own `date`, shown on its card ("23. november 2026")
    v.emplace("date", Value::borrowed(p.date));
    v.emplace("date_long", long_date(p.date));
  }
  v.emplace("id", Value::borrowed(p.id));
  v.emplace("singular", p.collection ? Value::borrowed(p.collection->singular) : "");
  if (const Value* s = p.fields.find("status")) {
    Map is;
    is.emplace(s->to_string(), true);
    v.emplace("status_is", std::move(is));
  }
  v.emplace("summary", Value::borrowed(p.summary));
  v.emplace("title", Value::borrowed(p.title));
  v.emplace("url", Value::borrowed(p.url));
  return v;
}

namespace {

// The address that link n of page p points at, in `href` (whose buffer is reused from link to
// link); `root` is root_prefix(p.url).
std::string_view link_href(const Site& site, const Page& p, size_t n, const std::string& root,
                           std::string& href) {
  if (n >= p.links.size()) return "#";
  const PageLink& l = p.links[n];
  href.assign(root);
  if (l.asset) {
    append_url(href, l.path);
    return href;
  }
  if (!site.is_included(l.target)) return "#";
  append_url(href, site.pages[static_cast<size_t>(l.target)].url);
  if (!l.anchor.empty()) {
    href += '#';
    append_url(href, l.anchor);
  }
  return href;
}

// Puts the body HTML of page `index` of the Site `subject` into `out`, each link placeholder
// replaced by the address of link N.
void write_body(const void* subject, size_t index, TextSink& out) {
  const Site& site = *static_cast<const Site*>(subject);
  const Page& p = site.pages[index];
  std::string root, href;
  bool have_root = false;
  split_link_placeholders(
      p.body.html, [&](std::string_view piece) { out.put(piece); },
      [&](size_t n) {
        if (!have_root) root = root_prefix(p.url), have_root = true;
        out.put(link_href(site, p, n, root, href));
      });
}

}  // namespace

Value page_body(const Site& site, int i) {
  return TextWriter{write_body, &site, static_cast<size_t>(i)};
}

std::string page_body_html(const Site& site, int i) {
  return page_body(site, i).to_string();
}

Value frame_view(const Site& site, const std::shared_ptr<const Value>& common, std::string_view url,
                 Value page) {
  return base_view(site, common, url, "", std::move(page));
}

// The address of the page's source file on GitHub or GitLab for `action` ("edit" or "commits"),
// escaped for an HTML attribute; "" when the edition shows no such links.
namespace {

std::string repository_link(const Site& site, const Page& p, std::string_view action) {
  const RepositorySpec& r = site.config->repository;
  if (r.url.empty() || !(site.profile->include_internal || r.public_links)) return "";
  std::string url = r.url + (r.kind == "gitlab" ? "/-/" : "/");
  url.append(action).append("/").append(r.branch).append("/").append(r.path);
  return url_in_html(url + "content/" + p.rel);
}

}  // namespace

// The keys are set in order, so that each is appended to the page's map.
Value page_view(const Site& site, int i, const std::shared_ptr<const Value>& common) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  const CollectionSpec* section =
      p.is_index ? site.config->collection_for_folder(p.section) : nullptr;
  const DiagramSpec& d = site.config->diagrams;
  std::string kind = p.is_home() ? "home" : p.is_index ? "section" : "page";
  Value pv = with_base(site, i);
  Map& m = pv.map();
  m.reserve(20);
  m.set("backlinks", backlinks_view(site, i));
  m.set("breadcrumbs", breadcrumbs_view(site, common, p));
  if (Value changed = changed_view(site, i); !changed.is_null())
    m.set("changed", std::move(changed));
  if (section) m.set("collection", Value::borrowed(section->name));
  m.set("collection_title", section        ? Value::borrowed(section->title)
                            : p.collection ? Value::borrowed(p.collection->title)
                                           : Value(""));
  m.set("content", page_body(site, i));
  m.set("date", Value::borrowed(p.date));
  if (!p.date.empty()) m.set("date_long", long_date(p.date));
  std::string edit = repository_link(site, p, "edit");
  bool linked = !edit.empty();
  if (section) {
    std::string root = root_prefix(p.url), diagram;
    if (section->name == d.org_collection) diagram += organisation_diagram(site, root);
    if (section->name == d.wheel_collection) diagram += annual_wheel(site, root);
    if (!diagram.empty()) m.set("diagram", std::move(diagram));
  }
  if (linked) m.set("edit_url", std::move(edit));
  m.set("fields", fields_view(site, common, p));
  Value toc = toc_view(p);
  m.set("has_toc", toc.as_list().size() >= 3);
  if (linked) m.set("history_url", repository_link(site, p, "commits"));
  m.set("is_" + (p.collection && !p.is_index ? p.collection->name : kind), true);
  m.set("items", section_items(site, p));
  m.set("kind", std::move(kind));
  if (section && section->name == d.matrix_rows && !d.matrix_field.empty())
    m.set("matrix_url", matrix_url(site));
  Value by_key;
  m.set("reverse", reverse_view(site, i, by_key));
  m.set("reverse_by", std::move(by_key));
  if (p.is_home()) m.set("sections", sections_overview(site));
  m.set("source_path", "content/" + p.rel);
  m.set("tables", section_tables(site, p));
  m.set("toc", std::move(toc));
  return base_view(site, common, p.url, p.section, std::move(pv));
}

Value term_view(const Site& site, const Term& term, const std::shared_ptr<const Value>& common) {
  Value v = base_view(site, common, term.url(), term.taxonomy);
  const TaxonomySpec* tax = site.config->taxonomy(term.taxonomy);
  Value& pv = v["page"];
  pv["title"] = term.name;
  pv["kind"] = "term";
  pv["is_term"] = true;
  pv["taxonomy_title"] = tax ? tax->title : term.taxonomy;
  pv["url"] = term.url();
  Value items;
  items.list();
  for (int i : term.pages)
    items.push_back(page_summary(site, i));
  pv["items"] = std::move(items);
  Value crumbs;
  crumbs.push_back(link_item(ui_string(site.config->language, "home"), "index.html"));
  crumbs.push_back(link_item(tax ? tax->title : term.taxonomy, term.taxonomy + "/index.html"));
  pv["breadcrumbs"] = std::move(crumbs);
  return v;
}

Value taxonomy_view(const Site& site, const TaxonomySpec& tax,
                    const std::shared_ptr<const Value>& common) {
  std::string url = tax.name + "/index.html";
  Value v = base_view(site, common, url, tax.name);
  Value& pv = v["page"];
  pv["title"] = tax.title;
  pv["kind"] = "taxonomy";
  pv["is_taxonomy"] = true;
  pv["url"] = url;
  Value items;
  items.list();
  for (auto& t : site.terms) {
    if (t.taxonomy != tax.name) continue;
    Value item = link_item(t.name, t.url());
    item["count"] = static_cast<int64_t>(t.pages.size());
    items.push_back(std::move(item));
  }
  pv["items"] = std::move(items);
  Value crumbs;
  crumbs.push_back(link_item(ui_string(site.config->language, "home"), "index.html"));
  pv["breadcrumbs"] = std::move(crumbs);
  return v;
}

std::string matrix_url(const Site& site) {
  return slugify(site.config->diagrams.matrix_title) + ".html";
}

Value matrix_view(const Site& site, const std::shared_ptr<const Value>& common) {
  std::string url = matrix_url(site);
  Value v = base_view(site, common, url, "");
  Value& pv = v["page"];
  pv["title"] = site.config->diagrams.matrix_title;
  pv["kind"] = "matrix";
  pv["is_matrix"] = true;
  pv["url"] = url;
  pv["content"] = matrix_table(site, root_prefix(url));
  Value crumbs;
  crumbs.push_back(link_item(ui_string(site.config->language, "home"), "index.html"));
  pv["breadcrumbs"] = std::move(crumbs);
  return v;
}

Value not_found_view(const Site& site, const std::shared_ptr<const Value>& common) {
  Value v = base_view(site, common, "", "");
  v["root"] = base_path(site);  // served for a missing address at any depth
  Value& pv = v["page"];
  pv["title"] = ui_string(site.config->language, "not_found_title");
  pv["kind"] = "404";
  pv["is_404"] = true;
  pv["url"] = "404.html";
  return v;
}

}  // namespace hb
