#include "schema.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "base/messages.h"
#include "config/toml_mistakes.h"
#include "field_text.h"
#include "file_gate.h"
#include "markdown/markdown.h"
#include "toml_string_source.h"

namespace hb {

namespace {

// The links of a Markdown field that the site resolves and checks like a body's: all but
// addresses with a scheme and footnote references.
bool field_link_resolved(std::string_view url) {
  return !url.empty() && !is_external_url(url) && !url.starts_with("#fn");
}

std::string builtin_ref(std::string_view name);

struct Checker {
  const SiteConfig& config;
  Page& page;
  const FrontMatterSource& src;
  Diagnostics& diags;
  bool check_terms = true;  // false for a default from handbook.toml, whose place is there

  SourcePos pos(const toml::node& n) const {
    int line = static_cast<int>(n.source().begin.line) + src.line_offset;
    std::string_view text = line_of(src.text, line);
    return {line, static_cast<int>(n.source().begin.column), std::string(text)};
  }
  // Where node n begins, without its line: for what is kept and reported only if it proves
  // wrong. A copy of the line for each value of a long line would take time and memory that
  // grow with the square of its length.
  SourcePos place(const toml::node& n) const {
    return {static_cast<int>(n.source().begin.line) + src.line_offset,
            static_cast<int>(n.source().begin.column),
            {}};
  }
  void error(const toml::node& n, std::string message) const {
    SourcePos p = place(n);  // the line is looked up only for a report that is shown
    diags.error_at(src.path, src.text, p.line, p.col, std::move(message));
  }
  // A plain-text field shows a marker as it is, and the text after it too.
  void check_plain(const toml::node& n, std::string_view name, const std::string& text) const {
    if (mentions_marker(text))
      error(n, msg("schema_marker_in_plain", {{"field", builtin_ref(name)}}));
  }
  void error_key(const toml::key& k, std::string message) const {
    int line = static_cast<int>(k.source().begin.line) + src.line_offset;
    diags.error_at(src.path, src.text, line, static_cast<int>(k.source().begin.column),
                   std::move(message));
  }

  std::string describe(const FieldSpec& f) const;
  bool unfilled(const FieldSpec& f, const toml::node& n, FieldType type) const;
  Value convert(const FieldSpec& f, const toml::node& n, FieldType type);
  Value convert_table(const FieldSpec& f, const toml::node& n);
  Value convert_list(const FieldSpec& f, const toml::node& n);
  Value convert_scalar(const FieldSpec& f, const toml::node& n, FieldType type);
  void add_ref(const FieldSpec& f, const toml::node& n, const std::string& id);
  std::string markdown(const FieldSpec& f, const toml::node& n, const std::string& text);
};

std::string quoted_list(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += i + 1 == values.size() ? msg("list_or") : ", ";
    out += "'" + values[i] + "'";
  }
  return out;
}

// A vocabulary of at most this many terms is listed in full in the error for a term outside it.
constexpr size_t kListedTerms = 8;

// The declared terms that `term` was probably meant as: the one with the same page (differing
// only in case, or in "ø" for "oe"), else the closest in spelling, else up to three that contain
// every word of it ("klima" -> "klima og miljø").
std::vector<std::string> likely_terms(const std::string& term,
                                      const std::vector<std::string>& terms) {
  std::string slug = slugify(term);
  for (auto& t : terms)
    if (!slug.empty() && slugify(t) == slug) return {t};
  if (std::string m = closest_match(term, terms); !m.empty()) return {m};
  std::vector<std::string> words;
  for (size_t pos = 0; pos < slug.size();) {
    size_t end = std::min(slug.find('-', pos), slug.size());
    if (end > pos) words.push_back("-" + slug.substr(pos, end - pos) + "-");
    pos = end + 1;
  }
  std::vector<std::string> out;
  for (auto& t : terms) {
    std::string padded = "-" + slugify(t) + "-";
    if (!words.empty() && std::all_of(words.begin(), words.end(), [&](const std::string& w) {
          return padded.find(w) != std::string::npos;
        }))
      out.push_back(t);
  }
  return out.size() <= 3 ? out : std::vector<std::string>();
}

// The error for `term` in a field of the taxonomy `tax`, which declares its terms and not this
// one.
std::string undeclared_term_message(const TaxonomySpec& tax, const std::string& term) {
  std::string name =
      tax.title.empty() || tax.title == tax.name ? tax.name : tax.name + " (" + tax.title + ")";
  if (term.find_first_not_of(" \t") == std::string::npos)
    return msg("vocab_empty_term", {{"taxonomy", name}, {"name", tax.name}});
  std::string message = msg(
      tax.terms.size() <= kListedTerms ? "vocab_unknown_term" : "vocab_unknown_term_many",
      {{"term", term}, {"taxonomy", name}, {"name", tax.name}, {"terms", quoted_list(tax.terms)}});
  std::vector<std::string> likely = likely_terms(term, tax.terms);
  if (!likely.empty()) message += msg("did_you_mean", {{"word", quoted_list(likely)}});
  return message;
}

std::string toml_kind(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::string:
      return msg("kind_text");
    case toml::node_type::integer:
      return msg("kind_integer");
    case toml::node_type::floating_point:
      return msg("kind_number");
    case toml::node_type::boolean:
      return msg("kind_boolean");
    case toml::node_type::date:
      return msg("kind_date");
    case toml::node_type::time:
      return msg("kind_time");
    case toml::node_type::date_time:
      return msg("kind_date_time");
    case toml::node_type::array:
      return msg("kind_list");
    case toml::node_type::table:
      return msg("kind_table");
    default:
      return msg("kind_nothing");
  }
}

