#include "view.h"

#include <sstream>

#include "diagrams.h"
#include "template.h"
#include "ui_strings.h"

namespace hb {

namespace {

Value link_item(std::string title, std::string url) {
  Value v;
  v["title"] = std::move(title);
  v["url"] = std::move(url);
  return v;
}

Value ref_list(const Site& site, const Value& ids, const std::string& collection) {
  Value out;
  out.list();
  for (auto& id : ids.as_list()) {
    int t = site.find(site.config->collection(collection)->folder + "/" + id.to_string() + ".md");
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

Value term_list(const std::string& taxonomy, const Value& names) {
  Value out;
  out.list();
  for (auto& n : names.as_list()) {
    Term probe{taxonomy, n.to_string(), slugify(n.to_string()), {}};
    Value t = link_item(probe.name, probe.url() + "index.html");
    out.push_back(std::move(t));
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

// Field values as templates see them: refs become page summaries, taxonomy terms links, enums
// get `<name>_is` and `<name>_label`, tables `<name>_labels`; `facts` lists the simple fields.
Value fields_view(const Site& site, const Page& p) {
  Value out;
  out.map();
  Value facts;
  facts.list();
  if (!p.collection) return out;
  for (auto& f : p.collection->fields) {
    const Value* v = p.fields.find(f.name);
    if (!v) continue;
    Value shown = *v;
    if (f.type == FieldType::Refs) {
      shown = ref_list(site, *v, f.to);
    } else if (f.type == FieldType::Ref) {
      Value one;
      one.push_back(*v);
      Value l = ref_list(site, one, f.to);
      shown = l.as_list().empty() ? Value() : l.as_list()[0];
    } else if (!f.taxonomy.empty()) {
      shown = term_list(f.taxonomy, *v);
    }
    std::string text = join_text(*v);
    if (f.type == FieldType::Enum) {
      out[f.name + "_is"][v->to_string()] = true;
      text = enum_label(site, f, v->to_string());
      out[f.name + "_label"] = text;
    }
    if (f.name == site.config->diagrams.wheel_months && v->is_list()) {
      Value names = month_names(site, *v);
      text = join_text(names);
      out[f.name + "_names"] = std::move(names);
    }
    for (auto& sub : f.fields)
      out[f.name + "_labels"][sub.name] = sub.label;
    if (is_scalar(f) && v->truthy()) {
      Value fact;
      fact["label"] = f.label;
      fact["value"] = text;
      fact["name"] = f.name;
      facts.push_back(std::move(fact));
    }
    out[f.name] = std::move(shown);
    out[f.name + "_field"] = f.label;
  }
  out["facts"] = std::move(facts);
  return out;
}

// A map that shows page i's summary plus what the caller adds.
Value with_base(const Site& site, int i) {
  auto k = static_cast<size_t>(i);
  if (k < site.summaries.size() && site.summaries[k]) {
    Value v;
    v.map().set_base(site.summaries[k]);
    return v;
  }
  return make_summary(site, i);
}

Value toc_view(const Page& p) {
  Value toc;
  toc.list();
  for (auto& h : p.body.headings) {
    if (h.level < 2 || h.level > 3) continue;
    Value item;
    item["id"] = h.id;
    item["text"] = h.text;
    item["level"] = h.level;
    item["sub"] = h.level == 3;
    toc.push_back(std::move(item));
  }
  return toc;
}

Value backlinks_view(const Site& site, int i) {
  Value out;
  out.list();
  const std::string via_text = ui_string(site.config->language, "via_text");
  for (auto& b : site.backlinks[static_cast<size_t>(i)]) {
    Value item = with_base(site, b.from);
    item["via"] = b.via.empty() ? via_text : b.via;
    out.push_back(std::move(item));
  }
  return out;
}

Value reverse_view(const Site& site, int i, Value& by_key) {
  Value out;
  out.list();
  by_key.map();
  for (auto& [key, list] : site.reverse[static_cast<size_t>(i)]) {
    size_t dot = key.find('.');
    const CollectionSpec* c = site.config->collection(key.substr(0, dot));
    const FieldSpec* f = c ? c->field(key.substr(dot + 1)) : nullptr;
    Value items;
    items.list();
    for (int from : list)
      items.push_back(page_summary(site, from));
    Value group;
    group["collection"] = c ? c->title : key;
    group["field"] = f ? f->label : key;
    group["items"] = items;
    by_key[key.substr(0, dot) + "_" + key.substr(dot + 1)] = items;
    out.push_back(std::move(group));
  }
  return out;
}

Value nav_view(const Site& site, std::string_view section) {
  Value nav;
  nav.list();
  for (auto& c : site.config->collections) {
    const Page* idx = site.section_index(c.folder);
    if (!idx && !site.collections.count(c.name)) continue;
    Value item =
        link_item(idx && !idx->title.empty() ? idx->title : c.title, c.folder + "/index.html");
    item["current"] = c.folder == section;
    item["section"] = c.folder;
    nav.push_back(std::move(item));
  }
  return nav;
}

Value breadcrumbs_view(const Site& site, const Page& p) {
  Value crumbs;
  crumbs.list();
  if (p.url.empty()) return crumbs;
  crumbs.push_back(link_item(ui_string(site.config->language, "home"), "index.html"));
  if (!p.is_index && !p.section.empty()) {
    const Page* idx = site.section_index(p.section);
    std::string title = idx ? idx->title : (p.collection ? p.collection->title : p.section);
    crumbs.push_back(link_item(title, p.section + "/index.html"));
  }
  return crumbs;
}

Value base_view(const Site& site, const std::shared_ptr<const Value>& common, std::string_view url,
                std::string_view section) {
  Value v;
  for (auto& key : {"site", "edition", "strings", "footer"})  // shared, never copied
    v[key] = Value::shared(std::shared_ptr<const Value>(common, common->find(key)));
  v["root"] = root_prefix(url);
  v["nav"] = nav_view(site, section);
  return v;
}

Value section_items(const Site& site, const Page& p) {
  Value items;
  items.list();
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

Value sections_overview(const Site& site) {
  Value list;
  list.list();
  for (auto& c : site.config->collections) {
    auto it = site.collections.find(c.name);
    if (it == site.collections.end()) continue;
    const Page* idx = site.section_index(c.folder);
    Value s =
        link_item(idx && !idx->title.empty() ? idx->title : c.title, c.folder + "/index.html");
    s["summary"] = idx ? idx->summary : "";
    s["count"] = static_cast<int64_t>(it->second.size());
    s["name"] = c.name;
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
  s["base_url"] = c.base_url;
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
  if (!c.diagrams.matrix_field.empty())
    v["site"]["matrix"] = link_item(c.diagrams.matrix_title, matrix_url(site) + "index.html");
  return std::make_shared<const Value>(std::move(v));
}

std::string root_prefix(std::string_view url) {
  std::string out;
  for (char ch : url)
    if (ch == '/') out += "../";
  return out;
}

std::string page_href(const Site& site, int i) {
  return site.pages[static_cast<size_t>(i)].url + "index.html";
}

Value page_summary(const Site& site, int i) {
  auto k = static_cast<size_t>(i);
  if (k < site.summaries.size() && site.summaries[k]) return Value::shared(site.summaries[k]);
  return make_summary(site, i);
}

Value make_summary(const Site& site, int i) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  Value v = link_item(p.title, page_href(site, i));
  v["summary"] = p.summary;
  v["id"] = p.id;
  v["collection"] = p.collection ? p.collection->name : "";
  v["singular"] = p.collection ? p.collection->singular : "";
  if (const Value* s = p.fields.find("status")) v["status_is"][s->to_string()] = true;
  return v;
}

std::string page_body_html(const Site& site, int i) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  std::string root = root_prefix(p.url);
  return replace_link_placeholders(p.body.html, [&](size_t n) -> std::string {
    if (n >= p.links.size()) return "#";
    const PageLink& l = p.links[n];
    std::string anchor = l.anchor.empty() ? "" : "#" + html_escape(l.anchor);
    if (l.asset) return root + html_escape(l.path);
    if (!site.is_included(l.target)) return "#";
    return root + page_href(site, l.target) + anchor;
  });
}

Value page_view(const Site& site, int i, const std::shared_ptr<const Value>& common) {
  const Page& p = site.pages[static_cast<size_t>(i)];
  Value v = base_view(site, common, p.url, p.section);
  Value& pv = v["page"];
  pv = with_base(site, i);
  pv["date"] = p.date;
  pv["content"] = page_body_html(site, i);
  pv["source_path"] = "content/" + p.rel;
  pv["kind"] = p.url.empty() ? "home" : p.is_index ? "section" : "page";
  pv["is_" +
     std::string(p.collection && !p.is_index ? p.collection->name : pv["kind"].to_string())] = true;
  pv["collection_title"] = p.collection ? p.collection->title : "";
  pv["fields"] = fields_view(site, p);
  Value toc = toc_view(p);
  pv["has_toc"] = toc.as_list().size() >= 3;
  pv["toc"] = std::move(toc);
  pv["backlinks"] = backlinks_view(site, i);
  Value by_key;
  pv["reverse"] = reverse_view(site, i, by_key);
  pv["reverse_by"] = std::move(by_key);
  pv["breadcrumbs"] = breadcrumbs_view(site, p);
  pv["items"] = section_items(site, p);
  if (p.url.empty()) pv["sections"] = sections_overview(site);
  const CollectionSpec* section =
      p.is_index ? site.config->collection_for_folder(p.section) : nullptr;
  if (section) {
    const DiagramSpec& d = site.config->diagrams;
    std::string root = root_prefix(p.url), diagram;
    if (section->name == d.org_collection) diagram += organisation_diagram(site, root);
    if (section->name == d.wheel_collection) diagram += annual_wheel(site, root);
    if (!diagram.empty()) pv["diagram"] = diagram;
    pv["collection"] = section->name;
    pv["collection_title"] = section->title;
    if (section->name == d.matrix_rows && !d.matrix_field.empty())
      pv["matrix_url"] = matrix_url(site) + "index.html";
  }
  return v;
}

Value term_view(const Site& site, const Term& term, const std::shared_ptr<const Value>& common) {
  Value v = base_view(site, common, term.url(), term.taxonomy);
  const TaxonomySpec* tax = site.config->taxonomy(term.taxonomy);
  Value& pv = v["page"];
  pv["title"] = term.name;
  pv["kind"] = "term";
  pv["is_term"] = true;
  pv["taxonomy_title"] = tax ? tax->title : term.taxonomy;
  pv["url"] = term.url() + "index.html";
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
  std::string url = tax.name + "/";
  Value v = base_view(site, common, url, tax.name);
  Value& pv = v["page"];
  pv["title"] = tax.title;
  pv["kind"] = "taxonomy";
  pv["is_taxonomy"] = true;
  pv["url"] = url + "index.html";
  Value items;
  items.list();
  for (auto& t : site.terms) {
    if (t.taxonomy != tax.name) continue;
    Value item = link_item(t.name, t.url() + "index.html");
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
  return slugify(site.config->diagrams.matrix_title) + "/";
}

Value matrix_view(const Site& site, const std::shared_ptr<const Value>& common) {
  std::string url = matrix_url(site);
  Value v = base_view(site, common, url, "");
  Value& pv = v["page"];
  pv["title"] = site.config->diagrams.matrix_title;
  pv["kind"] = "matrix";
  pv["is_matrix"] = true;
  pv["url"] = url + "index.html";
  pv["content"] = matrix_table(site, root_prefix(url));
  Value crumbs;
  crumbs.push_back(link_item(ui_string(site.config->language, "home"), "index.html"));
  pv["breadcrumbs"] = std::move(crumbs);
  return v;
}

Value not_found_view(const Site& site, const std::shared_ptr<const Value>& common) {
  Value v = base_view(site, common, "", "");
  Value& pv = v["page"];
  pv["title"] = ui_string(site.config->language, "not_found_title");
  pv["kind"] = "404";
  pv["is_404"] = true;
  pv["url"] = "404.html";
  return v;
}

}  // namespace hb
