// Site settings from handbook.toml: site, footer, profiles (editions), taxonomies,
// collections with their field schemas, and the booklet. Plain structs; knows nothing of pages.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "base/diagnostics.h"
#include "source/site_source.h"

namespace hb {

enum class FieldType {
  String,
  Markdown,
  Integer,
  Number,
  Boolean,
  Date,
  Enum,
  Url,
  Email,
  List,
  Ref,
  Refs,
  Table
};
std::optional<FieldType> parse_field_type(std::string_view s);

struct FieldSpec {
  std::string name;
  std::string label;  // shown to readers ("Deltagere")
  FieldType type = FieldType::String;
  FieldType of = FieldType::String;  // element type of a list
  std::vector<std::string> values;   // enum values (also for a list of enums)
  std::string to;                    // target collection of ref / refs
  std::string taxonomy;              // a list of strings whose values are taxonomy terms
  std::vector<FieldSpec> fields;     // members of a table (or of each table in a list)
  toml::table default_holder;        // the default value under key "v", if any
  std::optional<int64_t> min, max;   // bounds for integers and numbers
  bool required = false;
  bool internal = false;  // absent from the public edition
  bool inline_markdown = false;
};

struct CollectionSpec {
  std::string name;      // "role"
  std::string folder;    // "roles" under content/
  std::string title;     // list page title ("Roller")
  std::string singular;  // "Rolle"
  std::string template_name;
  std::string order = "weight";  // weight, title or a field name; ties broken by title, id
  bool internal_by_default = false;
  std::vector<FieldSpec> fields;
  const FieldSpec* field(std::string_view name) const;
  // [collections.list_table]: the list page shows its pages in a table with these `columns`
  // (fields), one table per value of the enum field `group` (in the enum's order) headed by
  // `titles.<value>`, or by the value's label; no columns, no table.
  std::vector<std::string> table_columns;
  std::string table_group;
  std::map<std::string, std::string> table_titles;
};

struct TaxonomySpec {
  std::string name, title, singular;
  // [taxonomies.<name>] terms: the only values its fields may take, compared exactly as written
  // (case included), so that each term has one spelling on every page. Empty when the taxonomy
  // declares no terms: then any term is accepted.
  std::vector<std::string> terms;
};

struct ProfileSpec {
  std::string name;
  bool include_internal = false;
  std::string label;  // visible edition marker, e.g. "Intern version"
  // The edition's own web address ("https://intranet.vejle.dk/ejerstrategi/"), or "" when it is
  // [site] base_url (see Site::base_url).
  std::string base_url;
};

struct BookletSpec {
  bool declared = false;  // handbook.toml has a [booklet] section
  std::string title, subtitle, edition, status, date;
  std::vector<std::string> chapters;  // collection names or page paths ("pages/om")
};

// [diagrams] in handbook.toml: which collections and fields each generated diagram shows.
struct DiagramSpec {
  std::string org_collection, org_group, org_links;             // [diagrams.organisation]
  std::string wheel_collection, wheel_months, wheel_frequency;  // [diagrams.annual_wheel]
  std::string matrix_rows, matrix_columns, matrix_field;        // [diagrams.matrix]
  std::string matrix_title;  // [diagrams.matrix] title, or the interface string "matrix"
};

// [attachments] in handbook.toml: the file types a page may link to and so publish, lower case,
// without the dot. By default documents and images (kDefaultAttachmentTypes); HTML, SVG,
// scripts and other types that can run code in a browser only when a site declares them.
struct AttachmentSpec {
  std::vector<std::string> allowed;
};
extern const std::vector<std::string> kDefaultAttachmentTypes;
// True for the endings of Markdown sources in any case ("md", "MD", "markdown", "mkd", ...).
bool is_markdown_type(std::string_view type);

// [strategy] in handbook.toml: the strategy's own life. `status` is "udkast", "vedtaget" or
// "under revision"; `version_tags` a pattern (with * and ?) for the git tags of approved
// versions, listed on the page "Versioner"; `owners` the collection whose pages a page's
// `owner` names (the roles).
struct StrategySpec {
  std::string status, decided_by, decided_on, version, next_revision, version_tags, owners;
};
inline const std::vector<std::string> kStrategyStatuses = {"udkast", "vedtaget", "under revision"};

// [repository] in handbook.toml: where the site's sources are on GitHub or GitLab, for the
// "Rediger denne side" and "Se historik" links. Declared when `url` is not empty.
struct RepositorySpec {
  std::string url;     // "https://github.com/vejle/ejerstrategi", without a trailing '/'
  std::string branch;  // "main"
  std::string kind;    // "github" or "gitlab" (guessed from the host when not given)
  std::string path;    // the site folder inside the repository, "" or ending in '/' ("site/")
  bool public_links = false;  // the public edition shows the links too
};

struct SiteConfig {
  std::filesystem::path root;                // the site folder, as diagnostics name it
  std::shared_ptr<const SiteSource> source;  // where its files are read from
  std::string content_display;  // "content/" under root as diagnostics show it, "" until loaded
  std::string title, subtitle, owner, language = "da", base_url, version, status;
  std::map<std::string, std::string> footer;
  std::vector<ProfileSpec> profiles;
  std::vector<TaxonomySpec> taxonomies;
  std::vector<CollectionSpec> collections;
  BookletSpec booklet;
  DiagramSpec diagrams;
  AttachmentSpec attachments{kDefaultAttachmentTypes};
  StrategySpec strategy;
  RepositorySpec repository;

  const CollectionSpec* collection(std::string_view name) const;
  const CollectionSpec* collection_for_folder(std::string_view folder) const;
  const ProfileSpec* profile(std::string_view name) const;
  const TaxonomySpec* taxonomy(std::string_view name) const;
};

// Reads `site_dir/handbook.toml` from `source` (by default the folder on disk). Problems go to
// `diags` with handbook.toml:line:col.
SiteConfig load_config(const std::filesystem::path& site_dir, Diagnostics& diags,
                       std::shared_ptr<const SiteSource> source = nullptr);

// toml++ node position -> diagnostic in `path` whose text is `text`.
void toml_error(Diagnostics& diags, std::string_view path, std::string_view text,
                const toml::source_region& where, int line_offset, std::string message);

}  // namespace hb
