#include "scaffold.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>

#include "base/messages.h"
#include "content/content.h"
#include "content/field_text.h"
#include "content/file_gate.h"

namespace fs = std::filesystem;

namespace hb {

namespace {

constexpr size_t kCommentWidth = 96;

// `s` as a TOML basic string, quotes included.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const std::string& placeholder() {
  static const std::string quoted = toml_string(kPlaceholder);
  return quoted;
}

// A table's fields as `{ a = V, b = V }`, each value from `value`.
template <typename F>
std::string inline_table(const std::vector<FieldSpec>& fields, F value) {
  std::string out = "{ ";
  for (size_t i = 0; i < fields.size(); ++i)
    out += (i ? ", " : "") + fields[i].name + " = " + value(fields[i]);
  return out + " }";
}

// A required table's fields: the required ones with the placeholder (the first field when none
// is required, so that check flags the table until it is filled in).
std::string placeholder_table(const FieldSpec& f) {
  std::vector<FieldSpec> required;
  for (auto& sub : f.fields)
    if (sub.required) required.push_back(sub);
  if (required.empty() && !f.fields.empty()) required.push_back(f.fields.front());
  return inline_table(required, [](const FieldSpec&) { return placeholder(); });
}

std::string placeholder_value(const FieldSpec& f) {
  bool tables =
      f.type == FieldType::Table || (f.type == FieldType::List && f.of == FieldType::Table);
  std::string one = tables ? placeholder_table(f) : placeholder();
  return f.type == FieldType::List || f.type == FieldType::Refs ? "[" + one + "]" : one;
}

// The default of `f` as TOML, or "" when it has none (or one of another kind).
std::string default_value(const FieldSpec& f) {
  const toml::node* d = f.default_holder.get("v");
  if (!d) return "";
  if (auto s = d->value_exact<std::string>()) return toml_string(*s);
  if (auto i = d->value_exact<int64_t>()) return std::to_string(*i);
  if (auto b = d->value_exact<bool>()) return *b ? "true" : "false";
  return "";
}

std::string example_scalar(const FieldSpec& f, FieldType type, const std::string& today) {
  if (std::string d = default_value(f); !d.empty()) return d;
  switch (type) {
    case FieldType::Integer:
    case FieldType::Number:
      return std::to_string(f.min.value_or(0));
    case FieldType::Boolean:
      return "false";
    case FieldType::Date:
      return today;
    case FieldType::Enum:
      return toml_string(f.values.empty() ? "" : f.values.front());
    default:
      return "\"\"";
  }
}

std::string example_value(const FieldSpec& f, const std::string& today) {
  auto empty = [&](const FieldSpec& sub) { return example_scalar(sub, sub.type, today); };
  if (f.type == FieldType::Table) return inline_table(f.fields, empty);
  if (f.type == FieldType::List && f.of == FieldType::Table)
    return "[" + inline_table(f.fields, empty) + "]";
  if (f.type == FieldType::List || f.type == FieldType::Refs) return "[]";
  return example_scalar(f, f.type, today);
}

// Adds `words` to `out` as comment lines of at most kCommentWidth characters, the first
// beginning with `first` and the rest with `rest`.
void wrap_comment(std::string& out, const std::vector<std::string>& words, const std::string& first,
                  const std::string& rest) {
  std::string line = first;
  bool empty = true;
  for (auto& w : words) {
    if (!empty && line.size() + 1 + w.size() > kCommentWidth) {
      out += line + "\n";
      line = rest;
      empty = true;
    }
    line += (empty ? "" : " ") + w;  // each prefix ends in a space
    empty = false;
  }
  out += line + "\n";
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) words.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return words;
}

// The comment lines above a field: what it holds, and the ids a ref may take.
std::string field_comment(const SiteConfig& config, const FieldSpec& f,
                          const IdsByCollection& ids) {
  std::string text = f.label + " (" + f.name + ")" + (f.required ? ", skal udfyldes" : "") + ": " +
                     describe_field_da(f, config) + ".";
  if (std::string d = default_value(f); !d.empty()) text += " Uden feltet: " + d + ".";
  if (f.internal) text += " Vises kun i den interne udgave.";
  if (const TaxonomySpec* t = f.taxonomy.empty() ? nullptr : config.taxonomy(f.taxonomy))
    text += " Hver værdi får sin side under " + t->title + ".";
  std::string out;
  wrap_comment(out, words_of(text), "# ", "#   ");
  if (const TaxonomySpec* t = f.taxonomy.empty() ? nullptr : config.taxonomy(f.taxonomy);
      t && !t->terms.empty()) {  // the declared terms, as the ids of a ref below
    std::vector<std::string> quoted;
    for (auto& term : t->terms)
      quoted.push_back(toml_string(term) + (&term == &t->terms.back() ? "" : ","));
    wrap_comment(out, quoted, "#   Mulige værdier: ", "#     ");
  }
  if (f.type != FieldType::Ref && f.type != FieldType::Refs) return out;
  auto it = ids.find(f.to);
  if (it == ids.end() || it->second.empty())
    return out + "#   Der er endnu ingen sider at vælge.\n";
  std::vector<std::string> quoted;
  for (auto& id : it->second)
    quoted.push_back(toml_string(id) + (&id == &it->second.back() ? "" : ","));
  wrap_comment(out, quoted, "#   Mulige id'er: ", "#     ");
  return out;
}