// A built-in field named in a message, with its label.
std::string builtin_ref(std::string_view name) {
  for (auto& spec : builtin_field_specs())
    if (spec.name == name) return field_ref(name, spec.label);
  if (name == "owner") return field_ref(name, msg("label_owner"));
  if (name == "review_by") return field_ref(name, msg("label_review_by"));
  return field_ref(name, "");
}

// The line that gives field `name` the boolean meant by `text` ("true", "ja", "nej" ...).
std::string boolean_fix(const std::string& name, const std::string& text) {
  std::string lower;
  for (char c : text)
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* yes : {"true", "ja", "yes", "sand"})
    if (lower == yes) return name + " = true";
  for (const char* no : {"false", "nej", "no", "falsk"})
    if (lower == no) return name + " = false";
  return msg("either_true_false", {{"name", name}});
}

std::string field_of(const FieldSpec& f) {
  return field_ref(f.name, f.label);
}

std::string Checker::describe(const FieldSpec& f) const {
  switch (f.type) {
    case FieldType::String:
      return msg("describe_string");
    case FieldType::Markdown:
      return msg("describe_markdown");
    case FieldType::Integer:
      return msg("describe_integer");
    case FieldType::Number:
      return msg("describe_number");
    case FieldType::Boolean:
      return msg("describe_boolean");
    case FieldType::Date:
      return msg("describe_date");
    case FieldType::Enum:
      return msg("describe_enum", {{"values", quoted_list(f.values)}});
    case FieldType::Url:
      return msg("describe_url");
    case FieldType::Email:
      return msg("describe_email");
    case FieldType::Ref:
      return msg("describe_ref", {{"collection", f.to}});
    case FieldType::Refs:
      return msg("describe_refs", {{"collection", f.to}});
    case FieldType::Table:
      return msg("describe_table");
    case FieldType::List:
      return msg("describe_list");
  }
  return msg("describe_value");
}

// The text of a string node, or null for any other node.
const std::string* string_of(const toml::node& n) {
  const toml::value<std::string>* v = n.as_string();
  return v ? &v->get() : nullptr;
}

// `d` as YYYY-MM-DD (a TOML date's year has four digits).
std::string iso_date(const toml::date& d) {
  auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
  return {digit(d.year / 1000u),
          digit(d.year / 100u),
          digit(d.year / 10u),
          digit(d.year),
          '-',
          digit(d.month / 10u),
          digit(d.month),
          '-',
          digit(d.day / 10u),
          digit(d.day)};
}

