#include "booklet_fields.h"

#include "base/ui_strings.h"

namespace hb {

namespace {

// Lists of strings with an item longer than this read better as bullets than as one line.
constexpr int kLongItem = 40;

std::vector<std::string> month_names(const Site& site) {
  std::vector<std::string> names;
  std::string all = ui_string(site.config->language, "all_months"), name;
  for (char c : all + ",") {
    if (c != ',') {
      name += c;
      continue;
    }
    names.push_back(name);
    name.clear();
  }
  return names;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (auto& p : parts)
    out += (out.empty() ? "" : ", ") + p;
  return out;
}

std::vector<std::string> texts(const Value& list) {
  std::vector<std::string> out;
  for (auto& v : list.as_list())
    out.push_back(v.to_string());
  return out;
}

std::string month_list(const Site& site, const Value& months) {
  std::vector<std::string> names = month_names(site), out;
  for (auto& m : months.as_list()) {
    int64_t k = m.is_int() ? m.as_int() : 0;
    out.push_back(k >= 1 && k <= static_cast<int64_t>(names.size())
                      ? names[static_cast<size_t>(k - 1)]
                      : m.to_string());
  }
  return join(out);
}

std::string enum_text(const Site& site, const FieldSpec& f, const Value& v) {
  std::string key = f.name + "_" + v.to_string();
  std::string label = ui_string(site.config->language, key);
  return label == key ? v.to_string() : label;
}

bool has_long_item(const Value& list) {
  for (auto& v : list.as_list())
    if (utf8_length(v.to_string()) > kLongItem) return true;
  return false;
}

Value labelled(const FieldSpec& f) {
  Value v;
  v["label"] = f.label.empty() ? f.name : f.label;
  return v;
}

// The columns of a table field: the required members first (handbook.toml's order is not kept,
// its members come sorted by name), so that "label, value" go before a "note".
std::vector<const FieldSpec*> table_columns(const FieldSpec& f) {
  std::vector<const FieldSpec*> columns;
  for (bool required : {true, false})
    for (auto& member : f.fields)
      if (member.required == required) columns.push_back(&member);
  return columns;
}

Value table_view(const FieldSpec& f, const Value& value) {
  Value t = labelled(f);
  std::vector<const FieldSpec*> columns = table_columns(f);
  t["columns"].list();
  for (const FieldSpec* member : columns)
    t["columns"].push_back(member->label.empty() ? member->name : member->label);
  t["rows"].list();
  for (auto& row : value.is_list() ? value.as_list() : List{value}) {
    Value r;
    r["cells"].list();
    for (const FieldSpec* member : columns) {
      const Value* cell = row.find(member->name);
      r["cells"].push_back(cell ? cell->to_string() : std::string());
    }
    t["rows"].push_back(std::move(r));
  }
  return t;
}

class FieldsView {
 public:
  FieldsView(const Site& site, const BookletLinks& links, int page)
      : site_(site), links_(links), page_(site.pages[static_cast<size_t>(page)]) {
    for (auto key : {"facts", "refs", "texts", "lists", "tables"})
      out_[key].list();
  }

  Value build() {
    if (!page_.collection) return out_;
    for (auto& f : page_.collection->fields)
      if (const Value* v = page_.fields.find(f.name); v && v->truthy())
        add(f, links_.with_links(page_, *v));
    out_["has_facts"] = out_["facts"].truthy() || out_["refs"].truthy();
    return out_;
  }

 private:
  void add(const FieldSpec& f, const Value& v) {
    if (f.type == FieldType::Ref || f.type == FieldType::Refs) return add_refs(f);
    if (f.type == FieldType::Markdown) return add_text(f, v);
    if (f.type == FieldType::Table || (f.type == FieldType::List && f.of == FieldType::Table))
      return out_["tables"].push_back(table_view(f, v));
    if (f.type == FieldType::List && v.is_list()) return add_list(f, v);
    fact(f, f.type == FieldType::Enum ? enum_text(site_, f, v) : v.to_string());
  }

  void fact(const FieldSpec& f, std::string value) {
    Value item = labelled(f);
    item["value"] = std::move(value);
    out_["facts"].push_back(std::move(item));
  }

  void add_list(const FieldSpec& f, const Value& v) {
    if (f.name == site_.config->diagrams.wheel_months && f.of == FieldType::Integer)
      return fact(f, month_list(site_, v));
    if (f.of == FieldType::Enum) {
      std::vector<std::string> shown;
      for (auto& e : v.as_list())
        shown.push_back(enum_text(site_, f, e));
      return fact(f, join(shown));
    }
    if (f.taxonomy.empty() && has_long_item(v)) {
      Value list = labelled(f);
      list["items"] = v;
      return out_["lists"].push_back(std::move(list));
    }
    fact(f, join(texts(v)));
  }

  void add_refs(const FieldSpec& f) {
    Value group = labelled(f);
    group["items"].list();
    for (auto& r : page_.refs) {
      if (r.field != f.name || !site_.is_included(r.target)) continue;
      Value item;
      item["title"] = site_.pages[static_cast<size_t>(r.target)].title;
      item["url"] = links_.href(r.target);
      item["in_booklet"] = links_.in_booklet(r.target);
      group["items"].push_back(std::move(item));
    }
    if (!group["items"].as_list().empty()) out_["refs"].push_back(std::move(group));
  }

  void add_text(const FieldSpec& f, const Value& v) {
    Value text = labelled(f);
    text["html"] = v.to_string();
    out_["texts"].push_back(std::move(text));
  }

  const Site& site_;
  const BookletLinks& links_;
  const Page& page_;
  Value out_;
};

}  // namespace

Value booklet_fields(const Site& site, const BookletLinks& links, int page) {
  return FieldsView(site, links, page).build();
}

std::string long_date(const Site& site, const std::string& iso_date) {
  if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return iso_date;
  std::vector<std::string> names = month_names(site);
  int month = 0, day = 0;
  try {
    month = std::stoi(iso_date.substr(5, 2));
    day = std::stoi(iso_date.substr(8, 2));
  } catch (...) {
    return iso_date;
  }
  if (month < 1 || month > static_cast<int>(names.size()) || day < 1) return iso_date;
  std::string name = names[static_cast<size_t>(month - 1)];
  for (auto& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return std::to_string(day) + ". " + name + " " + iso_date.substr(0, 4);
}

}  // namespace hb