NewPageResult refused(std::string message) {
  return {2, std::move(message), {}};
}

std::string today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// Writes `text` to a new file `path`; "" or why not (it exists, or cannot be written).
std::string create_file(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return std::strerror(errno);
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = ::close(fd) == 0 && done == text.size();
  return ok ? "" : std::strerror(errno ? errno : EIO);
}

}  // namespace

std::string id_refusal(const std::string& id, const std::string& folder) {
  if (id.empty()) return msg("id_empty");
  if (id.find('/') != std::string::npos) return msg("id_slash", {{"id", id}});
  if (is_markdown_type(file_type(id)))
    return msg("id_extension",
               {{"type", std::string(file_type(id))}, {"id", id.substr(0, id.rfind('.'))}});
  if (id.starts_with(".")) return msg("id_dot", {{"id", id}});
  if (std::string c = breaking_character_in(id); !c.empty())
    return msg("new_id_breaks", {{"id", id}, {"char", c}});
  if (id == "_index") return msg("id_section_page", {{"folder", folder}});
  if (id == "index") return msg("id_list_page", {{"folder", folder}});
  return "";
}

std::string unknown_collection(const SiteConfig& config, const std::string& name) {
  std::vector<std::string> names;
  std::string list;
  for (auto& c : config.collections) {
    names.push_back(c.name);
    list += (list.empty() ? "" : ", ") + c.name;
  }
  MessageArgs args{{"name", name}, {"suggest", did_you_mean(name, names)}, {"list", list}};
  return msg(list.empty() ? "unknown_collection_none" : "unknown_collection", args);
}

std::string scaffold_page(const SiteConfig& config, const CollectionSpec& collection,
                          const std::string& title, const IdsByCollection& ids,
                          const std::string& today) {
  std::string out = "+++\n";
  wrap_comment(out,
               words_of("Ny side i " + collection.title + ". Erstat hvert " + placeholder() +
                        " med feltets indhold: handbook check melder de felter, der endnu ikke "
                        "er udfyldt. De valgfrie felter står som kommentarer nederst: fjern \"# \" "
                        "foran et felt for at bruge det. Sidens tekst skrives i Markdown under "
                        "den sidste +++-linje."),
               "# ", "# ");
  const std::vector<FieldSpec>& builtins = builtin_field_specs();
  std::vector<const FieldSpec*> optional;
  for (auto& f : builtins) {
    if (!f.required) {
      optional.push_back(&f);
      continue;
    }
    out += field_comment(config, f, ids);
    out += f.name + " = " + (title.empty() ? placeholder() : toml_string(title)) + "\n";
  }
  for (auto& f : collection.fields) {
    if (!f.required) {
      optional.push_back(&f);
      continue;
    }
    out += field_comment(config, f, ids);
    out += f.name + " = " + placeholder_value(f) + "\n";
  }
  out += "\n# Valgfrie felter\n";
  for (const FieldSpec* f : optional) {
    out += "\n" + field_comment(config, *f, ids);
    out += "# " + f->name + " = " + example_value(*f, today) + "\n";
  }
  return out + "+++\n\n";
}

NewPageResult write_new_page(const NewPageRequest& request, Diagnostics& diags) {
  SiteConfig config = load_config(request.site, diags);
  if (diags.error_count()) return {1, {}, {}};
  const CollectionSpec* collection = config.collection(request.collection);
  if (!collection) return refused(unknown_collection(config, request.collection));
  if (std::string why = id_refusal(request.id, collection->folder); !why.empty())
    return refused(why);
  IdsByCollection ids;
  std::string existing;
  for (auto& rel : find_content_files(*config.source).pages) {
    size_t slash = rel.find('/');
    if (slash == std::string::npos) continue;
    std::string id = fs::path(rel).stem().string();
    const CollectionSpec* c = config.collection_for_folder(rel.substr(0, slash));
    if (!c || id == "_index") continue;
    ids[c->name].push_back(id);
    if (c == collection && id == request.id) existing = rel;
  }
  for (auto& [name, list] : ids)
    std::sort(list.begin(), list.end());
  if (!existing.empty())
    return refused(msg("new_id_taken", {{"collection", collection->name},
                                        {"id", request.id},
                                        {"file", display_path(config, "content/" + existing)}}));
  std::string written =
      display_path(config, "content/" + collection->folder + "/" + request.id + ".md");
  std::string text = scaffold_page(config, *collection, request.title, ids, today_utc());
  fs::path file = config.root / "content" / collection->folder / (request.id + ".md");
  if (std::string why = create_file(file, text); !why.empty())
    return refused(msg("new_cannot_write", {{"file", written}, {"reason", why}}));
  return {0, {}, written};
}

}  // namespace hb
