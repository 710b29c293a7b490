#include "field_text.h"

namespace hb {

namespace {

std::string quoted_or(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += i + 1 == values.size() ? " eller " : ", ";
    out += "'" + values[i] + "'";
  }
  return out;
}

std::string collection_name(const std::string& name, const SiteConfig& config) {
  const CollectionSpec* c = config.collection(name);
  return c && c->title != name ? c->title + " (" + name + ")" : name;
}

std::string bounds(const FieldSpec& f) {
  if (f.min && f.max) return " mellem " + std::to_string(*f.min) + " og " + std::to_string(*f.max);
  if (f.min) return " på mindst " + std::to_string(*f.min);
  if (f.max) return " på højst " + std::to_string(*f.max);
  return "";
}

std::string names_of(const std::vector<FieldSpec>& fields) {
  std::vector<std::string> names;
  for (auto& f : fields)
    names.push_back(f.name);
  std::string out;
  for (size_t i = 0; i < names.size(); ++i)
    out += (i ? (i + 1 == names.size() ? " og " : ", ") : "") + names[i];
  return out;
}

FieldSpec builtin(std::string name, std::string label, FieldType type) {
  FieldSpec f;
  f.name = std::move(name);
  f.label = std::move(label);
  f.type = type;
  return f;
}

}  // namespace

const std::vector<FieldSpec>& builtin_field_specs() {
  static const std::vector<FieldSpec> specs = [] {
    std::vector<FieldSpec> v = {builtin("title", "Titel", FieldType::String),
                                builtin("summary", "Resumé", FieldType::String),
                                builtin("weight", "Rækkefølge", FieldType::Integer),
                                builtin("visibility", "Synlighed", FieldType::Enum),
                                builtin("date", "Dato", FieldType::Date)};
    v[0].required = true;
    v[3].values = {"public", "internal"};
    return v;
  }();
  return specs;
}

std::string describe_field_da(const FieldSpec& f, const SiteConfig& config) {
  switch (f.type) {
    case FieldType::String:
      return "en tekst i anførselstegn";
    case FieldType::Markdown:
      return "en tekst i anførselstegn (Markdown)";
    case FieldType::Integer:
      return "et helt tal" + bounds(f);
    case FieldType::Number:
      return "et tal" + bounds(f);
    case FieldType::Boolean:
      return "true eller false";
    case FieldType::Date:
      return "en dato som 2026-11-23, uden anførselstegn";
    case FieldType::Enum:
      return "en af " + quoted_or(f.values);
    case FieldType::Url:
      return "en webadresse, der begynder med https://";
    case FieldType::Email:
      return "en e-mailadresse";
    case FieldType::Ref:
      return "id'et på en side i " + collection_name(f.to, config);
    case FieldType::Refs:
      return "en liste af id'er på sider i " + collection_name(f.to, config) +
             ", som [\"a\", \"b\"]";
    case FieldType::Table:
      return "en tabel med felterne " + names_of(f.fields);
    case FieldType::List: {
      FieldSpec element = f;
      element.type = f.of;
      return "en liste, som [...], hvor hvert element er " + describe_field_da(element, config);
    }
  }
  return "en værdi";
}

std::string unfilled_message(const FieldSpec& f, const SiteConfig& config) {
  std::string label = f.label.empty() || f.label == f.name ? "" : " (" + f.label + ")";
  return "feltet '" + f.name + "'" + label + " er ikke udfyldt: erstat \"" +
         std::string(kPlaceholder) + "\" med " + describe_field_da(f, config);
}

}  // namespace hb