bool valid_email(std::string_view s) {
  size_t at = s.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < s.size() &&
         s.find('@', at + 1) == std::string_view::npos && s.find(' ') == std::string_view::npos &&
         s.find('.', at) != std::string_view::npos;
}

bool valid_url(std::string_view s) {
  return (s.starts_with("https://") || s.starts_with("http://")) && s.size() > 8 &&
         s.find(' ') == std::string_view::npos;
}

void Checker::add_ref(const FieldSpec& f, const toml::node& n, const std::string& id) {
  // The source line is read again only if the reference turns out broken.
  page.refs.push_back({f.name, f.label, f.to, id, place(n), -1});
}

// The HTML of Markdown field `f`, whose text `text` node `n` holds. Its links join the page's
// (page.body.links, until the body is rendered), each placed at its URL in the file: in a default
// from handbook.toml, at the page's opening `+++`.
std::string Checker::markdown(const FieldSpec& f, const toml::node& n, const std::string& text) {
  SourcePos at = pos(n);  // internal markers in the field are reported at the field
  Visibility vis{src.include_internal, src.path, &diags, at.line, at.col, at.source_line};
  std::vector<BodyLink>& links = page.body.links;
  size_t first = links.size();
  std::string html =
      render_markdown_field(text, f.inline_markdown, vis, &field_link_resolved, &links);
  // Text is escaped, so "<img" in the HTML is always an image that Markdown wrote.
  if (html.find("<img") != std::string::npos)
    error(n, msg("schema_image_in_field", {{"field", field_of(f)}}));
  if (first == links.size()) return html;
  size_t quote = check_terms ? file_offset_of(src.text, at.line, at.col) : std::string::npos;
  TomlStringSource source(src.text, quote, text);
  for (size_t k = first; k < links.size(); ++k) {
    BodyLink& l = links[k];
    l.field = f.label.empty() ? f.name : f.label;
    if (quote == std::string::npos) {
      l.line = src.line_offset, l.col = 1;
      continue;
    }
    size_t in_text = file_offset_of(text, l.line, l.col);
    line_col_of(src.text, source.file_offset(in_text == std::string::npos ? 0 : in_text), l.line,
                l.col);
  }
  return html;
}

// The node still holds the placeholder that `handbook new` wrote (reported here).
bool Checker::unfilled(const FieldSpec& f, const toml::node& n, FieldType type) const {
  const std::string* s = string_of(n);
  if (!s || *s != kPlaceholder) return false;
  FieldSpec shown = f;
  shown.type = type;
  error(n, unfilled_message(shown, config));
  return true;
}

Value Checker::convert_scalar(const FieldSpec& f, const toml::node& n, FieldType type) {
  if (unfilled(f, n, type)) return {};
  auto mismatch = [&] {
    FieldSpec shown = f;
    shown.type = type;
    error(n,
          msg("schema_type",
              {{"field", field_of(f)}, {"expected", describe(shown)}, {"actual", toml_kind(n)}}));
    return Value();
  };
  switch (type) {
    case FieldType::Integer: {
      auto v = n.value_exact<int64_t>();
      if (!v) return mismatch();
      if ((f.min && *v < *f.min) || (f.max && *v > *f.max))
        error(n, msg("schema_between", {{"field", field_of(f)},
                                        {"min", std::to_string(f.min.value_or(*v))},
                                        {"max", std::to_string(f.max.value_or(*v))},
                                        {"value", std::to_string(*v)}}));
      return Value(*v);
    }
    case FieldType::Number: {
      auto v = n.value<double>();
      if (!v || !(n.is_integer() || n.is_floating_point())) return mismatch();
      return Value(*v);
    }
    case FieldType::Boolean: {
      auto v = n.value_exact<bool>();
      if (v) return Value(*v);
      if (const std::string* s = string_of(n)) {  // "true" in quotes, or a word for yes or no
        error(n, msg("schema_boolean_in_quotes",
                     {{"field", field_of(f)}, {"value", *s}, {"fix", boolean_fix(f.name, *s)}}));
        return {};
      }
      return mismatch();
    }
    case FieldType::Date: {
      auto v = n.value_exact<toml::date>();
      return v ? Value(iso_date(*v)) : mismatch();
    }
    default:
      break;
  }
  const std::string* s = string_of(n);
  if (!s) return mismatch();
  switch (type) {
    case FieldType::Markdown:
      return Value(markdown(f, n, *s));
    case FieldType::Enum:
      if (std::find(f.values.begin(), f.values.end(), *s) == f.values.end())
        error(n, msg("schema_enum_value",
                     {{"value", *s}, {"field", field_of(f)}, {"values", quoted_list(f.values)}}) +
                     did_you_mean(*s, f.values));
      return Value(*s);
    case FieldType::Url:
      if (!valid_url(*s)) error(n, msg("schema_url", {{"field", field_of(f)}}));
      return Value(*s);
    case FieldType::Email:
      if (!valid_email(*s)) error(n, msg("schema_email", {{"value", *s}, {"field", field_of(f)}}));
      return Value(*s);
    case FieldType::Ref:
    case FieldType::Refs:
      if (s->empty())
        error(n, msg("schema_empty_id", {{"field", field_of(f)}}));
      else
        add_ref(f, n, *s);
      return Value(*s);
    default:
      check_plain(n, f.name, *s);
      return Value(*s);
  }
}

Value Checker::convert_table(const FieldSpec& f, const toml::node& n) {
  const toml::table* t = n.as_table();
  if (!t) {
    error(n, msg("schema_table_type", {{"field", field_of(f)}, {"actual", toml_kind(n)}}));
    return {};
  }
  Value out;
  out.map();
  std::vector<std::string> names;
  for (auto& sub : f.fields)
    names.push_back(sub.name);
  for (auto&& [k, v] : *t) {
    const FieldSpec* sub = nullptr;
    for (auto& s : f.fields)
      if (s.name == k.str()) sub = &s;
    if (!sub) {
      error_key(k, msg("schema_table_unknown_key",
                       {{"key", std::string(k.str())}, {"field", field_of(f)}}) +
                       did_you_mean(k.str(), names));
      continue;
    }
    out[sub->name] = convert(*sub, v, sub->type);
  }
  for (auto& sub : f.fields)
    if (sub.required && !t->contains(sub.name))
      error(n, msg("schema_table_missing",
                   {{"field", field_of(f)}, {"sub", field_of(sub)}, {"expected", describe(sub)}}));
  return out;
}

Value Checker::convert_list(const FieldSpec& f, const toml::node& n) {
  const toml::array* a = n.as_array();
  if (!a) {
    error(n, msg("schema_type",
                 {{"field", field_of(f)}, {"expected", describe(f)}, {"actual", toml_kind(n)}}));
    return {};
  }
  if (a->size() > kMaxListItems) {
    error(n, msg("schema_list_too_long", {{"field", field_of(f)},
                                          {"count", std::to_string(a->size())},
                                          {"max", std::to_string(kMaxListItems)}}));
    return {};
  }
  Value out;
  out.list();
  FieldType elem = f.type == FieldType::Refs ? FieldType::Ref : f.of;
  std::unordered_set<std::string> seen;  // a page or a term named twice
  const TaxonomySpec* tax =
      f.taxonomy.empty() || !check_terms ? nullptr : config.taxonomy(f.taxonomy);
  if (tax && tax->terms.empty()) tax = nullptr;  // no vocabulary: any term
  for (auto&& e : *a) {
    Value v = elem == FieldType::Table ? convert_table(f, e) : convert_scalar(f, e, elem);
    if (tax && v.is_string() &&
        std::find(tax->terms.begin(), tax->terms.end(), v.as_string()) == tax->terms.end())
      error(e, undeclared_term_message(*tax, v.as_string()));
    if (!f.taxonomy.empty() && v.is_string() && !v.as_string().empty() &&
        slugify(v.as_string()).empty()) {
      error(e, msg("term_no_address", {{"term", v.as_string()}}));
      continue;
    }
    if ((elem == FieldType::Ref || !f.taxonomy.empty()) && v.is_string() &&
        !seen.insert(v.as_string()).second) {
      error(e, msg("schema_list_twice", {{"field", field_of(f)}, {"value", v.as_string()}}));
      continue;
    }
    out.push_back(std::move(v));
  }
  return out;
}

Value Checker::convert(const FieldSpec& f, const toml::node& n, FieldType type) {
  if (unfilled(f, n, type)) return {};
  if (type == FieldType::Table) return convert_table(f, n);
  if (type == FieldType::List || type == FieldType::Refs) return convert_list(f, n);
  return convert_scalar(f, n, type);
}

// `aliases`: a list of the ids the page had before, each a file name without folders.
void read_aliases(Checker& c, const toml::node& n) {
  const toml::array* list = n.as_array();
  if (!list) {
    c.error(n, msg("aliases_not_list", {{"kind", toml_kind(n)}}));
    return;
  }
  if (list->size() > kMaxAliases) {
    c.error(n, msg("aliases_too_many", {{"count", std::to_string(list->size())},
                                        {"max", std::to_string(kMaxAliases)}}));
    return;
  }
  for (auto&& e : *list) {
    const std::string* s = string_of(e);
    if (!s || s->empty() || s->find('/') != std::string::npos || s->starts_with(".") ||
        !breaking_character_in(*s).empty())
      c.error(e, msg("alias_not_id"));
    else
      c.page.aliases.push_back({*s, c.place(e)});
  }
}

// The error for a date field `key` that holds no TOML date: a date in quotes is shown as it
// should be written when it can be read.
std::string date_message(const toml::node& n, std::string_view key, std::string_view example) {
  if (const std::string* s = string_of(n)) {
    std::string iso = date_as_written(*s);
    return msg(iso.empty() ? "schema_date_in_quotes" : "schema_date_quoted",
               {{"field", builtin_ref(key)},
                {"value", *s},
                {"fix", std::string(key) + " = " + (iso.empty() ? *s : iso)}});
  }
  return msg("schema_date", {{"field", builtin_ref(key)}, {"example", std::string(example)}});
}

void read_builtin(Checker& c, std::string_view key, const toml::node& n) {
  Page& p = c.page;
  auto text = [&](std::string& into) {
    for (auto& spec : builtin_field_specs())
      if (spec.name == key && c.unfilled(spec, n, spec.type)) return;
    if (const std::string* s = string_of(n)) {
      into = *s;
      c.check_plain(n, key, *s);
    } else {
      c.error(n, msg("schema_type", {{"field", builtin_ref(key)},
                                     {"expected", msg("describe_string")},
                                     {"actual", toml_kind(n)}}));
    }
  };
  if (key == "title")
    text(p.title);
  else if (key == "summary")
    text(p.summary);
  else if (key == "weight") {
    if (auto v = n.value_exact<int64_t>())
      p.weight = *v, p.has_weight = true;
    else
      c.error(n, msg("schema_type", {{"field", builtin_ref(key)},
                                     {"expected", msg("describe_integer")},
                                     {"actual", toml_kind(n)}}));
  } else if (key == "visibility") {
    const std::string* s = string_of(n);
    if (s && (*s == "public" || *s == "internal"))
      p.internal = *s == "internal";
    else
      c.error(n, msg("schema_visibility", {{"field", builtin_ref(key)}}));
  } else if (key == "date") {
    if (auto d = n.value_exact<toml::date>())
      p.date = iso_date(*d);
    else
      c.error(n, date_message(n, key, "2026-11-23"));
  } else if (key == "owner") {
    const std::string* s = string_of(n);
    if (s) {
      p.owner = *s;
      p.owner_pos = c.pos(n);
    } else
      c.error(n, msg("schema_owner", {{"field", builtin_ref(key)}}));
  } else if (key == "review_by") {
    if (auto d = n.value_exact<toml::date>()) {
      p.review_by = iso_date(*d);
      p.review_pos = c.pos(n);
    } else {
      c.error(n, date_message(n, key, "2027-06-01"));
    }
  } else if (key == "aliases") {
    read_aliases(c, n);
  } else if (key == "id") {
    const std::string* s = string_of(n);
    if (!s)
      c.error(n, msg("schema_type", {{"field", builtin_ref(key)},
                                     {"expected", msg("describe_string")},
                                     {"actual", toml_kind(n)}}));
    else if (*s != p.id)
      c.error(n, msg("schema_id_mismatch", {{"id", *s}, {"file_id", p.id}}));
  }
}

void collect_terms(const FieldSpec& f, const Value& v, Page& page) {
  if (f.taxonomy.empty() || !v.is_list()) return;
  for (auto& term : v.as_list())
    if (term.is_string() && !term.as_string().empty())
      page.terms.emplace_back(f.taxonomy, term.as_string());
}

}  // namespace

const std::vector<std::string>& builtin_fields() {
  static const std::vector<std::string> names = {
      "title", "summary", "weight", "visibility", "date", "id", "owner", "review_by", "aliases"};
  return names;
}

void apply_front_matter(const toml::table& fm, const SiteConfig& config, Page& page,
                        const FrontMatterSource& src, Diagnostics& diags) {
  Checker c{config, page, src, diags};
  const CollectionSpec* col = page.collection;
  auto known = [&] {  // the names a key may have been meant as
    std::vector<std::string> names = builtin_fields();
    if (col)
      for (auto& f : col->fields)
        names.push_back(f.name);
    return names;
  };
  page.fields.map();
  if (col && !page.is_index) page.internal = col->internal_by_default;
  std::vector<std::string> misspelt;  // the names that unknown keys were probably meant as
  const std::vector<std::string>& builtins = builtin_fields();
  for (auto&& [k, v] : fm) {
    std::string_view key = k.str();
    if (std::find(builtins.begin(), builtins.end(), key) != builtins.end()) {
      read_builtin(c, key, v);
      continue;
    }
    const FieldSpec* f = col ? col->field(key) : nullptr;
    if (!f) {
      std::string message = col ? msg("schema_unknown_field", {{"key", std::string(key)},
                                                               {"singular", col->singular},
                                                               {"collection", col->name}})
                                : msg("schema_unknown_field_section", {{"key", std::string(key)}});
      c.error_key(k, message + did_you_mean(key, known()));
      misspelt.push_back(closest_match(key, known()));
      continue;
    }
    size_t refs_before = page.refs.size(), links_before = page.body.links.size();
    Value value = c.convert(*f, v, f->type);
    if (f->internal && !src.include_internal) {
      page.refs.resize(refs_before);  // the edition never sees this field, nor what it names
      page.body.links.resize(links_before);
      continue;
    }
    collect_terms(*f, value, page);
    page.fields[f->name] = std::move(value);
  }
  int line = src.line_offset;  // the opening `+++`
  std::string_view opening = line_of(src.text, line);
  // A required field that an unknown key was taken for ("titel") is reported once, there.
  auto missing = [&](const std::string& name) {
    return !fm.contains(name) &&
           std::find(misspelt.begin(), misspelt.end(), name) == misspelt.end();
  };
  if (missing("title"))
    diags.error(std::string(src.path), line, 1,
                msg("schema_missing",
                    {{"field", builtin_ref("title")}, {"expected", msg("describe_string")}}),
                std::string(opening));
  if (!col) return;
  c.check_terms = false;
  for (auto& f : col->fields) {
    if (fm.contains(f.name)) continue;
    if (f.required && missing(f.name))
      diags.error(std::string(src.path), line, 1,
                  msg("schema_missing", {{"field", field_of(f)}, {"expected", c.describe(f)}}),
                  std::string(opening));
    else if (auto* d = f.default_holder.get("v");
             !f.required && d && (!f.internal || src.include_internal))
      page.fields[f.name] = c.convert(f, *d, f.type);
  }
}

}  // namespace hb
